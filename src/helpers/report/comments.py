"""The broker's own comments on the report: a Markdown file named in params (``comments:``).

Each ``## <chapter title>`` section of the file is printed at the top of that chapter, under
the heading "Kompetensmäklarens kommentar", set apart from the report's own text; a section
``## Sammanfattning`` goes first in the summary. The text is data from outside: it is
rendered by ``markdown.to_html`` (raw HTML as text, links as words with their address).
HTML comments (``<!-- ... -->``) are the broker's own notes and never printed; an empty
section prints nothing, so a file may list every chapter and fill in some.

>>> found = sections("<!-- anteckning -->\\n## Inledning\\nVarvet *anställer* igen.\\n## Metod\\n")
>>> found
{'Inledning': 'Varvet *anställer* igen.', 'Metod': ''}
>>> print(aside(found["Inledning"]).replace("><", ">\\n<"))
<aside class="broker-comment" aria-label="Kompetensmäklarens kommentar">
<p class="broker-comment-title">Kompetensmäklarens kommentar</p>
<p>Varvet <em>anställer</em> igen.</p>
</aside>

A title that names no chapter stops the report before any chapter runs, with the titles
that do (:func:`read`); ``check`` compares without regard to case or spacing:

>>> check({"Inledning": "", "Näringsliv": "Fiskeindustrin"}, ["Inledning", "Metod"], "k.md")
Traceback (most recent call last):
...
helpers.common.errors.InputFileError: k.md: rubriken '## Näringsliv' är inget kapitel i \
rapporten. Skriv en av: Inledning, Metod.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from helpers.common.errors import InputFileError
from helpers.config import paths
from helpers.report import markdown

#: The class that sets a comment apart (report.css; the Word converter looks for it too).
CSS_CLASS = "broker-comment"
#: The heading each comment is printed under.
TITLE = "Kompetensmäklarens kommentar"

_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CHAPTER = re.compile(r"^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def sections(text: str, where: str = "kommentarfilen") -> dict[str, str]:
    """The file's ``## Title`` sections: title → its Markdown (stripped; '' when empty).

    HTML comments are left out first. Raises InputFileError for text before the first
    section, a section without a title and a title given twice.
    """
    found: dict[str, list[str]] = {}
    preamble: list[str] = []
    current = preamble
    fence = ""
    for line in _HTML_COMMENT.sub("", text).splitlines():
        opened = _FENCE.match(line)
        if fence:  # inside a code block a line starting with ## is code
            fence = "" if opened and opened.group(1).startswith(fence) else fence
        elif opened:
            fence = opened.group(1)
        elif heading := _CHAPTER.match(line):
            title = " ".join((heading.group(1) or "").split())
            if not title:
                raise InputFileError(f"{where}: en rubrik '##' saknar kapitlets namn.")
            if _key(title) in {_key(t) for t in found}:
                raise InputFileError(
                    f"{where}: kapitlet '{title}' har två avsnitt. Samla texten under en rubrik."
                )
            current = found[title] = []
            continue
        current.append(line)
    if "".join(preamble).strip():
        raise InputFileError(
            f"{where}: det finns text före den första rubriken. Skriv den under ett kapitels "
            "rubrik (t.ex. '## Sammanfattning') eller gör den till en anteckning: <!-- ... -->."
        )
    return {title: "\n".join(lines).strip() for title, lines in found.items()}


def check(found: Mapping[str, str], titles: Sequence[str], where: str) -> dict[str, str]:
    """``found`` keyed by the chapters' own titles; InputFileError for a title of no chapter."""
    chapters = {_key(title): title for title in titles}
    checked = {}
    for title, text in found.items():
        if _key(title) not in chapters:
            raise InputFileError(
                f"{where}: rubriken '## {title}' är inget kapitel i rapporten. "
                f"Skriv en av: {', '.join(titles)}."
            )
        checked[chapters[_key(title)]] = text
    return checked


def read(path: Path | None, titles: Sequence[str] | None = None) -> dict[str, str]:
    """The comments in ``path`` that have text, keyed by chapter title, as HTML
    (:func:`aside`); {} without a file. ``titles`` are the report's chapters, in order:
    a section of another title is an error (without them, the titles as written)."""
    if path is None:
        return {}
    where = str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputFileError(f"{where}: kommentarfilen kunde inte läsas ({error}).") from None
    found = sections(text, where)
    checked = check(found, titles, where) if titles is not None else found
    return {title: aside(body) for title, body in checked.items() if body}


def aside(text: str) -> str:
    """One comment (Markdown) as the report prints it: set apart, under its heading."""
    return (
        f'<aside class="{CSS_CLASS}" aria-label="{TITLE}">'
        f'<p class="{CSS_CLASS}-title">{TITLE}</p>\n{markdown.to_html(text)}</aside>'
    )


def example(titles: Sequence[str], area_name: str) -> str:
    """The commented example file ``lka new-area`` writes: every chapter, none filled in.

    >>> text = example(["Sammanfattning", "Inledning"], "Lysekil")
    >>> text.splitlines()[-3:]
    ['## Sammanfattning', '', '## Inledning']
    >>> sections(text)  # the instructions are a note: nothing is printed
    {'Sammanfattning': '', 'Inledning': ''}
    """
    return (
        EXAMPLE_NOTE.format(area=area_name) + "\n" + "".join(f"\n## {title}\n" for title in titles)
    )


#: The instructions at the top of an example comments file (an HTML comment: never printed).
EXAMPLE_NOTE = """\
<!--
Kompetensmäklarens kommentarer till rapporten för {area}.

Skriv det som siffrorna inte visar under rubriken för det kapitel det gäller, till exempel:

    ## Näringsliv och sysselsättning

    Varvet anställer igen efter två år av neddragningar, och fiskindustrin
    automatiserar: se avsnittet om efterfrågan.

Texten hamnar överst i kapitlet under rubriken "Kompetensmäklarens kommentar", i rapportens
HTML, PDF och Word. Texten under "## Sammanfattning" kommer först i sammanfattningen.
Ett kapitel utan text får ingen kommentar. Rubrikerna ska vara kapitlens namn, precis som
nedan; ta bort de kapitel du inte behöver om du vill.

Du kan skriva *kursivt*, **fetstil**, listor (rader som börjar med "- ") och egna
underrubriker (### Rubrik). HTML visas som vanlig text och länkar skrivs ut med sin adress.
Den här texten är en anteckning och syns inte i rapporten. Egna anteckningar skriver du
på samma sätt: mellan <!-- och två bindestreck följda av >.
-->
"""
