"""The Excel appendix (report.appendix): the report's figures and tables, numbered as in the
report, with their figures as numbers a reader can compute with, and nothing that runs."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from helpers.common import text
from helpers.common.cells import FORMULA_START, spreadsheet_number
from helpers.report import appendix
from helpers.report.context import EXAMPLE_NOTE
from helpers.survey import disclosure

NOTE = disclosure.note(5, secondary=True)


@pytest.mark.parametrize(
    ("value", "shown", "expected"),
    [
        (0.317, "31,7\u00a0%", (0.317, "0.0 %")),
        (0.5, "50\u00a0%", (0.5, "0 %")),
        ("74,0\u00a0%", "74,0\u00a0%", (0.74, "0.0 %")),  # a table that holds text
        (2.0500891512, "2,05", (2.0500891512, "#,##0.00")),
        (97.1515025042, "97,2", (97.1515025042, "#,##0.0")),  # an index, as the report shows it
        (4076.0, "4\u00a0076", (4076, "#,##0")),
        ("4\u00a0076", "4\u00a0076", (4076, "#,##0")),
        (-311.0, "\u2212311", (-311, "#,##0")),  # the report's minus sign
        (1994, "1994", (1994, "0")),
        (
            "+1,0 procentenhet",
            "+1,0 procentenhet",
            (1.0, '+0.0" procentenhet";-0.0" procentenhet";0.0" procentenhet"'),
        ),
    ],
)
def test_a_figure_becomes_a_number_with_the_reports_format(value, shown, expected):
    number, number_format = spreadsheet_number(value, shown)
    assert number == pytest.approx(expected[0]) and number_format == expected[1]
    assert type(number) is type(expected[0])  # 4076, not 4076.0


def test_a_difference_in_points_is_stored_in_points():
    shown = text.points(-0.125)
    assert spreadsheet_number(-0.125, shown) == (
        pytest.approx(-12.5),
        spreadsheet_number(shown, shown)[1],
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("8161", "8161"),  # an SSYK code written as text stays text (no "8 161")
        ("2025", "2025"),
        (None, text.MISSING),
        (True, "Ja"),
        ("Sotenäs", "Sotenäs"),
        (9061, "9\u00a0062"),  # not what the report shows for it
        (0.18, "18"),
        (5, "5 (få svar)"),
    ],
)
def test_anything_else_stays_as_the_report_shows_it(value, shown):
    assert spreadsheet_number(value, shown) is None


def entry(label: str, **changes) -> dict:
    base = {
        "label": label,
        "title": f"Rubrik till {label}",
        "source": "SCB",
        "notes": [],
        "example": False,
        "columns": ["Område", "Andel", "Antal"],
        "rows": [["Sotenäs", "31,7\u00a0%", "9\u00a0061"], ["Riket", text.MISSING, "12"]],
        "values": [["Sotenäs", 0.317, 9061], ["Riket", None, 12]],
    }
    return {**base, **changes}


def lines_under(sheet) -> list[str]:
    """The text under the table: column A after the first empty row below the heads."""
    values = [sheet.cell(row=r, column=1).value for r in range(5, sheet.max_row + 1)]
    return [v for v in values[values.index(None) + 1 :] if v]


def test_each_entry_gets_its_sheet_after_the_contents_in_order(tmp_path: Path):
    entries = [entry("Tabell 1"), entry("Figur 1"), entry("Figur 2")]
    appendix.workbook(entries, title="Lokal kompetensanalys – Sotenäs 2026").save(
        tmp_path / "b.xlsx"
    )
    book = load_workbook(tmp_path / "b.xlsx")
    assert book.sheetnames == ["Innehåll", "Tabell 1", "Figur 1", "Figur 2"]
    contents = book["Innehåll"]
    assert [c.value for c in contents[5]] == ["Blad", "Rubrik", "Källa"]
    for row, label in enumerate(["Tabell 1", "Figur 1", "Figur 2"], start=6):
        link = contents.cell(row=row, column=1)
        assert link.value == label and link.hyperlink.location == f"'{label}'!A1"
        assert contents.cell(row=row, column=2).value == f"Rubrik till {label}"
        assert contents.cell(row=row, column=3).value == "SCB"
    sheet = book["Figur 1"]
    assert sheet["A1"].value == "Figur 1. Rubrik till Figur 1" and sheet["A1"].font.b
    assert sheet["A2"].hyperlink.location == "'Innehåll'!A1"
    assert [c.value for c in sheet[4]] == ["Område", "Andel", "Antal"]
    assert all(c.font.b for c in sheet[4])
    assert sheet.freeze_panes == "A5" and sheet.auto_filter.ref == "A4:C6"


def test_figures_are_numbers_in_the_reports_format_and_a_dash_has_its_legend(tmp_path: Path):
    appendix.workbook([entry("Figur 1")], title="T").save(tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["Figur 1"]
    assert (sheet["B5"].value, sheet["B5"].number_format) == (0.317, "0.0 %")
    assert (sheet["C5"].value, sheet["C5"].number_format) == (9061, "#,##0")
    assert sheet["B6"].value == text.MISSING and sheet["B6"].data_type == "s"
    assert lines_under(sheet) == ["Källa: SCB.", text.MISSING_NOTE]


def test_the_reports_notes_explain_a_suppressed_cell_and_the_example_label_follows(
    tmp_path: Path,
):
    survey = entry("Figur 3", notes=["n = 50 svarande.", NOTE], example=True)
    appendix.workbook([survey], title="T", example_note=EXAMPLE_NOTE).save(tmp_path / "b.xlsx")
    book = load_workbook(tmp_path / "b.xlsx")
    sheet = book["Figur 3"]
    assert lines_under(sheet) == ["Källa: SCB.", "n = 50 svarande.", NOTE, EXAMPLE_NOTE]
    assert book["Innehåll"]["A3"].value == EXAMPLE_NOTE


def test_columns_fit_their_content_and_long_text_wraps(tmp_path: Path):
    long = "Specialistundersköterska inom akutsjukvård (YH-program 2023; Vänersborg); " * 3
    wide = entry(
        "Tabell 2",
        columns=["Bristyrke", "Utbildningar i och nära området"],
        rows=[["Undersköterskor", long]],
        values=[["Undersköterskor", long]],
    )
    appendix.workbook([wide], title="T").save(tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["Tabell 2"]
    assert sheet.column_dimensions["A"].width >= len("Undersköterskor")
    assert sheet.column_dimensions["B"].width == appendix.WIDEST
    assert sheet["B5"].alignment.wrap_text and sheet.row_dimensions[5].height > 15


def test_a_number_used_twice_is_an_error():
    with pytest.raises(ValueError, match="Figur 1"):
        appendix.workbook([entry("Figur 1"), entry("Figur 1")], title="T")


def test_a_report_without_figures_says_so(tmp_path: Path):
    appendix.workbook([], title="T").save(tmp_path / "b.xlsx")
    book = load_workbook(tmp_path / "b.xlsx")
    assert book.sheetnames == ["Innehåll"]
    assert book["Innehåll"]["A3"].value == "Rapporten innehåller inga figurer eller tabeller."


def table_cells(sheet) -> list:
    """The values of the table's rows (from row 5 to the first empty row)."""
    found = []
    for row in sheet.iter_rows(min_row=5):
        if row[0].value is None:
            break
        found += [cell.value for cell in row]
    return found


