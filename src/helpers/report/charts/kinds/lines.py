"""Lines over time, one per series; the highlighted series thick, in the area's colour.

Drawn as SVG, wide with each line named at its end and narrow with a legend above; the
comparisons differ in dash pattern and marker as well as in grey::

    >>> table = pd.DataFrame({"år": [2001, 2021] * 2, "område": ["Sotenäs"] * 2 + ["Riket"] * 2,
    ...                       "index": [100, 96, 100, 117]})
    >>> chart = lines(table, x="år", y="index", series="område", title="Sotenäs krymper",
    ...               source="SCB", highlight="Sotenäs")
    >>> chart.alt
    'Sotenäs krymper. Senaste år: Sotenäs: 96; Riket: 117.'
    >>> render(chart, Style()).startswith('<picture><source media="(max-width: 37.5em)"')
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from helpers.common import text
from helpers.report.charts import svg
from helpers.report.charts.model import Chart, Format, Kind, describe
from helpers.report.charts.style import (
    AXIS_SIZE,
    GREYS,
    GRID,
    LEGEND_SIZE,
    LINE_STYLES,
    MUTED,
    NARROW,
    SERIES,
    WIDE,
    Style,
)


@dataclass(frozen=True)
class Series:
    """One line: its name and its (year, value) points in order, value None where missing."""

    name: str
    points: tuple[tuple[float, float | None], ...]
    highlighted: bool
    #: Series of one group share a colour and differ in dash (e.g. women in two statistics).
    group: str | None = None


@dataclass(frozen=True)
class Lines:
    """What a line chart draws."""

    series: tuple[Series, ...]
    years: tuple[Any, ...]
    value_format: Format
    axis_label: str = ""


def lines(
    table: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str,
    title: str,
    source: str,
    highlight: str | None = None,
    group: str | None = None,
    value_format: Callable[[object], str] = text.number,
    axis_label: str = "",
    x_label: str = "År",
) -> Chart:
    """Lines over time, one per ``series``; the ``highlight`` series thick, in the area colour.

    Each line is named at its end (on a phone: in a legend above), and comparisons differ
    in dash pattern and marker as well as in grey. A series without values is left out.
    With ``group`` (a column) the lines are not "the area against the rest": each group
    gets a colour of its own and its series differ in dash, the first solid::

        >>> table = pd.DataFrame({"år": [2020, 2021] * 2, "kön": ["Kvinnor"] * 2 + ["Män"] * 2,
        ...                       "andel": [0.8, 0.82, 0.79, 0.8]})
        >>> chart = lines(table, x="år", y="andel", series="kön", group="kön", title="T",
        ...               source="SCB")
        >>> [c.colour for c in _curves(chart.figure.series, Style())] == list(SERIES[:2])
        True
    """
    drawn = []
    for name, part in table.groupby(series, sort=False):
        kind = None if group is None else str(part[group].iloc[0])
        points = tuple(
            sorted(
                (float(a), None if text.is_missing(b) else float(b))
                for a, b in zip(part[x], part[y], strict=True)
            )
        )
        if any(value is not None for _, value in points):  # else nothing to draw or name
            drawn.append(Series(str(name), points, highlighted=name == highlight, group=kind))
    figure = Lines(tuple(drawn), tuple(sorted(table[x].unique())), value_format, axis_label)
    data = table.pivot_table(index=x, columns=series, values=y, sort=False).reset_index()
    data = data.rename(columns={x: x_label})
    last = table[table[x] == table[x].max()]
    latest = describe(list(last[series]), list(last[y]), value_format)
    formats = {c: value_format for c in data.columns[1:]}
    formats[x_label] = text.year
    return Chart(
        "lines", figure, title, f"{title}. Senaste år: {latest}.", source, data, formats=formats
    )


def render(chart: Chart, style: Style) -> str:
    """The wide and the narrow drawing, as a picture."""
    figure: Lines = chart.figure
    curves = _curves(figure.series, style)
    wide, narrow = (
        _line_drawing(curves, list(figure.years), figure.value_format, figure.axis_label, narrow)
        for narrow in (False, True)
    )
    return svg.picture(wide, narrow, chart.alt)


KIND = Kind("lines", Lines, render)


@dataclass(frozen=True)
class _Curve:
    name: str
    #: (year, value) in order; value None where it is missing: the line has a gap there.
    points: tuple[tuple[float, float | None], ...]
    colour: str
    dash: str
    marker: str
    width: float
    highlighted: bool

    @property
    def runs(self) -> list[list[tuple[float, float]]]:
        """The points in unbroken stretches between missing values."""
        runs: list[list[tuple[float, float]]] = [[]]
        for year, value in self.points:
            if value is None:
                runs.append([])
            else:
                runs[-1].append((year, value))
        return [run for run in runs if run]

    @property
    def last(self) -> float:
        """The latest value the line has."""
        return self.runs[-1][-1][1]


def _curves(series: tuple[Series, ...], style: Style) -> list[_Curve]:
    """Each series' line style: the highlighted one thick in the area's colour, the others
    grey, each with its own dash pattern and marker."""
    curves = []
    others = 0
    groups: list[str] = []
    seen: dict[str, int] = {}
    for one in series:
        if one.group is not None:
            if one.group not in groups:
                groups.append(one.group)
            rank = seen[one.group] = seen.get(one.group, -1) + 1
            dash, marker = ("", "o") if rank == 0 else LINE_STYLES[(rank - 1) % len(LINE_STYLES)]
            colour = SERIES[groups.index(one.group) % len(SERIES)]
            curves.append(_Curve(one.name, one.points, colour, dash, marker, 2.0, False))
            continue
        if one.highlighted:
            look = (style.area, "", "o", 2.6)
        else:
            dash, marker = LINE_STYLES[others % len(LINE_STYLES)]
            look = (GREYS[others % len(GREYS)], dash, marker, 1.5)
            others += 1
        curves.append(_Curve(one.name, one.points, *look, highlighted=one.highlighted))
    return curves


def _spread(positions: list[float], gap: float) -> list[float]:
    """Label positions moved apart to at least ``gap``, as little as possible, order kept."""
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + gap)
    overshoot = (placed[-1] - max(positions)) / 2 if placed else 0
    placed = [p - overshoot for p in placed] if overshoot > 0 else placed
    for i in range(1, len(placed)):  # re-check after centring
        placed[i] = max(placed[i], placed[i - 1] + gap)
    result = [0.0] * len(positions)
    for rank, index in enumerate(order):
        result[index] = placed[rank]
    return result


def _line_drawing(
    curves: list[_Curve],
    years: list[Any],
    value_format: Format,
    axis_label: str,
    narrow: bool,
) -> str:
    """One drawing of ``lines``: wide with each line named at its end, narrow with a legend
    above (two columns when the names are short enough)."""
    drawing = svg.Drawing((NARROW if narrow else WIDE) * 72, (3.6 if narrow else 3.5) * 72)
    values = [value for curve in curves for run in curve.runs for _, value in run]
    pad = (max(values) - min(values)) * 0.05 or abs(max(values)) * 0.05 or 1.0
    low, high = min(values) - pad, max(values) + pad
    ticks = svg.nice_ticks(low, high, 6)
    tick_labels = [value_format(tick) for tick in ticks]

    top = 8.0
    if narrow:
        top = _line_legend(drawing, curves) + 8
    left = 4 + (AXIS_SIZE * 1.4 if axis_label else 0)
    left += max(svg.text_width(label, AXIS_SIZE) for label in tick_labels) + 6
    end_labels = [f"{c.name} {value_format(c.last)}" for c in curves]
    right = drawing.width - 8
    if not narrow:
        right -= 8 + max(
            svg.text_width(label, AXIS_SIZE, bold=c.highlighted)
            for label, c in zip(end_labels, curves, strict=True)
        )
    bottom = drawing.height - svg.tick_height(AXIS_SIZE) - 2
    first, last = float(years[0]), float(years[-1])
    margin = (last - first) * 0.05 or 0.5

    def across(year: float) -> float:
        return left + (year - first + margin) / (last - first + 2 * margin) * (right - left)

    def up(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - top)

    for tick, label in zip(ticks, tick_labels, strict=True):
        drawing.line(left, up(tick), right, up(tick), colour=GRID)
        drawing.text(left - 6, up(tick), label, size=AXIS_SIZE, anchor="end")
    if axis_label:
        middle = (top + bottom) / 2
        drawing.text(
            4, middle, axis_label, size=AXIS_SIZE, anchor="middle", colour=MUTED, rotate=True
        )
    drawing.line(left, bottom, right, bottom)
    for year in _labelled_years(years, [across(year) for year in years]):
        drawing.tick_below(across(year), bottom, text.year(year), size=AXIS_SIZE)
    for curve in sorted(curves, key=lambda c: c.highlighted):  # the area's line on top
        for run in curve.runs:
            if len(run) > 1:  # a point alone is its marker
                points = [(across(a), up(b)) for a, b in run]
                drawing.polyline(points, colour=curve.colour, width=curve.width, dash=curve.dash)
        for point in [(across(a), up(b)) for run in curve.runs for a, b in run]:
            drawing.marker(*point, curve.marker, 5 if curve.highlighted else 4, curve.colour)
    if not narrow:
        spots = _spread([up(c.last) for c in curves], AXIS_SIZE * 1.3)
        for curve, label, spot in zip(curves, end_labels, spots, strict=True):
            drawing.text(right + 8, spot, label, size=AXIS_SIZE, bold=curve.highlighted)
    return drawing.markup()


def _labelled_years(years: list[Any], positions: list[float]) -> list[Any]:
    """The years that get a label: every 1, 2, 5 or 10 years, counted back from the latest
    (always labelled), as often as labels fit with a gap between them.

    >>> _labelled_years(list(range(2010, 2023)), [20.0 * i for i in range(13)])
    [2010, 2012, 2014, 2016, 2018, 2020, 2022]
    >>> _labelled_years([2019, 2022], [0.0, 100.0])
    [2019, 2022]
    """
    if len(years) < 2:
        return list(years)
    room = (positions[-1] - positions[0]) / (len(years) - 1)
    width = max(svg.text_width(text.year(year), AXIS_SIZE) for year in years) * 1.5
    step = next((s for s in (1, 2, 5, 10) if s * room >= width), 10 * math.ceil(width / room / 10))
    return list(years[::-1][::step][::-1])


def _line_legend(drawing: svg.Drawing, curves: list[_Curve]) -> float:
    """A legend across the top of ``drawing``; returns where it ends."""
    columns = 2 if max(len(c.name) for c in curves) <= 16 else 1
    for index, curve in enumerate(curves):
        x = 4 + (index % columns) * drawing.width / columns
        y = 6 + (index // columns + 0.5) * LEGEND_SIZE * 1.45
        drawing.polyline(
            [(x, y), (x + 24, y)], colour=curve.colour, width=curve.width, dash=curve.dash
        )
        drawing.marker(x + 12, y, curve.marker, 5 if curve.highlighted else 4, curve.colour)
        drawing.text(x + 29, y, curve.name, size=LEGEND_SIZE, bold=curve.highlighted)
    rows = -(-len(curves) // columns)
    return 6 + rows * LEGEND_SIZE * 1.45
