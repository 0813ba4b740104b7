"""The one chart style of the report: typeface, colours, sizes and widths, decided here.

Every chart kind draws with these constants and with a :class:`Style`, the part that changes
from run to run: the area's colour. A report makes its style once from the area's params
(``Report.show`` renders each chart with it), so nothing about one run is kept in a global::

    >>> Style.for_area("#ffd700").area  # gold on white is too light for a bar: darkened
    '#746200'
    >>> Style().area  # no area given: the default colour of params/defaults.yaml
    '#1f5f8b'
    >>> Style.for_area("#0b5c7a").light  # the women's side of the pyramid
    '#91b6c3'

Sizes are in points at print size: a wide drawing is ``WIDE`` inches, the A4 text column, so
10 pt in it prints at 10 pt; the narrow drawing (``NARROW``) shows at about its own size on a
phone. Nothing is told by colour alone: values and names are written on the chart, and
comparisons differ from the area in lightness, line style and marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers.report import colours

#: The report's typeface and fallbacks of similar width on readers' devices.
FONT_FAMILY = "'Open Sans', 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
#: Where the typeface is installed (Debian fonts-open-sans, `make report-deps`): text widths
#: are measured in it.
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/open-sans"), Path("/usr/share/fonts/truetype"))
FONT_FILES = {False: "OpenSans-Regular.ttf", True: "OpenSans-Bold.ttf"}

TEXT_COLOUR = "#1a1a1a"
#: Axis labels and tick marks.
MUTED = "#4d4d4d"
GRID = "#e3e3e3"
AXIS = "#6b6b6b"
#: The example-data mark (the same brown as the report's example-data box).
EXAMPLE_MARK = "Exempeldata"
EXAMPLE_COLOUR = "#8a4b00"
#: The area's colour when its params set none (params/defaults.yaml).
DEFAULT_AREA = "#1f5f8b"
#: Comparisons: greys that keep 3:1 against white and stay lighter than the area in greyscale.
GREYS = ("#8c8c8c", "#7a7a7a", "#a3a3a3", "#6e6e6e")
#: Okabe–Ito, safe for colour-blind readers, for series that are not "area vs the rest".
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
#: Series after the first in grouped bars: lighter and lighter, told apart in greyscale.
GROUP_GREYS = ("#a6a6a6", "#d4d4d4", "#6e6e6e")
#: Comparison lines: dash pattern and marker, so each reads without its colour.
LINE_STYLES = (
    ("5.55,2.4", "s"),
    ("1.5,2.48", "^"),
    ("9.6,2.4,1.5,2.4", "D"),
    ("7.5,1.5,1.5,1.5", "v"),
)
#: Ordered answers (Likert scales): one hue from light to dark, monotonic in greyscale.
SEQUENTIAL = ("#deebf7", "#9ecae1", "#4292c6", "#2166ac", "#08306b")

#: Drawing widths in inches: the A4 text column (170 mm) and a phone screen (~345 CSS px).
WIDE, NARROW = 6.7, 3.6
#: Below this width (CSS) the HTML shows the narrow drawing (``svg.picture``).
NARROW_BELOW = "37.5em"
#: Tick labels, axis labels and names at line ends; legends; values and names at bars;
#: values inside bars; the example-data mark.
AXIS_SIZE, LEGEND_SIZE, VALUE_SIZE, INSIDE_SIZE, MARK_SIZE = 9.5, 9.0, 10.0, 9.0, 8.0
#: The longest bar of an HTML bar chart, as a share of the line: room for its value after it.
LONGEST_BAR = 85.0


@dataclass(frozen=True)
class Style:
    """What a chart is drawn with in one report: the area's colour, as drawn."""

    area: str = DEFAULT_AREA

    @classmethod
    def for_area(cls, colour: str) -> Style:
        """The style of an area whose params set ``colour``: a colour too light for a mark
        is darkened, hue kept (``colours.chart_mark``)."""
        return cls(area=colours.chart_mark(colour))

    @property
    def light(self) -> str:
        """A light shade of the area's colour (outlined in it where it marks something)."""
        return colours.lighter(self.area, 0.55)
