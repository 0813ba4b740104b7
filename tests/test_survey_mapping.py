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
    assert result.layout == "mapping" and result.labels == {"D8": {"kostnad": "Kostnaden"}}


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
    assert "mappningsfilen: kolumnen 'Finns inte' (A1) finns inte." in messages
    assert "mappningsfilen: A2: 'Ingen sådan' är inget standardalternativ." in messages
    assert "mappningsfilen: C6: 'Inget alternativ' är inget standardalternativ." in messages


@pytest.mark.parametrize(
    "content",
    [
        "questions: [A1]\n",
        "A1: Kommun\n",
        "questions:\n  A1: {kolumn: B}\n",
        "header_row: 0\nquestions: {}\n",
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
