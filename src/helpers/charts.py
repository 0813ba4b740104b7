"""Charts for the report, in one style: figure, data table, alt text and source line together.

Every chart function returns a :class:`Chart`; ``report.show(chart)`` puts it in the report.
The title states the finding, the alt text repeats it with the figures, the source line and
the number of respondents stand under it, and the data goes into the appendix::

    chart = charts.bars(table, label="comparison", value="dependency_ratio",
                        title="Sotenäs försörjer fler per person i arbetsför ålder",
                        source=scb.SOURCE_POPULATION, highlight="Sotenäs",
                        value_format=text.number)

Each chart is drawn twice: a wide version for screens and the A4 page, and a narrow one
with the same content laid out for a phone (labels above the bars, the legend on top), so
its text stays legible at 375 px. Nothing is told by colour alone: values and names are
written on the chart, comparisons differ from the area in lightness, line style and marker,
and series in stacked or grouped bars have hatches as well as colours.
"""

from __future__ import annotations

import base64
import html as html_lib
import io
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("svg")  # no display; SVG keeps charts sharp in print and small in HTML

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402
from matplotlib.transforms import offset_copy  # noqa: E402

from . import colours, paths, text  # noqa: E402

plt.style.use(paths.RESOURCES / "report.mplstyle")
#: The report's typeface (Debian fonts-open-sans, installed by `make system-deps`).
TYPEFACE = "Open Sans"


def _register_typeface() -> None:
    """Make the typeface known to matplotlib when it was installed after matplotlib's font
    cache was built (the cache is not refreshed by itself); DejaVu Sans stands in if absent."""
    if any(font.name == TYPEFACE for font in font_manager.fontManager.ttflist):
        return
    for path in font_manager.findSystemFonts():
        if Path(path).name.startswith(TYPEFACE.replace(" ", "")):
            font_manager.fontManager.addfont(path)


_register_typeface()

