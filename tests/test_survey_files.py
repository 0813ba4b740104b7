"""Opening exports safely: every broken or hostile file is one clear SurveyError line."""

import codecs
import re

import openpyxl
import pytest

from example_surveys.answers import generate
from example_surveys.exports import write_broken
from helpers.common.errors import SurveyError
from helpers.survey.files import read_sheets


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return write_broken(tmp_path_factory.mktemp("broken"), generate("sotenas", 2026, 8, seed=5))


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("truncated", "trasig eller ofullständig"),
        ("html", "webbsida (HTML)"),
        ("empty", "arbetsboken är tom"),
        ("encrypted", "lösenordsskyddad"),
        ("old_xls", "gamla Excel-formatet .xls"),
        ("entity_bomb", "XML-bomb"),
        ("huge", "gränsen är 20 MB"),
        ("ods", "OpenDocument"),
    ],
)
def test_broken_file_is_one_line(broken, name, says):
    with pytest.raises(SurveyError) as caught:
        read_sheets(broken[name])
    message = str(caught.value)
    assert says in message and "\n" not in message
    assert message.startswith(f"{broken[name].name}: ")


def test_openpyxl_parses_through_defusedxml():
    # The DTD check comes first; defusedxml is the second line of defence.
    assert openpyxl.DEFUSEDXML is True


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(SurveyError, match="finns inte"):
        read_sheets(tmp_path / "nope.xlsx")
    (tmp_path / "zero.csv").write_bytes(b"")
    with pytest.raises(SurveyError, match="0 byte"):
        read_sheets(tmp_path / "zero.csv")


def test_size_limit_is_stated(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"a;b\n" * 300)
    with pytest.raises(SurveyError, match="gränsen är 0 MB|för stor"):
        read_sheets(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("cp1252", b""), ("utf-16", b"")],
)
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_csv_encodings_and_separators(tmp_path, encoding, bom, separator):
    text = separator.join(["A1. Kommun", "C5_1. Yrke, ett"]) + "\r\n"
    text += separator.join(
        ["Sotenäs", '"kock, servitör"' if separator == "," else "kock, servitör"]
    )
    path = tmp_path / "svar.csv"
    path.write_bytes(bom + text.encode(encoding))
    if separator == ",":  # the header's comma is not a separator only when quoted
        path.write_bytes(
            bom + text.replace("C5_1. Yrke, ett", '"C5_1. Yrke, ett"').encode(encoding)
        )
    (sheet,) = read_sheets(path)
    assert sheet.name is None
    assert sheet.rows == [["A1. Kommun", "C5_1. Yrke, ett"], ["Sotenäs", "kock, servitör"]]


