"""Charts for the report, in one style: figure, data table, alt text and source line together.

A chart function reads a table and returns a :class:`Chart` (``model``): what the chart is,
not yet drawn. ``rpt.show(chart)`` draws it in the report's style (the area's colour) and puts
it in the report. The title states the finding, the alt text repeats it with the figures, the
source line and the number of respondents stand under it, and the data goes into the
appendix::

    chart = charts.bars(table, label="comparison", value="dependency_ratio",
                        title="Sotenäs försörjer fler per person i arbetsför ålder",
                        source=scb.SOURCE_POPULATION, highlight="Sotenäs",
                        value_format=text.number)
    rpt.show(chart)

The kinds (``registry``): ``bars`` (HTML when horizontal and not below zero, else drawn),
``lines``, ``pyramid``, ``stacked`` (100 % bars) and ``grouped`` (bars side by side), each a
module with its renderer; every drawing is SVG written by ``svg`` in the one ``style``.
Drawings come twice: wide for screens and the A4 page, and narrow for a phone, so their text
stays legible at 375 px::

    >>> import pandas as pd
    >>> table = pd.DataFrame({"område": ["Sotenäs", "Riket"], "andel": [0.25, 0.2]})
    >>> chart = bars(table, label="område", value="andel", title="T", source="SCB")
    >>> chart.kind, render(chart, Style.for_area("#0b5c7a"))[:24]
    ('bars', '<div class="bar-chart" r')
"""

from helpers.report.charts.kinds.bars import bars
from helpers.report.charts.kinds.grouped import grouped
from helpers.report.charts.kinds.lines import lines
from helpers.report.charts.kinds.pyramid import pyramid
from helpers.report.charts.kinds.registry import REGISTERED, render
from helpers.report.charts.kinds.stacked import stacked
from helpers.report.charts.model import Chart, Kind, has_no_data
from helpers.report.charts.style import Style

__all__ = [
    "REGISTERED",
    "Chart",
    "Kind",
    "Style",
    "bars",
    "grouped",
    "has_no_data",
    "lines",
    "pyramid",
    "render",
    "stacked",
]
