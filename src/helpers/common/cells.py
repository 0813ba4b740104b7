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