#: Comparisons: greys that keep 3:1 against white and stay lighter than the area in greyscale.
GREYS = ("#8c8c8c", "#7a7a7a", "#a3a3a3", "#6e6e6e")
#: Okabe–Ito, safe for colour-blind readers, for series that are not "area vs the rest".
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo")
#: Series after the first in grouped bars: lighter and lighter, told apart in greyscale.
GROUP_GREYS = ("#a6a6a6", "#d4d4d4", "#6e6e6e")
#: Comparison lines: dash pattern and marker, so each reads without its colour.
LINE_STYLES = (("--", "s"), (":", "^"), ("-.", "D"), ((0, (5, 1, 1, 1)), "v"))
#: Ordered answers (Likert scales): one hue from light to dark, monotonic in greyscale.
SEQUENTIAL = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#08306b")
#: Figure widths in inches: the A4 text column (170 mm) and a phone screen (~345 CSS px).
WIDE, NARROW = 6.7, 3.6
#: Below this width (CSS) the HTML shows the narrow drawing (see ``image_html``).
NARROW_BELOW = "37.5em"
TEXT_COLOUR = "#1a1a1a"
EXAMPLE_MARK = "Exempeldata"
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


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


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
    svg, svg_narrow = _both(draw, wide_h, narrow_h, example)
    return Chart(
        svg,
        title,
        alt,
        source,
        data,
        n=n,
        example=example,
        formats=formats,
        svg_narrow=svg_narrow,
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

    men, women = side(table, "män"), side(table, "kvinnor")
    compared = (side(compare, "män"), side(compare, "kvinnor")) if compare is not None else None
    widest = max(men + women + (compared[0] + compared[1] if compared else [])) * 1.08
    light = _lighter(area_colour(), 0.55)

    def draw(ax: plt.Axes, narrow: bool) -> None:
        positions = list(range(len(groups)))
        ax.barh(positions, [-v for v in men], color=area_colour(), height=0.86)
        ax.barh(positions, women, color=light, height=0.86, edgecolor=area_colour(), linewidth=0.6)
        handles = []
        if compared:
            for values in ((-v for v in compared[0]), compared[1]):
                ax.step(list(values), positions, where="mid", color=TEXT_COLOUR, linewidth=1.3)
            handles.append(plt.Line2D([], [], color=TEXT_COLOUR, linewidth=1.3, label=compare_name))
        ax.set_yticks(positions, groups, fontsize=8 if narrow else 9)
        if narrow:  # every other age group: the labels would touch at phone size
            for index, tick in enumerate(ax.get_yticklabels()):
                tick.set_visible(index % 2 == 0)
        ax.set_xlim(-widest, widest)
        ax.set_ylim(-0.6, len(groups) + (1.6 if narrow else 1.0))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=4 if narrow else 6, symmetric=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: text.percent(abs(x), 0)))
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.axvline(0, color="#4d4d4d", linewidth=0.8)
        top = len(groups) - 0.2
        names = (f"Män, {area_name}", f"Kvinnor, {area_name}") if area_name else ("Män", "Kvinnor")
        ax.text(
            -widest * 0.03,
            top,
            _wrap(names[0], 14) if narrow else names[0],
            ha="right",
            va="bottom",
            fontsize=9 if narrow else 10,
            fontweight="bold",
            color=TEXT_COLOUR,
        )
        ax.text(
            widest * 0.03,
            top,
            _wrap(names[1], 14) if narrow else names[1],
            ha="left",
            va="bottom",
            fontsize=9 if narrow else 10,
            fontweight="bold",
            color=TEXT_COLOUR,
        )
        if handles:
            ax.legend(handles=handles, loc="lower right", fontsize=9)
        ax.set_xlabel("Andel av befolkningen", color="#4d4d4d")

    svg, svg_narrow = _both(draw, 4.6, 5.2)
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
        svg,
        title,
        alt,
        source,
        data,
        formats={c: share for c in data.columns[1:]},
        svg_narrow=svg_narrow,
    )


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
    parts = list(table.groupby(series, sort=False))
    styles: dict[str, tuple[str, object, str, float]] = {}
    others = 0
    for name, _ in parts:
        if name == highlight:
            styles[name] = (area_colour(), "-", "o", 2.6)
        else:
            dash, marker = LINE_STYLES[others % len(LINE_STYLES)]
            styles[name] = (GREYS[others % len(GREYS)], dash, marker, 1.5)
            others += 1
    xs = sorted(table[x].unique())

    def draw(ax: plt.Axes, narrow: bool) -> None:
        ends = []
        for name, part in parts:
            colour, dash, marker, width = styles[name]
            ax.plot(
                part[x],
                part[y],
                color=colour,
                linestyle=dash,
                linewidth=width,
                marker=marker,
                markersize=5 if name == highlight else 4,
                label=str(name),
                zorder=3 if name == highlight else 2,
            )
            last = part.loc[part[x].idxmax()]
            ends.append((str(name), float(last[y]), colour))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: value_format(v)))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        step = max(1, len(xs) // (4 if narrow else 8))
        ax.set_xticks(xs[::step])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: text.year(v)))
        ax.set_ylabel(axis_label, color="#4d4d4d")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        if narrow:  # a legend above: two columns when the names are short enough to fit
            longest = max(len(str(name)) for name, _ in parts)
            ax.figure.subplots_adjust(left=0.14, right=0.97)
            ax.legend(
                loc="lower left",
                bbox_to_anchor=(-0.1, 1.0),
                ncol=2 if longest <= 16 else 1,
                fontsize=9,
                handlelength=2.6,
                borderaxespad=0.2,
            )
            return
        ax.figure.subplots_adjust(right=0.76)  # room for the names at the line ends
        low, high = ax.get_ylim()
        spots = _spread([value for _, value, _ in ends], (high - low) * 0.08)
        beside = offset_copy(ax.transData, fig=ax.figure, x=8, units="points")
        for (name, value, _), spot in zip(ends, spots, strict=True):
            ax.text(
                xs[-1],
                spot,
                f"{name} {value_format(value)}",
                transform=beside,
                va="center",
                fontsize=9.5,
                color=TEXT_COLOUR,
                clip_on=False,
                fontweight="bold" if name == highlight else "normal",
            )

    svg, svg_narrow = _both(draw, 3.5, 3.6)
    data = table.pivot_table(index=x, columns=series, values=y, sort=False).reset_index()
    data = data.rename(columns={x: x_label})
    last = table[table[x] == table[x].max()]
    latest = _describe(list(last[series]), list(last[y]), value_format)
    alt = f"{title}. Senaste år: {latest}."
    formats = {c: value_format for c in data.columns[1:]}
    formats[x_label] = text.year
    return Chart(svg, title, alt, source, data, formats=formats, svg_narrow=svg_narrow)


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
    renamed = data_columns or {}
    data = table[[label, *parts]].rename(columns=renamed)
    described = "; ".join(
        f"{name}: " + ", ".join(f"{part} {value_format(row[part])}" for part in parts)
        for name, (_, row) in zip(labels, table.iterrows(), strict=True)
    )
    alt = f"{title}. {described}."
    return Chart(
        svg,
        title,
        alt,
        source,
        data,
        n=n,
        example=example,
        notes=list(notes),
        formats={renamed.get(p, p): value_format for p in parts},
        svg_narrow=svg_narrow,
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
    renamed = data_columns or {}
    data = table[[label, *series]].rename(columns=renamed)
    described = "; ".join(
        f"{name}: " + ", ".join(f"{column} {value_format(row[column])}" for column in series)
        for name, (_, row) in zip(labels, table.iterrows(), strict=True)
    )
    return Chart(
        svg,
        title,
        f"{title}. {described}.",
        source,
        data,
        n=n,
        example=example,
        notes=list(notes),
        formats={renamed.get(c, c): value_format for c in series},
        svg_narrow=svg_narrow,
    )
