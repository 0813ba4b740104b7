"""Chart kinds drawn with matplotlib: bars with negative values or upright bars, 100 % bars
(``stacked``) and bars side by side (``grouped``).

Imported on first use (``charts`` hands these kinds on to it): matplotlib takes a quarter of a
second to import, and a report whose bars are all positive and horizontal never needs it. Each
chart is drawn twice, wide for screens and the A4 page and narrow for a phone, in the report's
style (``resources/report.mplstyle``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("svg")  # no display; SVG keeps charts sharp in print and small in HTML

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from helpers.common import text  # noqa: E402
from helpers.config import paths  # noqa: E402
from helpers.report import colours  # noqa: E402
from helpers.report.charts import (  # noqa: E402
    EXAMPLE_MARK,
    GREYS,
    GROUP_GREYS,
    NARROW,
    SEQUENTIAL,
    SERIES,
    TEXT_COLOUR,
    WIDE,
    Chart,
    _plain,
    _wrap,
    area_colour,
)
from helpers.report.svg import FONT_FAMILY  # noqa: E402

plt.style.use(paths.RESOURCES / "report.mplstyle")
#: The report's typeface (Debian fonts-open-sans, installed by `make report-deps`).
TYPEFACE = FONT_FAMILY.split("'")[1]


def _register_typeface() -> None:
    """Make the typeface known to matplotlib when it was installed after matplotlib's font
    cache was built (the cache is not refreshed by itself); DejaVu Sans stands in if absent."""
    if any(font.name == TYPEFACE for font in font_manager.fontManager.ttflist):
        return
    for path in font_manager.findSystemFonts():
        if Path(path).name.startswith(TYPEFACE.replace(" ", "")):
            font_manager.fontManager.addfont(path)


_register_typeface()


def svg_markup(fig: plt.Figure) -> str:
    """The figure as SVG markup (no XML header, no date: the same chart gives the same
    text), and the figure closed."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    markup = buffer.getvalue()
    return markup[markup.index("<svg") :]


Draw = Callable[[plt.Axes, bool], None]


def _both(
    draw: Draw, wide_height: float, narrow_height: float, example: bool = False
) -> tuple[str, str]:
    """Draw a chart wide (screen and print) and narrow (phone); SVG markup of both."""
    drawn = []
    for narrow, size in ((False, (WIDE, wide_height)), (True, (NARROW, narrow_height))):
        fig, ax = plt.subplots(figsize=size)
        draw(ax, narrow)
        if example:
            fig.text(
                0.995,
                0.995,
                EXAMPLE_MARK.upper(),
                ha="right",
                va="top",
                fontsize=8,
                fontweight="bold",
                color="#8a4b00",
            )
        drawn.append(svg_markup(fig))
    return drawn[0], drawn[1]


def _quiet_axis(ax: plt.Axes, *, keep: str = "") -> None:
    """Drop the frame lines and ticks a chart with written values does not need."""
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(side == keep)
    ax.tick_params(length=0)
    ax.grid(False)


def _highlight_ticks(labels: Sequence[plt.Text], highlighted: set[str]) -> None:
    for tick in labels:
        if tick.get_text().replace("\n", " ") in highlighted:
            tick.set_fontweight("bold")


