"""Charts for the report, in one style: figure, data table, alt text and source line together.

Every chart function returns a :class:`Chart`; ``report.show(chart)`` puts it in the report.
The title states the finding, the alt text repeats it with the figures, the source line and
the number of respondents stand under it, and the data goes into the appendix::

    chart = charts.bars(table, label="comparison", value="dependency_ratio",
                        title="Sotenäs försörjer fler per person i arbetsför ålder",
                        source=scb.SOURCE_POPULATION, highlight="Sotenäs",
                        value_format=text.number)

Charts are made three ways, the cheapest that serves: horizontal bars as HTML
(``html_bars``), lines and the population pyramid as SVG written here (``svg``), and the
other kinds drawn with matplotlib (``drawn_charts``, imported only when one is needed).
Drawings come twice: a wide version for screens and the A4 page, and a narrow one with the
same content laid out for a phone (the legend on top, fewer ticks), so its text stays legible
at 375 px. Nothing is told by colour alone: values and names are written on the chart, and
comparisons differ from the area in lightness, line style and marker.
"""

from __future__ import annotations

import base64
import html as html_lib
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from helpers.common import text
from helpers.report import colours, svg
from helpers.report.svg import TEXT_COLOUR

#: Comparisons: greys that keep 3:1 against white and stay lighter than the area in greyscale.
GREYS = ("#8c8c8c", "#7a7a7a", "#a3a3a3", "#6e6e6e")
#: Okabe–Ito, safe for colour-blind readers, for series that are not "area vs the rest".
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
#: Series after the first in grouped bars: lighter and lighter, told apart in greyscale.
GROUP_GREYS = ("#a6a6a6", "#d4d4d4", "#6e6e6e")
#: Comparison lines: dash pattern and marker, so each reads without its colour.
LINE_STYLES = (
    ("5.55,2.4", "s"),
    ("1.5,2.48", "^"),
    ("9.6,2.4,1.5,2.4", "D"),
    ("7.5,1.5,1.5,1.5", "v"),
)
#: Ordered answers (Likert scales): one hue from light to dark, monotonic in greyscale.
SEQUENTIAL = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#08306b")
#: Figure widths in inches: the A4 text column (170 mm) and a phone screen (~345 CSS px).
WIDE, NARROW = 6.7, 3.6
#: Below this width (CSS) the HTML shows the narrow drawing (see ``image_html``).
NARROW_BELOW = "37.5em"
EXAMPLE_MARK = "Exempeldata"
#: Tick labels, axis labels and names at line ends; legends (report.mplstyle's sizes).
AXIS_SIZE, LEGEND_SIZE = 9.5, 9.0
_area_colour = {"value": "#1f5f8b"}


def set_area_colour(colour: str) -> None:
    """The colour that marks the area in every chart (set once per report from params).

    A colour too light is darkened, hue kept (``colours.chart_mark``).
    """
    _area_colour["value"] = colours.chart_mark(colour)


def area_colour() -> str:
    """The area's highlight colour, as drawn."""
    return _area_colour["value"]


@dataclass
class Chart:
    """A finished chart: SVG markup plus everything a reader needs to understand it."""

    svg: str
    title: str
    alt: str
    source: str
    data: pd.DataFrame
    n: int | None = None
    example: bool = False
    notes: list[str] = field(default_factory=list)
    #: How each data column reads in the data table (column name → formatter).
    formats: dict[str, Callable[[object], str]] = field(default_factory=dict)
    #: The same chart laid out for a phone screen ("" when there is none).
    svg_narrow: str = ""
    #: A chart made of HTML instead of a drawing (``html_bars``); then ``svg`` is "".
    html: str = ""


def image_html(chart: Chart) -> str:
    """The chart as an ``<img>`` with its alt text, or a ``<picture>`` that switches to the
    narrow drawing on small screens (the PDF renderer uses the ``<img>``, the wide one);
    an HTML chart as it is."""
    if chart.html:
        return chart.html
    alt = html_lib.escape(chart.alt)
    img = f'<img src="{_data_uri(chart.svg)}" alt="{alt}">'
    if not chart.svg_narrow:
        return img
    return (
        f'<picture><source media="(max-width: {NARROW_BELOW})" '
        f'srcset="{_data_uri(chart.svg_narrow)}">{img}</picture>'
    )


