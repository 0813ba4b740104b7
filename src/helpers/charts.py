"""Charts for the report, in one style: figure, data table, alt text and source line together.

Every chart function returns a :class:`Chart`; ``report.show(chart)`` puts it in the report.
The title states the finding, the alt text repeats it with the figures, the source line and
the number of respondents stand under it, and the data goes into the appendix::

    chart = charts.bars(table, label="comparison", value="dependency_ratio",
                        title="Sotenäs försörjer fler per person i arbetsför ålder",
                        source=scb.SOURCE_POPULATION, highlight="Sotenäs",
                        value_format=text.number)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("svg")  # no display; SVG keeps charts sharp in print and small in HTML

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from . import paths, text  # noqa: E402

plt.style.use(paths.RESOURCES / "report.mplstyle")

#: Comparisons in greys that stay apart in greyscale; the area gets its own colour.
GREYS = ("#8c8c8c", "#b3b3b3", "#d0d0d0", "#6e6e6e")
#: Okabe–Ito, safe for colour-blind readers, for series that are not "area vs the rest".
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
HATCHES = ("", "//", "..", "xx", "\\\\", "oo")
_area_colour = {"value": "#1f5f8b"}


def set_area_colour(colour: str) -> None:
    """The colour that marks the area in every chart (set once per report from params)."""
    _area_colour["value"] = colour


def area_colour() -> str:
    """The area's highlight colour."""
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


def _svg(fig: plt.Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    markup = buffer.getvalue()
    return markup[markup.index("<svg"):]


def _describe(labels: Sequence[str], values: Sequence[object],
              value_format: Callable[[object], str]) -> str:
    return "; ".join(f"{label}: {value_format(value)}" for label, value in zip(labels, values))


def bars(table: pd.DataFrame, *, label: str, value: str, title: str, source: str,
         highlight: str | Sequence[str] | None = None,
         value_format: Callable[[object], str] = text.number, axis_label: str = "",
         n: int | None = None, example: bool = False, horizontal: bool = True,
         data_columns: dict[str, str] | None = None) -> Chart:
    """A bar chart of one value per label, the highlighted label(s) in the area colour.

    Values are written at the end of each bar, so nothing is told by colour alone.
    """
    highlighted = {highlight} if isinstance(highlight, str) else set(highlight or [])
    labels = [str(item) for item in table[label]]
    values = list(table[value])
    colours = [area_colour() if item in highlighted else GREYS[0] for item in labels]
    height = max(1.6, 0.42 * len(labels) + 0.9) if horizontal else 3.6
    fig, ax = plt.subplots(figsize=(7.2, height))
    positions = range(len(labels))
    plotted = [0 if text.is_missing(v) else float(v) for v in values]
    if horizontal:
        ax.barh(positions, plotted, color=colours, height=0.65)
        ax.set_yticks(list(positions), labels)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: value_format(x)))
        ax.set_xlabel(axis_label)
        top = max(plotted + [0]) or 1
        for position, shown in zip(positions, values):
            ax.text((0 if text.is_missing(shown) else float(shown)) + top * 0.01, position,
                    value_format(shown), va="center", fontsize=9, color="#222222")
        ax.set_xlim(0, top * 1.15)
    else:
        ax.bar(positions, plotted, color=colours, width=0.65)
        ax.set_xticks(list(positions), labels)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _: value_format(x)))
        ax.set_ylabel(axis_label)
        top = max(plotted + [0]) or 1
        for position, shown in zip(positions, values):
            ax.text(position, (0 if text.is_missing(shown) else float(shown)) + top * 0.01,
                    value_format(shown), ha="center", va="bottom", fontsize=9)
        ax.set_ylim(0, top * 1.15)
    for tick in (ax.get_yticklabels() if horizontal else ax.get_xticklabels()):
        if tick.get_text() in highlighted:
            tick.set_fontweight("bold")
    renamed = data_columns or {}
    data = table[[label, value]].rename(columns=renamed)
    alt = f"{title}. {_describe(labels, values, value_format)}."
    return Chart(_svg(fig), title, alt, source, data, n=n, example=example,
                 formats={renamed.get(value, value): value_format})


def pyramid(table: pd.DataFrame, *, group: str, sex: str, value: str, title: str,
            source: str, compare: pd.DataFrame | None = None, compare_name: str = "",
            area_name: str = "") -> Chart:
    """A population pyramid of shares by age group: men left, women right.

    ``compare`` (same columns) is drawn as an outline, so the area reads against it.
    """
    groups = list(dict.fromkeys(table[group]))
    fig, ax = plt.subplots(figsize=(7.2, 4.2))
    positions = range(len(groups))

    def side(frame: pd.DataFrame, who: str) -> list[float]:
        return [float(frame[(frame[group] == g) & (frame[sex] == who)][value].sum()) for g in groups]

    men, women = side(table, "män"), side(table, "kvinnor")
    ax.barh(positions, [-v for v in men], color=area_colour(), height=0.8,
            label=f"Män, {area_name}")
    ax.barh(positions, women, color=area_colour(), alpha=0.55, height=0.8,
            label=f"Kvinnor, {area_name}")
    if compare is not None:
        cmen, cwomen = side(compare, "män"), side(compare, "kvinnor")
        ax.step([-v for v in cmen], [p for p in positions], where="mid", color="#222222",
                linewidth=1.2, label=compare_name)
        ax.step(cwomen, [p for p in positions], where="mid", color="#222222", linewidth=1.2)
    ax.set_yticks(list(positions), groups)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: text.percent(abs(x), 0)))
    ax.set_xlabel("Andel av befolkningen (män till vänster, kvinnor till höger)")
    ax.legend(loc="lower right")
    data = table.pivot_table(index=group, columns=sex, values=value, sort=False).reset_index()
    data = data.rename(columns={group: "Åldersgrupp", "män": f"Män, {area_name}",
                                "kvinnor": f"Kvinnor, {area_name}"})
    alt = (f"{title}. Befolkningspyramid med andel män och kvinnor per åldersgrupp"
           + (f", jämfört med {compare_name}." if compare is not None else "."))
    share = lambda v: text.percent(v, 1)  # noqa: E731
    return Chart(_svg(fig), title, alt, source, data,
                 formats={c: share for c in data.columns[1:]})


def lines(table: pd.DataFrame, *, x: str, y: str, series: str, title: str, source: str,
          highlight: str | None = None, value_format: Callable[[object], str] = text.number,
          axis_label: str = "", x_label: str = "År") -> Chart:
    """Lines over time, one per series; the highlighted series thick, in the area colour."""
    fig, ax = plt.subplots(figsize=(7.2, 3.6))
    others = iter(GREYS)
    styles = iter(["--", ":", "-."])
    for name, part in table.groupby(series, sort=False):
        is_area = name == highlight
        ax.plot(part[x], part[y], color=area_colour() if is_area else next(others, "#999999"),
                linewidth=2.6 if is_area else 1.4, linestyle="-" if is_area else next(styles, "-"),
                marker="o", markersize=4, label=str(name))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: value_format(v)))
    ax.set_xticks(sorted(table[x].unique()))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: text.year(v)))
    ax.set_ylabel(axis_label)
    ax.legend(loc="best")
    data = table.pivot_table(index=x, columns=series, values=y, sort=False).reset_index()
    data = data.rename(columns={x: x_label})
    last = table[table[x] == table[x].max()]
    alt = f"{title}. Senaste år: " + _describe(list(last[series]), list(last[y]), value_format) + "."
    formats = {c: value_format for c in data.columns[1:]}
    formats[x_label] = text.year
    return Chart(_svg(fig), title, alt, source, data, formats=formats)
