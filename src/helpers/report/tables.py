"""Accessible HTML tables in Swedish number format, for the report and its appendix.

>>> html = html_table(pd.DataFrame({"Område": ["Sotenäs"], "Invånare": [9061]}),
...                   caption="Folkmängd 2019")
>>> "9\\xa0061" in html
True
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable, Mapping, Sequence
from numbers import Number

import pandas as pd

from helpers.common import text

Format = Callable[[object], str]
NUM = ' class="num"'
#: The text column's width in average characters of table text (170 mm at 8,5 pt in print),
#: for ``column_widths``.
LINE_CHARACTERS = 104
#: Bold text (the column heads, the row heads) is this much wider than the average.
BOLD_WIDTH = 1.15
#: Room kept around a column's longest word: characters differ in width from the average,
#: and a word wider than its column is broken in two.
WORD_ROOM = 1.25
#: Each cell's padding, in the same characters.
PADDING_CHARACTERS = 3
#: A column whose longest line is this short never wraps ("i närheten" on two lines reads
#: badly); the long columns wrap instead.
SHORT_LINE = 16


def _cell(value: object, formatter: Format | None) -> str:
    if formatter is not None:
        return formatter(value)
    if text.is_missing(value):
        return text.MISSING
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, Number):
        return text.number(value, 0 if float(value).is_integer() else 1)
    return str(value)


def _numeric(table: pd.DataFrame, column: object, formats: Mapping[str, Format]) -> bool:
    """A column of numbers (or one given a number format, or of numbers already written as
    text, as in the appendix): right-aligned, head included."""
    if column in formats:
        return True
    values = [v for v in table[column] if not text.is_missing(v) and v != text.MISSING]
    return bool(values) and all(
        (isinstance(v, Number) and not isinstance(v, bool))
        or (isinstance(v, str) and text.reads_as_number(v))
        for v in values
    )


def column_widths(cells: Sequence[Sequence[str]], nowrap: Sequence[bool]) -> list[float] | None:
    """Each column's share of the table's width (per cent), from the text in its cells, or
    None when the columns fit only with words broken: then the renderer measures them.

    This is the browser's automatic table layout, done once from the text instead of by
    WeasyPrint for every cell, twice (its slowest step in the PDF): a column gets the width
    of its longest line; when the columns do not fit side by side, each keeps room for its
    longest word (a whole number or text that must not wrap) and the rest of the width goes
    where wrapping saves most; short columns (``SHORT_LINE``) keep their lines whole.
    ``cells`` are rows of display text, the header row first; the heads (first row, first
    column) are bold.
    """
    count = len(nowrap)
    longest_line, least = [0.0] * count, [0.0] * count
    for number, row in enumerate(cells):
        for position, shown in enumerate(row):
            scale = BOLD_WIDTH if number == 0 or position == 0 else 1.0
            line = scale * len(shown) + PADDING_CHARACTERS
            whole = nowrap[position] and number > 0  # a header may wrap, a number may not
            word = scale * (len(shown) if whole else max(map(len, shown.split() or [""])))
            longest_line[position] = max(longest_line[position], line)
            least[position] = max(least[position], WORD_ROOM * word + PADDING_CHARACTERS)
    least = [
        max(low, line if line <= SHORT_LINE else 0.0)
        for low, line in zip(least, longest_line, strict=True)
    ]
    if sum(least) > LINE_CHARACTERS:
        return None
    wanted = [max(line, low) for line, low in zip(longest_line, least, strict=True)]
    if sum(wanted) <= LINE_CHARACTERS:
        widths = wanted
    else:
        spare = LINE_CHARACTERS - sum(least)
        slack = [want - low for want, low in zip(wanted, least, strict=True)]
        widths = [low + spare * s / sum(slack) for low, s in zip(least, slack, strict=True)]
    return [round(100 * width / sum(widths), 1) for width in widths]


def html_table(
    table: pd.DataFrame,
    *,
    caption: str = "",
    formats: Mapping[str, Format] | None = None,
    note: str = "",
) -> str:
    """An HTML table with a caption, column headers scoped and numbers right-aligned.

    The table sits in a frame that scrolls sideways on a narrow screen (the page itself
    never does); the frame is focusable and named by the caption, so keyboard users can
    scroll it too.
    """
    formats = formats or {}
    numeric = [_numeric(table, column, formats) for column in table.columns]
    headers = [str(c) for c in table.columns]
    head = "".join(
        f'<th scope="col"{NUM if numeric[i] and i else ""}>{html_lib.escape(c)}</th>'
        for i, c in enumerate(headers)
    )
    rows, texts = [], [headers]
    for record in table.itertuples(index=False):
        cells, shown_row = [], []
        for position, (column, value) in enumerate(zip(table.columns, record, strict=True)):
            shown = _cell(value, formats.get(column))
            number_like = isinstance(value, Number) and not isinstance(value, bool)
            css = NUM if (number_like or numeric[position]) and position else ""
            tag = "th" if position == 0 else "td"
            scope = ' scope="row"' if position == 0 else ""
            cells.append(f"<{tag}{scope}{css}>{html_lib.escape(shown)}</{tag}>")
            shown_row.append(shown)
        rows.append("<tr>" + "".join(cells) + "</tr>")
        texts.append(shown_row)
    nowrap = [right and position > 0 for position, right in enumerate(numeric)]
    widths = column_widths(texts, nowrap)
    sized = ' class="sized"' if widths else ""
    columns = "".join(f'<col style="width: {width}%">' for width in widths or [])
    caption_html = f"<caption>{html_lib.escape(caption)}</caption>" if caption else ""
    note_html = f'<p class="table-note">{html_lib.escape(note)}</p>' if note else ""
    name = html_lib.escape(caption or "Tabell", quote=True)
    return (
        f'<div class="table-wrap" role="region" aria-label="{name}" tabindex="0">'
        f"<table{sized}>{caption_html}<colgroup>{columns}</colgroup>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>{note_html}"
    )


def formatted(table: pd.DataFrame, formats: Mapping[str, Format] | None = None) -> pd.DataFrame:
    """The table as Swedish display text, column by column (for the Excel appendix too)."""
    formats = formats or {}
    return pd.DataFrame(
        {column: [_cell(v, formats.get(column)) for v in table[column]] for column in table.columns}
    )
