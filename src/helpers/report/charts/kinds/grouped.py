"""Bars side by side: one group per label, one bar per series (e.g. women and men, or the
area and the country).

The first series is in the area's colour, the others lighter greys, outlined so that each
bar keeps 3:1 contrast; every bar carries its value, the first group names its series beside
the values, and a legend stands above::

    >>> table = pd.DataFrame({"Nivå": ["Gymnasial"], "Kvinnor": [0.4], "Män": [0.5]})
    >>> chart = grouped(table, label="Nivå", series=["Kvinnor", "Män"], title="Fler män",
    ...                 source="SCB", value_format=text.percent)
    >>> chart.alt
    'Fler män. Gymnasial: Kvinnor 40,0\\xa0%, Män 50,0\\xa0%.'
    >>> fills(2, Style())
    ['#1f5f8b', '#a6a6a6']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.common import text
from helpers.report.charts import layout, svg
from helpers.report.charts.model import Chart, Format, Kind, of_several, plain
from helpers.report.charts.style import (
    GROUP_GREYS,
    INSIDE_SIZE,
    MUTED,
    NARROW,
    SERIES,
    WIDE,
    Style,
)


@dataclass(frozen=True)
class Grouped:
    """What grouped bars draw: per series, one value per label."""

    labels: tuple[str, ...]
    series: tuple[str, ...]
    #: Each series' values (in ``series`` order), one per label.
    values: tuple[tuple[object, ...], ...]
    value_format: Format


def grouped(
    table: pd.DataFrame,
    *,
    label: str,
    series: Sequence[str],
    title: str,
    source: str,
    value_format: Format = text.number,
    n: int | None = None,
    example: bool = False,
    notes: Sequence[str] = (),
    data_columns: dict[str, str] | None = None,
) -> Chart:
    """Bars side by side, one group per ``label`` and one bar per ``series`` column."""
    figure = Grouped(
        tuple(str(item) for item in table[label]),
        tuple(str(column) for column in series),
        tuple(tuple(table[column]) for column in series),
        value_format,
    )
    return of_several(
        "grouped",
        figure,
        table,
        label,
        series,
        value_format,
        title=title,
        source=source,
        data_columns=data_columns,
        n=n,
        example=example,
        notes=notes,
    )


def render(chart: Chart, style: Style) -> str:
    """The wide and the narrow drawing, as a picture."""
    wide, narrow = (
        _drawing(chart.figure, style, chart.example, narrow) for narrow in (False, True)
    )
    return svg.picture(wide, narrow, chart.alt)


KIND = Kind("grouped", Grouped, render)


def fills(count: int, style: Style) -> list[str]:
    """The series' colours: the area's and greys, or colour-blind-safe hues past four."""
    return [style.area, *GROUP_GREYS][:count] if count <= 1 + len(GROUP_GREYS) else list(SERIES)


#: Between a value and its series' name in the first group (an en space: SVG collapses
#: ordinary spaces).
NAME_GAP = "\u2002"
#: Each series' bar in a group: its pitch and the bar's share of it (points).
PITCH, BAR = 14.0, 12.9


def _drawing(figure: Grouped, style: Style, example: bool, narrow: bool) -> str:
    """One drawing: the legend on top, then a group of bars per label."""
    width = (NARROW if narrow else WIDE) * 72
    names = layout.Names.placed(figure.labels, (), width=width, narrow=narrow)
    colours = fills(len(figure.series), style)
    edges = [colours[0]] + [MUTED] * (len(figure.series) - 1)
    shown = [
        [
            figure.value_format(value) + (f"{NAME_GAP}{name}" if row == 0 else "")
            for row, value in enumerate(values)
        ]
        for name, values in zip(figure.series, figure.values, strict=True)
    ]
    scale = layout.Scale.fitting(
        [plain(value) for values in figure.values for value in values],
        [svg.text_width(label, INSIDE_SIZE) for labels in shown for label in labels],
        left=names.bars_left,
        right=width - 4,
        gap=layout.GAP,
    )
    columns = 2 if narrow else 0
    top = svg.MARK_HEIGHT if example else 4.0
    rows_top = (
        top
        + 6
        + layout.legend_height(figure.series, left=names.bars_left, right=width, columns=columns)
    )
    block = PITCH * len(figure.series)
    bottom = rows_top + sum(names.rows(block))
    drawing = svg.Drawing(width, bottom)
    if example:
        drawing.example_mark()
    entries = list(zip(colours, edges, figure.series, strict=False))
    layout.legend(drawing, entries, left=names.bars_left, top=top, columns=columns)
    middles = names.draw(drawing, rows_top, block)
    for index, (values, labels) in enumerate(zip(figure.values, shown, strict=True)):
        fill, edge = colours[index % len(colours)], edges[index]
        for middle, value, label in zip(middles, values, labels, strict=True):
            y = middle - block / 2 + (index + 0.5) * PITCH
            number = plain(value)
            drawing.rect(
                scale.zero, y - BAR / 2, number * scale.per_unit, BAR, fill=fill, edge=edge
            )
            layout.value_label(drawing, scale, number, label, y, INSIDE_SIZE)
    names.zero_line(drawing, scale.zero, rows_top, middles, block)
    return drawing.markup()
