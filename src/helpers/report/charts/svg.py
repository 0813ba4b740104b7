"""A small SVG writer for the charts: lines, shapes and text, in points, and the HTML that
shows a drawing (wide, with a narrow one for phones).

Every drawn chart kind is written with it rather than drawn with matplotlib: importing
matplotlib and drawing two charts took half a second of a report's kernel. Text stays text
(selectable, light and quick for WeasyPrint), measured in the report's typeface so that
labels are placed where they fit; the typeface, colours and sizes come from ``style``.

>>> drawing = Drawing(100, 40)
>>> drawing.text(4, 20, "Sotenäs", size=10)
>>> drawing.markup().startswith('<svg xmlns="http://www.w3.org/2000/svg" width="100pt"')
True
>>> wrap("Vård och omsorg; sociala tjänster", 100, 10)  # 100 points at 10 points
['Vård och omsorg;', 'sociala tjänster']
"""

from __future__ import annotations

import base64
import html
import math
from collections.abc import Sequence
from functools import lru_cache

from helpers.report.charts.style import (
    AXIS,
    EXAMPLE_COLOUR,
    EXAMPLE_MARK,
    FONT_FAMILY,
    FONT_FILES,
    FONT_FOLDERS,
    MARK_SIZE,
    MUTED,
    NARROW_BELOW,
    TEXT_COLOUR,
)

#: Width of an average character, in em, when the typeface is not installed.
AVERAGE_CHARACTER = 0.56
#: From the middle of a line of text to its baseline, in em (half of Open Sans' x-height
#: and caps, which is what the eye centres).
MIDDLE_TO_BASELINE = 0.36
#: Lines of a wrapped label, apart by this many times the text size.
LINE_SPACING = 1.2
#: Markers by matplotlib's letters (o s ^ v D), which the line styles name.
MARKERS = ("o", "s", "^", "v", "D")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, int], int] | None:
    """Each character's advance width in font units, and the font's units per em."""
    from fontTools.ttLib import TTFont  # 0,03 s, and only when a chart is measured

    for folder in FONT_FOLDERS:
        path = folder / FONT_FILES[bold]
        if path.exists():
            font = TTFont(path, lazy=True)
            metrics = font["hmtx"].metrics
            glyphs = font.getBestCmap()
            widths = {code: metrics[glyph][0] for code, glyph in glyphs.items()}
            return widths, font["head"].unitsPerEm
    return None


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """How wide ``text`` is at ``size`` points in the report's typeface (an estimate when
    the typeface is not installed)."""
    advances = _advances(bold)
    if advances is None:
        return len(text) * size * AVERAGE_CHARACTER * (1.06 if bold else 1.0)
    widths, units = advances
    fallback = units * AVERAGE_CHARACTER
    return sum(widths.get(ord(character), fallback) for character in text) * size / units


