"""The jobs and industries chapter, on a snapshot refreshed from recorded answers.

Expected figures are computed here from the recorded cells (tests/fixtures/http/expected),
which cover Sotenäs and Trollhättan: every comparison is made of those two.
"""

from __future__ import annotations

import pandas as pd
import pytest

from fetched_snapshot import build
from helpers.config import paths
from helpers.config.params import load_area
from helpers.report.chapters import industry
from http_replay import FIXTURES

NBSP = "\u00a0"


@pytest.fixture(scope="module", autouse=True)
def fetched(tmp_path_factory):
    public, barometer = build(tmp_path_factory.mktemp("fetched"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths, "PUBLIC", public)
        patch.setattr(paths, "YRKESBAROMETER", barometer)
        yield


def cells(name: str, **where: str) -> pd.DataFrame:
    table = pd.read_csv(FIXTURES / "expected" / name, dtype=str, keep_default_na=False)
    table["value"] = pd.to_numeric(table["value"].replace("", None))
    for column, value in where.items():
        table = table[table[column] == value]
    return table


def bas(**where: str) -> float:
    return cells("scb_employment_industry_bas.csv", year="2024", **where)["value"].sum()


def test_headline_counts_jobs_and_residents():
    line = industry.headline(load_area("sotenas"))
    day = bas(region="1427", industry="A-U+US", sex="1+2", measure="000002XH")
    night = bas(region="1427", industry="A-U+US", sex="1+2", measure="000002XI")
    assert f"**{int(day):,} personer**".replace(",", NBSP) in line
    assert f"{int(night):,}".replace(",", NBSP) in line and "År 2024" in line


def test_industry_shares_are_recomputed_from_summed_counts():
    area = load_area("sotenas")
    shares = industry.industry_shares(area)
    mine = shares[shares.comparison == "Sotenäs"].set_index("industry")["share"]
    day = cells(
        "scb_employment_industry_bas.csv", year="2024", region="1427", sex="1+2", measure="000002XH"
    )
    day = day[day.industry != "A-U+US"].set_index("industry")["value"]
    assert mine.to_dict() == pytest.approx((day / day.sum()).to_dict())
    riket = shares[shares.comparison == "Riket"].set_index("industry")["share"]
    both = cells("scb_employment_industry_bas.csv", year="2024", sex="1+2", measure="000002XH")
    both = both[both.industry != "A-U+US"].groupby("industry")["value"].sum()
    assert riket.to_dict() == pytest.approx((both / both.sum()).to_dict())
    chart = industry.industries_chart(area)
    assert chart.title.startswith("Tillverkning och utvinning är den största branschen")
    assert "(TAB3785)" in chart.source and "2024" in chart.source


def test_women_share_and_the_suppressed_cell_note():
    chart = industry.women_share_chart(load_area("sotenas"))
    women = bas(region="1427", industry="Q", sex="2", measure="000002XH")
    total = bas(region="1427", industry="Q", sex="1+2", measure="000002XH")
    assert chart.title.endswith(f"{round(women / total * 100)}{NBSP}% av de sysselsatta är kvinnor")
    assert chart.notes == []  # the hidden cell is in the night population, not shown here
    table = industry.employment(load_area("sotenas"))
    assert table[(table.comparison == "Sotenäs") & (table.place == "natt")]["suppressed"].sum() == 1


def test_day_night_ratio():
    table = industry.day_night_table(load_area("sotenas")).set_index("comparison")
    day = bas(region="1427", industry="A-U+US", sex="1+2", measure="000002XH")
    night = bas(region="1427", industry="A-U+US", sex="1+2", measure="000002XI")
    assert table.loc["Sotenäs", "ratio"] == pytest.approx(day / night * 100)


def test_commuting_shares_follow_the_definitions():
    area = load_area("trollhattan-vanersborg")
    table = industry.commuting_table(area).set_index("comparison")
    commuters = cells("scb_commuting.csv", year="2024", sex="1+2", region="1488")
    inward = commuters[commuters.measure == "000000QI"]["value"].item()
    outward = commuters[commuters.measure == "000000QJ"]["value"].item()
    day = bas(region="1488", industry="A-U+US", sex="1+2", measure="000002XH")
    night = bas(region="1488", industry="A-U+US", sex="1+2", measure="000002XI")
    assert table.loc["Trollhättan och Vänersborg", "in_share"] == pytest.approx(inward / day)
    assert table.loc["Trollhättan och Vänersborg", "out_share"] == pytest.approx(outward / night)
    chart = industry.commuting_chart(area)
    assert industry.SEVERAL_NOTE in chart.notes
    assert "inpendlare / dagbefolkning" in chart.source


def test_the_series_break_is_marked():
    area = load_area("sotenas")
    table = industry.trend_table(area)
    assert table["series"].unique().tolist() == ["RAMS (till 2018)", "BAS (från 2020)"]
    rams = cells("scb_employment_industry_rams.csv", region="1427", year="2018")
    assert table[table.year == 2018]["persons"].item() == rams["value"].sum()
    chart = industry.trend_chart(area)
    assert any("Serien bryts" in note for note in chart.notes)
    assert "RAMS" in chart.source and "BAS" in chart.source


def test_unemployment_uses_the_latest_year_with_a_value_and_says_what_is_missing():
    area = load_area("sotenas")
    table = industry.unemployment_table(area).set_index("comparison")
    assert int(table.loc["Sotenäs", "period"]) == 2023  # 2024 is missing for Sotenäs
    assert table.loc["Sotenäs", "share"] == pytest.approx(0.031)
    assert table.loc["Riket", "share"] == pytest.approx(0.059)
    assert pd.isna(table.loc["Fyrbodal", "share"])  # not every member has a value
    chart = industry.unemployment_chart(area)
    assert chart.title == (
        f"Den öppna arbetslösheten i Sotenäs är lägre än i riket: 3,1{NBSP}% mot 5,9{NBSP}%"
    )
    assert "N03937" in chart.source and "2023" in chart.source
    assert any("inget vägt värde" in note for note in chart.notes)


def test_key_figures():
    area = load_area("sotenas")
    assert industry.jobs(area) == bas(
        region="1427", industry="A-U+US", sex="1+2", measure="000002XH"
    )
    assert industry.unemployment(area) == pytest.approx(0.031)
    assert industry.unemployment_source(area) == "Kolada (RKA), nyckeltal N03937 2023"
