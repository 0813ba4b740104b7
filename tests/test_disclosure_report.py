"""Property (issue 16): for random small surveys, no suppressed cell can be recovered from
the other figures, titles and tables of the same report.

The test is an indistinguishability attack. Take a survey, find a single-choice question
whose table (the one its chart shows) hides two or more options, and make a second survey
that differs from the first only inside the hidden cells: one respondent moves from one
hidden option to another. Every shown cell, base and total stays the same, so a report that
reveals nothing about the hidden cells must read the same, word for word and figure for
figure, in both worlds: every chart title, chart table, sentence, key figure and table of
the summary, the employer-survey chapter and the year-on-year chapter. A title quoting a
share of two options one of which is hidden ("70 %" in Figure 16), a key indicator, or a
year-on-year row that gives a hidden cell back would differ between the two worlds.

Sums over employers are attacked the same way: one employer's staff figure (D5) is moved
within a branch whose sum is hidden, and nothing may change.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_area_survey import employer, survey

from helpers.analysis import indicators
from helpers.config.params import load_area
from helpers.report import context
from helpers.report.chapters import employer_survey, survey_check
from helpers.survey.questionnaire import load_questionnaire

Q = load_questionnaire()
#: The single-choice questions whose tables the report shows (charts and key indicators).
SINGLE = ("B1", "C1", "C4", "D1", "D9", "E3", "E5")
BRANCHES = ("Handel", "Byggverksamhet", "Vård och omsorg")
AREA = load_area("sotenas")


def _skewed(options: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Mostly the first two options, so the others get the small counts that are hidden."""
    return st.sampled_from([options[0]] * 3 + [options[1]] * 3 + list(options))


@st.composite
def respondents(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = []
    for _ in range(draw(st.integers(8, 24))):
        answers: dict[str, Any] = {"A2": draw(st.sampled_from(BRANCHES))}
        for question in SINGLE:
            answers[question] = draw(_skewed(Q[question].options))
        if answers["C1"] != "Ja":
            answers["C4"] = None
        answers["D5"] = draw(st.sampled_from([None, 0, 2, 5, 8, 12, 40, 3000]))
        answers["D3"] = draw(
            st.sampled_from([set(), {"Engelska"}, {"Yrkessvenska"}, {"Engelska", "Yrkessvenska"}])
        )
        rows.append(employer(**answers))
    return rows


@st.composite
def with_a_dominant_employer(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Random respondents, the first of whom has 3 000 staff to upskill and chose English
    (so the Handel and English sums are hidden by the dominance rule), two more in Handel
    who chose no skill area, and at least five who chose English."""
    rows = draw(respondents())
    for row in rows:  # one employer with thousands of staff only
        row["D5"] = 40 if row["D5"] == 3000 else row["D5"]
    rows[0] |= {"A2": "Handel", "D3": {"Engelska"}, "D5": 3000}
    rows[1] |= {"A2": "Handel", "D3": set(), "D5": draw(st.integers(1, 9))}
    rows[2] |= {"A2": "Handel", "D3": set(), "D5": draw(st.integers(1, 9))}
    for row in rows[3:7]:
        row |= {"D3": {"Engelska"}, "D5": draw(st.sampled_from([None, 0, 2, 5, 8]))}
    return rows


def _report(rows: list[dict[str, Any]], previous: list[dict[str, Any]] | None) -> list[str]:
    """Everything the survey's chapters show, as the text Jupyter would get."""
    shown: list[str] = []

    def keep(obj: Any, raw: bool = False) -> None:
        shown.append(repr(obj) if raw else getattr(obj, "data", "") or "")

    before = survey(previous) if previous is not None else None
    sv = survey(rows, previous=before)
    rpt = context.Report(AREA, output=keep)
    for question in survey_check.QUESTION_CHARTS:
        rpt.show(employer_survey.question(sv, question))
    rpt.say(employer_survey.recruitment(sv))
    rpt.say(employer_survey.staff(sv))
    rpt.table(employer_survey.staff_by_branch(sv), caption="Personal per bransch", survey=sv)
    survey_check._summary(rpt, sv)
    survey_check._efforts(rpt, sv)
    survey_check._comparison(rpt, sv)
    return shown


def _hidden_options(rows: list[dict[str, Any]], question: str) -> list[str]:
    """The options the question's own table hides (the table its chart, or its key
    indicator when it has no chart, is made from)."""
    responses = survey(rows).responses
    among = indicators.tried(responses) if question == "C4" else None
    options = list(Q[question].options)
    table = indicators.distribution(responses, question, among=among, options=options)
    return list(table.loc[table["suppressed"].astype(bool), "option"])


def _moved(rows, question, source, target):
    """The rows with one respondent's answer to ``question`` moved from source to target,
    or None when no respondent can move without changing another question's population."""
    for i, row in enumerate(rows):
        if row[question] == source and (question != "C1" or row["C4"] is None):
            changed = [dict(r) for r in rows]
            changed[i][question] = target
            return changed
    return None


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(rows=respondents(), previous=st.none() | respondents(), data=st.data())
def test_no_hidden_option_can_be_told_from_the_rest_of_the_report(rows, previous, data):
    candidates = [(q, h) for q in SINGLE if len(h := _hidden_options(rows, q)) >= 2]
    assume(candidates)
    question, hidden = data.draw(st.sampled_from(candidates))
    source, target = data.draw(st.permutations(hidden))[:2]
    other = _moved(rows, question, source, target)
    assume(other is not None)
    # The other world hides the same cells and shows the same ones (else it is no twin).
    assume(_hidden_options(other, question) == hidden)
    first, second = _report(rows, previous), _report(other, previous)
    differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    assert not differing, (question, source, target, differing[:1])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=with_a_dominant_employer())
def test_no_hidden_staff_sum_can_be_told_from_the_rest_of_the_report(rows):
    """Handel's staff sum is hidden (one employer has 3 000): one staff member moves
    between two other Handel employers who chose no skill area. The branch's sum and every
    shown figure stay; nothing in the report may change."""
    table = indicators.staff_to_upskill(survey(rows).responses, by="A2").set_index("group")
    assert pd.isna(table.at["Handel", "total"])  # the dominance rule hides it
    other = [dict(r) for r in rows]
    other[1]["D5"] -= 1
    other[2]["D5"] += 1
    first, second = _report(rows, None), _report(other, None)
    differing = [(x, y) for x, y in zip(first, second, strict=True) if x != y]
    assert not differing, differing[:1]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=with_a_dominant_employer())
def test_no_hidden_staff_per_skill_area_can_be_told_from_the_rest_of_the_report(rows):
    """English's staff sum is hidden by the dominance rule (one employer has 3 000); it
    changes by one while every shown figure stays: one staff member moves from that
    employer to another Handel employer who chose no area at all. The effort table's
    "Anställda" column showed the hidden sum (798 in Sotenäs) before it used the skill
    table's suppression."""
    table = indicators.skill_areas(survey(rows).responses).set_index("option")
    assert pd.isna(table.at["Engelska", "staff"])
    other = [dict(r) for r in rows]
    other[0]["D5"] -= 1
    other[1]["D5"] += 1
    first, second = _report(rows, None), _report(other, None)
    differing = [(x, y) for x, y in zip(first, second, strict=True) if x != y]
    assert not differing, differing[:1]
