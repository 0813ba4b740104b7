"""LimeSurvey's response export (``.xlsx`` or ``.csv``).

Metadata columns (``submitdate``, ``lastpage``, ``startlanguage`` ...) come first; headings are
question codes (``C6[SQ001]``, ``C81antal``) or full texts (``C6. Vad var ... [För få
sökande]``). An empty submit date means an unfinished response.
"""

from __future__ import annotations

from helpers.survey.layouts.base import (
    IDENTITY,
    IGNORED,
    SUBMITTED,
    Layout,
    Rows,
    header_text,
)
from helpers.survey.questionnaire import Questionnaire

LIMESURVEY_META = {
    "id": IDENTITY,
    "response id": IDENTITY,
    "submitdate": SUBMITTED,
    "date submitted": SUBMITTED,
    "lastpage": IGNORED,
    "last page": IGNORED,
    "startlanguage": IGNORED,
    "start language": IGNORED,
    "seed": IGNORED,
    "startdate": IGNORED,
    "date started": IGNORED,
    "datestamp": IGNORED,
    "date last action": IGNORED,
    "token": IDENTITY,
    "ipaddr": IDENTITY,
    "ip address": IDENTITY,
    "refurl": IDENTITY,
    "referrer url": IDENTITY,
}


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 for a submit-date column beside LimeSurvey's other metadata, else 0."""
    names = {header_text(h).casefold() for h in rows[0]}
    submitted = bool({"submitdate", "date submitted"} & names)
    others = {"lastpage", "startlanguage", "last page", "start language", "seed"} & names
    return 2 if submitted and others else 0


def meta(rows: Rows, questionnaire: Questionnaire) -> dict[int, str]:
    """Roles of LimeSurvey's metadata columns, found by their heading."""
    header = [header_text(h).casefold() for h in rows[0]]
    return {i: LIMESURVEY_META[h] for i, h in enumerate(header) if h in LIMESURVEY_META}


LAYOUT = Layout(
    "limesurvey",
    "LimeSurvey",
    detect,
    meta,
    "LimeSurvey (kolumnerna submitdate och lastpage eller startlanguage)",
)
