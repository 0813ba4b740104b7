"""Mapping files: the documented format works, and mistakes name the entry."""

import re

import pytest
import yaml

from helpers.common.errors import SurveyError
from helpers.config import paths
from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import CONTACT, FIELD, IDENTITY, IGNORED, MULTI_CELL, OPTION, OTHER
from helpers.survey.mapping import MappingSpec, load_mapping
from helpers.survey.questionnaire import load_questionnaire

Q = load_questionnaire(["Sotenäs"])
ROWS = [
    ["Tid", "Kommun", "Antal sökta", "Orsak 1", "Orsak annat", "Org.nr", "Mejl", "Hinder"],
    ["2026-02-03", "Sotenäs", "3", "X", "Bostäder", "556000-0000", "a@b.se", "Kostnad"],
]


def plan(raw):
    log = IssueLog("x.xlsx")
    return MappingSpec.from_dict(raw, "m.yaml").plan(ROWS, Q, log), log


def test_headers_letters_options_and_contacts():
    result, log = plan(
        {
            "contacts": ["Mejl"],
            "questions": {
                "A1": "kommun",  # header text in any case
                "C2": "C",  # a column letter
                "C6": {"columns": {"För få sökande": "Orsak 1"}, "other": "Orsak annat"},
                "A5": "Org.nr",
                "D8": {"column": "Hinder", "labels": {"Kostnad": "Kostnaden"}},
            },
        }
    )
    assert not log.issues
    assert [(c.role, c.qid, c.option) for c in result.columns] == [
        (IGNORED, None, None),
        (FIELD, "A1", None),
        (FIELD, "C2", None),
        (OPTION, "C6", "För få sökande"),
        (OTHER, "C6", None),
        (CONTACT, "A5", None),
        (IDENTITY, None, None),
        (MULTI_CELL, "D8", None),
    ]
    assert result.layout == "mapping" and result.labels == {"D8": {"Kostnad": "Kostnaden"}}


def test_mistakes_are_errors_naming_the_entry():
    _, log = plan(
        {
            "questions": {
                "Z9": "Kommun",
                "A1": "Finns inte",
                "A2": {"column": "B", "labels": {"x": "Ingen sådan"}},
                "C6": {"columns": {"Inget alternativ": "D"}},
            }
        }
    )
    messages = [i.message for i in log.issues]
    assert all(i.severity == "error" for i in log.issues)
    assert "mappningsfilen: Z9 är ingen fråga i standardenkäten." in messages
    assert "mappningsfilen: A1: kolumnen 'Finns inte' finns inte." in messages
    assert "mappningsfilen: A2: 'Ingen sådan' är inget standardalternativ." in messages
    assert "mappningsfilen: C6: 'Inget alternativ' är inget standardalternativ." in messages


