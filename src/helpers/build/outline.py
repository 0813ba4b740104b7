"""The report's outline: chapters as sections, headings with stable ids, the table of contents.

nbconvert's public extension points do the work, nothing edits the finished page:

- :class:`OutlinePreprocessor` (an nbconvert preprocessor) reads the headings of the
  Markdown the report shows (Markdown cells and Markdown outputs) and each cell's
  ``metadata.chapter`` (set by ``execute.assemble``). It gives every heading an id, puts the
  table of contents in ``resources["outline"]`` and marks where each chapter's section
  opens and closes (``chapter_opens`` / ``chapter_closes`` on the cells).
- :func:`markdown_to_html` is the template's Markdown filter: nbconvert's own Markdown
  renderer, with the ids on the headings.
- ``templates/report/index.html.j2`` writes the table of contents and the sections in its
  blocks (``table_of_contents``, ``any_cell``).

Chapters (h2) and their sections (h3) get ids from their words, unique in the report, and
make the table of contents; other headings keep the id nbconvert gives them:

>>> [heading_id(2, "Åldersstruktur", set()), heading_id(4, "Enkäten, yrkena", set())]
['aldersstruktur', 'Enk%C3%A4ten,-yrkena']
>>> headings("## Befolkning & *ålder*\\n\\nText\\n\\n### Pendling")
[(2, 'Befolkning & ålder'), (3, 'Pendling')]
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from mistune.toc import add_toc_hook
from mistune.util import striptags
from nbconvert.filters import DataTypeFilter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

#: Heading levels of the table of contents: chapters and their sections.
CHAPTER, SECTION = 2, 3
#: Ids the template itself uses (the table of contents' heading, the main content).
TEMPLATE_IDS = frozenset({"innehall", "innehall-rubrik"})
#: Chapters with a look of their own, by the start of their heading's id.
CHAPTER_KINDS = (("sammanfattning", "summary"), ("bilaga", "appendix"))


class _Renderer(IPythonRenderer):
    """nbconvert's Markdown renderer without anchor links, and safe for text from outside.

    Chapters interpolate params and survey values into their Markdown, so raw HTML in it is
    shown as text (the chapters write none), links keep only harmless addresses (mistune's
    check: no ``javascript:``, ``file:`` ...), and an image that is not embedded (a
    ``data:`` image, e.g. a cell's attachment) is its alt text: nothing the browser or the
    PDF renderer would fetch.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(escape=True, allow_harmful_protocols=False, **options)

    def image(self, text: str, url: str, title: str | None = None) -> str:
        embedded = self._embed_image_or_attachment(url)
        if not embedded.startswith("data:image/"):
            return text
        attrs = {"src": embedded, "alt": striptags(text), "title": title or None}
        return f"<img{self.render_attrs(attrs)} />"

    def heading(self, text: str, level: int, **attrs: Any) -> str:
        # no line break after a heading: the report has always been written so (nbconvert's
        # anchor links dropped it), and a refactor keeps the page byte for byte
        return super().heading(text, level, **attrs).rstrip("\n")


def _markdown(ids: Sequence[str] = (), attachments: dict | None = None) -> MarkdownWithMath:
    """nbconvert's Markdown parser; the n-th heading gets ``ids[n]`` (mistune's toc hook)."""
    renderer = _Renderer(exclude_anchor_links=True, attachments=attachments)
    markdown = MarkdownWithMath(renderer=renderer)
    add_toc_hook(markdown, 1, 6, heading_id=lambda _, n: ids[n] if n < len(ids) else "")
    return markdown


# a heading underlined with === or --- (no # in its line)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$", re.M)


def headings(source: str) -> list[tuple[int, str]]:
    """Each heading of a Markdown text: its level and its words as the reader sees them."""
    if "#" not in source and not _SETEXT.search(source):
        return []  # no heading can be there: spare the parse
    _, state = _markdown().parse(source)
    return [(level, html.unescape(text).strip()) for level, _, text in state.env["toc_items"]]


def markdown_to_html(
    source: str, ids: Sequence[str] | None = None, attachments: dict | None = None
) -> str:
    """Markdown as HTML, its headings with the ``ids`` the outline gave them (in order)."""
    return _markdown(ids or (), attachments).render(source)


def heading_id(level: int, title: str, taken: set[str]) -> str:
    """A chapter's or section's id: its words in ASCII, lower case, joined by hyphens; a
    number added when the report has the id already (``taken``, which grows). Other levels
    keep the id nbconvert gives them, so links into earlier reports still work."""
    if level not in (CHAPTER, SECTION):
        return quote(title.replace(" ", "-"), safe="?/:@!$&'()*+,;=")
    ascii_form = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_form.lower()).strip("-") or "avsnitt"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


class OutlinePreprocessor(Preprocessor):
    """Heading ids, the table of contents and the chapters' sections (see the module)."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        """Mark the cells and put the table of contents in ``resources["outline"]``: one
        entry per chapter heading (``id``, ``title``, ``sections``)."""
        shown = DataTypeFilter(parent=self)
        taken: set[str] = set(TEMPLATE_IDS)
        toc: list[dict[str, Any]] = []
        chapter: dict[str, Any] | None = None
        first_chapter_heading: list[str | None] = []
        for cell in nb.cells:
            first = None
            for holder, source in _markdown_shown(cell, shown):
                ids = []
                for level, title in headings(source):
                    ids.append(heading_id(level, title, taken))
                    entry = {"id": ids[-1], "title": title, "sections": []}
                    if level == CHAPTER:
                        toc.append(entry)
                        chapter, first = entry, first or entry["id"]
                    elif level == SECTION:  # under its chapter (at the top before any)
                        (chapter["sections"] if chapter else toc).append(entry)
                holder.metadata["heading_ids"] = ids
            first_chapter_heading.append(first)
        _mark_chapters(nb.cells, first_chapter_heading)
        resources["outline"] = toc
        return nb, resources


def _markdown_shown(cell: NotebookNode, shown: DataTypeFilter) -> Iterator[tuple[Any, str]]:
    """The Markdown a cell shows, with where its heading ids go: the cell, or the output."""
    if cell.cell_type == "markdown":
        yield cell, cell.source
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if shown(data)[:1] == ["text/markdown"]:
            yield output, data["text/markdown"]


def _mark_chapters(cells: list[NotebookNode], first_chapter_heading: list[str | None]) -> None:
    """A chapter is the cells that ``execute.assemble`` marked with its ``metadata.chapter``
    (and cells papermill put among them, which carry none): its section opens at its first
    cell, is labelled by its first h2 and closes at its last cell."""
    starts = []
    current = None
    for number, cell in enumerate(cells):
        chapter = cell.metadata.get("chapter")
        if chapter is not None and chapter != current:
            starts.append(number)
            current = chapter
    for start, end in pairwise([*starts, len(cells)]):
        label = next(filter(None, first_chapter_heading[start:end]), None)
        kind = next((k for prefix, k in CHAPTER_KINDS if label and label.startswith(prefix)), "")
        cells[start].metadata["chapter_opens"] = {"label": label, "kind": kind}
        cells[end - 1].metadata["chapter_closes"] = True
