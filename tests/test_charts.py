"""Charts: one style, Swedish numbers, the area highlighted, legible on a phone, honest alt text.

Charts keep their text as SVG ``<text>``; the tests read it to see what a reader sees.
"""

from __future__ import annotations

import base64
import html
import itertools
import re

import pandas as pd
import pytest

from helpers.common import text
from helpers.report import charts, colours
from helpers.report.charts import style, svg
from helpers.report.charts.kinds import bars as bar_kind
from helpers.report.charts.kinds import registry
from helpers.report.charts.kinds import stacked as stacked_kind

NBSP = "\u00a0"
AREA = "#0b5c7a"
STYLE = charts.Style.for_area(AREA)


def rendered(chart: charts.Chart) -> str:
    """The chart as the report shows it, in Sotenäs' colour."""
    return charts.render(chart, STYLE)


def drawings(chart: charts.Chart) -> tuple[str, str]:
    """The wide and the narrow SVG drawing of a drawn chart."""
    markup = rendered(chart)
    narrow = re.search(r'<source [^>]*srcset="data:image/svg\+xml;base64,([^"]+)"', markup)
    wide = re.search(r'<img src="data:image/svg\+xml;base64,([^"]+)"', markup)
    return tuple(base64.b64decode(m.group(1)).decode() for m in (wide, narrow))


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
    markup = rendered(chart)
    rows = bar_rows(markup)  # horizontal bars are HTML: one layout for every screen
    assert [value for _, value, _ in rows] == ["98,4", "86,4", "74,0", "76,3"]  # decimal comma
    assert [name for name, _, _ in rows] == ["Sotenäs", "Fyrbodal", "Västra Götalands län", "Riket"]
    assert markup.startswith('<div class="bar-chart"') and "<svg" not in markup
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
    fills = re.findall(r"background-color: (#[0-9a-f]{6})", rendered(chart))
    assert fills == [AREA, style.GREYS[0], style.GREYS[0], style.GREYS[0]]
    assert rendered(chart).count(' highlighted"') == 1  # the area's name is bold too


def bar_fills(markup: str) -> list[str]:
    return re.findall(
        r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="(#\w+)"', markup
    )


def test_bars_below_zero_or_upright_are_drawn_in_the_same_colours():
    changes = comparison_table().assign(ratio=[-1.5, 0.4, 2.0, 1.1])
    for table, horizontal in ((changes, True), (comparison_table(), False)):
        chart = charts.bars(
            table, label="comparison", value="ratio", title="T", source="S", horizontal=horizontal
        )
        assert rendered(chart).startswith("<picture>")
        for drawing in drawings(chart):
            assert drawing.startswith("<svg")
            assert bar_fills(drawing) == [AREA] * 4  # nothing highlighted: all the area's
        highlighted = charts.bars(
            table,
            label="comparison",
            value="ratio",
            title="T",
            source="S",
            highlight="Sotenäs",
            horizontal=horizontal,
        )
        for drawing in drawings(highlighted):
            assert bar_fills(drawing) == [AREA] + [style.GREYS[0]] * 3
            assert 'font-weight="bold">Sotenäs</text>' in drawing  # the area's name bold
            assert 'font-weight="bold">Riket</text>' not in drawing


@pytest.mark.parametrize("narrow", [False, True])
def test_a_value_below_zero_stands_before_its_bar_not_on_it(narrow):
    changes = comparison_table().assign(ratio=[-1.5, 0.4, 2.0, 1.1])
    chart = charts.bars(
        changes,
        label="comparison",
        value="ratio",
        title="T",
        source="S",
        value_format=lambda v: text.number(v, 1),
    )
    drawing = drawings(chart)[narrow]
    bars_ = bar_rects(drawing)
    placed = {content: (left, right) for left, right, _, content in texts_inside(drawing)}
    negative, *positive = bars_  # in the table's order: Sotenäs first
    zero = positive[0][0]
    assert all(x == zero for x, *_ in positive)  # every bar starts from one zero line ...
    assert negative[0] + negative[2] == pytest.approx(zero)  # ... the negative one ends there
    assert placed["\u22121,5"][1] <= negative[0]  # its value ends before the bar begins
    for (x, _, width, _), value in zip(positive, ["0,4", "2,0", "1,1"], strict=True):
        assert placed[value][0] >= x + width  # positive values after their bars


