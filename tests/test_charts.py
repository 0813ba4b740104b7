"""Charts: one style, Swedish numbers, the area highlighted, legible on a phone, honest alt text.

Charts keep their text as SVG ``<text>``; the tests read it to see what a reader sees.
"""

from __future__ import annotations

import html
import itertools
import re

import pandas as pd
import pytest

from helpers.common import text
from helpers.report import charts, colours, drawn_charts, svg

NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def area_colour():
    charts.set_area_colour("#0b5c7a")
    yield
    charts.set_area_colour("#1f5f8b")


def texts(svg: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", t))
        for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    ]


def width_inches(svg: str) -> float:
    return float(re.search(r'<svg[^>]*width="([\d.]+)pt"', svg).group(1)) / 72


def comparison_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "comparison": ["Sotenäs", "Fyrbodal", "Västra Götalands län", "Riket"],
            "ratio": [98.4, 86.4, 74.0, 76.3],
        }
    )


def test_bars_write_swedish_values_and_alt_text_with_the_finding():
    chart = charts.bars(
        comparison_table(),
        label="comparison",
        value="ratio",
        title="Försörjningskvoten är högst i Sotenäs",
        source="SCB",
        highlight="Sotenäs",
        value_format=lambda v: text.number(v, 1),
        data_columns={"comparison": "Område", "ratio": "Försörjningskvot"},
    )
    rows = bar_rows(chart.html)  # horizontal bars are HTML: one layout for every screen
    assert [value for _, value, _ in rows] == ["98,4", "86,4", "74,0", "76,3"]  # decimal comma
    assert [name for name, _, _ in rows] == ["Sotenäs", "Fyrbodal", "Västra Götalands län", "Riket"]
    assert not chart.svg
    assert chart.alt.startswith("Försörjningskvoten är högst i Sotenäs. ")
    assert "Sotenäs: 98,4; Fyrbodal: 86,4; Västra Götalands län: 74,0; Riket: 76,3" in chart.alt
    assert list(chart.data.columns) == ["Område", "Försörjningskvot"]
    assert chart.formats["Försörjningskvot"](98.4) == "98,4"


def test_the_area_is_drawn_in_its_colour_and_the_comparisons_in_grey():
    chart = charts.bars(
        comparison_table(),
        label="comparison",
        value="ratio",
        title="T",
        source="SCB",
        highlight="Sotenäs",
    )
    fills = re.findall(r"background-color: (#[0-9a-f]{6})", chart.html)
    assert fills == ["#0b5c7a", charts.GREYS[0], charts.GREYS[0], charts.GREYS[0]]
    assert chart.html.count(' highlighted"') == 1  # the area's name is bold too


def test_bars_below_zero_or_upright_are_drawn():
    changes = comparison_table().assign(ratio=[-1.5, 0.4, 2.0, 1.1])
    for table, horizontal in ((changes, True), (comparison_table(), False)):
        chart = charts.bars(
            table, label="comparison", value="ratio", title="T", source="S", horizontal=horizontal
        )
        assert chart.svg.startswith("<svg") and chart.svg_narrow and not chart.html
    fills = re.findall(
        r"fill: (#[0-9a-f]{6})",
        charts.bars(
            changes, label="comparison", value="ratio", title="T", source="S", highlight="Sotenäs"
        ).svg,
    )
    assert fills.count("#0b5c7a") == 1 and fills.count(charts.GREYS[0]) == 3


@pytest.mark.parametrize("params_colour", ["#ffd700", "#00ff00", "#e69f00", "#0b5c7a", "#5b2a86"])
def test_any_params_colour_is_drawn_dark_enough(params_colour):
    charts.set_area_colour(params_colour)
    drawn = charts.area_colour()
    assert colours.contrast(drawn) >= colours.MARK_CONTRAST - 0.01
    # in greyscale the area stays clearly darker than the comparisons
    assert colours.luminance(drawn) < colours.luminance(charts.GREYS[0]) * 0.75