def wrap(label: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``label`` in lines at most ``width`` points wide at ``size`` (words are not broken: a
    word wider than that stands on a line of its own)."""
    lines: list[str] = []
    for word in label.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, bold=bold) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [label]


def nice_ticks(low: float, high: float, most: int, *, outward: bool = False) -> list[float]:
    """Round tick values between ``low`` and ``high`` (``outward``: from one at or below
    ``low`` to one at or above ``high``), at most ``most`` + 1 of them, in the finest step of
    1, 2 or 5 times a power of ten that keeps to that. (No steps of 2,5: labels with whole
    numbers would round them, "3 %" at 2,5 %.)

    >>> nice_ticks(106.4, 117.3, 5), nice_ticks(106.4, 117.3, 5, outward=True)
    ([108.0, 110.0, 112.0, 114.0, 116.0], [105.0, 110.0, 115.0, 120.0])
    """
    if high <= low:
        return [low]
    power = 10.0 ** math.floor(math.log10((high - low) / most))
    for step in (power * m for m in (1, 2, 5, 10, 20)):
        if outward:
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
        else:
            first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        if last - first <= most:
            break
    return [round(i * step, 10) for i in range(first, last + 1)]


#: A tick mark's length under an axis, and the gap from it to its label.
TICK, TICK_GAP = 3.0, 4.0


#: The band at the top of a drawing that holds the example-data mark.
MARK_HEIGHT = MARK_SIZE * 1.5


def lines_height(lines: int, size: float) -> float:
    """How high ``lines`` lines of text at ``size`` points stand (``Drawing.text_lines``)."""
    return size * (1.2 + (lines - 1) * LINE_SPACING) if lines else 0.0


def tick_height(size: float) -> float:
    """How far below an axis its ticks and their labels (``size`` points) reach."""
    return TICK + TICK_GAP + size * 1.2


class Drawing:
    """An SVG drawing of ``width`` × ``height`` points; shapes are added in drawing order."""

    def __init__(self, width: float, height: float):
        self.width = width
        self.height = height
        self._parts: list[str] = []

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        colour: str = AXIS,
        width: float = 0.8,
    ) -> None:
        self._parts.append(
            f'<line x1="{_number(x1)}" y1="{_number(y1)}" x2="{_number(x2)}" '
            f'y2="{_number(y2)}" stroke="{colour}" stroke-width="{_number(width)}"/>'
        )

    def polyline(
        self,
        points: Sequence[tuple[float, float]],
        *,
        colour: str,
        width: float,
        dash: str = "",
    ) -> None:
        """A line through ``points``; ``dash`` an SVG dash array ("5,2"), "" for solid."""
        coordinates = " ".join(f"{_number(x)},{_number(y)}" for x, y in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self._parts.append(
            f'<polyline points="{coordinates}" fill="none" stroke="{colour}" '
            f'stroke-width="{_number(width)}" stroke-linejoin="round"{dashed}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        *,
        fill: str,
        edge: str = "",
        edge_width: float = 0.6,
    ) -> None:
        stroke = f' stroke="{edge}" stroke-width="{_number(edge_width)}"' if edge else ""
        self._parts.append(
            f'<rect x="{_number(min(x, x + width))}" y="{_number(min(y, y + height))}" '
            f'width="{_number(abs(width))}" height="{_number(abs(height))}" '
            f'fill="{fill}"{stroke}/>'
        )

    def marker(self, x: float, y: float, kind: str, size: float, colour: str) -> None:
        """A marker of ``size`` points across, centred on (x, y): one of ``MARKERS``."""
        r = size / 2
        if kind == "o":
            self._parts.append(
                f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{_number(r)}" fill="{colour}"/>'
            )
            return
        corners = {
            "s": ((-r, -r), (r, -r), (r, r), (-r, r)),
            "^": ((0, -r * 1.15), (r * 1.1, r * 0.85), (-r * 1.1, r * 0.85)),
            "v": ((0, r * 1.15), (r * 1.1, -r * 0.85), (-r * 1.1, -r * 0.85)),
            "D": ((0, -r * 1.2), (r * 1.2, 0), (0, r * 1.2), (-r * 1.2, 0)),
        }[kind]
        points = " ".join(f"{_number(x + dx)},{_number(y + dy)}" for dx, dy in corners)
        self._parts.append(f'<polygon points="{points}" fill="{colour}"/>')

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 10,
        anchor: str = "start",
        bold: bool = False,
        colour: str = TEXT_COLOUR,
        rotate: bool = False,
    ) -> None:
        """``content`` with its middle at height ``y`` (not its baseline), from, around or up
        to ``x`` (``anchor`` start, middle, end); ``rotate`` turns it to read upwards."""
        baseline = MIDDLE_TO_BASELINE * size
        weight = ' font-weight="bold"' if bold else ""
        if rotate:
            place = f'transform="translate({_number(x + baseline)} {_number(y)}) rotate(-90)"'
        else:
            place = f'x="{_number(x)}" y="{_number(y + baseline)}"'
        self._parts.append(
            f'<text {place} font-size="{_number(size)}" text-anchor="{anchor}" '
            f'fill="{colour}"{weight}>{html.escape(content, quote=False)}</text>'
        )

    def text_lines(
        self,
        x: float,
        top: float,
        lines: Sequence[str],
        *,
        size: float,
        anchor: str = "start",
        bold: bool = False,
        colour: str = TEXT_COLOUR,
    ) -> None:
        """Lines of text one under the other, the first one's top at ``top``."""
        for number, line in enumerate(lines):
            middle = top + size * (0.6 + number * LINE_SPACING)
            self.text(x, middle, line, size=size, anchor=anchor, bold=bold, colour=colour)

    def example_mark(self) -> None:
        """The example-data mark in the top right corner (``MARK_HEIGHT`` high)."""
        self.text(
            self.width - 2,
            MARK_HEIGHT / 2,
            EXAMPLE_MARK.upper(),
            size=MARK_SIZE,
            anchor="end",
            bold=True,
            colour=EXAMPLE_COLOUR,
        )

    def tick_below(self, x: float, axis: float, label: str, *, size: float) -> None:
        """A tick mark under the axis at height ``axis``, and its label centred under it."""
        self.line(x, axis, x, axis + TICK, colour=MUTED)
        self.text(x, axis + TICK + TICK_GAP + size * 0.6, label, size=size, anchor="middle")

    def markup(self) -> str:
        """The finished SVG: sized in points, so that text drawn at 10 pt prints at 10 pt."""
        w, h = _number(self.width), _number(self.height)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
            f'viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">'
            f'<rect width="{w}" height="{h}" fill="white"/>{"".join(self._parts)}</svg>'
        )


def picture(wide: str, narrow: str, alt: str) -> str:
    """A drawing as HTML: an ``<img>`` named by ``alt``, in a ``<picture>`` that switches to
    the ``narrow`` drawing on small screens (the PDF renderer uses the ``<img>``, the wide
    one); ``narrow`` "" for none."""
    img = f'<img src="{_data_uri(wide)}" alt="{html.escape(alt)}">'
    if not narrow:
        return img
    return (
        f'<picture><source media="(max-width: {NARROW_BELOW})" '
        f'srcset="{_data_uri(narrow)}">{img}</picture>'
    )


def _data_uri(markup: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode()
