"""SurveyMonkey's "expanded" export: two header rows.

The first row names a question only in its block's first column; the second holds
``Response`` (or ``Open-Ended Response``) or, for a multi-select question, each option's
label, which marks a chosen option in the cells below. The metadata columns are named
``Respondent ID, Collector ID, Start Date ...`` or, in older exports, ``RespondentID,
CollectorID, StartDate ...``::

    >>> meta_role("RespondentID"), meta_role("Start Date"), meta_role("Kommun")
    ('identity', 'ignored', None)
"""

from __future__ import annotations

from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    IDENTITY,
    IGNORED,
    Column,
    Layout,
    Plan,
    Rows,
    header_text,
    question_column,
)
from helpers.survey.questionnaire import Questionnaire

SURVEYMONKEY_RESPONSE = frozenset(
    {"response", "open-ended response", "svar", "öppet svar", "other (please specify)"}
)
#: The metadata columns by their heading without spaces, case-folded (old and new exports).
SURVEYMONKEY_META = {
    "respondentid": IDENTITY,
    "collectorid": IDENTITY,
    "startdate": IGNORED,
    "enddate": IGNORED,
    "ipaddress": IDENTITY,
    "emailaddress": IDENTITY,
    "firstname": IDENTITY,
    "lastname": IDENTITY,
    "customdata": IDENTITY,
    "customdata1": IDENTITY,
}


def meta_role(header: str) -> str | None:
    """The role of a SurveyMonkey metadata column, None for any other heading."""
    return SURVEYMONKEY_META.get("".join(header_text(header).casefold().split()))


def meta(rows: Rows, questionnaire: Questionnaire) -> dict[int, str]:
    """Roles of SurveyMonkey's own columns, found by their heading in the first row."""
    roles = {i: meta_role(h) for i, h in enumerate(rows[0]) if rows}
    return {i: role for i, role in roles.items() if role is not None}


def is_marker(value: object) -> bool:
    """True for SurveyMonkey's second-row words for a one-column answer (``Response``)."""
    return header_text(value).casefold() in SURVEYMONKEY_RESPONSE


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 for a second header row with SurveyMonkey's markers under its own or blank headings."""
    if len(rows) < 2:
        return 0
    names = [header_text(h).casefold() for h in rows[0]]
    has_marker = any(is_marker(s) for s in rows[1])
    blanks_after_start = any(not n for n in names[1:]) and any(names)
    return 2 if has_marker and (meta(rows, questionnaire) or blanks_after_start) else 0


def plan(rows: Rows, questionnaire: Questionnaire, log: IssueLog) -> Plan:
    """Both header rows read together: the question from the first, the option from the second."""
    first = [header_text(h) for h in rows[0]]
    second = [header_text(h) for h in rows[1]]
    columns = []
    current = ""
    for i, (top, sub) in enumerate(zip(first, second, strict=True)):
        current = top or current  # row 1 names a question only in its block's first column
        if role := meta_role(top):
            columns.append(Column(i, top, role))
            continue
        option = None if is_marker(sub) and sub.casefold() != "other (please specify)" else sub
        header = f"{current} [{option}]" if option else current
        columns.append(question_column(i, header, option, questionnaire, log))
    return Plan(LAYOUT.name, 2, columns, None, marks="label")


LAYOUT = Layout(
    "surveymonkey",
    "SurveyMonkey",
    detect,
    meta,
    "SurveyMonkey (två rubrikrader, med 'Response' eller svarsalternativen i den andra)",
    header_rows=2,
    marks="label",
    plan_columns=plan,
)