def test_every_chart_has_a_phone_drawing_that_fits_a_phone():
    chart = charts.lines(
        lines_table(), x="year", y="index", series="series", title="T", source="SCB"
    )
    assert 5.0 <= width_inches(chart.svg) <= charts.WIDE + 0.2  # tight: the margins trimmed
    # ~345 CSS px: shown at about its own size on a 375 px screen, so 10 pt stays 10 pt
    assert width_inches(chart.svg_narrow) <= charts.NARROW + 0.2


def test_image_html_switches_to_the_phone_drawing_on_small_screens():
    chart = charts.bars(
        comparison_table(),
        label="comparison",
        value="ratio",
        title='Titel med "citat" & <tecken>',
        source="SCB",
        horizontal=False,
    )
    markup = charts.image_html(chart)
    assert markup.startswith(f'<picture><source media="(max-width: {charts.NARROW_BELOW})"')
    assert 'alt="Titel med &quot;citat&quot; &amp; &lt;tecken&gt;. ' in markup
    assert markup.count("data:image/svg+xml;base64,") == 2
    only_wide = charts.Chart("<svg/>", "T", "Alt", "SCB", pd.DataFrame())  # positional API
    assert charts.image_html(only_wide).startswith('<img src="data:image/svg+xml;base64,')


def lines_table() -> pd.DataFrame:
    rows = []
    for name, values in {
        "Sotenäs": [100, 98, 96],
        "Fyrbodal": [100, 103, 106],
        "Riket": [100, 108, 117],
    }.items():
        rows += [
            {"year": y, "series": name, "index": v}
            for y, v in zip([2001, 2011, 2021], values, strict=True)
        ]
    return pd.DataFrame(rows)


def test_lines_are_named_at_their_ends_with_years_unformatted():
    chart = charts.lines(
        lines_table(),
        x="year",
        y="index",
        series="series",
        title="Sotenäs krymper",
        source="SCB",
        highlight="Sotenäs",
    )
    shown = texts(chart.svg)
    assert {"Sotenäs 96", "Fyrbodal 106", "Riket 117"} <= set(shown)  # direct labels
    assert {"2001", "2011", "2021"} <= set(shown)  # years never grouped ("2 001")
    assert {"Sotenäs", "Fyrbodal", "Riket"} <= set(texts(chart.svg_narrow))  # phone: legend
    assert chart.alt == "Sotenäs krymper. Senaste år: Sotenäs: 96; Fyrbodal: 106; Riket: 117."
    # comparisons differ in dash pattern, not only in grey
    assert len(set(re.findall(r"stroke-dasharray=\"([\d.,]+)\"", chart.svg))) >= 2


def test_a_missing_value_leaves_a_gap_in_its_line():
    table = lines_table()
    table.loc[(table["series"] == "Fyrbodal") & (table["year"] == 2011), "index"] = None
    table.loc[(table["series"] == "Riket") & (table["year"] == 2021), "index"] = None
    table = pd.concat(
        [table, pd.DataFrame({"year": [2001, 2021], "series": "Tomt", "index": [None, None]})]
    )
    chart = charts.lines(
        table, x="year", y="index", series="series", title="T", source="SCB", highlight="Sotenäs"
    )
    assert "nan" not in chart.svg.lower()
    # Fyrbodal's two points stand alone (no line through the gap); Riket ends in 2011
    assert len(re.findall(r"<polyline ", chart.svg)) == 2
    assert chart.svg.count("<polygon ") == 2 + 2  # yet every value keeps its marker
    shown = texts(chart.svg)
    assert {"Sotenäs 96", "Fyrbodal 106", "Riket 108"} <= set(shown)
    assert not any(label.startswith("Tomt") for label in shown)  # no values: not drawn


def test_pyramid_names_its_sides_and_formats_percent():
    ages = ["0–4", "5–9", "10–14"]
    table = pd.DataFrame(
        [{"group": g, "sex": s, "share": 0.03} for g in ages for s in ("män", "kvinnor")]
    )
    chart = charts.pyramid(
        table,
        group="group",
        sex="sex",
        value="share",
        title="Äldre",
        source="SCB",
        compare=table,
        compare_name="Riket",
        area_name="Sotenäs",
    )
    shown = texts(chart.svg)
    assert {"Män, Sotenäs", "Kvinnor, Sotenäs", "Riket"} <= set(shown)
    assert f"3{NBSP}%" in shown
    assert list(chart.data.columns) == ["Åldersgrupp", "Män, Sotenäs", "Kvinnor, Sotenäs"]


