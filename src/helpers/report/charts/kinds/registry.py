"""The chart kinds, and how a chart is drawn: by the renderer its kind names.

Each kind is a module in this folder with a ``KIND`` (a ``model.Kind``): its name, the type
of its figure and its renderer. Adding a kind is a new module and one line in
:data:`REGISTERED` (docs/adding-a-chart-kind.md)::

    >>> [kind.name for kind in REGISTERED[:5]]  # a new kind goes at the end
    ['bars', 'lines', 'pyramid', 'stacked', 'grouped']
    >>> import pandas as pd
    >>> from helpers.report.charts.kinds.bars import bars
    >>> table = pd.DataFrame({"område": ["Sotenäs"], "andel": [0.25]})
    >>> chart = bars(table, label="område", value="andel", title="T", source="SCB")
    >>> kind_of(chart).name, "background-color: #0b5c7a" in render(chart, Style.for_area("#0b5c7a"))
    ('bars', True)
"""

from __future__ import annotations

from helpers.report.charts.kinds import bars, grouped, lines, pyramid, stacked
from helpers.report.charts.model import Chart, Kind
from helpers.report.charts.style import Style

#: Every kind of chart the report draws.
REGISTERED: tuple[Kind, ...] = (
    bars.KIND,
    lines.KIND,
    pyramid.KIND,
    stacked.KIND,
    grouped.KIND,
)


def kind_of(chart: Chart) -> Kind:
    """The registered kind of ``chart``; a ValueError when none is, or its figure is not of
    the kind's type."""
    kind = next((kind for kind in REGISTERED if kind.name == chart.kind), None)
    if kind is None:
        known = ", ".join(kind.name for kind in REGISTERED)
        raise ValueError(f"no chart kind {chart.kind!r} is registered (known: {known})")
    if not isinstance(chart.figure, kind.figure):
        raise ValueError(
            f"a {chart.kind!r} chart needs a {kind.figure.__name__} figure, "
            f"not {type(chart.figure).__name__}"
        )
    return kind


def render(chart: Chart, style: Style) -> str:
    """The chart as HTML in ``style``: its drawing(s) in an ``<img>``/``<picture>`` named by
    the alt text, or HTML bars."""
    return kind_of(chart).render(chart, style)
