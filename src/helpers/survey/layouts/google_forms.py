"""Google Forms' response sheet (downloaded as ``.xlsx`` or ``.csv``).

The first column is the timestamp (``Tidstämpel``, ``Timestamp`` or the same word in another
language), maybe followed by the respondent's e-mail address. Multi-select answers are
``, ``-joined in one cell.
"""

from __future__ import annotations

from helpers.survey.layouts.base import (
    IDENTITY,
    IGNORED,
    Layout,
    Rows,
    has_id,
    header_text,
    is_date,
    values_in,
)
from helpers.survey.questionnaire import Questionnaire

TIMESTAMP_HEADERS = frozenset(
    {
        "tidstämpel",
        "timestamp",
        "marca temporal",
        "horodateur",
        "zeitstempel",
        "tidsstempel",
        "aikaleima",
        "tijdstempel",
        "carimbo de data/hora",
        "informazioni cronologiche",
    }
)
EMAIL_HEADERS = frozenset({"e-postadress", "email address", "e-mail address", "email", "e-post"})


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 for a timestamp heading, 1 for a first column of dates under a non-question heading."""
    if rows[0] and header_text(rows[0][0]).casefold() in TIMESTAMP_HEADERS:
        return 2
    first = values_in(rows[1:], 0)
    if first and not has_id(rows[0][0], questionnaire) and all(is_date(v) for v in first):
        return 1
    return 0


def meta(rows: Rows, questionnaire: Questionnaire) -> dict[int, str]:
    """The timestamp is ignored; an e-mail column goes to the contact file."""
    header = [header_text(h) for h in rows[0]]
    return {0: IGNORED} | {
        i: IDENTITY for i, h in enumerate(header) if h.casefold() in EMAIL_HEADERS
    }


LAYOUT = Layout(
    "google_forms",
    "Google Forms",
    detect,
    meta,
    "Google Forms (först kolumnen Tidstämpel eller Timestamp)",
    separator=", ",
)
