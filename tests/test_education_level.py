"""The education chapter, its shares checked against the raw Kolada CSV (read here with the csv
module): the latest year, by sex, the levels, the trend since 2000, and the municipalities of
an area side by side where no pooled share can be made."""

from __future__ import annotations

import math

import pytest

from helpers.config.params import load_area
from helpers.report.chapters import education_level
from raw_kolada import cell

NBSP = "\u00a0"
YEAR = 2022


@pytest.mark.parametrize("code", ["1427", "1484", "0330", "2584"])
def test_the_latest_share_by_sex(code):
    area = load_area(code) if code != "1427" else load_area("sotenas")
    assert education_level.year(area) == YEAR
    for sex, gender in (("totalt", "T"), ("kvinnor", "K"), ("män", "M")):
        assert education_level.post_secondary(area, sex=sex) == pytest.approx(
            cell("N01982", code, YEAR, gender) / 100
        )
    assert education_level.post_secondary(area, "Riket") == pytest.approx(
        cell("N01982", "0000", YEAR) / 100
    )


def test_headline_for_sotenas():
    line = education_level.headline(load_area("sotenas"))
    assert round(cell("N01982", "1427", YEAR), 1) == 33.0
    assert f"**33,0{NBSP}%**" in line and "år 2022" in line
    assert f"46,2{NBSP}%" in line and "13,2 procentenheter lägre" in line
    assert f"42,0{NBSP}%" in line and f"24,8{NBSP}%" in line  # women, men


def test_an_area_of_two_shows_its_municipalities_and_no_pooled_share():
    area = load_area("trollhattan-vanersborg")
    assert education_level.post_secondary(area) is None
    assert education_level.post_secondary(area, "Fyrbodal") is None
    assert education_level.post_secondary(area, "Vänersborg") == pytest.approx(
        cell("N01982", "1487", YEAR) / 100
    )
    line = education_level.headline(area)
    assert f"**43,7{NBSP}%**" in line and "i Trollhättan" in line and "kan inte räknas" in line
    chart = education_level.post_secondary_chart(area)
    assert chart.data.iloc[:, 0].tolist() == [
        "Trollhättan",
        "Vänersborg",
        "Västra Götalands län",
        "Riket",
    ]
    assert any(
        note.startswith("Trollhättan och Vänersborg och Fyrbodal visas inte")
        for note in chart.notes
    )


def test_charts_state_the_finding_source_and_year():
    area = load_area("sotenas")
    chart = education_level.post_secondary_chart(area)
    assert chart.title.startswith("Var tredje invånare 25–64 år i Sotenäs")
    assert chart.title.endswith("(2022)")
    assert chart.source == "Kolada (RKA), nyckeltal N01982 2022 (SCB)"
    by_sex = education_level.by_sex_chart(area)
    assert by_sex.title.startswith("Kvinnor i Sotenäs har oftare eftergymnasial utbildning")
    assert len(by_sex.data) == 6  # women and men: Sotenäs, the county, Sweden


def test_levels_add_up_with_the_unknown_rest():
    table = education_level.levels_table(load_area("lysekil")).set_index("Utbildningsnivå")
    assert list(table.index) == [
        "Förgymnasial",
        "Gymnasial",
        "Eftergymnasial",
        "Okänd utbildningsnivå",
    ]
    assert table.at["Gymnasial", "Lysekil"] == pytest.approx(cell("N01983", "1484", YEAR) / 100)
    for column in table.columns:
        assert table[column].sum() == pytest.approx(1.0)


def test_the_trend_since_2000_by_sex_and_the_years_a_series_lacks():
    chart = education_level.trend_chart(load_area("sotenas"))
    data = chart.data.set_index("År")
    assert data.index.min() == 2000 and data.index.max() == YEAR
    assert set(data.columns) == {
        "Sotenäs, kvinnor",
        "Sotenäs, män",
        "Riket, kvinnor",
        "Riket, män",
    }
    assert data.at[2010, "Sotenäs, män"] == pytest.approx(cell("N01982", "1427", 2010, "M") / 100)
    assert math.isnan(cell("N01982", "0000", 2007))  # Sweden's figure starts in 2008
    assert "Kolada har uppgifter från 2008 för riket." in chart.notes
    assert f"från 23{NBSP}% till 42{NBSP}% bland kvinnorna" in chart.title
    knivsta = education_level.trend_chart(load_area("0330"))
    assert "Kolada har inga uppgifter om Knivsta för 2000–2001." in knivsta.notes
    two = education_level.trend_chart(load_area("trollhattan-vanersborg"))
    assert {"Trollhättan, kvinnor", "Vänersborg, män"} <= set(two.data.columns)
