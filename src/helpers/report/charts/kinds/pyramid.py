"""The population pyramid: shares by age group, men left and women right, the youngest at
the bottom, and a comparison (e.g. the country) as a black outline.

Men and women differ in lightness and are named above their sides::

    >>> table = pd.DataFrame({"ålder": ["0–4", "0–4"], "kön": ["män", "kvinnor"],
    ...                       "andel": [0.03, 0.028]})
    >>> chart = pyramid(table, group="ålder", sex="kön", value="andel", title="Unga",
    ...                 source="SCB", area_name="Sotenäs")
    >>> list(chart.data.columns)
    ['Åldersgrupp', 'Män, Sotenäs', 'Kvinnor, Sotenäs']
    >>> render(chart, Style()).startswith("<picture>")
    True
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from helpers.common import text
from helpers.report.charts import svg
from helpers.report.charts.model import Chart, Kind
from helpers.report.charts.style import (
    AXIS_SIZE,
    GRID,
    LEGEND_SIZE,
    MUTED,
    NARROW,
    TEXT_COLOUR,
    WIDE,
    Style,
)

#: Men's and women's shares, one per age group.
Sides = tuple[tuple[float, ...], tuple[float, ...]]


@dataclass(frozen=True)
class Pyramid:
    """What a pyramid draws: the age groups from the youngest, the area's sides, the
    comparison's (or None), the names of the sides and of the comparison."""

    groups: tuple[str, ...]
    sides: Sides
    compared: Sides | None
    names: tuple[str, str]
    compare_name: str = ""


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
    """A population pyramid of shares by age group (``sex`` "män" and "kvinnor").

    ``compare`` (same columns) is drawn as a black outline, so the area reads against it.
    """
    groups = tuple(dict.fromkeys(table[group]))

    def side(frame: pd.DataFrame, who: str) -> tuple[float, ...]:
        return tuple(
            float(frame[(frame[group] == g) & (frame[sex] == who)][value].sum()) for g in groups
        )

    figure = Pyramid(
        groups,
        (side(table, "män"), side(table, "kvinnor")),
        (side(compare, "män"), side(compare, "kvinnor")) if compare is not None else None,
        (f"Män, {area_name}", f"Kvinnor, {area_name}") if area_name else ("Män", "Kvinnor"),
        compare_name,
    )
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
        "pyramid",
        figure,
        title,
        alt,
        source,
        data,
        formats={c: share for c in data.columns[1:]},
    )


def render(chart: Chart, style: Style) -> str:
    """The wide and the narrow drawing, as a picture."""
    wide, narrow = (_drawing(chart.figure, style, narrow) for narrow in (False, True))
    return svg.picture(wide, narrow, chart.alt)


KIND = Kind("pyramid", Pyramid, render)


def _drawing(figure: Pyramid, style: Style, narrow: bool) -> str:
    """One drawing: the youngest at the bottom, a shared percent axis."""
    groups, sides, compared = figure.groups, figure.sides, figure.compared
    compare_name = figure.compare_name
    drawing = svg.Drawing((NARROW if narrow else WIDE) * 72, (5.2 if narrow else 4.6) * 72)
    size = 8 if narrow else 9
    name_size = 9 if narrow else 10
    widest = max([*sides[0], *sides[1], *(compared[0] + compared[1] if compared else [])])
    widest = (widest or 1.0) * 1.08
    name_lines = [
        textwrap.wrap(name, 14, break_long_words=False) or [name] if narrow else [name]
        for name in figure.names
    ]

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
        drawing.line(across(tick), top, across(tick), bottom, colour=GRID)
        drawing.tick_below(across(tick), bottom, text.percent(abs(tick), 0), size=AXIS_SIZE)
    for index, (men, women) in enumerate(zip(*sides, strict=True)):
        y = middle(index) - 0.43 * row
        drawing.rect(across(-men), y, men / widest * (right - centre), 0.86 * row, fill=style.area)
        drawing.rect(
            centre,
            y,
            women / widest * (right - centre),
            0.86 * row,
            fill=style.light,
            edge=style.area,
        )
    drawing.line(left, bottom, right, bottom)
    drawing.line(centre, top, centre, bottom, colour=MUTED)
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
    drawing.text(centre, label_y, axis_label, size=AXIS_SIZE, anchor="middle", colour=MUTED)
    if compared:
        legend_y = label_y + (LEGEND_SIZE * 1.5 if legend_below else 0)
        start = right - legend_width
        drawing.line(start, legend_y, start + 18, legend_y, colour=TEXT_COLOUR, width=1.3)
        drawing.text(start + 22, legend_y, compare_name, size=LEGEND_SIZE)
    return drawing.markup()
