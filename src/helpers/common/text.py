"""Swedish numbers and words for the report: the one place that decides how a figure reads.

Numbers follow Swedish typography (Babel, locale ``sv_SE``): a no-break space groups
thousands, a comma marks decimals and a no-break space stands before ``%``::

    >>> number(9061)
    '9\\xa0061'
    >>> percent(0.317)
    '31,7\\xa0%'
    >>> points(0.024)
    '+2,4 procentenheter'

A negative number has the minus sign (U+2212), never a hyphen, wherever it is written::

    >>> number(-1250), points(-0.05)
    ('−1\xa0250', '−5,0 procentenheter')

Missing values (``None``, ``NaN``, ``pd.NA``) read as an en dash, the same mark the
disclosure control uses, so a table never shows ``nan``.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

import pandas as pd
from babel.numbers import format_decimal

LOCALE = "sv_SE"
NBSP = "\u00a0"
#: The minus sign of every negative number the report writes (never a hyphen-minus).
MINUS = "\u2212"
#: What a missing or suppressed figure reads as, in tables, charts and text.
MISSING = "–"
#: The legend for ``MISSING`` under a table where no other note explains it (the Excel
#: appendix writes it on a sheet with such a cell; a disclosure note explains it otherwise).
MISSING_NOTE = f"{MISSING} = uppgift saknas."
#: Words that keep their capital letter mid-sentence.
PROPER = ("Arbetsförmedlingen", "Komvux")
_EXAMPLES = re.compile(r"\s*\(t\.ex\.[^()]*\)$")


def is_missing(value: object) -> bool:
    """True for None, NaN and pandas' NA: values a report shows as ``MISSING``."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and other non-scalars are not "a missing value"
        return False


def _rounded(value: Real, decimals: int) -> Decimal:
    # Babel rounds half to even (31,65 -> 31,6); readers and Excel expect half up.
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def number(value: object, decimals: int = 0) -> str:
    """A number in Swedish format: ``number(1250.5, 1) == '1\\xa0250,5'``."""
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    rounded = _rounded(value, decimals)
    text = format_decimal(abs(rounded), format=pattern, locale=LOCALE)
    return MINUS + text if rounded < 0 else text


def percent(share: object, decimals: int = 1) -> str:
    """A share (0–1) as a Swedish percentage: ``percent(0.317) == '31,7\\xa0%'``."""
    if is_missing(share):
        return MISSING
    return f"{number(float(share) * 100, decimals)}{NBSP}%"


def points(difference: object, decimals: int = 1) -> str:
    """A difference between two shares, in procentenheter, with its sign."""
    if is_missing(difference):
        return MISSING
    value = float(difference) * 100
    sign = "+" if _rounded(value, decimals) > 0 else ""
    unit = "procentenhet" if abs(float(_rounded(value, decimals))) == 1 else "procentenheter"
    return f"{sign}{number(value, decimals)} {unit}"


_WRITTEN_NUMBER = re.compile(r"[+\u2212-]?\d{1,3}(?:\xa0\d{3})*(?:,\d+)?(?:\xa0%)?")


def signed(value: object, decimals: int = 1) -> str:
    """A number with its sign always written: ``signed(2.4) == '+2,4'``, minus as "−"."""
    if is_missing(value):
        return MISSING
    return ("+" if _rounded(value, decimals) > 0 else "") + number(value, decimals)


def points_range(low: object, high: object, decimals: int = 1, *, unit: bool = True) -> str:
    """An interval of a difference between two shares, in procentenheter (``unit=False``:
    without the word, for a column whose header names it).

    >>> points_range(-0.293, 0.066), points_range(-0.293, 0.066, unit=False)
    ('−29,3 till +6,6 procentenheter', '−29,3 till +6,6')
    """
    if is_missing(low) or is_missing(high):
        return MISSING
    low_, high_ = (signed(float(v) * 100, decimals) for v in (low, high))
    return f"{low_} till {high_}" + (" procentenheter" if unit else "")


def reads_as_number(shown: str) -> bool:
    """True for text that ``number`` or ``percent`` wrote (``'9\xa0061'``, ``'31,7\xa0%'``):
    a table column of them is a column of numbers, right-aligned, even as text."""
    return bool(_WRITTEN_NUMBER.fullmatch(shown))


def year(value: object) -> str:
    """A year, never grouped: ``year(2019) == '2019'``."""
    return MISSING if is_missing(value) else str(int(value))


def span(years: list[int]) -> str:
    """Years as a text: one year, or the first and the last with an en dash.

    >>> span([2022]), span([1994, 1995, 2001])
    ('2022', '1994–2001')
    """
    shown = sorted(set(years))
    if not shown:
        return ""
    return year(shown[0]) if len(shown) == 1 else f"{year(shown[0])}–{year(shown[-1])}"


def share_in_words(share: float) -> str | None:
    """A plain-language fraction for a chart title, when one fits within a point.

    >>> share_in_words(0.34)
    'var tredje'
    """
    if is_missing(share) or share <= 0:
        return None
    words = {
        2: "varannan",
        3: "var tredje",
        4: "var fjärde",
        5: "var femte",
        6: "var sjätte",
        7: "var sjunde",
        8: "var åttonde",
        10: "var tionde",
    }
    for denominator, word in words.items():
        if math.isclose(share, 1 / denominator, abs_tol=0.01):
            return word
    return None


def join(items: list[str], conjunction: str = "och") -> str:
    """Join words the Swedish way: ``join(['a', 'b', 'c']) == 'a, b och c'``."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def capitalize(sentence: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower the rest)."""
    return sentence[:1].upper() + sentence[1:]


def without_examples(label: str) -> str:
    """An option label without its trailing examples, "(t.ex. ...)".

    >>> without_examples("Certifikat och behörigheter (t.ex. truck/lift/svets)")
    'Certifikat och behörigheter'
    """
    return _EXAMPLES.sub("", label)


def mid_sentence(label: str) -> str:
    """A label used inside a sentence: lower-case first letter (not acronyms or names), and
    without its examples.

    >>> mid_sentence("Kort kurs (1–5 dagar)"), mid_sentence("YH-studerande (LIA)")
    ('kort kurs (1–5 dagar)', 'YH-studerande (LIA)')
    >>> mid_sentence("Certifikat och behörigheter (t.ex. truck/lift/svets)")
    'certifikat och behörigheter'
    """
    label = without_examples(label)
    if label.startswith(PROPER) or (len(label) > 1 and label[1].isupper()):
        return label
    return label[:1].lower() + label[1:]


def comparative(
    value: float,
    reference: float,
    *,
    higher: str = "högre",
    lower: str = "lägre",
    same: str = "ungefär lika hög",
    tolerance: float = 0.005,
) -> str:
    """The word that compares two figures, for titles and sentences written from data.

    >>> comparative(0.31, 0.44) + " än riket"
    'lägre än riket'
    """
    if abs(value - reference) <= tolerance * max(abs(reference), 1e-9):
        return same
    return higher if value > reference else lower
