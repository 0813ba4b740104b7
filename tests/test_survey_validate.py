"""validate_file: layout, counts and every problem, never a traceback."""

import pytest
import yaml

from conftest import ROOT
from example_surveys.answers import generate
from example_surveys.exports import write_broken
from helpers.config import paths
from helpers.survey.validate import validate_file

SHIPPED = paths.SURVEYS / "sotenas" / "2026" / "kompetensbehov-2026.xlsx"


def test_shipped_example_validates():
    report = validate_file(SHIPPED, ["Sotenäs"])
    text = report.format()
    assert report.ok and report.layout == "microsoft_forms"
    assert (report.n_rows, report.n_responses, report.n_duplicates) == (62, 60, 2)
    assert text.splitlines()[1] == "Format: Microsoft Forms"
    assert "Svar: 60 räknas (av 62 rader; 2 dubbletter och 0 ofullständiga borttagna)" in text
    assert text.endswith("OK: rapporten kan göras.")
    for warning in report.warnings:
        assert f"  {warning.line()}" in text
        assert warning.file == SHIPPED.name and warning.sheet == "1"
    assert any(w.column and w.row for w in report.warnings)


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return write_broken(tmp_path_factory.mktemp("broken"), generate("sotenas", 2026, 8, seed=9))


@pytest.mark.parametrize("name", ["truncated", "html", "encrypted", "header_only", "no_ids"])
def test_unreadable_file_is_one_error(broken, name):
    report = validate_file(broken[name], ["Sotenäs"])
    assert not report.ok and len(report.errors) == 1 and report.layout is None
    assert report.format().endswith("Rättas före rapporten: se felen ovan.")


def test_missing_required_question_is_an_error_with_the_layout(broken):
    report = validate_file(broken["missing_required"], ["Sotenäs"])
    assert report.layout == "google_forms" and not report.ok
    assert [e.text() for e in report.errors] == [
        "A2 (Inom vilken bransch verkar arbetsstället huvudsakligen?): frågan saknas i filen "
        "och krävs för rapporten. Lägg till kolumnen, eller ange den i mappningsfilen."
    ]
    assert report.n_responses == 8


def test_bad_mapping_file_is_reported(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("questions: [A1]\n", encoding="utf-8")
    report = validate_file(SHIPPED, ["Sotenäs"], mapping=mapping)
    assert not report.ok and "mappningsfilen m.yaml" in report.errors[0].message


def test_no_municipalities_is_said():
    report = validate_file(SHIPPED, [])
    assert report.ok and "inga kommunnamn angivna" in report.warnings[0].message


def test_validate_command_builds_the_survey_part_and_says_so(capsys):
    from helpers.cli.main import main

    path = ROOT / "tests/fixtures/real_exports/surveymonkey_masculinity.csv"
    code = main(["validate", str(path), "--mapping", str(path.with_suffix(".yaml")),
                 "--municipality", "Sotenäs"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "Format: okänt verktyg (med mappningsfil)" in out
    assert "Analys: rapportens enkätdelar byggdes utan fel" in out
    # without one known municipality there is no area to build for, and that is said
    main(["validate", str(path), "--mapping", str(path.with_suffix(".yaml"))])
    assert "Analys: rapportens enkätdelar provkördes inte" in capsys.readouterr().out


def test_the_same_problem_on_many_rows_is_one_line():
    path = ROOT / "tests/fixtures/real_exports/limesurvey_artifact_survey.xlsx"
    report = validate_file(path, ["Sotenäs"], mapping=path.with_suffix(".yaml"))
    text = report.format()
    # 'N/A' answered to C1 on 11 rows: one line, with the question's number and text
    (line,) = [x for x in text.splitlines() if "C1 (" in x and "inget standardalternativ" in x]
    assert "N/A" not in line  # text that fits no label is not quoted (it could be a name)
    assert "11 rader (rad 8, 40, 66, 106, 115 med flera)" in line
    assert "C1 (Har ni försökt rekrytera personal de senaste 12 månaderna?)" in line
    assert len(report.warnings) > len(text.splitlines())


def test_suggest_mapping_command(capsys):
    from helpers.cli.main import main

    path = ROOT / "tests/fixtures/real_exports/surveymonkey_star_wars.csv"
    assert main(["suggest-mapping", str(path)]) == 0
    out = capsys.readouterr().out
    assert "# Verktyg: SurveyMonkey." in out and "header_rows: 2" in out
    assert "'RespondentID': personuppgifter, visas inte" in out
    assert "#    AI  'Age': 18-29, 30-44" in out
    spec = yaml.safe_load(out)
    assert set(spec["questions"]) >= {"A1", "A2", "A3", "C1"}


def test_validate_prints_no_names_typed_in_the_wrong_column_nor_the_sheet_name(tmp_path, capsys):
    """Item 9 of issue 17: a name in a number column, in a single-choice column and as the
    sheet's name never reaches what `lka validate` prints; column, row and sheet number do."""
    import openpyxl

    from helpers.cli.main import main

    workbook = openpyxl.load_workbook(SHIPPED)
    sheet = workbook.worksheets[0]
    sheet.title = "Svar från Annika Lindqvist"
    header = [c.value for c in sheet[1]]
    number_column = next(i for i, h in enumerate(header, 1) if str(h).startswith("C2."))
    choice_column = next(i for i, h in enumerate(header, 1) if str(h).startswith("C4."))
    sheet.cell(row=3, column=number_column, value="Annika Lindqvist")
    sheet.cell(row=4, column=choice_column, value="Bertil Östergren")
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    main(["validate", str(path), "--municipality", "Sotenäs"])
    out = capsys.readouterr().out
    assert "blad 1" in out
    assert "rad 3" in out and "rad 4" in out  # where to look is said ...
    for name in ("Annika", "Lindqvist", "Bertil", "Östergren", "Svar från"):
        assert name not in out  # ... but not what was typed there
