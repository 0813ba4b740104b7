"""The SVG writer behind line charts and the pyramid: round ticks, measured text, clean markup."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers.report.charts import svg


@pytest.mark.parametrize(
    ("low", "high", "most", "expected"),
    [
        (91.0, 119.0, 6, [95, 100, 105, 110, 115]),
        (0.0, 0.055, 2, [0, 0.02, 0.04]),
        (0.0, 0.0433, 2, [0, 0.02, 0.04]),  # not 0 and 2,5 %, which reads as "3 %"
        (0.0, 0.0324, 4, [0, 0.01, 0.02, 0.03]),
        (-3.2, 4.1, 4, [-2, 0, 2, 4]),
        (1200.0, 9600.0, 5, [2000, 4000, 6000, 8000]),
    ],
)
def test_ticks_are_round_and_inside_the_range(low, high, most, expected):
    assert svg.nice_ticks(low, high, most) == pytest.approx(expected)


def test_ticks_of_an_empty_range_are_the_value_itself():
    assert svg.nice_ticks(5.0, 5.0, 4) == [5.0]


def test_text_width_grows_with_text_size_and_weight():
    name = "Västra Götalands län 116"
    assert svg.text_width(name, 10) > svg.text_width("Riket 117", 10) > 0
    assert svg.text_width(name, 20) == pytest.approx(2 * svg.text_width(name, 10))
    assert svg.text_width(name, 10, bold=True) > svg.text_width(name, 10)
    # about half an em per character in a sans-serif face
    assert 0.4 < svg.text_width(name, 10) / (10 * len(name)) < 0.65


def test_drawing_is_sized_in_points_and_escapes_text():
    drawing = svg.Drawing(100, 50)
    drawing.text(10, 20, "Män & <kvinnor>", size=10, anchor="end", bold=True)
    markup = drawing.markup()
    assert re.match(
        r'<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt" '
        r'viewBox="0 0 100 50"',
        markup,
    )
    assert ">Män &amp; &lt;kvinnor&gt;</text>" in markup
    assert 'text-anchor="end"' in markup and 'font-weight="bold"' in markup
    # y is the middle of the text: the baseline lies below it
    assert f'y="{20 + svg.MIDDLE_TO_BASELINE * 10:.1f}"' in markup


@pytest.mark.parametrize("kind", svg.MARKERS)
def test_every_marker_is_drawn_around_its_point(kind):
    drawing = svg.Drawing(20, 20)
    drawing.marker(10, 10, kind, 4, "#000000")
    markup = drawing.markup()
    if kind == "o":
        assert '<circle cx="10" cy="10" r="2" fill="#000000"/>' in markup
        return
    points = re.search(r'<polygon points="([^"]+)"', markup).group(1)
    xs, ys = zip(*(map(float, point.split(",")) for point in points.split()), strict=True)
    assert min(xs) < 10 < max(xs) and min(ys) < 10 < max(ys)
    assert max(xs) - min(xs) <= 5 and max(ys) - min(ys) <= 5


def test_no_chart_kind_needs_matplotlib():
    """Importing matplotlib took a quarter of a second of every report's kernel; every kind
    is now SVG or HTML written by the project."""
    script = (
        "import sys, pandas as pd\n"
        "from helpers.report import charts\n"
        "style = charts.Style()\n"
        "t = pd.DataFrame({'year': [2001, 2011] * 2, 's': list('AABB'), 'v': [1, -2, 3, 4]})\n"
        "p = pd.DataFrame({'g': ['0–4'] * 2, 'sex': ['män', 'kvinnor'], 'v': [0.1, 0.2]})\n"
        "w = pd.DataFrame({'l': ['a', 'b'], 'x': [0.4, 0.5], 'y': [0.6, 0.5]})\n"
        "made = [\n"
        "    charts.lines(t, x='year', y='v', series='s', title='T', source='S', highlight='A'),\n"
        "    charts.pyramid(p, group='g', sex='sex', value='v', title='T', source='S'),\n"
        "    charts.bars(t, label='s', value='v', title='T', source='S'),\n"
        "    charts.bars(t, label='s', value='v', title='T', source='S', horizontal=False),\n"
        "    charts.stacked(w, label='l', parts=['x', 'y'], title='T', source='S'),\n"
        "    charts.grouped(w, label='l', series=['x', 'y'], title='T', source='S'),\n"
        "]\n"
        "assert {c.kind for c in made} == {k.name for k in charts.REGISTERED}\n"
        "assert all(charts.render(c, style) for c in made)\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
