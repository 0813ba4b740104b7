"""The report's colours: the one place that decides whether an area's colour is readable.

An area may set any ``colour:`` in its params file. Text and the marks that carry meaning
must still meet WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for graphics), so a colour that is
too light is darkened here, keeping its hue, until it does::

    >>> contrast("#767676", "#ffffff") >= 4.5
    True
    >>> readable("#ffd700")          # gold on white fails; the lightest gold of its hue that passes
    '#846f00'
    >>> round(contrast("#846f00", TINT), 2)
    4.52
    >>> readable("#0b5c7a")          # already dark enough: unchanged
    '#0b5c7a'
"""

from __future__ import annotations

import colorsys

#: Page and tinted-box backgrounds the report puts text on (see report.css).
PAPER = "#ffffff"
TINT = "#f3f5f7"
#: WCAG 2.1 AA: normal text, and graphical objects (1.4.11).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0
#: The area's marks in charts: darker still, so they stand apart from the mid-grey
#: comparisons (#8c8c8c) also in greyscale print.
MARK_CONTRAST = 6.0


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (r, g, b))


def luminance(colour: str) -> float:
    """Relative luminance as WCAG defines it (0 black … 1 white)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str = PAPER) -> float:
    """WCAG contrast ratio of two colours, 1 … 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darken_until(colour: str, ratio: float, backgrounds: tuple[str, ...] = (PAPER, TINT)) -> str:
    """``colour`` with its lightness lowered (hue and saturation kept) until it reaches
    ``ratio`` against every background; unchanged when it already does."""
    if all(contrast(colour, bg) >= ratio for bg in backgrounds):
        return colour
    hue, lightness, saturation = colorsys.rgb_to_hls(*_channels(colour))
    low, high = 0.0, lightness  # binary search for the lightest passing shade
    for _ in range(30):
        middle = (low + high) / 2
        if all(
            contrast(_hex(*colorsys.hls_to_rgb(hue, middle, saturation)), bg) >= ratio
            for bg in backgrounds
        ):
            low = middle
        else:
            high = middle
    return _hex(*colorsys.hls_to_rgb(hue, low, saturation))


def readable(colour: str) -> str:
    """The area colour for text, links and the cover: at least 4.5:1 on paper and tint."""
    return darken_until(colour, TEXT_CONTRAST)


def chart_mark(colour: str) -> str:
    """The area colour for its bars and lines: at least 6:1 on paper, so in greyscale it is
    clearly darker than the grey comparisons (``charts.style.GREYS``)."""
    return darken_until(colour, MARK_CONTRAST, (PAPER,))


def lighter(colour: str, amount: float) -> str:
    """``colour`` mixed with white (0 = unchanged, 1 = white): ``lighter("#000000", 0.5)``
    is ``'#808080'``."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in channels)


def on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (labels inside bars)."""
    return (
        "#ffffff"
        if contrast("#ffffff", background) >= contrast("#1a1a1a", background)
        else "#1a1a1a"
    )
