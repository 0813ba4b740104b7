"""Microsoft Forms' "Open in Excel" export, in any UI language.

Found by position and type, not by the (translated) header text: an integer id, two
date-time columns, e-mail and name, and in newer exports a last-modified time. Multi-select
answers are ``;``-joined in one cell.
"""

from __future__ import annotations

from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    IDENTITY,
    IGNORED,
    Layout,
    Plan,
    Rows,
    has_id,
    is_date,
    is_int,
    plan_one_header_row,
    values_in,
)
from helpers.survey.questionnaire import Questionnaire


def microsoft_forms_metadata(rows: list[list[object]], questionnaire: Questionnaire) -> int:
    """How many metadata columns a Microsoft Forms export starts with (5 or 6), or 0.

    Detected by position and type, not by the (translated) header text: an integer id, two
    date-time columns, e-mail and name, and in newer exports a last-modified time.
    """
    header, data = rows[0], rows[1:]
    if len(header) < 6 or not data or any(has_id(h, questionnaire) for h in header[:5]):
        return 0
    ids, starts, ends = values_in(data, 0), values_in(data, 1), values_in(data, 2)
    if not ids or not all(is_int(v) for v in ids):
        return 0
    if not starts or not all(is_date(v) for v in starts + ends):
        return 0
    last_modified = values_in(data, 5)
    if not has_id(header[5], questionnaire) and all(is_date(v) for v in last_modified):
        return 6
    return 5


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 when the rows start with Forms' metadata columns, else 0."""
    return 2 if microsoft_forms_metadata(rows, questionnaire) else 0


def plan(rows: Rows, questionnaire: Questionnaire, log: IssueLog) -> Plan:
    """Forms' id, e-mail and name go to the contact file; its times are ignored."""
    width = microsoft_forms_metadata(rows, questionnaire)
    roles = [IDENTITY, IGNORED, IGNORED, IDENTITY, IDENTITY, IGNORED]
    meta = {i: roles[i] for i in range(width)}
    return plan_one_header_row(rows, questionnaire, log, LAYOUT.name, meta, ";")


LAYOUT = Layout("microsoft_forms", "Microsoft Forms", detect, plan)
