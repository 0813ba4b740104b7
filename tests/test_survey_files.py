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
    import re
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


def test_a_csv_field_over_the_csv_readers_limit_is_one_line(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_text("Kommun,Bransch\nSotenäs," + "x" * 131_073 + "\n", encoding="utf-8")
    with pytest.raises(SurveyError) as error:
        read_sheets(path)
    assert re.match(r"svar\.csv: en cell är längre än 131\s072 tecken", str(error.value))
    assert "\n" not in str(error.value)
    # in the first lines, where the separator is guessed, too
    path.write_text("x" * 131_073 + "\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"en cell är längre än 131\s072 tecken"):
        read_sheets(path)