def bar_rects(drawing: str) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of each bar (a rect filled with a colour, not the background)."""
    pattern = r'<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)" fill="#'
    return [tuple(map(float, found)) for found in re.findall(pattern, drawing)]


def test_upright_bars_stand_on_one_line_with_their_names_under_them():
    table = comparison_table()
    chart = charts.bars(
        table, label="comparison", value="ratio", title="T", source="S", horizontal=False
    )
    wide, narrow = drawings(chart)
    rects = bar_rects(wide)
    (zero,) = {round(y + height, 2) for _, y, _, height in rects}  # one base line
    for (_, _, _, height), value in zip(rects, table["ratio"], strict=True):
        assert height / rects[0][3] == pytest.approx(value / 98.4, abs=0.01)
    names = {content: middle for _, _, middle, content in texts_inside(wide)}
    assert all(names[name] > zero for name in table["comparison"])
    assert len({height for *_, height in bar_rects(narrow)}) == 1  # a phone: bars across


def test_upright_bars_lie_down_when_their_names_do_not_fit_under_them():
    table = pd.concat([comparison_table()] * 2, ignore_index=True)
    table["comparison"] = [f"{name}, sjuksköterskeutbildningarna" for name in table["comparison"]]
    chart = charts.bars(
        table, label="comparison", value="ratio", title="T", source="S", horizontal=False
    )
    wide, _ = drawings(chart)
    texts_inside(wide)
    rects = bar_rects(wide)
    assert len({height for *_, height in rects}) == 1  # across: every bar equally thick
    for (_, _, width, _), value in zip(rects, table["ratio"], strict=True):
        assert width / rects[0][2] == pytest.approx(value / 98.4, abs=0.01)


@pytest.mark.parametrize("params_colour", ["#ffd700", "#00ff00", "#e69f00", "#0b5c7a", "#5b2a86"])
def test_any_params_colour_is_drawn_dark_enough(params_colour):
    drawn = charts.Style.for_area(params_colour).area
    assert colours.contrast(drawn) >= colours.MARK_CONTRAST - 0.01
    # in greyscale the area stays clearly darker than the comparisons
    assert colours.luminance(drawn) < colours.luminance(style.GREYS[0]) * 0.75


def test_the_colour_is_the_reports_not_a_global():
    chart = charts.bars(
        comparison_table(), label="comparison", value="ratio", title="T", source="S"
    )
    purple = charts.Style.for_area("#5b2a86")
    assert "#5b2a86" in charts.render(chart, purple) and AREA not in charts.render(chart, purple)
    assert AREA in rendered(chart)  # the same chart, another report: its own colour
    assert charts.render(chart, purple) == charts.render(chart, purple)  # drawing changes nothing


def test_every_chart_has_a_phone_drawing_that_fits_a_phone():
    chart = charts.lines(
        lines_table(), x="year", y="index", series="series", title="T", source="SCB"
    )
    wide, narrow = drawings(chart)
    assert 5.0 <= width_inches(wide) <= style.WIDE + 0.2  # tight: the margins trimmed
    # ~345 CSS px: shown at about its own size on a 375 px screen, so 10 pt stays 10 pt
    assert width_inches(narrow) <= style.NARROW + 0.2


def test_a_drawing_switches_to_the_phone_drawing_on_small_screens():
    chart = charts.bars(
        comparison_table(),
        label="comparison",
        value="ratio",
        title='Titel med "citat" & <tecken>',
        source="SCB",
        horizontal=False,
    )
    markup = rendered(chart)
    assert markup.startswith(f'<picture><source media="(max-width: {style.NARROW_BELOW})"')
    assert 'alt="Titel med &quot;citat&quot; &amp; &lt;tecken&gt;. ' in markup
    assert markup.count("data:image/svg+xml;base64,") == 2
    only_wide = svg.picture("<svg/>", "", "Alt")
    assert only_wide.startswith('<img src="data:image/svg+xml;base64,')


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
    wide, narrow = drawings(chart)
    shown = texts(wide)
    assert {"Sotenäs 96", "Fyrbodal 106", "Riket 117"} <= set(shown)  # direct labels
    assert {"2001", "2011", "2021"} <= set(shown)  # years never grouped ("2 001")
    assert {"Sotenäs", "Fyrbodal", "Riket"} <= set(texts(narrow))  # phone: legend
    assert chart.alt == "Sotenäs krymper. Senaste år: Sotenäs: 96; Fyrbodal: 106; Riket: 117."
    # comparisons differ in dash pattern, not only in grey
    assert len(set(re.findall(r"stroke-dasharray=\"([\d.,]+)\"", wide))) >= 2


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
    wide, _ = drawings(chart)
    assert "nan" not in wide.lower()
    # Fyrbodal's two points stand alone (no line through the gap); Riket ends in 2011
    assert len(re.findall(r"<polyline ", wide)) == 2
    assert wide.count("<polygon ") == 2 + 2  # yet every value keeps its marker
    shown = texts(wide)
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
    shown = texts(drawings(chart)[0])
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
    placed = texts_inside(drawings(chart)[narrow])
    ends = sorted(
        middle
        for left, _, middle, content in placed
        if content[-1].isdigit() and any(content.startswith(name) for name in LONG_NAMES)
    )
    assert len(ends) == (0 if narrow else 3)  # a phone has a legend instead
    assert all(b - a >= style.AXIS_SIZE for a, b in itertools.pairwise(ends))  # never on top


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
    placed = texts_inside(drawings(chart)[narrow])
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
    palette = stacked_kind.palette(len(parts))
    shades = [colours.luminance(c) for c in palette]
    assert shades == sorted(shades) and len(set(shades)) == len(parts)  # dark to light
    wide, narrow = drawings(chart)
    shown = texts(wide)
    assert f"40{NBSP}%" in shown and f"70{NBSP}%" in shown
    assert "– (för få svar)" in shown  # suppressed: said, not drawn as zero
    assert set(parts) <= set(shown)  # the legend names the answers
    assert style.EXAMPLE_MARK.upper() in shown and style.EXAMPLE_MARK.upper() in texts(narrow)
    assert "Vård: Mycket svårt 40" in chart.alt
    assert chart.n == 48 and chart.example


def test_real_data_carries_no_example_mark():
    chart = charts.stacked(
        answers(), label="Bransch", parts=["Mycket svårt", "Ganska lätt"], title="T", source="S"
    )
    assert style.EXAMPLE_MARK.upper() not in texts(drawings(chart)[0])


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
    shown = texts(drawings(chart)[0])
    gap = "\u2002"  # an en space: SVG would collapse two spaces into one
    assert f"40,0{NBSP}%{gap}Kvinnor" in shown and f"50,0{NBSP}%{gap}Män" in shown  # first group
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
    markup = bar_kind.html_bars(
        bar_kind.Bars(
            ("Kort kurs <1 dag>", "Längre YH-utbildning", "Validering"),
            (0.43, 0.17, None),
            text.percent,
            axis_label="Andel av de arbetsgivare som svarat på frågan",
        ),
        STYLE,
        alt="Flest föredrar kort kurs. Kort kurs: 43 %",
        example=True,
    )
    rows = bar_rows(markup)
    assert [label for label, _, _ in rows] == [
        "Kort kurs <1 dag>",
        "Längre YH-utbildning",
        "Validering",
    ]
    assert rows[0][1] == text.percent(0.43) and rows[0][2] == style.LONGEST_BAR
    assert rows[1][2] == pytest.approx(style.LONGEST_BAR * 17 / 43, abs=0.01)
    assert rows[2][1:] == (text.MISSING, None)  # hidden: a dash and no bar
    assert "&lt;1 dag&gt;" in markup  # labels are text, escaped
    assert markup.startswith('<div class="bar-chart" role="img" aria-label="Flest föredrar')
    assert style.EXAMPLE_MARK.upper() in markup and "Andel av de arbetsgivare" in markup
    assert AREA in markup  # the area's colour


def test_html_bars_grey_out_all_but_the_highlighted_rows():
    figure = bar_kind.Bars(
        ("Handel", "Bygg", "Totalt"), (0.5, 0.2, 0.4), text.percent, highlighted=("Totalt",)
    )
    markup = bar_kind.html_bars(figure, STYLE, alt="A")
    rows = markup.split('<div class="bar-row')[1:]
    assert all(style.GREYS[0] in row and "highlighted" not in row for row in rows[:2])
    assert rows[2].startswith(' highlighted"') and AREA in rows[2]
    assert style.EXAMPLE_MARK.upper() not in markup


def test_a_chart_of_an_unknown_kind_or_a_foreign_figure_is_not_drawn():
    table = pd.DataFrame({"a": [1]})
    with pytest.raises(ValueError, match="no chart kind 'pie' is registered"):
        charts.render(charts.Chart("pie", None, "T", "A", "S", table), STYLE)
    with pytest.raises(ValueError, match="a 'lines' chart needs a Lines figure, not Bars"):
        figure = bar_kind.Bars(("a",), (1,), text.number)
        charts.render(charts.Chart("lines", figure, "T", "A", "S", table), STYLE)


def kind_samples() -> dict[str, list[charts.Chart]]:
    """Charts of every registered kind, with long names and values below zero."""
    long = pd.DataFrame(
        {
            "label": ["Trollhättan och Vänersborg", "Västra Götalands län", "Riket"],
            "a": [-0.021, 0.013, 0.4],
            "b": [0.3, 0.5, 0.2],
            "c": [0.7, 0.5, 0.4],
        }
    )
    ages = pd.DataFrame(
        [{"group": g, "sex": s, "share": 0.04} for g in ["0–4", "90+"] for s in ("män", "kvinnor")]
    )
    common = {"title": "T", "source": "S"}
    return {
        "bars": [
            charts.bars(long, label="label", value="a", value_format=text.percent, **common),
            charts.bars(long, label="label", value="b", horizontal=False, example=True, **common),
            charts.bars(long, label="label", value="a", horizontal=False, **common),
        ],
        "lines": [
            charts.lines(
                long.assign(year=[2001, 2011, 2021]), x="year", y="b", series="label", **common
            )
        ],
        "pyramid": [
            charts.pyramid(
                ages,
                group="group",
                sex="sex",
                value="share",
                compare=ages,
                compare_name="Riket",
                area_name="Trollhättan och Vänersborg",
                **common,
            )
        ],
        "stacked": [charts.stacked(long, label="label", parts=["b", "c"], example=True, **common)],
        "grouped": [
            charts.grouped(
                long, label="label", series=["a", "b", "c"], value_format=text.percent, **common
            )
        ],
    }


def test_every_registered_kind_draws_inside_its_drawings_on_screen_and_phone():
    samples = kind_samples()
    assert set(samples) == {kind.name for kind in registry.REGISTERED}  # a new kind: add one
    for made in samples.values():
        for chart in made:
            markup = rendered(chart)
            if markup.startswith("<div"):
                continue  # HTML bars: laid out by the browser
            for drawing in drawings(chart):
                placed = texts_inside(drawing)
                assert placed and "nan" not in drawing.lower()
