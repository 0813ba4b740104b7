"""Turn an executed notebook into the report's files: HTML, PDF, key figures, Excel appendix.

A pipeline of small stages, each replaceable:

1. ``to_html``: nbconvert with the project's template (``templates/report``): no code, no
   prompts, no scripts; the CSS is inlined, so the file is self-contained.
2. ``add_table_of_contents``: numbered headings with ids and a linked table of contents.
3. ``to_pdf``: WeasyPrint renders the same HTML with its print rules as a tagged PDF/UA-1.
4. ``key_figures`` and ``appendix_tables``: the data the chapters handed on as display
   outputs (see ``report.context``), written as JSON and as an Excel file.
"""

from __future__ import annotations

import base64
import datetime as dt
import html as html_lib
import re
import unicodedata
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

from helpers.common import text
from helpers.common.cells import safe_cell
from helpers.common.errors import RenderError
from helpers.config import paths
from helpers.config.params import Area
from helpers.report import colours
from helpers.report.context import APPENDIX_MIME, FIX_MIME, KEY_FIGURE_MIME

_HEADING = re.compile(r"<h([23])([^>]*)>(.*?)</h\1>", re.S)
# nbconvert writes headings through ElementTree: an empty anchor link as <a ... />, and
# letters outside ASCII as character references (&#229; for å)
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*?(?:/>|>.*?</a>)', re.S)
_NON_ASCII_REFERENCE = re.compile(r"&#(\d{3,});")
_MINOR_HEADING = re.compile(r"<h([4-6])([^>]*)>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CHAPTER_START = re.compile(r'<div class="prose">\s*<h2 id="([^"]+)"')
_SCREEN_ONLY = re.compile(
    r'<source media="[^"]*" srcset="[^"]*"\s*/?>'
    r'|<details class="chart-data">.*?</details>',
    re.S,
)
#: Chapters with a look of their own (by the slug of their heading).
_CHAPTER_KINDS = (("sammanfattning", " summary"), ("bilaga", " appendix"))


def report_metadata(area: Area, created: dt.date | None = None) -> dict[str, Any]:
    """What the title page, running header and PDF metadata say about the report.

    ``colour`` is the area colour made readable as text (``colours.readable``): the one
    shade used for text, links, the cover and charts; ``accent`` is the params colour as
    given, for thin decorative rules only.
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
        "logo": _embedded(area.logo) if area.logo else None,
        "logo_alt": f"{_genitive(area.name)} logotyp",
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


def _embedded(image: Path) -> str:
    """An image file as a data URI, so the HTML stays one self-contained file."""
    kind = _IMAGE_TYPES.get(image.suffix.lower())
    if kind is None:
        raise RenderError(f"Logotypen {image.name}: okänt bildformat. Använd SVG, PNG eller JPEG.")
    return f"data:{kind};base64,{base64.b64encode(image.read_bytes()).decode()}"


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


class ReportExporter(HTMLExporter):
    """nbconvert's HTML exporter, less two passes the report does not need.

    HTMLExporter reads its finished page back with BeautifulSoup to give images without alt
    text a placeholder and JupyterLab's cell classes tab stops; the report's template has no
    such classes, and every chart carries its own alt text (the accessibility tests check
    it). It also validates the whole notebook again after each of its preprocessors, though
    papermill wrote and validated it a moment before. Together 0,2 s of every report.
    """

    def from_notebook_node(  # type: ignore[override]
        self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        resources = self._init_resources(resources)
        # the two filters HTMLExporter registers here, before the template runs
        self.register_filter("highlight_code", Highlight2HTML(parent=self))
        self.register_filter(
            "filter_data_type",
            WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources
            ),
        )
        return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    def _validate_preprocessor(self, nbc: nbformat.NotebookNode, preprocessor: Any) -> None:
        pass


def to_html(notebook: nbformat.NotebookNode, metadata: dict[str, Any]) -> str:
    """The notebook as one self-contained HTML page through the project's template."""
    exporter = ReportExporter(
        template_name="report",
        extra_template_basedirs=[str(paths.TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    body, _ = exporter.from_notebook_node(
        _without_project_data(notebook), resources={"report": metadata}
    )
    return add_table_of_contents(body)


def _without_project_data(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy without the key-figure, appendix and fix outputs: data, not content."""
    copy = nbformat.from_dict(notebook)
    for cell in copy.cells:
        if cell.cell_type == "code":
            cell.outputs = [
                o
                for o in cell.get("outputs", [])
                if not {KEY_FIGURE_MIME, APPENDIX_MIME, FIX_MIME} & set(o.get("data", {}))
            ]
    return copy


def _slug(title: str, taken: set[str]) -> str:
    ascii_form = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_form.lower()).strip("-") or "avsnitt"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def _letters(markup: str) -> str:
    return _NON_ASCII_REFERENCE.sub(lambda m: chr(int(m.group(1))), markup)


def add_table_of_contents(page: str) -> str:
    """Give h2/h3 stable ids, drop nbconvert's empty anchor links, write their letters as
    letters, and write the TOC."""
    page = _ANCHOR_LINK.sub("", page)
    taken: set[str] = set()
    entries: list[tuple[int, str, str]] = []
    main_start = page.find("<main")

    def rename(match: re.Match[str]) -> str:
        if match.start() < main_start:
            return match.group(0)
        level, inner = int(match.group(1)), _letters(match.group(3))
        title = html_lib.unescape(_TAG.sub("", inner)).strip()
        slug = _slug(title, taken)
        entries.append((level, slug, title))
        return f'<h{level} id="{slug}">{inner}</h{level}>'

    page = _HEADING.sub(rename, page)
    page = _MINOR_HEADING.sub(lambda m: _letters(m.group(0)), page)
    items, open_sub = [], False
    for level, slug, title in entries:
        link = f'<a href="#{slug}">{html_lib.escape(title)}</a>'
        if level == 2:
            if open_sub:
                items.append("</ol></li>")
                open_sub = False
            elif items:
                items.append("</li>")
            items.append(f"<li>{link}")
        else:
            if not open_sub:
                items.append("<ol>")
                open_sub = True
            items.append(f"<li>{link}</li>")
    if items:
        items.append("</ol></li>" if open_sub else "</li>")
    toc = (
        '<nav class="toc" aria-labelledby="innehall-rubrik">'
        '<h2 id="innehall-rubrik">Innehåll</h2><ol>' + "".join(items) + "</ol></nav>"
    )
    return _chapters(page.replace("<!--TOC-->", toc, 1))


def _chapters(page: str) -> str:
    """Wrap each chapter (a Markdown cell that opens with its h2) in a labelled section, so
    a chapter is one unit: in the outline, for page breaks and for the running header."""
    starts = list(_CHAPTER_START.finditer(page))
    end = page.rfind("</main>")
    if not starts or end < starts[-1].start():
        return page
    parts, previous = [page[: starts[0].start()]], starts[0].start()
    for number, match in enumerate(starts):
        if number:
            parts.append(page[previous : match.start()] + "</section>")
            previous = match.start()
        slug = match.group(1)
        kind = next((name for prefix, name in _CHAPTER_KINDS if slug.startswith(prefix)), "")
        parts.append(f'<section class="chapter{kind}" aria-labelledby="{slug}">')
    parts.append(page[previous:end] + "</section>" + page[end:])
    return "".join(parts)


def for_print(page: str) -> str:
    """The page without what print does not show: the phone drawings of the charts and the
    folded data tables under them (the appendix has the same tables). Parsing those large
    data URIs is a good part of WeasyPrint's time."""
    return _SCREEN_ONLY.sub("", page)


def to_pdf(page: str, target: Path, metadata: dict[str, Any]) -> None:
    """Render the HTML as a tagged PDF/UA-1 (A4, bookmarks, language and title set)."""
    from weasyprint import HTML  # imported here: it is the slowest import of the package

    document = HTML(string=for_print(page), base_url=str(paths.ROOT)).render()
    document.metadata.title = f"{metadata['title']} – {metadata['area']} {metadata['year']}"
    document.metadata.authors = [metadata["author"]]
    document.metadata.lang = "sv"
    document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)


def _project_outputs(notebook: nbformat.NotebookNode, mime: str) -> list[Any]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if mime in output.get("data", {}):
                found.append(output["data"][mime])
    return found


def key_figures(notebook: nbformat.NotebookNode) -> dict[str, Any]:
    """The key figures the chapters recorded, by name."""
    return {
        item["name"]: {k: v for k, v in item.items() if k != "name"}
        for item in _project_outputs(notebook, KEY_FIGURE_MIME)
    }


def fixes(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """What the builder can do about missing data: each fix with what it would bring, in
    report order, each once."""
    found: dict[str, list[str]] = {}
    for item in _project_outputs(notebook, FIX_MIME):
        whats = found.setdefault(item["fix"], [])
        if item["what"] not in whats:
            whats.append(item["what"])
    return found


def appendix_tables(notebook: nbformat.NotebookNode) -> list[dict[str, Any]]:
    """The appendix tables (title, source, columns, rows), in report order."""
    found = _project_outputs(notebook, APPENDIX_MIME)
    return found[-1] if found else []


def write_appendix(tables: list[dict[str, Any]], target: Path) -> None:
    """Every table as a sheet of one workbook, with its title and source above it."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    if not tables:
        sheet = workbook.create_sheet("Bilaga")
        sheet.append(["Rapporten innehåller inga tabeller."])
    for number, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(f"Tabell {number}")
        sheet.append([safe_cell(table["title"])])
        sheet.append([safe_cell(f"Källa: {table['source']}")])
        sheet.append([])
        sheet.append([safe_cell(column) for column in table["columns"]])
        for row in table.get("values") or table["rows"]:
            sheet.append([safe_cell(value) for value in row])
        sheet.column_dimensions["A"].width = 40
    workbook.properties.creator = "Lokal kompetensanalys"
    workbook.save(target)
