"""The Excel appendix: each figure's and table's data on a sheet of its own, as a reader opens it.

``context.Report`` records every figure and table it shows as an entry: ``label`` (the
report's own number, "Figur 7" or "Tabell 3", which is also the sheet's name), ``title``,
``source``, ``notes`` (the lines the report prints under it, e.g. n, the disclosure note),
``example`` (the survey answers are example data), ``columns``, ``rows`` (the report's text)
and ``values`` (the figures behind that text). :func:`workbook` lays them out:

* a contents sheet first ("Innehåll": each sheet's name as a link to it, title, source);
* one sheet per entry in report order: the title, the table with a bold, frozen header row
  and filters, then the source, the notes, a legend for "–" and the example-data label;
* figures as numbers, with the number format that shows them as the report does
  (``cells.spreadsheet_number``: ``31,7 %`` is 0.317 as a percent, ``9 061`` grouped);
  text is always a string cell, never a formula (``cells.write_text``);
* columns as wide as their content, long text wrapped; the workbook's title, author and
  language (Swedish) set.

:func:`data_link` is the line under a figure or table in the HTML that leads to its sheet.

>>> book = workbook([{"label": "Figur 1", "title": "Folkmängd", "source": "SCB", "notes": [],
...                   "example": False, "columns": ["Område", "Invånare"],
...                   "rows": [["Sotenäs", "9\\xa0061"]], "values": [["Sotenäs", 9061]]}],
...                 title="Kompetensanalys Sotenäs 2026")
>>> book.sheetnames, book["Figur 1"]["B5"].value, book["Figur 1"]["B5"].number_format
(['Innehåll', 'Figur 1'], 9061, '#,##0')
"""

from __future__ import annotations

import html as html_lib
import textwrap
from collections.abc import Sequence
from typing import Any

from helpers.common import text
from helpers.common.cells import spreadsheet_number, write_text

#: The first sheet's name.
CONTENTS = "Innehåll"
#: The rows of a figure's sheet: the title, a link back to the contents, the column heads.
TITLE_ROW, BACK_ROW, HEADER_ROW = 1, 2, 4
#: A column is never narrower or wider than this (Excel's widths: characters of the default
#: font); longer text wraps.
NARROWEST, WIDEST = 8, 60
#: A column head wraps at this many characters unless one of its words is longer.
HEAD_WIDTH = 18
#: The height of a line of text (points, the default font), for rows of wrapped text: a
#: reader sees every line (Excel and LibreOffice do not grow such rows when they open a file).
LINE_HEIGHT = 15
#: Characters of text in a width of one (the width of a digit): text is narrower.
CHARACTERS = 1.25
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def data_link(label: str, file_name: str) -> str:
    """The line under a figure or table in the HTML: a link to the appendix workbook, which
    names the sheet. Print (the PDF) shows the sheet's name instead of a link the PDF could
    not follow (``.data-link`` in the report's style sheet).

    >>> link = data_link("Figur 7", "bilaga.xlsx")
    >>> print(link.replace(XLSX_TYPE, "…").replace("><", ">\\n<"))
    <p class="data-link" data-sheet="Figur 7">
    <a href="bilaga.xlsx" type="…">Data: Figur 7 i bilagan (Excel)</a>
    </p>
    """
    sheet = html_lib.escape(label, quote=True)
    return (
        f'<p class="data-link" data-sheet="{sheet}">'
        f'<a href="{html_lib.escape(file_name, quote=True)}" type="{XLSX_TYPE}">'
        f"Data: {html_lib.escape(label)} i bilagan (Excel)</a></p>"
    )


