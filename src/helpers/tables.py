"""Accessible HTML tables in Swedish number format, for the report and its appendix.

>>> html = html_table(pd.DataFrame({"Område": ["Sotenäs"], "Invånare": [9061]}),
...                   caption="Folkmängd 2019")
>>> "9\\xa0061" in html
True
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable, Mapping
from numbers import Number

import pandas as pd

from . import text

Format = Callable[[object], str]
NUM = ' class="num"'


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
    """A column of numbers (or one given a number format): right-aligned, head included."""
    if column in formats:
        return True
    values = [v for v in table[column] if not text.is_missing(v)]
    return bool(values) and all(isinstance(v, Number) and not isinstance(v, bool) for v in values)


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
    head = "".join(
        f'<th scope="col"{NUM if numeric[i] and i else ""}>{html_lib.escape(str(c))}</th>'
        for i, c in enumerate(table.columns)
    )
    rows = []
    for record in table.itertuples(index=False):
        cells = []
        for position, (column, value) in enumerate(zip(table.columns, record, strict=True)):
            shown = html_lib.escape(_cell(value, formats.get(column)))
            number_like = isinstance(value, Number) and not isinstance(value, bool)
            css = NUM if (number_like or numeric[position]) and position else ""
            tag = "th" if position == 0 else "td"
            scope = ' scope="row"' if position == 0 else ""
            cells.append(f"<{tag}{scope}{css}>{shown}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{html_lib.escape(caption)}</caption>" if caption else ""
    note_html = f'<p class="table-note">{html_lib.escape(note)}</p>' if note else ""
    name = html_lib.escape(caption or "Tabell", quote=True)
    return (
        f'<div class="table-wrap" role="region" aria-label="{name}" tabindex="0">'
        f"<table>{caption_html}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>{note_html}"
    )


def formatted(table: pd.DataFrame, formats: Mapping[str, Format] | None = None) -> pd.DataFrame:
    """The table as Swedish display text, column by column (for the Excel appendix too)."""
    formats = formats or {}
    return pd.DataFrame(
        {column: [_cell(v, formats.get(column)) for v in table[column]] for column in table.columns}
    )