@pytest.mark.parametrize(
    "content",
    [
        "questions: [A1]\n",
        "A1: Kommun\n",
        "questions:\n  A1: {kolumn: B}\n",
        "header_row: -1\nquestions: {}\n",
        "header_row: 0\nheader_rows: 2\nquestions: {}\n",
        "header_rows: 3\nquestions: {}\n",
        "submitted: {values: [Ja]}\nquestions: {}\n",
        "kolumner: 2\nquestions: {}\n",
    ],
)
def test_malformed_files(tmp_path, content):
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SurveyError, match=r"^mappningsfilen m\.yaml"):
        load_mapping(path)


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("questions:\n  A1: [oavslutad\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"ingen giltig YAML \(rad \d+\)"):
        load_mapping(path)
    with pytest.raises(SurveyError, match="finns inte"):
        load_mapping(tmp_path / "saknas.yaml")


def test_documented_example_is_valid():
    doc = (paths.ROOT / "docs" / "survey-mapping.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", doc, re.S)[1]
    spec = MappingSpec.from_dict(yaml.safe_load(block), "doc")
    assert spec.questions["C2"].column == "H" and spec.separator == ";"
    example = load_mapping(paths.ROOT / "docs" / "examples" / "survey-mapping.yaml")
    assert set(example.questions) == {q.id for q in Q.fields()}


# --- issue 18: what real exports need from a mapping file ----------------------------------


def write(tmp_path, rows, mapping, name="svar.csv"):
    import csv

    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    spec = tmp_path / "m.yaml"
    spec.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return path, spec


REQUIRED = {"A1": "Kommun", "A2": "Bransch", "A3": "Storlek", "C1": "Rekryterat"}
HEADER = ["Status", "Kommun", "Bransch", "Storlek", "Rekryterat"]


def test_submitted_column_and_its_values(tmp_path):
    from helpers.survey.read import read_survey

    rows = [
        HEADER,
        ["Klar", "Sotenäs", "Handel", "1–4", "Ja"],
        ["Påbörjad", "Sotenäs", "Handel", "5–9", "Nej"],
        ["klar", "Sotenäs", "Byggverksamhet", "1–4", "Nej"],
    ]
    mapping = {"submitted": {"column": "Status", "values": ["Klar"]}, "questions": REQUIRED}
    path, spec = write(tmp_path, rows, mapping)
    survey = read_survey(path, municipalities=["Sotenäs"], mapping=spec)
    assert (len(survey.responses), survey.n_incomplete) == (2, 1)
    # without values any non-blank cell means finished
    mapping["submitted"] = "Status"
    path, spec = write(tmp_path, rows, mapping)
    assert len(read_survey(path, municipalities=["Sotenäs"], mapping=spec).responses) == 3


def test_file_without_header_row_keeps_its_first_respondent(tmp_path):
    from helpers.survey.read import read_survey

    rows = [["Sotenäs", "Handel", "1–4", "Ja"], ["Sotenäs", "Byggverksamhet", "5–9", "Nej"]]
    mapping = {"header_row": 0, "questions": {"A1": "A", "A2": "B", "A3": "C", "C1": "D"}}
    path, spec = write(tmp_path, rows, mapping)
    survey = read_survey(path, municipalities=["Sotenäs"], mapping=spec)
    assert survey.responses["A2"].tolist() == ["Handel", "Byggverksamhet"]


def test_two_header_rows_question_above_option_below(tmp_path):
    from helpers.survey.read import read_survey

    rows = [
        ["Kommun", "Bransch", "Storlek", "Rekryterat", "Hinder", "", ""],
        ["Svar", "Svar", "Svar", "Svar", "Kostnad", "Tid", "Språk"],
        ["Sotenäs", "Handel", "1–4", "Ja", "Kostnad", "", "Språk"],
        ["Sotenäs", "Handel", "5–9", "Nej", "", "Tid", ""],
    ]
    mapping = {
        "header_rows": 2,
        "questions": REQUIRED
        | {
            "D8": {
                "column": "Hinder",  # the whole block: one option per column, from row 2
                "labels": {
                    "Kostnad": "Kostnaden",
                    "Tid": "Svårt att avvara personal",
                    "Språk": "Språkhinder",
                },
            }
        },
    }
    path, spec = write(tmp_path, rows, mapping)
    survey = read_survey(path, municipalities=["Sotenäs"], mapping=spec)
    assert len(survey.responses) == 2  # the second header row is no respondent
    assert survey.responses["D8"].tolist() == [
        frozenset({"Kostnaden", "Språkhinder"}),
        frozenset({"Svårt att avvara personal"}),
    ]


def test_one_column_for_two_questions_is_an_error(tmp_path):
    from helpers.survey.read import inspect_survey

    rows = [HEADER, ["", "Sotenäs", "Handel", "1–4", "Ja"]]
    path, spec = write(tmp_path, rows, {"questions": REQUIRED | {"A3": "Bransch"}})
    errors = [
        i.message
        for i in inspect_survey(path, municipalities=["Sotenäs"], mapping=spec).issues
        if i.severity == "error"
    ]
    assert errors == [
        "mappningsfilen: kolumn C ('Bransch') är angiven för både A2 och A3; en kolumn kan bara "
        "höra till en fråga."
    ]


def test_a_near_miss_of_a_mapping_label_is_taken_with_both_spellings(tmp_path):
    from helpers.survey.read import read_survey

    rows = [HEADER, ["", "Sotenäs", "Friendss", "1–4", "Ja"]]
    mapping = {
        "questions": REQUIRED | {"A2": {"column": "Bransch", "labels": {"Friends": "Handel"}}}
    }
    path, spec = write(tmp_path, rows, mapping)
    survey = read_survey(path, municipalities=["Sotenäs"], mapping=spec)
    assert survey.responses["A2"].tolist() == ["Handel"]
    (warning,) = [i for i in survey.issues if i.kind == "fuzzy_label"]
    assert "'Friendss'" in warning.message and "'Friends'" in warning.message


def test_a_header_that_is_not_there_names_the_closest(tmp_path):
    from helpers.survey.read import inspect_survey

    rows = [HEADER, ["", "Sotenäs", "Handel", "1–4", "Ja"]]
    path, spec = write(tmp_path, rows, {"questions": REQUIRED | {"A2": "Branch"}})
    messages = [
        i.message for i in inspect_survey(path, municipalities=["Sotenäs"], mapping=spec).issues
    ]
    assert "mappningsfilen: A2: kolumnen 'Branch' finns inte. Närmast: 'Bransch'." in messages


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("questions:\n  C6:\n    columns: [a, b]\n", "C6.columns ska vara par.*en lista"),
        (
            "questions:\n  A2:\n    column: Bransch\n    labels: Industri\n",
            "A2.labels ska vara par",
        ),
        ("questions:\n  A2:\n    column: [B]\n", "A2.column ska vara en rubrik.*en lista"),
        ("questions:\n  A1: true\n", "A1: ange en kolumn"),
        ("sheet: [a]\nquestions: {A1: B}\n", "sheet ska vara en rubrik.*en lista"),
        ("separator: {a: b}\nquestions: {A1: B}\n", "separator ska vara.*en tabell med nycklar"),
        ("contacts: 5.5\nquestions: {A1: B}\n", "contacts ska vara.*ett decimaltal"),
        ("header_row: true\nquestions: {A1: B}\n", "header_row ska vara ett radnummer"),
        ("header_rows: true\nquestions: {A1: B}\n", "header_rows ska vara 1 eller 2"),
        ("submitted: {column: S, values: {a: b}}\nquestions: {}\n", "submitted.values ska vara"),
    ],
)
def test_values_of_the_wrong_type_are_one_line(tmp_path, content, says):
    """Issue 17, item 3: a list or table where text belongs is told, never a traceback."""
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SurveyError, match=r"^mappningsfilen m\.yaml: " + says) as error:
        load_mapping(path)
    assert "\n" not in str(error.value)
