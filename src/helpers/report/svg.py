"""A small SVG writer for the drawn charts: lines, shapes and text, in points.

Line charts and the population pyramid are written here directly rather than drawn with
matplotlib: importing matplotlib and drawing two charts took half a second of every report's
kernel. The drawings keep the report's chart style (``report.mplstyle``, used by the kinds
still drawn with matplotlib): Open Sans, text kept as text, the same greys and line widths.

>>> drawing = Drawing(100, 40)
>>> drawing.text(4, 20, "Sotenäs", size=10)
>>> drawing.markup().startswith('<svg xmlns="http://www.w3.org/2000/svg" width="100pt"')
True
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

FONT_FAMILY = "'Open Sans', 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
TEXT_COLOUR = "#1a1a1a"
#: Axis labels and tick marks (``axes.labelcolor``, ``xtick.color`` in report.mplstyle).
MUTED = "#4d4d4d"
GRID = "#e3e3e3"
AXIS = "#6b6b6b"
#: Where the report's typeface is installed (Debian fonts-open-sans, `make report-deps`).
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/open-sans"), Path("/usr/share/fonts/truetype"))
FONT_FILES = {False: "OpenSans-Regular.ttf", True: "OpenSans-Bold.ttf"}
#: Width of an average character, in em, when the typeface is not installed.
AVERAGE_CHARACTER = 0.56
#: From the middle of a line of text to its baseline, in em (half of Open Sans' x-height
#: and caps, which is what the eye centres).
MIDDLE_TO_BASELINE = 0.36
#: Markers by matplotlib's letters, so a style reads the same in both kinds of chart.
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


def nice_ticks(low: float, high: float, most: int) -> list[float]:
    """Round tick values between ``low`` and ``high``, at most ``most`` + 1 of them, in the
    finest step of 1, 2 or 5 times a power of ten that keeps to that. (No steps of 2,5: labels
    with whole numbers would round them, "3 %" at 2,5 %.)"""
    if high <= low:
        return [low]
    power = 10.0 ** math.floor(math.log10((high - low) / most))
    for step in (power * m for m in (1, 2, 5, 10)):
        first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
        if last - first <= most:
            break
    return [round(i * step, 10) for i in range(first, last + 1)]


#: A tick mark's length under an axis, and the gap from it to its label.
TICK, TICK_GAP = 3.0, 4.0


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
