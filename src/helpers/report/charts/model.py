"""What a chart is, apart from how it is drawn: :class:`Chart`, and :class:`Kind`, a kind of
chart with the renderer that draws it.

A chart function (``bars``, ``lines`` ...) reads a table and returns a ``Chart``: its kind,
the figure (what that kind draws: labels, values, highlighted names, as a frozen dataclass of
the kind's own), and what a reader needs besides the picture: the title, the alt text, the
source line, the number of respondents, the example-data label, notes and the data table
with how its columns read. Drawing waits until the report shows the chart
(``registry.render``), with the run's ``style.Style``::

    >>> chart = Chart("bars", None, "Titel", "Titel. A: 1", "SCB", pd.DataFrame({"a": [1]}))
    >>> chart.notes.append("Serien bryts 2019.")
    >>> chart.kind, chart.notes, chart.n
    ('bars', ['Serien bryts 2019.'], None)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from helpers.common import text
from helpers.report.charts.style import Style

#: How a value reads in the chart and its data table (``text.number``, ``text.percent`` ...).
Format = Callable[[object], str]


@dataclass
class Chart:
    """A chart as a reader meets it; ``figure`` is what its ``kind`` draws.

    Chapters' helpers may add ``notes`` or replace ``data`` (e.g. a fuller table than the
    drawn values) before the chart is shown.
    """

    kind: str
    figure: Any
    title: str
    alt: str
    source: str
    data: pd.DataFrame
    n: int | None = None
    example: bool = False
    notes: list[str] = field(default_factory=list)
    #: How each data column reads in the data table (column name → formatter).
    formats: dict[str, Format] = field(default_factory=dict)


def has_no_data(chart: Chart) -> bool:
    """True when the chart would draw nothing: its table has no rows, or every value it
    draws is missing (its value columns are those with a format; else the numeric ones).
    The report then says in words what is missing instead of an empty box.

    >>> has_no_data(Chart("bars", None, "T", "T.", "SCB", pd.DataFrame({"a": []})))
    True
    >>> hidden = pd.DataFrame({"Svar": ["Ja", "Nej"], "Andel": [None, None]})
    >>> has_no_data(Chart("bars", None, "T", "T.", "Enkäten", hidden, formats={"Andel": str}))
    True
    >>> has_no_data(Chart("bars", None, "T", "T.", "SCB", hidden.fillna(0.5)))
    False
    """
    data = chart.data
    if data.empty:
        return True
    values = [c for c in chart.formats if c in data.columns]
    values = values or list(data.select_dtypes("number").columns) or list(data.columns[1:])
    return all(text.is_missing(value) for column in values for value in data[column])


#: A renderer: the chart as HTML (a drawing in an ``<img>``, or HTML itself), in a style.
Renderer = Callable[[Chart, Style], str]


@dataclass(frozen=True)
class Kind:
    """A kind of chart: its name (``Chart.kind``), the type of its figure, and its renderer."""

    name: str
    figure: type
    render: Renderer


def plain(value: object) -> float:
    """A value as a number to draw: a missing (hidden) value draws as 0.

    >>> plain(None), plain(2)
    (0.0, 2.0)
    """
    return 0.0 if text.is_missing(value) else float(value)


def names(highlight: str | Sequence[str] | None) -> set[str]:
    """The highlighted names, given as one name, several or none."""
    return {highlight} if isinstance(highlight, str) else set(highlight or [])


def describe(labels: Sequence[str], values: Sequence[object], value_format: Format) -> str:
    """Labels and their values in words, for the alt text.

    >>> describe(["Sotenäs", "Riket"], [0.25, 0.2], text.percent)
    'Sotenäs: 25,0\\xa0%; Riket: 20,0\\xa0%'
    """
    pairs = zip(labels, values, strict=True)
    return "; ".join(f"{label}: {value_format(value)}" for label, value in pairs)


def of_several(
    kind: str,
    figure: object,
    table: pd.DataFrame,
    label: str,
    columns: Sequence[str],
    value_format: Format,
    *,
    title: str,
    source: str,
    data_columns: dict[str, str] | None,
    n: int | None,
    example: bool,
    notes: Sequence[str],
) -> Chart:
    """The Chart of a figure with several values per label (``stacked``, ``grouped``): its
    data table (columns renamed), the values in words in the alt text, and how each value
    column reads."""
    renamed = data_columns or {}
    described = "; ".join(
        f"{row[label]}: " + ", ".join(f"{column} {value_format(row[column])}" for column in columns)
        for _, row in table.iterrows()
    )
    return Chart(
        kind,
        figure,
        title,
        f"{title}. {described}.",
        source,
        table[[label, *columns]].rename(columns=renamed),
        n=n,
        example=example,
        notes=list(notes),
        formats={renamed.get(c, c): value_format for c in columns},
    )
