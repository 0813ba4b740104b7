"""Bars: one value per label, the highlighted label(s) in the area's colour.

Horizontal bars of values that are not negative (nearly all of a report's) are HTML: each
label on its own line above its bar and the value after it, so long answer texts wrap on any
screen and stay text in the PDF (drawing them took a third of a report's kernel time). Bars
below zero, and upright bars, are drawn as SVG, wide and narrow (on a phone each label stands
above its bar)::

    >>> table = pd.DataFrame({"område": ["Sotenäs", "Riket"], "andel": [0.25, 0.2]})
    >>> chart = bars(table, label="område", value="andel", title="Fler i Sotenäs",
    ...              source="SCB", highlight="Sotenäs", value_format=text.percent)
    >>> chart.alt
    'Fler i Sotenäs. Sotenäs: 25,0\\xa0%; Riket: 20,0\\xa0%.'
    >>> render(chart, Style()).startswith('<div class="bar-chart" role="img"')
    True
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.common import text
from helpers.report.charts import layout, svg
from helpers.report.charts.model import Chart, Format, Kind, describe, names, plain
from helpers.report.charts.style import (
    AXIS_SIZE,
    EXAMPLE_MARK,
    GREYS,
    LONGEST_BAR,
    MUTED,
    NARROW,
    VALUE_SIZE,
    WIDE,
    Style,
)


@dataclass(frozen=True)
class Bars:
    """What a bar chart draws."""

    labels: tuple[str, ...]
    values: tuple[object, ...]
    value_format: Format
    #: The labels drawn in the area's colour and bold; none: every bar in the area's colour.
    highlighted: tuple[str, ...] = ()
    axis_label: str = ""
    horizontal: bool = True

    def colour(self, label: str, style: Style) -> str:
        """The bar's colour: the area's, or grey beside a highlighted one."""
        return GREYS[0] if self.highlighted and label not in self.highlighted else style.area


def bars(
    table: pd.DataFrame,
    *,
    label: str,
    value: str,
    title: str,
    source: str,
    highlight: str | Sequence[str] | None = None,
    value_format: Format = text.number,
    axis_label: str = "",
    n: int | None = None,
    example: bool = False,
    horizontal: bool = True,
    data_columns: dict[str, str] | None = None,
) -> Chart:
    """A bar chart of one value per label, the highlighted label(s) in the area colour.

    Values are written at the end of each bar, so nothing is told by colour alone; the
    highlighted label is bold too. ``data_columns`` renames the data table's columns.
    """
    highlighted = names(highlight)
    labels = tuple(str(item) for item in table[label])
    values = tuple(table[value])
    renamed = data_columns or {}
    figure = Bars(
        labels,
        values,
        value_format,
        highlighted=tuple(item for item in labels if item in highlighted),
        axis_label=axis_label,
        horizontal=horizontal,
    )
    return Chart(
        "bars",
        figure,
        title,
        f"{title}. {describe(labels, values, value_format)}.",
        source,
        table[[label, value]].rename(columns=renamed),
        n=n,
        example=example,
        formats={renamed.get(value, value): value_format},
    )


def render(chart: Chart, style: Style) -> str:
    """HTML bars when they can be (horizontal, none below zero), else the two drawings."""
    figure: Bars = chart.figure
    if figure.horizontal and min([plain(v) for v in figure.values] + [0]) >= 0:
        return html_bars(figure, style, alt=chart.alt, example=chart.example)
    wide = None if figure.horizontal else upright(figure, style, chart.example)
    return svg.picture(
        wide or across(figure, style, chart.example, narrow=False),
        across(figure, style, chart.example, narrow=True),
        chart.alt,
    )


KIND = Kind("bars", Bars, render)


def html_bars(figure: Bars, style: Style, *, alt: str, example: bool = False) -> str:
    """Horizontal bars with each label on its own line above its bar and the value after it,
    as HTML. A missing (hidden) value shows "–" and no bar. The chart is one image to
    assistive technology, named by ``alt`` like a drawn chart."""
    numbers = [plain(v) for v in figure.values]
    top = max([*numbers, 0.0]) or 1.0
    rows = []
    for label, value, number in zip(figure.labels, figure.values, numbers, strict=True):
        bold = label in figure.highlighted
        width = round(LONGEST_BAR * max(number, 0.0) / top, 2)
        bar = (
            f'<span class="bar" style="width: {width}%; '
            f'background-color: {figure.colour(label, style)}"></span>'
            if not text.is_missing(value) and width > 0
            else ""
        )
        rows.append(
            f'<div class="bar-row{" highlighted" if bold else ""}">'
            f'<p class="bar-label">{html_lib.escape(label)}</p>'
            f'<p class="bar-line">{bar}<span class="bar-value">'
            f"{html_lib.escape(figure.value_format(value))}</span></p></div>"
        )
    mark = f'<p class="chart-mark">{EXAMPLE_MARK.upper()}</p>' if example else ""
    axis = (
        f'<p class="bar-axis">{html_lib.escape(figure.axis_label)}</p>' if figure.axis_label else ""
    )
    return (
        f'<div class="bar-chart" role="img" aria-label="{html_lib.escape(alt)}">'
        f"{mark}{''.join(rows)}{axis}</div>"
    )


#: A bar's thickness across (points).
BAR = 17.6


def across(figure: Bars, style: Style, example: bool, *, narrow: bool) -> str:
    """Bars across from a zero line, each value written beyond its bar's end (before it when
    negative). Wide: the names beside the bars; narrow: each name above its bar."""
    width = (NARROW if narrow else WIDE) * 72
    names = layout.Names.placed(figure.labels, figure.highlighted, width=width, narrow=narrow)
    shown = [figure.value_format(v) for v in figure.values]
    numbers = [plain(v) for v in figure.values]
    scale = layout.Scale.fitting(
        numbers,
        [svg.text_width(s, VALUE_SIZE) for s in shown],
        left=names.bars_left,
        right=width - 4,
        gap=layout.GAP,
    )
    top = svg.MARK_HEIGHT if example else 4.0
    bottom = top + sum(names.rows(BAR))
    under = AXIS_SIZE * 1.3 + 4 if figure.axis_label else 0.0
    drawing = svg.Drawing(width, bottom + under + 4)
    if example:
        drawing.example_mark()
    middles = names.draw(drawing, top, BAR)
    for label, middle, number, value in zip(figure.labels, middles, numbers, shown, strict=True):
        colour = figure.colour(label, style)
        drawing.rect(scale.zero, middle - BAR / 2, number * scale.per_unit, BAR, fill=colour)
        layout.value_label(drawing, scale, number, value, middle, VALUE_SIZE)
    names.zero_line(drawing, scale.zero, top, middles, BAR)
    if figure.axis_label:
        drawing.text(
            names.bars_left,
            bottom + AXIS_SIZE * 0.65,
            figure.axis_label,
            size=AXIS_SIZE,
            colour=MUTED,
        )
    return drawing.markup()


#: Upright bars: the drawing's height, and a bar's share of its slot.
UPRIGHT_HEIGHT, UPRIGHT_BAR = 3.4 * 72, 0.65


def upright(figure: Bars, style: Style, example: bool) -> str | None:
    """Upright bars, the names under them and each value above its bar (under it when
    negative); None when a name has a word wider than its bar's slot: those bars are
    better laid across."""
    width = WIDE * 72
    labels, bold = figure.labels, figure.highlighted
    left = 4 + (AXIS_SIZE * 1.4 if figure.axis_label else 0.0)
    right = width - 4
    slot = (right - left) / max(len(labels), 1)
    lines = [svg.wrap(label, slot - 4, VALUE_SIZE, bold=label in bold) for label in labels]
    if any(
        svg.text_width(line, VALUE_SIZE, bold=label in bold) > slot - 2
        for label, name in zip(labels, lines, strict=True)
        for line in name
    ):
        return None
    numbers = [plain(v) for v in figure.values]
    value_height = VALUE_SIZE * 1.2 + 3
    top = (svg.MARK_HEIGHT if example else 4.0) + value_height
    names_height = svg.lines_height(max(map(len, lines), default=1), VALUE_SIZE) + 6
    high, low = max(numbers + [0.0]), min(numbers + [0.0])
    bottom = UPRIGHT_HEIGHT - names_height - (value_height if low < 0 else 0)
    per_unit = (bottom - top) / ((high - low) or 1.0)
    zero = top + high * per_unit
    drawing = svg.Drawing(width, UPRIGHT_HEIGHT)
    if example:
        drawing.example_mark()
    for index, (label, name, number, value) in enumerate(
        zip(labels, lines, numbers, figure.values, strict=True)
    ):
        centre = left + (index + 0.5) * slot
        bar = slot * UPRIGHT_BAR
        end = zero - number * per_unit
        drawing.rect(centre - bar / 2, zero, bar, end - zero, fill=figure.colour(label, style))
        shift = -(value_height / 2) if number >= 0 else value_height / 2
        drawing.text(
            centre, end + shift, figure.value_format(value), size=VALUE_SIZE, anchor="middle"
        )
        drawing.text_lines(
            centre,
            UPRIGHT_HEIGHT - names_height + 2,
            name,
            size=VALUE_SIZE,
            anchor="middle",
            bold=label in bold,
        )
    drawing.line(left, zero, right, zero)
    if figure.axis_label:
        drawing.text(
            4,
            (top + bottom) / 2,
            figure.axis_label,
            size=AXIS_SIZE,
            anchor="middle",
            colour=MUTED,
            rotate=True,
        )
    return drawing.markup()


@dataclass(frozen=True)
class BarRow:
    """One row of HTML bars as it was written (``html_bars``): label, value as shown, bar
    length in percent of the line (0 for none), colour, and whether it is highlighted."""

    label: str
    shown: str
    length: float
    colour: str
    bold: bool = False


#: Drawn HTML bars: a bar's thickness and the gap under a row (points).
ROW_BAR, ROW_GAP = 12.0, 7.0


def html_bars_drawn(rows: Sequence[BarRow], *, axis_label: str = "", example: bool = False) -> str:
    """HTML bars (``html_bars``) drawn as one SVG, laid out as the HTML lays them: each
    label on its own line above its bar and the value after it, in the same lengths and
    colours. For where HTML cannot go (the Word version's images)::

        >>> drawn = html_bars_drawn([BarRow("Sotenäs", "25,0 %", 85.0, "#1f5f8b", True)])
        >>> drawn.startswith("<svg") and "Sotenäs" in drawn and "25,0 %" in drawn
        True
    """
    width = WIDE * 72
    line = width - 4
    lines = [svg.wrap(row.label, line, VALUE_SIZE, bold=row.bold) for row in rows]
    top = svg.MARK_HEIGHT if example else 4.0
    heights = [svg.lines_height(len(name), VALUE_SIZE) + 2 + ROW_BAR + ROW_GAP for name in lines]
    bottom = top + sum(heights)
    under = AXIS_SIZE * 1.3 + 2 if axis_label else 0.0
    drawing = svg.Drawing(width, bottom + under + 2)
    if example:
        drawing.example_mark()
    y = top
    for row, name, height in zip(rows, lines, heights, strict=True):
        drawing.text_lines(2, y, name, size=VALUE_SIZE, bold=row.bold)
        bar_top = y + svg.lines_height(len(name), VALUE_SIZE) + 2
        length = line * row.length / 100
        if length > 0:
            drawing.rect(2, bar_top, length, ROW_BAR, fill=row.colour)
        drawing.text(
            2 + length + layout.GAP,
            bar_top + ROW_BAR / 2,
            row.shown,
            size=VALUE_SIZE,
            bold=row.bold,
        )
        y += height
    if axis_label:
        drawing.text(2, bottom + AXIS_SIZE * 0.65, axis_label, size=AXIS_SIZE, colour=MUTED)
    return drawing.markup()
