"""The education chapter, checked against shares computed here from the raw 2019 file."""

from __future__ import annotations

import csv

import pytest

from fetched_snapshot import build
from helpers.config import paths, regions
from helpers.config.params import load_area
from helpers.report.chapters import education_level

POST = (
    "eftergymnasial utbildning, mindre än 3 år",
    "eftergymnasial utbildning, 3 år eller mer",
    "forskarutbildning",
)
BANDS = ("25-34 år", "35-44 år", "45-54 år", "55-64 år")
NBSP = "\u00a0"


def raw_share(names: set[str] | None, sex: str | None = None) -> float:
    post = total = 0
    with open(paths.PUBLIC / "scb_education_level_age_sex_2019.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if (
                (names is None or row["region"] in names)
                and row["ålder"] in BANDS
                and (sex is None or row["kön"] == sex)
            ):
                total += int(row["X2019"])
                post += int(row["X2019"]) * (row["utbildningsnivå"] in POST)
    return post / total


def test_headline_figures_for_sotenas():
    area = load_area("sotenas")
    line = education_level.headline(area)
    assert round(raw_share({"Sotenäs"}) * 100, 1) == 31.7
    assert f"**31,7{NBSP}%**" in line and "år 2019" in line
    assert f"43,8{NBSP}%" in line and round(raw_share(None) * 100, 1) == 43.8
    assert f"{round(raw_share({'Sotenäs'}, 'kvinnor') * 100, 1):.1f}".replace(".", ",") in line
    assert "12,1 procentenheter lägre" in line


def test_an_area_of_two_is_recomputed_not_averaged():
    area = load_area("trollhattan-vanersborg")
    share = education_level.post_secondary(area)
    assert share == pytest.approx(raw_share({"Trollhättan", "Vänersborg"}))
    fyrbodal = {regions.municipality_name(code) for code in regions.FYRBODAL}
    assert education_level.post_secondary(area, "Fyrbodal") == pytest.approx(raw_share(fyrbodal))


def test_charts_state_the_finding_and_name_source_and_year():
    area = load_area("sotenas")
    chart = education_level.post_secondary_chart(area)
    assert chart.title.startswith(f"31,7{NBSP}% av invånarna 25–64 år i Sotenäs")
    assert chart.title.endswith("en mindre andel än i riket")
    assert chart.source.startswith("SCB, utbildningsnivå 2019")
    assert chart.data.iloc[:, 0].tolist() == [
        "Sotenäs",
        "Fyrbodal",
        "Västra Götalands län",
        "Riket",
    ]
    by_sex = education_level.by_sex_chart(area)
    assert by_sex.title.startswith("Kvinnor i Sotenäs har oftare eftergymnasial utbildning")
    assert len(by_sex.data) == 8


def test_levels_table_columns_add_up_to_one():
    table = education_level.levels_table(load_area("lysekil"))
    assert table["Utbildningsnivå"].tolist() == list(education_level.GROUPS)
    for column in table.columns[1:]:
        assert table[column].sum() == pytest.approx(1.0)


def test_no_trend_without_kolada_values():
    assert education_level.trend_table(load_area("sotenas")) is None


def test_after_a_fetch_the_latest_year_and_the_trend_are_used(tmp_path, monkeypatch):
    public, barometer = build(tmp_path)
    monkeypatch.setattr(paths, "PUBLIC", public)
    monkeypatch.setattr(paths, "YRKESBAROMETER", barometer)
    area = load_area("sotenas")
    assert education_level.year(area) == 2024
    assert "TAB3981" in education_level.source(area)
    trend = education_level.trend_table(area)
    mine = trend[trend.comparison == "Sotenäs"].set_index("year")["share"]
    assert mine.to_dict() == {2023: pytest.approx(0.329), 2024: pytest.approx(0.333)}
    chart = education_level.trend_chart(area)
    assert chart.title == "Andelen med eftergymnasial utbildning i Sotenäs har ökat sedan 2023"
    assert "N01982" in chart.source and "befolkningsviktade" in chart.source
