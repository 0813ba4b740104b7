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

import os
import re
import tempfile
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

#: Modes of the contact file and its folders: readable by the owner only.
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700

# An e-mail address is found from its "@domain" (a regular expression that can only start at
# an "@", so it scans each stretch of text once) and its local part is read backwards from the
# "@" up to the previous "@": masking is linear in the length of the text. A regular
# expression for the whole address would restart at every letter of a long word and be
# quadratic (a 40 000-character word took 2,5 s; one megabyte would take half an hour).
# The local part may hold an apostrophe (o'hara@...) but not start with one: a quote before an
# address ('anna@fisk.se') is the text's, and stays.
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_LOCAL_PUNCTUATION = frozenset(".%+'-_")
# Personnummer (with or without century, with "-", "+", a space or nothing before the last
# four digits) and organisation numbers (10 digits, or 6-4 with a dash). A plain run of 10
# digits starting with 0 is left to the phone pattern (0701234567); either way it is masked.
_ID_NUMBER = re.compile(
    r"(?<![\d+])(?:"
    r"(?:19|20)\d{6}[-+ ]?\d{4}"  # 19850101-1234, 198501011234, 19850101 1234
    r"|\d{6}[-+]\d{4}"  # 850101-1234, 556677-8899
    r"|[1-9]\d{5} ?\d{4}"  # 8501011234, 850101 1234, 5566778899
    r")(?![\d])"
)
# Swedish phone numbers: 0 + 7-9 digits, or +46/0046 + 7-9 digits, with single separators
# (space, no-break space, "-", "–", "—", ".", "/") between digits and the area code in
# brackets or not: "070-123 45 67", "070.123.45.67", "(070) 123 45 67", "070–123 45 67",
# "0523-123 45", "+46 (0)70 1234567". Every repetition is bounded, so each starting point
# costs the same whatever follows it.
_PHONE_SEP = r"[\s\-\u2013\u2014./]"
_PHONE = re.compile(
    r"(?<![\w+(])(?:"
    rf"(?:\+|00)46{_PHONE_SEP}{{0,2}}(?:\(0\){_PHONE_SEP}{{0,2}})?\d(?:{_PHONE_SEP}?\d){{6,8}}"
    rf"|\(0\d{{1,3}}\){_PHONE_SEP}{{0,2}}\d(?:{_PHONE_SEP}?\d){{4,7}}"
    rf"|0\d(?:{_PHONE_SEP}?\d){{6,8}}"
    r")(?!\w)"
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
    text = _mask_emails(text)
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


def _mask_emails(text: str) -> str:
    """``text`` with every e-mail address replaced by ``EMAIL_MASK``, in one pass.

    >>> _mask_emails("a@b@c.se, 'anna@fisk.se' och o'hara@x.se")
    "a@[e-post], '[e-post]' och [e-post]"
    """
    pieces: list[str] = []
    done = 0  # text[:done] is in pieces
    for match in _EMAIL_DOMAIN.finditer(text):
        at = start = match.start()
        while start > done and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_PUNCTUATION):
            start -= 1
        while start < at and text[start] == "'":
            start += 1
        if start == at:
            continue  # "@domain" with no local part: not an address
        pieces += [text[done:start], EMAIL_MASK]
        done = match.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def quoted(value: str | None, message: str) -> str | None:
    """``value`` if ``message`` quotes it, else None: an issue keeps as its value (which
    ``lka validate`` lists when it groups issues) only what its message already shows.

    Messages quote an answer only when it was recognised as a number or a near-miss of a
    label; an answer that fits nothing may be a name typed in the wrong column, and is told
    by its column and row instead.

    >>> quoted("ca 12", "'ca 12' är ingen exakt siffra")
    'ca 12'
    >>> quoted("Anna Berg", "svaret är inte ett tal") is None
    True
    """
    return value if value is not None and f"'{value}'" in message else None


def contacts_path(area: str, year: int, source: Path) -> Path:
    """Where the contact file of one survey export goes: outside ``reports/``, never committed."""
    return paths.CONTACTS / area / str(year) / f"{Path(source).stem}-kontakter.csv"


def write_contacts(survey: SurveyData, area: str, year: int) -> Path:
    """Write ``survey.contacts`` to the area's contact folder and return the file's path.

    The file is UTF-8 with BOM and ``;`` so Swedish Excel opens it as it is. Lines end in CRLF,
    so a value holding a line break of either kind is quoted and stays in its cell (a bare CR
    would otherwise start a new row in Excel, whose first cell could be a formula). Writing it
    is the only thing that ever happens to contact data.

    Only the owner may read it: the file is created with mode 0600 (written to a temporary
    file of that mode, then renamed over the old one, so no reader ever sees a half-written
    or world-readable file) and every folder from ``paths.CONTACTS`` down gets mode 0700.
    """
    target = contacts_path(area, year, survey.source)
    if paths.REPORTS.resolve() in target.resolve().parents:  # a misconfigured CONTACTS
        raise ValueError(f"contact data must not be written under {paths.REPORTS}")
    _private_folders(paths.CONTACTS, target.parent)
    frame: pd.DataFrame = survey.contacts.map(safe_cell)
    data = frame.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        os.fchmod(handle, OWNER_ONLY_FILE)  # mkstemp gives 0600 already; say so explicitly
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _private_folders(root: Path, folder: Path) -> None:
    """Make ``folder`` and every folder between it and ``root`` (included) owner-only (0700)."""
    folder.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
    for each in [folder, *folder.parents]:
        each.chmod(OWNER_ONLY_FOLDER)  # mkdir's mode is masked by umask, and old folders stay
        if each == root or root not in each.parents:
            break