def drawn_texts(markup: str) -> list[tuple[float, float, float, str]]:
    """(left, right, middle height, text) of each upright text of a drawing, by its anchor and
    its width in the report's typeface."""
    found = []
    pattern = (
        r'<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)" text-anchor="(\w+)"'
        r'[^>]*?( font-weight="bold")?>(.*?)</text>'
    )
    for x, y, size, anchor, bold, content in re.findall(pattern, markup):
        content = html.unescape(content)
        width = svg.text_width(content, float(size), bold=bool(bold))
        left = float(x) - {"start": 0, "middle": width / 2, "end": width}[anchor]
        middle = float(y) - svg.MIDDLE_TO_BASELINE * float(size)
        found.append((left, left + width, middle, content))
    return found


def texts_inside(markup: str) -> list[tuple[float, float, float, str]]:
    """``drawn_texts``, each checked to lie within the drawing's width."""
    width = float(re.search(r'<svg[^>]*width="([\d.]+)pt"', markup).group(1))
    placed = drawn_texts(markup)
    outside = [content for left, right, _, content in placed if left < 0 or right > width]
    assert not outside, f"text outside the drawing: {outside}"
    return placed


LONG_NAMES = {"Trollhättan och Vänersborg": 1.0, "Västra Götalands län": 1.1, "Riket": 1.12}


@pytest.mark.parametrize("narrow", [False, True])
def test_long_names_stay_inside_line_charts_and_apart(narrow):
    rows = [
        {"year": year, "series": name, "index": 100 * growth**step}
        for name, growth in LONG_NAMES.items()
        for step, year in enumerate(range(2001, 2022, 4))
    ]
    chart = charts.lines(
        pd.DataFrame(rows),
        x="year",
        y="index",
        series="series",
        title="T",
        source="SCB",
        highlight="Trollhättan och Vänersborg",
        axis_label="Index, 2001 = 100",
    )
    markup = chart.svg_narrow if narrow else chart.svg
    placed = texts_inside(markup)
    ends = sorted(
        middle
        for left, _, middle, content in placed
        if content[-1].isdigit() and any(content.startswith(name) for name in LONG_NAMES)
    )
    assert len(ends) == (0 if narrow else 3)  # a phone has a legend instead
    assert all(b - a >= charts.AXIS_SIZE for a, b in itertools.pairwise(ends))  # never on top


@pytest.mark.parametrize("narrow", [False, True])
def test_long_names_stay_inside_the_pyramid(narrow):
    ages = ["0–4", "5–9", "85–89", "90+"]
    table = pd.DataFrame(
        [{"group": g, "sex": s, "share": 0.04} for g in ages for s in ("män", "kvinnor")]
    )
    chart = charts.pyramid(
        table,
        group="group",
        sex="sex",
        value="share",
        title="T",
        source="SCB",
        compare=table,
        compare_name="Västra Götalands län",
        area_name="Trollhättan och Vänersborg",
    )
    markup = chart.svg_narrow if narrow else chart.svg
    placed = texts_inside(markup)
    shown = [content for _, _, _, content in placed]
    assert "Västra Götalands län" in shown
    assert all(
        label.endswith("%")
        for label in shown
        if label[0].isdigit() and "–" not in label and label != "90+"
    )


def answers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Bransch": ["Vård", "Bygg", "Handel"],
            "Mycket svårt": [0.4, None, 0.1],
            "Ganska svårt": [0.3, None, 0.2],
            "Ganska lätt": [0.3, None, 0.7],
        }
    )


def test_stacked_shares_read_in_greyscale_and_mark_suppressed_rows():
    parts = ["Mycket svårt", "Ganska svårt", "Ganska lätt"]
    chart = charts.stacked(
        answers(),
        label="Bransch",
        parts=parts,
        title="Vård har svårast",
        source="Arbetsgivarenkäten",
        n=48,
        example=True,
    )
    palette = drawn_charts._sequential(len(parts))
    shades = [colours.luminance(c) for c in palette]
    assert shades == sorted(shades) and len(set(shades)) == len(parts)  # dark to light
    shown = texts(chart.svg)
    assert f"40{NBSP}%" in shown and f"70{NBSP}%" in shown
    assert "– (för få svar)" in shown  # suppressed: said, not drawn as zero
    assert set(parts) <= set(shown)  # the legend names the answers
    assert charts.EXAMPLE_MARK.upper() in shown and charts.EXAMPLE_MARK.upper() in texts(
        chart.svg_narrow
    )
    assert "Vård: Mycket svårt 40" in chart.alt
    assert chart.n == 48 and chart.example


