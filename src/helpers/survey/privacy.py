"""Keep respondents' personal data out of everything but the contact file.

Two jobs, both done at import so nothing downstream ever sees personal data:

* free text is masked: e-mail addresses, phone numbers, personal identity and organisation
  numbers, and the respondent's own name and company name (taken from their contact answers)::

    >>> mask_text("Ring Anna på 070-123 45 67 eller anna@fisk.se", names=["Anna Berg"])
    'Ring [namn] på [telefon] eller [e-post]'

* contact data (block G, A5 and the survey tool's identity columns) goes to a separate CSV file
  under ``paths.CONTACTS/<area>/<year>/`` keyed by the random respondent key, never under
  ``reports/``; text Excel would run as a formula is made plain (``common.cells``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from helpers.common.cells import safe_cell
from helpers.config import paths

if TYPE_CHECKING:  # pragma: no cover
    from helpers.survey.read import SurveyData

EMAIL_MASK = "[e-post]"
PHONE_MASK = "[telefon]"
ID_NUMBER_MASK = "[id-nummer]"
NAME_MASK = "[namn]"
COMPANY_MASK = "[företaget]"

# The local part may hold an apostrophe (o'hara@...) but not start with one: a quote before an
# address ('anna@fisk.se') is the text's, and stays.
_EMAIL = re.compile(r"[\w.%+-][\w.%+'-]*@[\w-]+(?:\.[\w-]+)+")
# Personnummer or organisation number: 6 or 8 digits, a dash or plus, 4 digits; or 12 digits.
_ID_NUMBER = re.compile(r"(?<!\d)(?:(?:19|20)?\d{6}[-+]\d{4}|(?:19|20)\d{10})(?!\d)")
# Swedish phone numbers: 0 + 7-9 digits, or +46/0046 + 7-9 digits, single spaces, dashes or
# slashes allowed between digits ("070-123 45 67", "0523-123 45", "+46 (0)70 1234567").
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)46[\s-]*(?:\(0\)[\s-]*)?|0)\d(?:[\s\-/]?\d){6,8}(?![\w])"
)
_COMPANY_SUFFIX = re.compile(r"\s+(?:AB|HB|KB|Aktiebolag|Handelsbolag|Ek\.?\s*för\.?)$", re.I)


def mask_text(text: str, names: Iterable[str] = (), companies: Iterable[str] = ()) -> str:
    """``text`` with e-mail addresses, phone and id numbers, ``names`` and ``companies`` masked.

    ``names`` are people's names: the whole name and each part of three letters or more are
    masked wherever they occur as words. ``companies`` are masked as whole names, also without
    a legal suffix such as AB::

        >>> mask_text("Vi på Smögens Fisk söker kockar", companies=["Smögens Fisk AB"])
        'Vi på [företaget] söker kockar'
    """
    if not text:
        return text
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _ID_NUMBER.sub(ID_NUMBER_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    for company in companies:
        company = (company or "").strip()
        # The full name first, so "Smögens Fisk AB" is masked whole, not as "[företaget] AB".
        for variant in sorted({company, _COMPANY_SUFFIX.sub("", company)}, key=len, reverse=True):
            if len(variant) >= 3:
                text = re.sub(rf"(?<!\w){re.escape(variant)}(?!\w)", COMPANY_MASK, text, flags=re.I)
    for name in names:
        name = (name or "").strip()
        if len(name) < 2:
            continue
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", NAME_MASK, text, flags=re.I)
        # Single name parts are matched case-sensitively: "Per" is a name, "per år" is not.
        for part in re.split(r"[\s,]+", name):
            if len(part) >= 3 and part[0].isupper():
                text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", NAME_MASK, text)
    return text


def contacts_path(area: str, year: int, source: Path) -> Path:
    """Where the contact file of one survey export goes: outside ``reports/``, never committed."""
    return paths.CONTACTS / area / str(year) / f"{Path(source).stem}-kontakter.csv"


def write_contacts(survey: SurveyData, area: str, year: int) -> Path:
    """Write ``survey.contacts`` to the area's contact folder and return the file's path.

    The file is UTF-8 with BOM and ``;`` so Swedish Excel opens it as it is. Lines end in CRLF,
    so a value holding a line break of either kind is quoted and stays in its cell (a bare CR
    would otherwise start a new row in Excel, whose first cell could be a formula). Writing it
    is the only thing that ever happens to contact data.
    """
    target = contacts_path(area, year, survey.source)
    if paths.REPORTS.resolve() in target.resolve().parents:  # a misconfigured CONTACTS
        raise ValueError(f"contact data must not be written under {paths.REPORTS}")
    target.parent.mkdir(parents=True, exist_ok=True)
    frame: pd.DataFrame = survey.contacts.map(safe_cell)
    frame.to_csv(target, sep=";", index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return target