def workbook(
    entries: Sequence[dict[str, Any]], *, title: str, author: str = "", example_note: str = ""
) -> Any:
    """The appendix as an openpyxl workbook (``.save(path)`` writes it). ``example_note`` is
    the report's example-data label: under each entry marked ``example``, and on the contents
    sheet when any is."""
    from openpyxl import Workbook

    book = Workbook()
    contents = book.active
    contents.title = CONTENTS
    labels = [entry["label"] for entry in entries]
    if len(set(labels)) != len(labels):
        raise ValueError(f"appendix: a figure or table number occurs twice: {labels}")
    _contents(contents, entries, title, example_note)
    for entry in entries:
        _sheet(book.create_sheet(entry["label"]), entry, example_note)
    book.properties.title = title
    book.properties.subject = "Diagrammens och tabellernas data"
    book.properties.creator = author or "Lokal kompetensanalys"
    book.properties.language = "sv-SE"
    return book


def _fonts() -> dict[str, Any]:
    from openpyxl.styles import Font

    face = "Calibri"  # the workbook's default font: bold text keeps it
    return {
        "title": Font(name=face, bold=True, size=13),
        "head": Font(name=face, bold=True),
        "link": Font(name=face, color="0563C1", underline="single"),
        "example": Font(name=face, bold=True, italic=True),
    }


def _link(cell: Any, shown: str, sheet: str) -> None:
    from openpyxl.worksheet.hyperlink import Hyperlink

    write_text(cell, shown)
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!A1", display=shown)
    cell.font = _fonts()["link"]


def _head_row(sheet: Any, row: int, heads: Sequence[str], numeric: Sequence[bool]) -> None:
    from openpyxl.styles import Alignment, Border, Side

    line = Border(bottom=Side(style="medium"))
    for column, (head, right) in enumerate(zip(heads, numeric, strict=True), start=1):
        cell = sheet.cell(row=row, column=column)
        write_text(cell, head)
        cell.font = _fonts()["head"]
        cell.border = line
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="bottom",
            horizontal="right" if right else "left",
            indent=int(column > 1 and not right),
        )
    last = sheet.cell(row=row, column=len(heads)).column_letter
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1).coordinate
    sheet.print_title_rows = f"{row}:{row}"
    sheet.auto_filter.ref = f"A{row}:{last}{max(sheet.max_row, row)}"


def _lines(sheet: Any, row: int, lines: Sequence[tuple[str, Any]]) -> None:
    """Lines of text under a table, one a row from ``row`` (each with its font or None)."""
    for offset, (line, font) in enumerate(lines):
        cell = sheet.cell(row=row + offset, column=1)
        write_text(cell, line)
        if font is not None:
            cell.font = font


def _widths(sheet: Any, heads: Sequence[str], shown: Sequence[Sequence[str]]) -> list[float]:
    """Each column as wide as its longest cell (text wraps beyond ``WIDEST``), its head
    wrapping at ``HEAD_WIDTH`` unless a word of it is longer."""
    widths = []
    for position, head in enumerate(heads):
        longest = max((len(str(row[position])) for row in shown), default=0)
        word = max((len(w) for w in head.split()), default=0)
        width = max(longest, word, min(len(head), HEAD_WIDTH)) + 3  # with a cell's indent
        widths.append(float(min(max(width, NARROWEST), WIDEST)))
        letter = sheet.cell(row=1, column=position + 1).column_letter
        sheet.column_dimensions[letter].width = widths[-1]
    return widths


def _heights(sheet: Any, first: int, last: int, widths: Sequence[float]) -> None:
    """Rows ``first``..``last`` tall enough for their wrapped cells' lines."""
    for row in range(first, last + 1):
        lines = 1
        for position, width in enumerate(widths):
            cell = sheet.cell(row=row, column=position + 1)
            if cell.alignment.wrap_text and isinstance(cell.value, str):
                wrapped = textwrap.wrap(cell.value, width=max(int((width - 1) * CHARACTERS), 1))
                lines = max(lines, len(wrapped))
        if lines > 1:
            sheet.row_dimensions[row].height = LINE_HEIGHT * lines