# --- the built reports ----------------------------------------------------------------------


def report_labels(page: str) -> list[str]:
    """Each figure's and table's number, in the order the HTML report shows them."""
    found = re.findall(r'<span class="fig-no">(Figur \d+)\.</span>|<caption>(Tabell \d+)\.', page)
    return [figure or table for figure, table in found]


def files(folder: Path) -> tuple[str, Path, Path]:
    (page,) = folder.glob("*.html")
    (workbook,) = folder.glob("*.xlsx")
    (document,) = folder.glob("*.pdf")
    return page.read_text("utf-8"), workbook, document


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_every_figure_and_table_of_the_report_has_its_sheet_in_order(
    built_reports: dict[str, Path], area: str
):
    page, workbook, _ = files(built_reports[area])
    labels = report_labels(page)
    assert labels[:1] and any(label.startswith("Tabell") for label in labels)
    numbers = {
        kind: [int(label.split()[1]) for label in labels if label.startswith(kind)]
        for kind in ("Figur", "Tabell")
    }
    for kind, found in numbers.items():
        assert found == list(range(1, len(found) + 1)), kind  # each once, from 1, in order
    book = load_workbook(workbook)
    assert book.sheetnames == ["Innehåll", *labels]
    contents = book["Innehåll"]
    for row, label in enumerate(labels, start=6):
        link = contents.cell(row=row, column=1)
        assert (link.value, link.hyperlink.location) == (label, f"'{label}'!A1")
        assert book[label]["A1"].value == f"{label}. {contents.cell(row=row, column=2).value}"
    # each figure and table links to the appendix beside the page, naming its sheet
    links = re.findall(r'<p class="data-link" data-sheet="([^"]+)"><a href="([^"]+)"', page)
    assert [sheet for sheet, _ in links] == labels
    assert {href for _, href in links} == {workbook.name}


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_the_appendix_holds_numbers_and_no_formula(built_reports: dict[str, Path], area: str):
    _, workbook, _ = files(built_reports[area])
    book = load_workbook(workbook)
    shares = 0
    for sheet in book.worksheets[1:]:
        heads = {cell.column: cell.value for cell in sheet[4]}
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s" and not cell.value.startswith("'"), cell.value
                    if cell.value.startswith(FORMULA_START):
                        assert cell.quotePrefix, (sheet.title, cell.coordinate)
                elif str(heads.get(cell.column, "")).startswith("Andel") and cell.value is not None:
                    assert cell.number_format.endswith("%"), (sheet.title, cell.coordinate)
                    assert 0 <= cell.value <= 1, (sheet.title, cell.coordinate)
                    shares += 1
    assert shares > 50
    with zipfile.ZipFile(workbook) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_suppressed_cells_show_a_dash_explained_on_their_sheet_and_survey_data_is_labelled(
    built_reports: dict[str, Path], area: str
):
    _, workbook, _ = files(built_reports[area])
    book = load_workbook(workbook)
    dashed = 0
    for sheet in book.worksheets[1:]:
        under = lines_under(sheet)
        if text.MISSING in table_cells(sheet):
            dashed += 1
            assert any(line.startswith(f"{text.MISSING} = ") for line in under), sheet.title
        if under[0].startswith("Källa: Arbetsgivarenkät"):
            assert EXAMPLE_NOTE in under, sheet.title  # both example areas' surveys
    assert dashed > 0
    assert book["Innehåll"]["A3"].value == EXAMPLE_NOTE


def test_the_pdf_names_the_sheet_and_has_no_link_it_could_not_follow(
    built_reports: dict[str, Path],
):
    _, workbook, document = files(built_reports["sotenas"])
    reader = PdfReader(document)
    printed = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Data: bilagan (Excel), blad Figur 1." in printed
    assert "Data: bilagan (Excel), blad Tabell 1." in printed
    targets = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    ]
    assert not [target for target in targets if workbook.name in target]
