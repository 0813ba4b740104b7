"""Microsoft Forms' "Open in Excel" export, in any UI language.

Found by position and type, not by the (translated) header text: a headed column of whole
numbers (the response id), two date-time columns (start and completion), then e-mail and
name (both may have been deleted by a privacy-minded broker) and in newer exports a
last-modified time. Multi-select answers are ``;``-joined in one cell. A first column without
a heading is no Forms id (pandas writes its row index that way)::

    >>> from datetime import datetime
    >>> from helpers.survey.questionnaire import load_questionnaire
    >>> t = datetime(2026, 2, 3, 8, 53)
    >>> rows = [["ID", "Starttid", "Slutförandetid", "E-post", "Namn", "A1. Kommun?"],
    ...         [1, t, t, "anonymous", None, "Sotenäs"]]
    >>> meta(rows, load_questionnaire())
    {0: 'identity', 1: 'ignored', 2: 'ignored', 3: 'identity', 4: 'identity'}
    >>> meta([["", *rows[0][1:]], rows[1]], load_questionnaire())
    {}
"""

from __future__ import annotations

import re

from helpers.survey.layouts.base import (
    IDENTITY,
    IGNORED,
    Layout,
    Rows,
    has_id,
    header_text,
    is_date,
    is_int,
    values_in,
)
from helpers.survey.questionnaire import Questionnaire

#: What anonymous forms write in their e-mail column.
ANONYMOUS = frozenset({"anonymous", "anonym", "anonymt", "anonyme", "anónimo", "anonimo"})
EMAIL_HEADERS = frozenset({"email", "e-mail", "e-post", "e-postadress", "メール", "courrier"})
NAME_HEADERS = frozenset({"name", "namn", "nom", "nombre", "nome", "naam", "名前"})
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _is_email_column(header: str, values: list[object]) -> bool:
    texts = [header_text(v).casefold() for v in values]
    looks = all(_EMAIL.match(t) or t in ANONYMOUS for t in texts)
    return looks and (bool(texts) or header.casefold() in EMAIL_HEADERS)


def meta(rows: Rows, questionnaire: Questionnaire) -> dict[int, str]:
    """Roles of the Forms metadata columns at the start of ``rows``, or {} if there are none.

    The block is the id, start and completion time in that order, then whichever of e-mail,
    name and last-modified time are left; it ends at the first other column.
    """
    header, data = [header_text(h) for h in rows[0]], rows[1:]
    if (
        len(header) < 4
        or not data
        or not header[0]
        or any(has_id(h, questionnaire) for h in header[:3])
    ):
        return {}
    ids, starts, ends = values_in(data, 0), values_in(data, 1), values_in(data, 2)
    if not ids or not all(is_int(v) for v in ids):
        return {}
    if not starts or not all(is_date(v) for v in starts + ends):
        return {}
    roles = {0: IDENTITY, 1: IGNORED, 2: IGNORED}
    index = 3
    if index < len(header) and not has_id(header[index], questionnaire):
        if _is_email_column(header[index], values_in(data, index)):
            roles[index] = IDENTITY
            index += 1
            if index < len(header) and not has_id(header[index], questionnaire):
                roles[index] = IDENTITY  # the name always follows the e-mail
                index += 1
        elif header[index].casefold() in NAME_HEADERS:
            roles[index] = IDENTITY
            index += 1
    if (
        index < len(header)
        and not has_id(header[index], questionnaire)
        and all(is_date(v) for v in values_in(data, index))  # empty in most exports
    ):
        roles[index] = IGNORED
    return roles


def detect(rows: Rows, questionnaire: Questionnaire) -> int:
    """2 when the rows start with Forms' own columns in Forms' order, else 0."""
    return 2 if meta(rows, questionnaire) else 0


LAYOUT = Layout(
    "microsoft_forms",
    "Microsoft Forms",
    detect,
    meta,
    "Microsoft Forms (först kolumnerna ID, Starttid och Slutförandetid: ett svarsnummer och två "
    "tidpunkter)",
    separator=";",
)