def _data_uri(markup: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode()


#: The longest bar of an HTML bar chart, as a share of the line: room for its value after it.
LONGEST_BAR = 85.0


def html_bars(
    labels: Sequence[str],
    values: Sequence[object],
    value_format: Callable[[object], str],
    *,
    alt: str,
    highlighted: Sequence[str] = (),
    axis_label: str = "",
    example: bool = False,
) -> str:
    """Horizontal bars with each label on its own line above its bar and the value after it,
    as HTML: long answer texts wrap on any screen, so no separate phone drawing is needed,
    and the text stays text in the PDF. Drawing these with matplotlib took a third of a
    report's kernel time.

    All bars are in the area's colour; with ``highlighted`` labels (e.g. the total) those keep
    it and are bold, the others turn grey. A missing (hidden) value shows "–" and no bar.
    The chart is one image to assistive technology, named by ``alt`` like a drawn chart.
    """
    numbers = [0.0 if text.is_missing(v) else float(v) for v in values]
    top = max([*numbers, 0.0]) or 1.0
    rows = []
    for label, value, number in zip(labels, values, numbers, strict=True):
        bold = label in highlighted
        colour = GREYS[0] if highlighted and not bold else area_colour()
        width = round(LONGEST_BAR * max(number, 0.0) / top, 2)
        bar = (
            f'<span class="bar" style="width: {width}%; background-color: {colour}"></span>'
            if not text.is_missing(value) and width > 0
            else ""
        )
        rows.append(
            f'<div class="bar-row{" highlighted" if bold else ""}">'
            f'<p class="bar-label">{html_lib.escape(label)}</p>'
            f'<p class="bar-line">{bar}<span class="bar-value">'
            f"{html_lib.escape(value_format(value))}</span></p></div>"
        )
    mark = f'<p class="chart-mark">{EXAMPLE_MARK.upper()}</p>' if example else ""
    axis = f'<p class="bar-axis">{html_lib.escape(axis_label)}</p>' if axis_label else ""
    return (
        f'<div class="bar-chart" role="img" aria-label="{html_lib.escape(alt)}">'
        f"{mark}{''.join(rows)}{axis}</div>"
    )


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _describe(
    labels: Sequence[str], values: Sequence[object], value_format: Callable[[object], str]
) -> str:
    pairs = zip(labels, values, strict=True)
    return "; ".join(f"{label}: {value_format(value)}" for label, value in pairs)


def _plain(value: object) -> float:
    return 0.0 if text.is_missing(value) else float(value)


def bars(
    table: pd.DataFrame,
    *,
    label: str,
    value: str,
    title: str,
    source: str,
    highlight: str | Sequence[str] | None = None,
    value_format: Callable[[object], str] = text.number,
    axis_label: str = "",
    n: int | None = None,
    example: bool = False,
    horizontal: bool = True,
    data_columns: dict[str, str] | None = None,
) -> Chart:
    """A bar chart of one value per label, the highlighted label(s) in the area colour.

    Values are written at the end of each bar, so nothing is told by colour alone; the
    highlighted label is bold too. On a phone each label stands above its bar. Horizontal
    bars of values that are not negative are made of HTML (``html_bars``), others drawn.
    """
    highlighted = {highlight} if isinstance(highlight, str) else set(highlight or [])
    labels = [str(item) for item in table[label]]
    values = list(table[value])
    plotted = [_plain(v) for v in values]
    renamed = data_columns or {}
    data = table[[label, value]].rename(columns=renamed)
    alt = f"{title}. {_describe(labels, values, value_format)}."
    formats = {renamed.get(value, value): value_format}
    if horizontal and min(plotted + [0]) >= 0:
        markup = html_bars(
            labels,
            values,
            value_format,
            alt=alt,
            highlighted=[item for item in labels if item in highlighted],
            axis_label=axis_label,
            example=example,
        )
        return Chart(
            "", title, alt, source, data, n=n, example=example, formats=formats, html=markup
        )
    from helpers.report import drawn_charts  # matplotlib: imported only for these bars

    wide, narrow = drawn_charts.bar_drawings(
        labels,
        values,
        highlighted=highlighted,
        value_format=value_format,
        axis_label=axis_label,
        example=example,
        horizontal=horizontal,
    )
    return Chart(
        wide, title, alt, source, data, n=n, example=example, formats=formats, svg_narrow=narrow
    )


def pyramid(
    table: pd.DataFrame,
    *,
    group: str,
    sex: str,
    value: str,
    title: str,
    source: str,
    compare: pd.DataFrame | None = None,
    compare_name: str = "",
    area_name: str = "",
) -> Chart:
    """A population pyramid of shares by age group: men left, women right.

    ``compare`` (same columns) is drawn as a black outline, so the area reads against it.
    Men and women differ in lightness and are named above their sides.
    """
    groups = list(dict.fromkeys(table[group]))

    def side(frame: pd.DataFrame, who: str) -> list[float]:
        return [
            float(frame[(frame[group] == g) & (frame[sex] == who)][value].sum()) for g in groups
        ]

    sides = (side(table, "män"), side(table, "kvinnor"))
    compared = (side(compare, "män"), side(compare, "kvinnor")) if compare is not None else None
    names = (f"Män, {area_name}", f"Kvinnor, {area_name}") if area_name else ("Män", "Kvinnor")
    drawings = [
        _pyramid_drawing(groups, sides, compared, names, compare_name, narrow)
        for narrow in (False, True)
    ]
    data = table.pivot_table(index=group, columns=sex, values=value, sort=False).reset_index()
    data = data.rename(
        columns={
            group: "Åldersgrupp",
            "män": f"Män, {area_name}",
            "kvinnor": f"Kvinnor, {area_name}",
        }
    )
    alt = f"{title}. Befolkningspyramid med andel män och kvinnor per åldersgrupp" + (
        f", jämfört med {compare_name}." if compare is not None else "."
    )
    share = lambda v: text.percent(v, 1)  # noqa: E731
    return Chart(
        drawings[0],
        title,
        alt,
        source,
        data,
        formats={c: share for c in data.columns[1:]},
        svg_narrow=drawings[1],
    )


def _pyramid_drawing(
    groups: list[str],
    sides: tuple[list[float], list[float]],
    compared: tuple[list[float], list[float]] | None,
    names: tuple[str, str],
    compare_name: str,
    narrow: bool,
) -> str:
    """One drawing of ``pyramid``: the youngest at the bottom, a shared percent axis."""
    drawing = svg.Drawing((NARROW if narrow else WIDE) * 72, (5.2 if narrow else 4.6) * 72)
    size = 8 if narrow else 9
    name_size = 9 if narrow else 10
    widest = max([*sides[0], *sides[1], *(compared[0] + compared[1] if compared else [])])
    widest = (widest or 1.0) * 1.08
    name_lines = [_wrap(name, 14).split("\n") if narrow else [name] for name in names]

    left = 4 + max(svg.text_width(g, size) for g in groups) + 6
    right = drawing.width - 6
    centre = (left + right) / 2
    axis_label = "Andel av befolkningen"
    label_half = svg.text_width(axis_label, AXIS_SIZE) / 2
    legend_width = 22 + svg.text_width(compare_name, LEGEND_SIZE) if compared else 0
    legend_below = compared is not None and right - legend_width < centre + label_half + 12
    top = 4 + max(len(lines) for lines in name_lines) * name_size * 1.25 + 4
    under_axis = svg.tick_height(AXIS_SIZE) + 4 + AXIS_SIZE * 1.3
    bottom = drawing.height - under_axis - (LEGEND_SIZE * 1.5 if legend_below else 0) - 4
    row = (bottom - top) / len(groups)

    def across(share: float) -> float:
        return centre + share / widest * (right - centre)

    def middle(index: int) -> float:  # the youngest group at the bottom
        return bottom - (index + 0.5) * row

    ticks = svg.nice_ticks(0, widest, 2 if narrow else 4)
    for tick in sorted({-t for t in ticks} | set(ticks)):
        drawing.line(across(tick), top, across(tick), bottom, colour=svg.GRID)
        drawing.tick_below(across(tick), bottom, text.percent(abs(tick), 0), size=AXIS_SIZE)
    light = _lighter(area_colour(), 0.55)
    for index, (men, women) in enumerate(zip(*sides, strict=True)):
        y = middle(index) - 0.43 * row
        drawing.rect(
            across(-men), y, men / widest * (right - centre), 0.86 * row, fill=area_colour()
        )
        drawing.rect(
            centre, y, women / widest * (right - centre), 0.86 * row, fill=light, edge=area_colour()
        )
    drawing.line(left, bottom, right, bottom)
    drawing.line(centre, top, centre, bottom, colour=svg.MUTED)
    if compared:
        for sign, shares in ((-1, compared[0]), (1, compared[1])):
            outline = []
            for index, share in enumerate(shares):
                x = across(sign * share)
                outline += [(x, middle(index) + row / 2), (x, middle(index) - row / 2)]
            drawing.polyline(outline, colour=TEXT_COLOUR, width=1.3)
    for index, name in enumerate(groups):
        if not narrow or index % 2 == 0:  # at phone size every other: they would touch
            drawing.text(left - 6, middle(index), name, size=size, anchor="end")
    gap = (right - centre) * 0.03
    for lines, x, anchor in (
        (name_lines[0], centre - gap, "end"),
        (name_lines[1], centre + gap, "start"),
    ):
        for number, line in enumerate(lines):
            y = top - 4 - (len(lines) - number - 0.5) * name_size * 1.25
            drawing.text(x, y, line, size=name_size, anchor=anchor, bold=True)
    label_y = bottom + svg.tick_height(AXIS_SIZE) + 4 + AXIS_SIZE * 0.65
    drawing.text(centre, label_y, axis_label, size=AXIS_SIZE, anchor="middle", colour=svg.MUTED)
    if compared:
        legend_y = label_y + (LEGEND_SIZE * 1.5 if legend_below else 0)
        start = right - legend_width
        drawing.line(start, legend_y, start + 18, legend_y, colour=TEXT_COLOUR, width=1.3)
        drawing.text(start + 22, legend_y, compare_name, size=LEGEND_SIZE)
    return drawing.markup()


def _lighter(colour: str, amount: float) -> str:
    """``colour`` mixed with white (0 = unchanged, 1 = white)."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


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


def lines(
    table: pd.DataFrame,
    *,
    x: str,
    y: str,
    series: str,
    title: str,
    source: str,
    highlight: str | None = None,
    value_format: Callable[[object], str] = text.number,
    axis_label: str = "",
    x_label: str = "År",
) -> Chart:
    """Lines over time, one per series; the highlighted series thick, in the area colour.

    Each line is named at its end (on a phone: in a legend above), and comparisons differ
    in dash pattern and marker as well as in grey.
    """
    curves = []
    others = 0
    for name, part in table.groupby(series, sort=False):
        points = sorted(
            (float(a), None if text.is_missing(b) else float(b))
            for a, b in zip(part[x], part[y], strict=True)
        )
        if all(value is None for _, value in points):
            continue  # nothing to draw, and nothing to name at its end
        if name == highlight:
            style = (area_colour(), "", "o", 2.6)
        else:
            dash, marker = LINE_STYLES[others % len(LINE_STYLES)]
            style = (GREYS[others % len(GREYS)], dash, marker, 1.5)
            others += 1
        curves.append(_Curve(str(name), points, *style, highlighted=name == highlight))
    years = sorted(table[x].unique())
    drawings = [
        _line_drawing(curves, years, value_format, axis_label, narrow) for narrow in (False, True)
    ]
    data = table.pivot_table(index=x, columns=series, values=y, sort=False).reset_index()
    data = data.rename(columns={x: x_label})
    last = table[table[x] == table[x].max()]
    latest = _describe(list(last[series]), list(last[y]), value_format)
    alt = f"{title}. Senaste år: {latest}."
    formats = {c: value_format for c in data.columns[1:]}
    formats[x_label] = text.year
    return Chart(drawings[0], title, alt, source, data, formats=formats, svg_narrow=drawings[1])


@dataclass(frozen=True)
class _Curve:
    name: str
    #: (year, value) in order; value None where it is missing: the line has a gap there.
    points: list[tuple[float, float | None]]
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


def _line_drawing(
    curves: list[_Curve],
    years: list[Any],
    value_format: Callable[[object], str],
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
        drawing.line(left, up(tick), right, up(tick), colour=svg.GRID)
        drawing.text(left - 6, up(tick), label, size=AXIS_SIZE, anchor="end")
    if axis_label:
        middle = (top + bottom) / 2
        drawing.text(
            4, middle, axis_label, size=AXIS_SIZE, anchor="middle", colour=svg.MUTED, rotate=True
        )
    drawing.line(left, bottom, right, bottom)
    step = max(1, len(years) // (4 if narrow else 8))
    for year in years[::step]:
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


def __getattr__(name: str) -> Any:
    """``stacked`` and ``grouped`` come from ``drawn_charts`` (matplotlib),
    imported the first time one of them is asked for."""
    if name in {"stacked", "grouped"}:
        from helpers.report import drawn_charts

        return getattr(drawn_charts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
