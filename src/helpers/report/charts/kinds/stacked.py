"""100 % bars: shares that add up to a whole per label, e.g. the answers on a scale.

The parts are drawn from dark to light in one hue, so their order reads in greyscale too; a
segment wide enough carries its value, and the legend above names the parts in the same
order. A row without values (suppressed: too few answers) is said, not drawn as zero::

    >>> table = pd.DataFrame({"Bransch": ["Vård", "Bygg"], "Svårt": [0.4, None],
    ...                       "Lätt": [0.6, None]})
    >>> chart = stacked(table, label="Bransch", parts=["Svårt", "Lätt"], title="Svårast i vården",
    ...                 source="Enkäten")
    >>> chart.alt
    'Svårast i vården. Vård: Svårt 40\\xa0%, Lätt 60\\xa0%; Bygg: Svårt –, Lätt –.'
    >>> palette(2)  # the first part darkest
    ['#08306b', '#deebf7']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.common import text
from helpers.report import colours
from helpers.report.charts import layout, svg
from helpers.report.charts.model import Chart, Format, Kind, names, of_several, plain
from helpers.report.charts.style import (
    INSIDE_SIZE,
    MUTED,
    NARROW,
    SEQUENTIAL,
    TEXT_COLOUR,
    WIDE,
    Style,
)


@dataclass(frozen=True)
class Stacked:
    """What a 100 % bar chart draws: per label, one share (0–1) per part."""

    labels: tuple[str, ...]
    parts: tuple[str, ...]
    #: The shares of each part (in ``parts`` order), one per label.
    shares: tuple[tuple[object, ...], ...]
    value_format: Format
    highlighted: tuple[str, ...] = ()


def stacked(
    table: pd.DataFrame,
    *,
    label: str,
    parts: Sequence[str],
    title: str,
    source: str,
    n: int | None = None,
    example: bool = False,
    value_format: Callable[[object], str] = lambda v: text.percent(v, 0),
    highlight: str | Sequence[str] | None = None,
    notes: Sequence[str] = (),
    data_columns: dict[str, str] | None = None,
) -> Chart:
    """Shares that add up to a whole per label, as 100 % bars: ``parts`` are the answer
    columns in scale order (shares 0–1); the ``highlight`` labels' names are bold."""
    labels = tuple(str(item) for item in table[label])
    figure = Stacked(
        labels,
        tuple(parts),
        tuple(tuple(table[part]) for part in parts),
        value_format,
        tuple(item for item in labels if item in names(highlight)),
    )
    return of_several(
        "stacked",
        figure,
        table,
        label,
        parts,
        value_format,
        title=title,
        source=source,
        data_columns=data_columns,
        n=n,
        example=example,
        notes=notes,
    )


def render(chart: Chart, style: Style) -> str:
    """The wide and the narrow drawing, as a picture (the area's colour is not used: the
    parts are a scale)."""
    wide, narrow = (_drawing(chart.figure, chart.example, narrow) for narrow in (False, True))
    return svg.picture(wide, narrow, chart.alt)


KIND = Kind("stacked", Stacked, render)


def palette(count: int) -> list[str]:
    """``count`` shades of the scale, darkest first (the first answer, e.g. "Mycket svårt",
    is the one a reader looks for), spread over its whole range."""
    if count <= 1:
        return [SEQUENTIAL[3]]
    step = (len(SEQUENTIAL) - 1) / (count - 1)
    return [SEQUENTIAL[len(SEQUENTIAL) - 1 - round(i * step)] for i in range(count)]


#: A bar's thickness (points).
BAR = 19.0
#: What a row without values says.
TOO_FEW = f"{text.MISSING} (för få svar)"


def _drawing(figure: Stacked, example: bool, narrow: bool) -> str:
    """One drawing: the legend on top, then a 100 % bar per label."""
    width = (NARROW if narrow else WIDE) * 72
    names_ = layout.Names.placed(figure.labels, figure.highlighted, width=width, narrow=narrow)
    left, right = names_.bars_left, width - 4
    fills = palette(len(figure.parts))
    entries = [(fill, MUTED, part) for fill, part in zip(fills, figure.parts, strict=True)]
    columns = 2 if narrow else 0
    top = svg.MARK_HEIGHT if example else 4.0
    rows_top = top + 6 + layout.legend_height(figure.parts, left=left, right=width, columns=columns)
    drawing = svg.Drawing(width, rows_top + sum(names_.rows(BAR)))
    if example:
        drawing.example_mark()
    layout.legend(drawing, entries, left=left, top=top, columns=columns)
    middles = names_.draw(drawing, rows_top, BAR)
    for row, middle in enumerate(middles):
        start = 0.0
        for fill, shares in zip(fills, figure.shares, strict=True):
            share = plain(shares[row])
            x, span = left + start * (right - left), share * (right - left)
            drawing.rect(x, middle - BAR / 2, span, BAR, fill=fill, edge="white", edge_width=0.8)
            shown = figure.value_format(share)
            if share > 0 and svg.text_width(shown, INSIDE_SIZE) + 6 <= span:
                drawing.text(
                    x + span / 2,
                    middle,
                    shown,
                    size=INSIDE_SIZE,
                    anchor="middle",
                    colour=colours.on(fill),
                )
            start += share
        if start == 0:
            drawing.text(left + 2, middle, TOO_FEW, size=INSIDE_SIZE, colour=TEXT_COLOUR)
    return drawing.markup()
