"""The survey's part of the report built without a notebook (what `lka validate` runs)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from conftest import ROOT
from helpers.config.params import SurveyInput, load_area
from helpers.report.chapters import survey_check

CALL = re.compile(
    r"\b(employer_survey|es|efforts|year_on_year|method|summary|area_survey|supply|population)"
    r"\.(\w+)"
    r"\(([^()]*(?:\([^()]*\))?)"
)


def calls_on_the_survey(source: str) -> set[str]:
    """``module.function`` of every call that is handed the survey (``sv``)."""
    found = {f"{m[1]}.{m[2]}" for m in CALL.finditer(source) if re.search(r"\bsv\b", m[3])}
    return {
        name.replace("es.", "employer_survey.", 1) if name.startswith("es.") else name
        for name in found
    }


def test_every_call_a_chapter_makes_on_the_survey_is_made_in_the_check():
    chapters = set()
    for notebook in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py")):
        chapters |= calls_on_the_survey(notebook.read_text("utf-8"))
    checked = calls_on_the_survey(Path(survey_check.__file__).read_text("utf-8"))
    assert len(chapters) > 30
    assert chapters <= checked, sorted(chapters - checked)


def test_the_example_area_builds_its_survey_part():
    built = survey_check.build(load_area("sotenas"))
    assert built.charts >= 15 and built.tables >= 10 and built.key_figures == 3


def test_an_area_without_survey_builds_nothing():
    assert survey_check.build(load_area("lysekil")) == survey_check.Built()


def test_a_crash_in_the_analysis_is_one_error_line(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Can't clean for JSON: <NA>")

    monkeypatch.setattr(survey_check.employer_survey, "failure_by_branch", broken)
    (problem,) = survey_check.problems(load_area("sotenas"))
    assert problem.severity == "error" and problem.kind == "analysis"
    assert "ValueError: Can't clean for JSON" in problem.message
    assert "rapporten kan inte göras" in problem.message


def test_a_survey_with_no_occupation_answers_builds(tmp_path):
    """The Star Wars export maps no C5, C8 or D4: the table of other vocational courses had no
    columns and the chapter stopped with KeyError: 'ssyk4_label'."""
    folder = ROOT / "tests" / "fixtures" / "real_exports"
    survey = SurveyInput(
        file=folder / "surveymonkey_star_wars.csv", mapping=folder / "surveymonkey_star_wars.yaml"
    )
    area = dataclasses.replace(load_area("sotenas"), survey=survey)
    assert survey_check.problems(area) == []
