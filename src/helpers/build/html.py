"""The report as one self-contained HTML page: nbconvert with the project's template.

``templates/report/index.html.j2`` extends nbconvert's ``base`` template: no code, no
prompts, no scripts; the CSS is inlined. nbconvert's public extension points do the rest:
three preprocessors (:class:`ProjectDataPreprocessor` leaves out the data the chapters hand
on, :class:`CommentsPreprocessor` puts the broker's comments under the chapters' headings,
``outline.OutlinePreprocessor`` gives the headings ids, writes the table of contents and
the chapters' sections) and one filter (``outline.markdown_to_html``).

The template autoescapes (Jinja's ``autoescape`` tag in each of its blocks): params and
survey values are text. Two filters are the project's own: the Markdown filter above (raw
HTML shown as text, see ``outline``) and :func:`css_string` for text in the page's CSS.

The exporter is nbconvert's ``TemplateExporter``, configured, not ``HTMLExporter``: that one
reads its finished page back with BeautifulSoup to give images without alt text a
placeholder and JupyterLab's cell classes tab stops (0,15 s of CPU for a report's page);
the report's template has no such classes, and every chart carries its own alt text (the
accessibility tests check it).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import TemplateExporter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from helpers.build import outline
from helpers.common import text
from helpers.common.errors import ParamsError, RenderError
from helpers.config import paths
from helpers.config.params import Area
from helpers.report import colours, comments
from helpers.report.context import APPENDIX_MIME, FIX_MIME, KEY_FIGURE_MIME

#: What the report shows of an output, in order of preference (the first one it has);
#: plain text is chosen last and shows nothing (the template has no block for it).
SHOWN_TYPES = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
]
#: Outputs that are data for the other files (key figures, appendix, fixes), not content.
PROJECT_DATA = frozenset({KEY_FIGURE_MIME, APPENDIX_MIME, FIX_MIME})


def report_metadata(
    area: Area, created: dt.date | None = None, *, draft: bool = False
) -> dict[str, Any]:
    """What the title page, running header and PDF metadata say about the report.

    ``colour`` is the area colour made readable as text (``colours.readable``): the one
    shade used for text, links, the cover and charts; ``accent`` is the params colour as
    given, for thin decorative rules only. A ``draft`` says "Utkast" at the top of the page
    and on every page of the PDF.
    """
    created = created or dt.date.today()
    return {
        "title": area.report_title,
        "area": area.name,
        "year": area.year,
        "author": area.author,
        "colour": colours.readable(area.colour),
        "accent": area.colour,
        "municipalities": text.join(area.municipality_names),
        "municipality_count": len(area.municipalities),
        "example": bool(area.survey and area.survey.example),
        "created": created.isoformat(),
        "created_text": f"{created.day} {_MONTHS[created.month - 1]} {created.year}",
        "logo": embedded(area.logo) if area.logo else None,
        "logo_alt": f"{_genitive(area.name)} logotyp",
        "draft": draft,
        # chapter title → the broker's comment as HTML (pipeline checked the titles)
        "comments": comments.read(area.comments),
    }


def _genitive(name: str) -> str:
    """Swedish genitive: Lysekils, but Sotenäs (a name ending in s, x or z takes no s)."""
    return name if name[-1:].lower() in "sxz" else f"{name}s"


_IMAGE_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def embedded(image: Path) -> str:
    """An image file as a data URI, so the HTML stays one self-contained file. An SVG that
    points outside itself is refused: the report fetches nothing (see :func:`outside_refs`)."""
    kind = _IMAGE_TYPES.get(image.suffix.lower())
    if kind is None:
        raise RenderError(f"Logotypen {image.name}: okänt bildformat. Använd SVG, PNG eller JPEG.")
    content = image.read_bytes()
    if kind == "image/svg+xml" and (refs := outside_refs(content.decode("utf-8", "replace"))):
        raise ParamsError(
            f"Logotypen {image.name} (logo i params-filen) hänvisar till {refs[0][:80]}, som "
            "rapporten inte hämtar. Bädda in bilden i SVG-filen (data:) eller använd en PNG."
        )
    return f"data:{kind};base64,{base64.b64encode(content).decode()}"


# href / xlink:href / src attributes, CSS url(...) and @import, external entities
_REFERENCE = re.compile(
    r"""(?:\b(?:xlink:)?href|\bsrc)\s*=\s*(["'])(.*?)\1"""
    r"""|url\(\s*(["']?)(.*?)\3\s*\)|@import\s+(["'])(.*?)\5|<!ENTITY[^>]*?(SYSTEM|PUBLIC)""",
    re.I | re.S,
)


def outside_refs(svg: str) -> list[str]:
    """The addresses in an SVG that point outside it (not ``#id``, not ``data:``).

    >>> outside_refs('<svg><use href="#a"/><image xlink:href="http://127.0.0.1/x"/></svg>')
    ['http://127.0.0.1/x']
    >>> outside_refs('<svg><image href="data:image/png;base64,AA"/></svg>')
    []
    """
    found = []
    for match in _REFERENCE.finditer(svg):
        ref = next((g for g in match.group(2, 4, 6) if g is not None), None)
        if ref is None:
            found.append("en extern entitet (<!ENTITY … SYSTEM>)")
        elif not ref.strip().startswith(("#", "data:")):
            found.append(ref.strip())
    return found


def css_string(value: Any) -> str:
    r"""``value`` as the inside of a double-quoted CSS string in the page's ``<style>``:
    quotes, backslashes, line breaks and ``<`` as CSS escapes, so no text ends the string or
    the style element (the template then marks it ``safe``: it is no HTML).

    >>> print(css_string('Sotenäs "x" </style> & co'))
    Sotenäs \22 x\22  \3c /style\3e  \26  co
    """
    escaped = re.sub(r'[\\"<>&\x00-\x1f\x7f]', lambda m: f"\\{ord(m.group()):x} ", str(value))
    return escaped


_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


class ProjectDataPreprocessor(Preprocessor):
    """Leaves out the outputs that carry key figures, appendix tables and fixes."""

    def preprocess_cell(
        self, cell: nbformat.NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[nbformat.NotebookNode, dict[str, Any]]:
        """The cell without its project-data outputs."""
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not PROJECT_DATA & set(o.get("data", {}))]
        return cell, resources


class CommentsPreprocessor(Preprocessor):
    """Puts each of the broker's comments (``resources["report"]["comments"]``: chapter
    title → HTML from ``report.comments``) right under its chapter's heading, as an output
    cell of that chapter. A comment whose chapter the notebook lacks is an error."""

    def preprocess(
        self, nb: nbformat.NotebookNode, resources: dict[str, Any]
    ) -> tuple[nbformat.NotebookNode, dict[str, Any]]:
        """The notebook with a comment cell after each commented chapter's heading."""
        given = resources.get("report", {}).get("comments") or {}
        left = {_key(title): shown for title, shown in given.items()}
        if not left:
            return nb, resources
        cells: list[nbformat.NotebookNode] = []
        chapter = None
        for cell in nb.cells:
            opens = cell.metadata.get("chapter", chapter) != chapter
            chapter = cell.metadata.get("chapter", chapter)
            cells.append(cell)
            if not (opens and cell.cell_type == "markdown"):
                continue
            level, title = next(iter(outline.headings(cell.source)), (0, ""))
            if level != outline.CHAPTER or _key(title) not in left:
                continue
            heading, _, rest = cell.source.lstrip().partition("\n")
            if rest.strip():  # the heading cell goes on: the comment comes before the rest
                cell.source = heading
            cells.append(_comment_cell(left.pop(_key(title)), chapter))
            if rest.strip():
                cells.append(nbformat.v4.new_markdown_cell(rest, metadata={"chapter": chapter}))
        if left:
            raise RenderError(
                f"Kommentarer till kapitel som saknas i rapporten: {', '.join(left)}."
            )
        nb.cells = cells
        return nb, resources


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _comment_cell(shown: str, chapter: str | None) -> nbformat.NotebookNode:
    """An output cell that shows ``shown`` (HTML), as a cell of ``chapter``."""
    output = nbformat.v4.new_output("display_data", data={"text/html": shown})
    return nbformat.v4.new_code_cell(outputs=[output], metadata={"chapter": chapter})


def exporter() -> TemplateExporter:
    """nbconvert's template exporter set up for the report (all of it traitlets
    configuration): the project's template, its preprocessors and Markdown filter."""
    return TemplateExporter(
        config=Config({"NbConvertBase": {"display_data_priority": SHOWN_TYPES}}),
        template_name="report",
        file_extension=".html",  # the template is index.html.j2
        extra_template_basedirs=[str(paths.TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # only the report's own preprocessors; the notebook is validated once, after them
        # (papermill wrote and validated it a moment before)
        default_preprocessors=[],
        preprocessors=[ProjectDataPreprocessor, CommentsPreprocessor, outline.OutlinePreprocessor],
        optimistic_validation=True,
        filters={"markdown_to_html": outline.markdown_to_html, "css_string": css_string},
    )


def to_html(notebook: nbformat.NotebookNode, metadata: dict[str, Any]) -> str:
    """The notebook as one self-contained HTML page through the project's template."""
    page, _ = exporter().from_notebook_node(notebook, resources={"report": metadata})
    return page
