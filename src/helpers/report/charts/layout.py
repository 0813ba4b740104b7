"""Where things go in a drawn bar chart: the names beside or above the bars, the legend, and
the scale that leaves room for each value written at the end of its bar.

Shared by the drawn kinds (``bars``, ``stacked``, ``grouped``), so that their names, values
and legends stand alike::

    >>> scale = Scale.fitting([-1.5, 2.0], [20, 20], left=0, right=100, gap=4)
    >>> scale.x(-1.5) - 4 - 20, scale.x(2.0) + 4 + 20  # both values end at an edge
    (0.0, 100.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from helpers.report.charts import svg
from helpers.report.charts.style import AXIS_SIZE, LEGEND_SIZE, VALUE_SIZE


@dataclass(frozen=True)
class Scale:
    """Values across: ``x(value) = zero + value * per_unit`` (points)."""

    zero: float
    per_unit: float

    @classmethod
    def fitting(
        cls,
        values: Sequence[float],
        widths: Sequence[float],
        *,
        left: float,
        right: float,
        gap: float,
    ) -> Scale:
        """The largest scale at which every bar from zero, and its value (``widths``, written
        ``gap`` beyond the bar's end: right of a positive bar, left of a negative one), stays
        between ``left`` and ``right``."""
        below = [(-v, gap + w) for v, w in zip(values, widths, strict=True) if v < 0] + [(0, 0)]
        above = [(v, gap + w) for v, w in zip(values, widths, strict=True) if v >= 0] + [(0, 0)]
        room = right - left
        fits = [
            (room - need_low - need_high) / (low + high)
            for low, need_low in below
            for high, need_high in above
            if low + high > 0
        ]
        per_unit = max(min(fits, default=room), 0.0)
        zero = left + max(low * per_unit + need for low, need in below)
        return cls(zero, per_unit)

    def x(self, value: float) -> float:
        """Where ``value`` is across."""
        return self.zero + value * self.per_unit


def value_label(
    drawing: svg.Drawing, scale: Scale, value: float, shown: str, y: float, size: float
) -> None:
    """``shown`` written just beyond the end of the bar of ``value`` (before it if negative)."""
    end = scale.x(value)
    if value < 0:
        drawing.text(end - GAP, y, shown, size=size, anchor="end")
    else:
        drawing.text(end + GAP, y, shown, size=size)


#: Between a bar's end and its value.
GAP = 4.0


@dataclass(frozen=True)
class Names:
    """The names of rows of bars: beside the bars, wrapped and right-aligned (wide), or each
    above its bar across the whole width (narrow, for a phone); highlighted names bold."""

    labels: tuple[str, ...]
    bold: tuple[str, ...]
    lines: tuple[tuple[str, ...], ...]
    size: float
    narrow: bool
    #: Where the names end (wide; anchored there), or start (narrow).
    end: float

    @classmethod
    def placed(
        cls, labels: Sequence[str], bold: Sequence[str], *, width: float, narrow: bool
    ) -> Names:
        """The names of a drawing ``width`` points wide; beside the bars they wrap at
        ``NAME_WIDTH``."""
        size = VALUE_SIZE if narrow else AXIS_SIZE
        lines = tuple(
            tuple(svg.wrap(label, width - 8 if narrow else NAME_WIDTH, size, bold=label in bold))
            for label in labels
        )
        widest = max(
            (
                svg.text_width(line, size, bold=label in bold)
                for label, name in zip(labels, lines, strict=True)
                for line in name
            ),
            default=0.0,
        )
        return cls(tuple(labels), tuple(bold), lines, size, narrow, 4 if narrow else 4 + widest)

    @property
    def bars_left(self) -> float:
        """Where the bars may start."""
        return self.end if self.narrow else self.end + 8

    def rows(self, block: float) -> list[float]:
        """Each row's height around a block of bars ``block`` points high."""
        return [self._head(name) + self._body(name, block) + ROW_GAP for name in self.lines]

    def draw(self, drawing: svg.Drawing, top: float, block: float) -> list[float]:
        """The names, in rows from ``top``; returns the middle of each row's block of bars."""
        middles = []
        for label, name in zip(self.labels, self.lines, strict=True):
            head = self._head(name)
            middle = top + head + self._body(name, block) / 2
            bold = label in self.bold
            if self.narrow:
                drawing.text_lines(self.end, top, name, size=self.size, bold=bold)
            else:
                high = svg.lines_height(len(name), self.size)
                drawing.text_lines(
                    self.end, middle - high / 2, name, size=self.size, anchor="end", bold=bold
                )
            middles.append(middle)
            top += head + self._body(name, block) + ROW_GAP
        return middles

    def zero_line(
        self, drawing: svg.Drawing, x: float, top: float, middles: Sequence[float], block: float
    ) -> None:
        """The line the bars start from: down the drawing beside the names (wide), or a mark
        at each block of bars (narrow: a line down would cross the names above them)."""
        if not self.narrow:
            end = top + sum(self.rows(block)) - ROW_GAP / 2
            drawing.line(x, top, x, end)
            return
        for middle in middles:
            drawing.line(x, middle - block / 2 - 2, x, middle + block / 2 + 2)

    def _head(self, name: Sequence[str]) -> float:
        return svg.lines_height(len(name), self.size) + 3 if self.narrow else 0.0

    def _body(self, name: Sequence[str], block: float) -> float:
        return block if self.narrow else max(block, svg.lines_height(len(name), self.size))


#: Names beside the bars wrap at this width (points), under a third of a wide drawing.
NAME_WIDTH = 150.0
#: Between rows of bars.
ROW_GAP = 8.4


def legend_height(names: Sequence[str], *, left: float, right: float, columns: int = 0) -> float:
    """How high ``legend`` stands with these names between ``left`` and ``right``."""
    places = _legend_places(names, left, right, columns)
    return (max((row for _, row in places), default=-1) + 1) * LEGEND_ROW


def legend(
    drawing: svg.Drawing,
    entries: Sequence[tuple[str, str, str]],
    *,
    left: float,
    top: float,
    columns: int = 0,
) -> None:
    """Swatches with their names, (fill, edge, name) in order, in rows from ``left`` to the
    drawing's right edge, or in ``columns`` equal columns."""
    names = [name for _, _, name in entries]
    places = _legend_places(names, left, drawing.width, columns)
    for (fill, edge, name), (x, row) in zip(entries, places, strict=True):
        middle = top + (row + 0.5) * LEGEND_ROW
        drawing.rect(x, middle - SWATCH / 2, SWATCH, SWATCH, fill=fill, edge=edge, edge_width=0.6)
        drawing.text(x + SWATCH + 4, middle, name, size=LEGEND_SIZE)


#: A legend's swatch, points square, and the height of a row of the legend.
SWATCH, LEGEND_ROW = 9.0, LEGEND_SIZE * 1.6


def _legend_places(
    names: Sequence[str], left: float, right: float, columns: int
) -> list[tuple[float, int]]:
    """Where each entry of a legend starts, and in which row."""
    places = []
    x, row = left, 0
    for index, name in enumerate(names):
        entry = SWATCH + 4 + svg.text_width(name, LEGEND_SIZE)
        if columns:
            row, column = divmod(index, columns)
            x = left + column * (right - left) / columns
        elif x > left and x + entry > right:
            row, x = row + 1, left
        places.append((x, row))
        x += entry + 14
    return places
