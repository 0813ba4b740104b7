"""SurveyMonkey's "expanded" export: two header rows.

The first row names a question only in its block's first column; the second holds
``Response`` (or ``Open-Ended Response``) or, for a multi-select question, each option's
label, which marks a chosen option in the cells below.
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
SURVEYMONKEY_META = {
    "respondent id": IDENTITY,
    "collector id": IDENTITY,
    "start date": IGNORED,
    "end date": IGNORED,
    "ip address": IDENTITY,
    "email address": IDENTITY,
    "first name": IDENTITY,
    "last name": IDENTITY,
    "custom data 1": IDENTITY,
}


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 for a second header row with SurveyMonkey's markers under its own or blank headings."""
    if len(rows) < 2:
        return 0
    names = [header_text(h).casefold() for h in rows[0]]
    second = [header_text(h).casefold() for h in rows[1]]
    has_marker = any(s in SURVEYMONKEY_RESPONSE for s in second)
    blanks_after_start = any(not n for n in names[1:]) and any(names)
    return 2 if has_marker and (set(SURVEYMONKEY_META) & set(names) or blanks_after_start) else 0


def plan(rows: Rows, questionnaire: Questionnaire, log: IssueLog) -> Plan:
    """Both header rows read together: the question from the first, the option from the second."""
    first = [header_text(h) for h in rows[0]]
    second = [header_text(h) for h in rows[1]]
    columns = []
    current = ""
    for i, (top, sub) in enumerate(zip(first, second, strict=True)):
        current = top or current  # row 1 names a question only in its block's first column
        if top.casefold() in SURVEYMONKEY_META:
            columns.append(Column(i, top, SURVEYMONKEY_META[top.casefold()]))
            continue
        option = (
            None if sub.casefold() in SURVEYMONKEY_RESPONSE - {"other (please specify)"} else sub
        )
        header = f"{current} [{option}]" if option else current
        columns.append(question_column(i, header, option, questionnaire, log))
    return Plan("surveymonkey", 2, columns, None, marks="label")


LAYOUT = Layout("surveymonkey", "SurveyMonkey", detect, plan)