def _page(sheet: Any, widths: Sequence[float]) -> None:
    """Printed: one page wide, across the page when the table is wide."""
    sheet.page_setup.orientation = "landscape" if sum(widths) > 95 else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _sheet(sheet: Any, entry: dict[str, Any], example_note: str) -> None:
    from openpyxl.styles import Alignment

    fonts = _fonts()
    title = sheet.cell(row=TITLE_ROW, column=1)
    write_text(title, f"{entry['label']}. {entry['title']}")
    title.font = fonts["title"]
    _link(sheet.cell(row=BACK_ROW, column=1), "Till innehållet", CONTENTS)
    heads = [str(c) for c in entry["columns"]]
    rows = entry["rows"]
    values = entry.get("values") or rows
    numeric = [False] * len(heads)
    placed = []
    for offset, (shown_row, value_row) in enumerate(zip(rows, values, strict=True)):
        for position, (shown, value) in enumerate(zip(shown_row, value_row, strict=True)):
            cell = sheet.cell(row=HEADER_ROW + 1 + offset, column=position + 1)
            shown = str(shown)
            figure = spreadsheet_number(value, shown)
            if figure is not None:
                cell.value, cell.number_format = figure
                numeric[position] = numeric[position] or position > 0
            else:
                write_text(cell, shown)
            placed.append((cell, position, figure is not None))
    missing = False
    for cell, position, is_number in placed:
        if is_number:
            cell.alignment = Alignment(vertical="top")
        elif numeric[position]:  # "–" among figures stands where they do
            cell.alignment = Alignment(horizontal="right", vertical="top")
        else:  # text: a space from the figures before it
            wrap = len(cell.value) > WIDEST
            cell.alignment = Alignment(
                wrap_text=wrap, vertical="top", horizontal="left", indent=int(position > 0)
            )
        missing = missing or cell.value == text.MISSING
    _head_row(sheet, HEADER_ROW, heads, numeric)
    notes = [(f"Källa: {entry['source']}.", None)]
    notes += [(note, None) for note in entry.get("notes", [])]
    if missing and not any(note.startswith(text.MISSING) for note, _ in notes):
        notes.append((text.MISSING_NOTE, None))
    if entry.get("example") and example_note:
        notes.append((example_note, fonts["example"]))
    _lines(sheet, HEADER_ROW + len(rows) + 2, notes)
    widths = _widths(sheet, heads, rows)
    _heights(sheet, HEADER_ROW, HEADER_ROW + len(rows), widths)
    _page(sheet, widths)


def _contents(sheet: Any, entries: Sequence[dict[str, Any]], title: str, example_note: str) -> None:
    from openpyxl.styles import Alignment, Font

    cell = sheet.cell(row=1, column=1)
    write_text(cell, f"{title}: bilaga")
    cell.font = Font(bold=True, size=14)
    if not entries:
        write_text(sheet.cell(row=3, column=1), "Rapporten innehåller inga figurer eller tabeller.")
        return
    write_text(
        sheet.cell(row=2, column=1),
        "Data till rapportens figurer och tabeller, ett blad för var och en, i rapportens "
        "ordning och med samma nummer. Klicka på ett blads namn för att gå dit.",
    )
    if example_note and any(entry.get("example") for entry in entries):
        write_text(sheet.cell(row=3, column=1), example_note)
        sheet.cell(row=3, column=1).font = _fonts()["example"]
    header = HEADER_ROW + 1
    for offset, entry in enumerate(entries, start=1):
        _link(sheet.cell(row=header + offset, column=1), entry["label"], entry["label"])
        for column, value in ((2, entry["title"]), (3, entry["source"])):
            cell = sheet.cell(row=header + offset, column=column)
            write_text(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=header + offset, column=1).alignment = Alignment(vertical="top")
    _head_row(sheet, header, ["Blad", "Rubrik", "Källa"], [False, False, False])
    shown = [[e["label"], e["title"], e["source"]] for e in entries]
    widths = _widths(sheet, ["Blad", "Rubrik", "Källa"], shown)
    _heights(sheet, header, header + len(entries), widths)
    _page(sheet, widths)