def test_undecodable_text_is_refused(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes(b"A1;C2\r\n\x81\x8d\x8f;3\r\n")
    with pytest.raises(SurveyError, match="UTF-8 eller Windows-1252"):
        read_sheets(path)


def test_text_with_an_excel_name_is_refused(tmp_path):
    path = tmp_path / "svar.xlsx"
    path.write_text("A1. Kommun;C2. Antal\nSotenäs;3\n", encoding="utf-8")
    with pytest.raises(SurveyError, match="byt filändelse till .csv"):
        read_sheets(path)


def test_workbook_is_trimmed_and_all_sheets_read(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Svar"
    workbook.active.append(["A1. Kommun", None, None])
    workbook.active.append(["Sotenäs", 3, None])
    workbook.active.append([None, None, None])
    workbook.create_sheet("Tom")
    path = tmp_path / "svar.xlsx"
    workbook.save(path)
    sheets = read_sheets(path)
    assert [s.name for s in sheets] == ["Svar", "Tom"]
    assert sheets[0].rows == [["A1. Kommun", None], ["Sotenäs", 3]]
    assert sheets[1].rows == []


def test_forms_workbook_that_declares_its_size_as_a1_is_read_whole(tmp_path):
    """Microsoft Forms writes <x:dimension ref="A1"/> whatever the sheet holds (seen in a real
    Forms download); openpyxl's read-only mode would return the header row alone."""
    import zipfile

    made = tmp_path / "made.xlsx"
    workbook = openpyxl.Workbook()
    for row in (["ID", "Starttid"], [1, "2026-02-03 08:53"], [2, "2026-02-03 09:10"]):
        workbook.active.append(row)
    workbook.save(made)
    forms = tmp_path / "forms.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(forms, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(
                    rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data
                )
                assert count == 1
            target.writestr(item, data)
    assert len(read_sheets(forms)[0].rows) == 3


def test_rows_with_another_separator_than_the_header_are_one_error(tmp_path):
    path = tmp_path / "hopklistrad.csv"
    path.write_text(
        "A1. Kommun;A2. Bransch;C1. Ja\nSotenäs;Handel;Ja\nSotenäs,Handel,Nej\n", "utf-8"
    )
    with pytest.raises(SurveyError, match=r"1 rad \(rad 3\) har komma som skiljetecken men "):
        read_sheets(path)


# Issue 17, item 3: one line, never a traceback.


@pytest.mark.parametrize("content", [" ", "  \n \n\t\n", ";;\n  ;  \n", '" ",""\n'])
def test_a_csv_of_only_whitespace_is_one_line(tmp_path, content):
    path = tmp_path / "svar.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SurveyError, match=r"^svar\.csv: filen innehåller inga ifyllda celler"):
        read_sheets(path)


def _workbook(path, sheets, rows, width=2, title="Anna Berg"):
    workbook = openpyxl.Workbook(write_only=True)
    for number in range(sheets):
        sheet = workbook.create_sheet(f"{title} {number}")
        for row in range(rows):
            sheet.append([f"r{row}"] * width)
    workbook.save(path)
    return path


def test_row_and_cell_limits_count_all_sheets_together(tmp_path, monkeypatch):
    """Item 4 of issue 17: the limits hold for the file, not per sheet (40 sheets of 99 999
    rows were read for five minutes). The error states the limits and names no sheet."""
    from helpers.survey import files

    monkeypatch.setattr(files, "MAX_ROWS", 50)
    assert len(read_sheets(_workbook(tmp_path / "two.xlsx", 2, 20))) == 2
    with pytest.raises(SurveyError) as caught:
        read_sheets(_workbook(tmp_path / "three.xlsx", 3, 20))  # 60 rows, no sheet over 50
    message = str(caught.value)
    assert "fler än 50 rader" in message and "sammanlagt i alla blad" in message
    assert "Anna" not in message
    monkeypatch.setattr(files, "MAX_ROWS", 100_000)
    monkeypatch.setattr(files, "MAX_CELLS", 100)
    with pytest.raises(SurveyError, match="100 celler"):
        read_sheets(_workbook(tmp_path / "wide.xlsx", 3, 10, width=4))  # 120 cells
    path = tmp_path / "svar.csv"
    path.write_text("a;b\n" + "1;2\n" * 60)  # 122 cells in one CSV
    with pytest.raises(SurveyError, match="1 000 000|100 celler"):
        read_sheets(path)


def test_stated_limits_are_the_real_ones():
    from helpers.survey import files

    assert (files.MAX_ROWS, files.MAX_CELLS, files.MAX_CELL_CHARS) == (100_000, 1_000_000, 32_767)
    for figure in ("100 000", "1 000 000", "32 767"):
        assert figure in files.__doc__


@pytest.mark.parametrize("length", [40_000, 200_000])  # under and over csv's own 131 072
def test_a_cell_longer_than_excel_allows_is_one_line(tmp_path, length):
    path = tmp_path / "svar.csv"
    path.write_text("A1. Kommun;F1. Text\nSotenäs;" + "x" * length + "\n")
    with pytest.raises(SurveyError) as caught:
        read_sheets(path)
    message = str(caught.value)
    assert "gränsen är 32 767 tecken per cell" in message and "rad 2" in message
    assert "\n" not in message


def test_a_long_cell_in_a_workbook_names_sheet_number_row_and_column(tmp_path, monkeypatch):
    from helpers.survey import files

    monkeypatch.setattr(files, "MAX_CELL_CHARS", 100)  # openpyxl writes at most 32 767
    workbook = openpyxl.Workbook()
    workbook.active.title = "Anna Bergs svar"
    workbook.active.append(["A1. Kommun", "F1. Text"])
    workbook.active.append(["Sotenäs", "x" * 101])
    workbook.save(tmp_path / "svar.xlsx")
    with pytest.raises(SurveyError, match=r"blad 1, rad 2, kolumn B\) har 101 tecken"):
        read_sheets(tmp_path / "svar.xlsx")


def test_survey_exports_are_git_ignored_except_the_examples():
    """Item 9 of issue 17: a real export under data/raw/surveys/ is never committed."""
    import subprocess

    from conftest import ROOT

    def ignored(path):
        return (
            subprocess.run(
                ["git", "check-ignore", "-q", "--no-index", path], cwd=ROOT, check=False
            ).returncode
            == 0
        )

    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for real in (
        "data/raw/surveys/sotenas/2026/riktiga-svar.xlsx",
        "data/raw/surveys/sotenas/2026/kompetensbehov-2026-kopia.csv",
        "data/raw/surveys/uddevalla/2026/kompetensbehov-2026.csv",
        "data/raw/surveys/export.xlsx",
    ):
        assert ignored(real), real
    for example in (
        "data/raw/surveys/README.md",
        "data/raw/surveys/sotenas/2025/kompetensbehov-2025.xlsx",
        "data/raw/surveys/sotenas/2026/kompetensbehov-2026.xlsx",
        "data/raw/surveys/trollhattan-vanersborg/2026/kompetensbehov-2026.csv",
    ):
        assert not ignored(example), example
