"""A value for a spreadsheet cell, or a CSV that Excel opens, that Excel never runs as a formula.

Text from outside (a company name in a survey export, a table heading) that starts with a
character Excel reads as the start of a formula (``=``, ``+``, ``-``, ``@``, a tab or a
carriage return: OWASP's list for CSV injection) gets a leading apostrophe, Excel's own mark
for plain text; numbers and other text stay as they are. The Excel appendix
(``build.outputs``) and the contact file (``survey.privacy``) both write through it::

    >>> safe_cell('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell("-25,0 procentenheter"), safe_cell(-1), safe_cell("Sotenäs")
    ("'-25,0 procentenheter", -1, 'Sotenäs')

Control characters a workbook cannot hold (NUL and the others below space, except tab, line
feed and carriage return; openpyxl refuses the whole file for one of them) are left out::

    >>> safe_cell("Sotenäs\\x00 Bygg\\x0b AB")
    'Sotenäs Bygg AB'
"""

from __future__ import annotations

import re
from numbers import Real
from typing import Any

from helpers.common import text

#: What the XML of a workbook cannot hold (openpyxl's ILLEGAL_CHARACTERS_RE).
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: The first characters that make Excel read a cell's text as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` as Excel shows it without running it: formula-like text gets a leading ``'``,
    characters no workbook can hold are left out."""
    if isinstance(value, str):
        value = ILLEGAL.sub("", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def write_text(cell: Any, value: str) -> None:
    """Put ``value`` in an openpyxl ``cell`` as text, whatever it starts with.

    The cell is a string cell (``data_type == "s"``): a workbook reader never runs it, and no
    apostrophe shows. Formula-like text also gets Excel's own "quote prefix" mark, so it stays
    text when someone edits the cell::

        >>> from openpyxl import Workbook
        >>> cell = Workbook().active["A1"]
        >>> write_text(cell, "+9,3 procentenheter")
        >>> cell.value, cell.data_type, cell.quotePrefix
        ('+9,3 procentenheter', 's', True)
    """
    formula_like = value.startswith(FORMULA_START)
    # characters no workbook can hold are left out; a bare CR reads back as a line feed
    cell.value = ILLEGAL.sub("", value).replace("\r\n", "\n").replace("\r", "\n")
    cell.data_type = "s"
    if formula_like or cell.value.startswith(FORMULA_START):
        cell.quotePrefix = True


#: A Swedish number as ``text.number``, ``text.percent`` or ``text.points`` write it.
_SHOWN = re.compile(
    r"(?P<number>[+\-\u2212]?\d+(?:\xa0\d{3})*(?:,(?P<decimals>\d+))?)"
    r"(?P<unit>\xa0%| procentenheter| procentenhet)?"
)


def spreadsheet_number(value: object, shown: str) -> tuple[float | int, str] | None:
    """The number a spreadsheet cell holds for a figure the report shows as ``shown``, and the
    Excel number format that shows it the same way; None when ``shown`` is not a number
    (text, a code such as SSYK ``8161``, the missing mark ``–``).

    ``value`` is the figure itself, or the same text when a table holds its figures as text.
    The result is checked by writing it back with ``common.text``: the cell shows what the
    report shows (a share as a percent, the report's decimals, thousands grouped; Swedish
    Excel writes ``0.0 %`` as ``31,7 %`` and ``#,##0`` as ``9 061``)::

        >>> spreadsheet_number(0.317, "31,7\\xa0%")
        (0.317, '0.0 %')
        >>> spreadsheet_number(9061, "9\\xa0061"), spreadsheet_number(97.15, "97,2")
        ((9061, '#,##0'), (97.15, '#,##0.0'))
        >>> spreadsheet_number("+9,3 procentenheter", "+9,3 procentenheter")
        (9.3, '+0.0" procentenheter";-0.0" procentenheter";0.0" procentenheter"')
        >>> spreadsheet_number(2019, "2019"), spreadsheet_number("8161", "8161")
        ((2019, '0'), None)
    """
    if isinstance(value, bool) or not isinstance(shown, str):
        return None
    match = _SHOWN.fullmatch(shown)
    if match is None:
        return None
    written = isinstance(value, str)  # a figure held as text: never read as a year or a code
    if written:
        if value != shown:
            return None
        parsed = float(match["number"].replace("\xa0", "").replace(",", ".").replace("\u2212", "-"))
        value = parsed / 100 if match["unit"] else parsed
    if not isinstance(value, Real) or text.is_missing(value):
        return None
    decimals = len(match["decimals"] or "")
    fraction = "." + "0" * decimals if decimals else ""
    unit = match["unit"]
    if unit == "\xa0%" and text.percent(value, decimals) == shown:
        return value, f"0{fraction} %"
    if unit and text.points(value, decimals) == shown:
        word = f'"{unit}"'
        pattern = f"0{fraction}{word}"
        return _plain(value * 100, decimals), f"+{pattern};-{pattern};{pattern}"
    if unit is None and text.number(value, decimals) == shown:
        return _plain(value, decimals), f"#,##0{fraction}"
    if unit is None and not written and float(value).is_integer() and text.year(value) == shown:
        return int(value), "0"
    return None


def _plain(value: Real, decimals: int) -> float | int:
    """A whole number as an int (``9061``, not ``9061.0``), else the float as it is."""
    return int(value) if decimals == 0 and float(value).is_integer() else float(value)