def test_real_data_carries_no_example_mark():
    chart = charts.stacked(
        answers(), label="Bransch", parts=["Mycket svårt", "Ganska lätt"], title="T", source="S"
    )
    assert charts.EXAMPLE_MARK.upper() not in texts(chart.svg)


def test_grouped_bars_name_their_series_on_the_chart():
    table = pd.DataFrame(
        {"Nivå": ["Gymnasial", "Eftergymnasial"], "Kvinnor": [0.4, 0.3], "Män": [0.5, 0.2]}
    )
    chart = charts.grouped(
        table,
        label="Nivå",
        series=["Kvinnor", "Män"],
        title="T",
        source="SCB",
        value_format=text.percent,
    )
    shown = texts(chart.svg)
    assert f"40,0{NBSP}%  Kvinnor" in shown and f"50,0{NBSP}%  Män" in shown  # first group
    assert f"30,0{NBSP}%" in shown and f"20,0{NBSP}%" in shown
    assert "Gymnasial: Kvinnor 40,0" in chart.alt


def bar_rows(markup: str) -> list[tuple[str, str, float | None]]:
    """(label, value text, bar width in per cent or None) for each row of an HTML bar chart."""
    rows = re.findall(
        r'<p class="bar-label">(.*?)</p><p class="bar-line">(.*?)'
        r'<span class="bar-value">(.*?)</span>',
        markup,
    )
    found = []
    for label, bar, value in rows:
        width = re.search(r"width: ([\d.]+)%", bar)
        found.append((html.unescape(label), html.unescape(value), width and float(width[1])))
    return found


def test_html_bars_scale_to_the_largest_value_and_hide_what_is_missing():
    markup = charts.html_bars(
        ["Kort kurs <1 dag>", "Längre YH-utbildning", "Validering"],
        [0.43, 0.17, None],
        text.percent,
        alt="Flest föredrar kort kurs. Kort kurs: 43 %",
        axis_label="Andel av de arbetsgivare som svarat på frågan",
        example=True,
    )
    rows = bar_rows(markup)
    assert [label for label, _, _ in rows] == [
        "Kort kurs <1 dag>",
        "Längre YH-utbildning",
        "Validering",
    ]
    assert rows[0][1] == text.percent(0.43) and rows[0][2] == charts.LONGEST_BAR
    assert rows[1][2] == pytest.approx(charts.LONGEST_BAR * 17 / 43, abs=0.01)
    assert rows[2][1:] == (text.MISSING, None)  # hidden: a dash and no bar
    assert "&lt;1 dag&gt;" in markup  # labels are text, escaped
    assert markup.startswith('<div class="bar-chart" role="img" aria-label="Flest föredrar')
    assert charts.EXAMPLE_MARK.upper() in markup and "Andel av de arbetsgivare" in markup
    assert "#0b5c7a" in markup  # the area's colour


def test_html_bars_grey_out_all_but_the_highlighted_rows():
    markup = charts.html_bars(
        ["Handel", "Bygg", "Totalt"], [0.5, 0.2, 0.4], text.percent, alt="A", highlighted=["Totalt"]
    )
    rows = markup.split('<div class="bar-row')[1:]
    assert all(charts.GREYS[0] in row and "highlighted" not in row for row in rows[:2])
    assert rows[2].startswith(' highlighted"') and "#0b5c7a" in rows[2]
    assert charts.EXAMPLE_MARK.upper() not in markup


def test_image_html_gives_an_html_chart_as_it_is():
    chart = charts.Chart("", "T", "A", "S", pd.DataFrame({"a": [1]}), html="<div>bars</div>")
    assert charts.image_html(chart) == "<div>bars</div>"
