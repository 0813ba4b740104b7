"""Property: whatever `lka validate` accepts, the report's survey analysis runs, and whatever
it refuses, the report refuses too; nothing fails with anything but the project's own errors.

Generated surveys: example answers written by a random tool's writer and cut to their
first 1–9 respondents (so disclosure control hides figures), with a random subset of the
questions' columns removed, random answers blanked and, sometimes, a row of sums added.
"The report's analysis runs" is what the report does before and in its survey chapters:
``read_survey`` (the pipeline stops on its errors) and ``survey_check.build``, the chapters'
own calls without a notebook.
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from example_surveys.answers import generate
from example_surveys.exports import (
    write_google_forms_csv,
    write_limesurvey,
    write_microsoft_forms,
    write_surveymonkey,
)
from helpers.common.errors import ReportError
from helpers.config.params import SurveyInput, load_area
from helpers.report.chapters import survey_check
from helpers.survey.files import read_sheets
from helpers.survey.issues import IssueLog
from helpers.survey.layouts.registry import detect_layout, plan_layout
from helpers.survey.questionnaire import load_questionnaire
from helpers.survey.read import read_survey
from helpers.survey.validate import validate_file

WRITERS = {
    "microsoft_forms": (write_microsoft_forms, ".xlsx"),
    "google_forms": (write_google_forms_csv, ".csv"),
    "surveymonkey": (write_surveymonkey, ".xlsx"),
    "limesurvey": (write_limesurvey, ".csv"),
}
Q = load_questionnaire(["Sotenäs"])
QUESTIONS = [q.id for q in Q.fields() if not q.contact]
_numbers = itertools.count()


def _export(folder: Path, draw: dict) -> Path:
    """The generated survey as a CSV of the drawn tool's layout, with the drawn questions'
    columns removed and answers blanked as drawn."""
    survey = generate("sotenas", 2026, 12, seed=draw["seed"], duplicates=0)
    writer, suffix = WRITERS[draw["tool"]]
    original = folder / f"original-{next(_numbers)}{suffix}"
    writer(survey, original)
    rows = [list(row) for row in read_sheets(original)[0].rows]
    plan = plan_layout(rows, Q, IssueLog("x"), detect_layout(rows, Q))
    rows = rows[: plan.header_rows + draw["n"]]  # few respondents: figures get suppressed
    questions = {c.index: c.qid for c in plan.columns if c.qid}
    keep = [i for i in range(len(rows[0])) if questions.get(i) not in draw["dropped"]]
    answers = [i for i in keep if i in questions]
    for row_index, column in draw["blanks"]:
        if len(rows) > plan.header_rows and answers:
            row = rows[plan.header_rows + row_index % (len(rows) - plan.header_rows)]
            row[answers[column % len(answers)]] = None
    rows = [[row[i] if i < len(row) else None for i in keep] for row in rows]
    if draw["sums"]:
        rows.append(["Totalt"] + [None] * (len(rows[0]) - 1))
    path = folder / f"enkat-{next(_numbers)}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(["" if c is None else c for c in row] for row in rows)
    return path


def _report_runs(path: Path) -> bool:
    """What the report does with the file: True when it gets through the survey's analysis,
    False when it stops with the project's own error; anything else fails the test."""
    area = dataclasses.replace(load_area("sotenas"), survey=SurveyInput(file=path))
    try:
        read_survey(path, municipalities=area.municipality_names)
        survey_check.build(area)
    except ReportError:
        return False
    return True


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    draw=st.fixed_dictionaries(
        {
            "tool": st.sampled_from(sorted(WRITERS)),
            "n": st.integers(min_value=1, max_value=9),
            "seed": st.integers(min_value=0, max_value=10_000),
            "dropped": st.sets(st.sampled_from(QUESTIONS), max_size=25),
            "blanks": st.lists(st.tuples(st.integers(0, 50), st.integers(0, 200)), max_size=40),
            "sums": st.booleans(),
        }
    )
)
def test_validate_accepts_exactly_what_the_report_can_analyse(tmp_path_factory, draw):
    path = _export(tmp_path_factory.mktemp("property"), draw)
    area = dataclasses.replace(load_area("sotenas"), survey=SurveyInput(file=path))
    result = validate_file(path, area.municipality_names)
    if result.ok:
        result.issues += survey_check.problems(area)
    assert not [i for i in result.issues if i.kind == "analysis"], result.format()
    assert result.ok == _report_runs(path), result.format()


def test_a_required_question_removed_is_refused_by_both(tmp_path):
    draw = {"tool": "google_forms", "n": 6, "seed": 1, "dropped": {"A2"}, "blanks": []}
    draw["sums"] = False
    path = _export(tmp_path, draw)
    assert not validate_file(path, ["Sotenäs"]).ok
    assert not _report_runs(path)


@pytest.mark.parametrize("tool", sorted(WRITERS))
def test_one_respondent_in_any_layout_is_accepted_and_analysed(tmp_path, tool):
    draw = {"tool": tool, "n": 1, "seed": 7, "dropped": set(), "blanks": [], "sums": True}
    path = _export(tmp_path, draw)
    assert validate_file(path, ["Sotenäs"]).ok
    assert _report_runs(path)