def bar_drawings(
    labels: list[str],
    values: list[object],
    *,
    highlighted: set[str],
    value_format: Callable[[object], str],
    axis_label: str,
    example: bool,
    horizontal: bool,
) -> tuple[str, str]:
    """The wide and the narrow drawing of ``charts.bars`` for bars that HTML does not make:
    values below zero, or upright bars."""
    plotted = [_plain(v) for v in values]
    colours_ = [area_colour() if item in highlighted else GREYS[0] for item in labels]
    top = max(plotted + [0]) or 1
    bottom = min(plotted + [0])

    # Long names wrap; rows make room for the tallest one, so names never run together.
    wide_names = [_wrap(item, 30) for item in labels]
    narrow_names = [_wrap(item, 36) for item in labels]
    wide_lines = max([name.count("\n") + 1 for name in wide_names] + [1])
    narrow_lines = max([name.count("\n") + 1 for name in narrow_names] + [1])
    wide_row = max(0.36, 0.16 * wide_lines + 0.14)  # inches per bar
    narrow_row = 0.26 + 0.18 * narrow_lines + 0.14  # bar, its name above, a gap

    def draw(ax: plt.Axes, narrow: bool) -> None:
        positions = list(range(len(labels)))
        if horizontal:
            bar = 0.26 / narrow_row if narrow else 0.68 * 0.36 / wide_row
            ax.barh(positions, plotted, color=colours_, height=bar)
            ax.invert_yaxis()
            if narrow:  # the name above its bar: the whole width is left for the bar
                ax.set_yticks([])
                ax.figure.subplots_adjust(left=0.01, right=0.99)  # names above: use the width
                for position, name in zip(positions, narrow_names, strict=True):
                    ax.text(
                        0,
                        position - bar / 2 - 0.03 / narrow_row,
                        name,
                        va="bottom",
                        ha="left",
                        fontsize=10,
                        linespacing=1.15,
                        color=TEXT_COLOUR,
                        fontweight="bold" if name.replace("\n", " ") in highlighted else "normal",
                    )
            else:
                ax.set_yticks(positions, wide_names)
                _highlight_ticks(ax.get_yticklabels(), highlighted)
            for position, shown in zip(positions, values, strict=True):
                ax.text(
                    _plain(shown) + top * 0.015,
                    position,
                    value_format(shown),
                    va="center",
                    ha="left",
                    fontsize=10,
                    color=TEXT_COLOUR,
                )
            ax.set_xlim(min(bottom * 1.15, 0), top * (1.22 if narrow else 1.14))
            head = (0.16 + 0.18 * narrow_lines) / narrow_row if narrow else 0
            ax.set_ylim(len(labels) - 0.5, -0.5 - head)
            _quiet_axis(ax, keep="left")
            ax.set_xticks([])
            if axis_label:
                ax.set_xlabel(axis_label, loc="left", color="#4d4d4d")
        else:
            ax.bar(positions, plotted, color=colours_, width=0.65)
            ax.set_xticks(
                positions,
                [_wrap(item, 8 if narrow else 14) for item in labels],
                fontsize=9 if narrow else 10,
            )
            _highlight_ticks(ax.get_xticklabels(), highlighted)
            for position, shown in zip(positions, values, strict=True):
                ax.text(
                    position,
                    _plain(shown) + top * 0.015,
                    value_format(shown),
                    ha="center",
                    va="bottom",
                    fontsize=9 if narrow else 10,
                    rotation=90 if narrow and len(labels) > 6 else 0,
                    color=TEXT_COLOUR,
                )
            ax.set_ylim(min(bottom * 1.15, 0), top * 1.18)
            _quiet_axis(ax, keep="bottom")
            ax.set_yticks([])
            if axis_label:
                ax.set_ylabel(axis_label, loc="top", color="#4d4d4d")

    rows = len(labels)
    if horizontal:
        wide_h = max(1.4, wide_row * rows + 0.4)
        narrow_h = max(1.6, narrow_row * rows + 0.4)
    else:
        wide_h, narrow_h = 3.4, 3.4
    return _both(draw, wide_h, narrow_h, example)


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
    """Shares that add up to a whole per label, as 100 % bars: e.g. answers on a scale.

    ``parts`` are the answer columns in scale order (shares 0–1); they are drawn from dark
    to light, so their order reads in greyscale, and each segment wide enough carries its
    value. The legend stands above, in the same order. A missing (suppressed) row is drawn
    empty and marked with the missing sign.
    """
    highlighted = {highlight} if isinstance(highlight, str) else set(highlight or [])
    labels = [str(item) for item in table[label]]
    palette = _sequential(len(parts))

    wide_names = [_wrap(item, 26) for item in labels]
    narrow_names = [_wrap(item, 36) for item in labels]
    wide_row = max(0.4, 0.16 * max(n.count("\n") + 1 for n in wide_names) + 0.16)
    narrow_lines = max(n.count("\n") + 1 for n in narrow_names)
    narrow_row = 0.3 + 0.18 * narrow_lines + 0.14  # bar, its name above, a gap

    def draw(ax: plt.Axes, narrow: bool) -> None:
        positions = list(range(len(labels)))
        left = [0.0] * len(labels)
        bar = 0.3 / narrow_row if narrow else 0.62 * 0.4 / wide_row
        for index, part in enumerate(parts):
            shares = [_plain(v) for v in table[part]]
            ax.barh(
                positions,
                shares,
                left=left,
                color=palette[index],
                height=bar,
                edgecolor="white",
                linewidth=0.8,
                label=part,
            )
            for position, start, share in zip(positions, left, shares, strict=True):
                if share >= (0.12 if narrow else 0.06):
                    ax.text(
                        start + share / 2,
                        position,
                        value_format(share),
                        ha="center",
                        va="center",
                        fontsize=9,
                        color=colours.on(palette[index]),
                    )
            left = [a + b for a, b in zip(left, shares, strict=True)]
        for position, total in zip(positions, left, strict=True):
            if total == 0:
                ax.text(
                    0.01,
                    position,
                    f"{text.MISSING} (för få svar)",
                    va="center",
                    fontsize=9,
                    color=TEXT_COLOUR,
                )
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        if narrow:
            ax.set_yticks([])
            ax.figure.subplots_adjust(left=0.01, right=0.99)  # names above: use the width
            for position, name, plain in zip(positions, narrow_names, labels, strict=True):
                ax.text(
                    0,
                    position - bar / 2 - 0.03 / narrow_row,
                    name,
                    va="bottom",
                    fontsize=10,
                    color=TEXT_COLOUR,
                    linespacing=1.15,
                    fontweight="bold" if plain in highlighted else "normal",
                )
            ax.set_ylim(len(labels) - 0.5, -0.5 - (0.16 + 0.18 * narrow_lines) / narrow_row)
        else:
            ax.set_yticks(positions, wide_names)
            _highlight_ticks(ax.get_yticklabels(), highlighted)
        _quiet_axis(ax)
        ax.set_xticks([])
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=min(len(parts), 2 if narrow else 5),
            fontsize=9,
            handlelength=1.2,
            borderaxespad=0.2,
            columnspacing=1.2,
        )

    rows = len(labels)
    legend_rows = -(-len(parts) // 2)
    svg, svg_narrow = _both(
        draw,
        max(1.6, wide_row * rows + 0.8),
        max(2.0, narrow_row * rows + 0.3 * legend_rows + 0.5),
        example,
    )
    return _chart_of_several(
        (svg, svg_narrow),
        table,
        label,
        parts,
        title,
        source,
        value_format,
        data_columns,
        n=n,
        example=example,
        notes=notes,
    )


def _chart_of_several(
    drawings: tuple[str, str],
    table: pd.DataFrame,
    label: str,
    columns: Sequence[str],
    title: str,
    source: str,
    value_format: Callable[[object], str],
    data_columns: dict[str, str] | None,
    *,
    n: int | None,
    example: bool,
    notes: Sequence[str],
) -> Chart:
    """The Chart of a drawing with several values per label: its data table (columns
    renamed), the values in words in the alt text, and how each value column reads."""
    renamed = data_columns or {}
    described = "; ".join(
        f"{row[label]}: " + ", ".join(f"{column} {value_format(row[column])}" for column in columns)
        for _, row in table.iterrows()
    )
    return Chart(
        drawings[0],
        title,
        f"{title}. {described}.",
        source,
        table[[label, *columns]].rename(columns=renamed),
        n=n,
        example=example,
        notes=list(notes),
        formats={renamed.get(c, c): value_format for c in columns},
        svg_narrow=drawings[1],
    )


def _sequential(count: int) -> list[str]:
    """``count`` shades of the scale, darkest first (the first answer, e.g. "Mycket svårt",
    is the one a reader looks for), spread over its whole range."""
    if count <= 1:
        return [SEQUENTIAL[3]]
    step = (len(SEQUENTIAL) - 1) / (count - 1)
    return [SEQUENTIAL[len(SEQUENTIAL) - 1 - round(i * step)] for i in range(count)]


def grouped(
    table: pd.DataFrame,
    *,
    label: str,
    series: Sequence[str],
    title: str,
    source: str,
    value_format: Callable[[object], str] = text.number,
    n: int | None = None,
    example: bool = False,
    notes: Sequence[str] = (),
    data_columns: dict[str, str] | None = None,
) -> Chart:
    """Bars side by side: one group per label, one bar per series column (e.g. women and
    men, or the area and the country). The first series is drawn in the area colour, the
    others in lighter greys (outlined, so each bar keeps 3:1 contrast); every bar carries
    its value, the first group names its series beside the values, and a legend stands
    above. (Hatching was dropped: PDF viewers draw seams between the pattern tiles.)"""
    labels = [str(item) for item in table[label]]
    narrow_names = [_wrap(item, 36) for item in labels]
    extra_lines = max(n.count("\n") for n in narrow_names) if labels else 0
    count = len(series)
    fills = [area_colour(), *GROUP_GREYS][:count] if count <= 1 + len(GROUP_GREYS) else list(SERIES)
    top = max([_plain(v) for column in series for v in table[column]] + [0]) or 1

    def draw(ax: plt.Axes, narrow: bool) -> None:
        span = 0.52 if narrow else 0.8  # narrow: room above each group for its label
        height = span / count
        for index, column in enumerate(series):
            offsets = [p - span / 2 + height * (index + 0.5) for p in range(len(labels))]
            values = list(table[column])
            ax.barh(
                offsets,
                [_plain(v) for v in values],
                height=height * 0.92,
                color=fills[index % len(fills)],
                edgecolor="#4d4d4d" if index else fills[0],
                linewidth=0.6,
                label=str(column),
            )
            for number, (offset, shown) in enumerate(zip(offsets, values, strict=True)):
                named = f"{value_format(shown)}  {column}" if number == 0 else ""
                ax.text(
                    _plain(shown) + top * 0.015,
                    offset,
                    named or value_format(shown),
                    va="center",
                    fontsize=9,
                    color=TEXT_COLOUR,
                )
        ax.invert_yaxis()
        positions = list(range(len(labels)))
        if narrow:
            ax.set_yticks([])
            ax.figure.subplots_adjust(left=0.01, right=0.99)  # names above: use the width
            for position, name in zip(positions, narrow_names, strict=True):
                ax.text(
                    0, position - span / 2 - 0.04, name, va="bottom", fontsize=10, color=TEXT_COLOUR
                )
            ax.set_ylim(len(labels) - 0.6, -0.85)
        else:
            ax.set_yticks(positions, [_wrap(item, 24) for item in labels])
        ax.set_xlim(0, top * (1.45 if narrow else 1.25))
        _quiet_axis(ax, keep="left")
        ax.set_xticks([])
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=min(count, 2 if narrow else 4),
            fontsize=9,
            handlelength=1.6,
            borderaxespad=0.2,
        )

    rows = len(labels)
    svg, svg_narrow = _both(
        draw,
        max(1.8, (0.22 * count + 0.18) * rows + 0.7),
        max(2.2, (0.32 * count + 0.45 + 0.18 * extra_lines) * rows + 0.6),
        example,
    )
    return _chart_of_several(
        (svg, svg_narrow),
        table,
        label,
        series,
        title,
        source,
        value_format,
        data_columns,
        n=n,
        example=example,
        notes=notes,
    )
