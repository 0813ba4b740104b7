"""The industry and employment chapter, its figures recomputed here from the raw Kolada CSV
(data/raw/kolada/kolada_values.csv, read with the csv module) for several municipalities and
both example areas."""

from __future__ import annotations

import math

import pytest

from helpers.common import text
from helpers.config import regions
from helpers.config.params import load_area
from helpers.report.chapters import industry
from raw_kolada import cell, municipalities, pooled_share, summed

NBSP = "\u00a0"
YEAR = 2022
BRANCHES = {
    "N02210": "Byggverksamhet",
    "N02212": "Energi och miljö",
    "N02214": "Fastighetsverksamhet",
    "N02216": "Finans och försäkring",
    "N02218": "Företagstjänster",
    "N02220": "Handel",
    "N02222": "Hotell och restauranger",
    "N02224": "Information och kommunikation",
    "N02226": "Jord- och skogsbruk, fiske",
    "N02228": "Kultur och personliga tjänster",
    "N02231": "Offentlig förvaltning och försvar",
    "N02233": "Okänd verksamhet",
    "N02235": "Tillverkning och utvinning",
    "N02237": "Transport och magasinering",
    "N02239": "Utbildning",
    "N02241": "Vård och omsorg",
}
#: Sotenäs, Lysekil, Knivsta (formed 2003), Kiruna (its own county's north).
SINGLE = ["1427", "1484", "0330", "2584"]
TV = ("1488", "1487")


def area_for(code: str):
    return load_area(code) if code != "1427" else load_area("sotenas")


@pytest.mark.parametrize("code", SINGLE)
def test_jobs_and_branch_shares_of_a_municipality(code):
    area = area_for(code)
    assert industry.year(area) == YEAR
    assert industry.jobs(area) == cell("N02201", code, YEAR)
    table = industry.branch_table(area).set_index("kpi")
    for kpi in BRANCHES:
        assert table.at[kpi, "area"] == pytest.approx(cell(kpi, code, YEAR) / 100)
        assert table.at[kpi, "Riket"] == pytest.approx(cell(kpi, "0000", YEAR) / 100)
        assert table.at[kpi, "quotient"] == pytest.approx(
            cell(kpi, code, YEAR) / cell(kpi, "0000", YEAR)
        )
    county = regions.county_of(code)
    name = regions.county_name(county)
    assert table.at["N02235", name] == pytest.approx(cell("N02235", f"00{county}", YEAR) / 100)
    largest = max((k for k in BRANCHES if k != "N02233"), key=lambda k: cell(k, code, YEAR))
    assert table.index[0] == largest


def test_sotenas_headline_and_the_over_represented_branches():
    area = load_area("sotenas")
    line = industry.headline(area)
    assert f"**4{NBSP}076 personer**" in line and f"4{NBSP}387 sysselsatta" in line
    assert "tillverkning och utvinning med 21,9" in line and f"10,7{NBSP}% i riket" in line
    over = {
        BRANCHES[k].lower()
        for k in BRANCHES
        if k != "N02233" and cell(k, "1427", YEAR) / cell(k, "0000", YEAR) >= 1.25
    }
    sentence = industry.over_represented(area)
    assert over == {
        "tillverkning och utvinning",
        "byggverksamhet",
        "hotell och restauranger",
        "kultur och personliga tjänster",
        "jord- och skogsbruk, fiske",
    }
    assert all(branch in sentence for branch in over)
    assert "tekniker, maskinoperatörer" in sentence  # what manufacturing means for the broker


def test_an_area_of_two_is_pooled_from_counts_and_shows_each_municipality():
    area = load_area("trollhattan-vanersborg")
    assert industry.jobs(area) == summed("N02201", list(TV), YEAR) == 30_141 + 14_969
    table = industry.branch_table(area).set_index("kpi")
    for kpi in BRANCHES:
        assert table.at[kpi, "area"] == pytest.approx(
            pooled_share(kpi, "N02201", list(TV), YEAR) / 100
        )
        assert table.at[kpi, "Trollhättan"] == pytest.approx(cell(kpi, "1488", YEAR) / 100)
        assert table.at[kpi, "Vänersborg"] == pytest.approx(cell(kpi, "1487", YEAR) / 100)
        fyrbodal = list(regions.FYRBODAL)
        assert table.at[kpi, "Fyrbodal"] == pytest.approx(
            pooled_share(kpi, "N02201", fyrbodal, YEAR) / 100
        )
    # never the mean of the two shares
    mean = (cell("N02241", "1488", YEAR) + cell("N02241", "1487", YEAR)) / 200
    assert table.at["N02241", "area"] != pytest.approx(mean, abs=1e-4)
    assert "Trollhättan 30" in industry.headline(area)


@pytest.mark.parametrize("code", [*SINGLE, TV])
def test_commuting_shares_counts_and_net(code):
    codes = list(code) if isinstance(code, tuple) else [code]
    area = load_area("trollhattan-vanersborg") if isinstance(code, tuple) else area_for(code)
    row = industry.commuting_table(area).set_index("name").loc[area.name]
    day, night = summed("N02201", codes, YEAR), summed("N02202", codes, YEAR)
    commuters_in = sum(cell("N02276", c, YEAR) * cell("N02201", c, YEAR) / 100 for c in codes)
    commuters_out = sum(cell("N02279", c, YEAR) * cell("N02202", c, YEAR) / 100 for c in codes)
    assert (row["dag"], row["natt"], row["net"]) == (day, night, day - night)
    assert row["in"] == pytest.approx(commuters_in) and row["ut"] == pytest.approx(commuters_out)
    assert row["in_share"] == pytest.approx(commuters_in / day)
    assert row["out_share"] == pytest.approx(commuters_out / night)


def test_commuting_in_words_says_about_and_the_exact_net():
    sentence = industry.commuting_sentence(load_area("sotenas"))
    assert f"ungefär 1{NBSP}000 personer in" in sentence  # 24,63 % of 4 076 = 1 004
    assert f"ungefär 1{NBSP}320 av de sysselsatta" in sentence  # 30,02 % of 4 387 = 1 317
    assert "nettoutpendlingen är 311 personer" in sentence  # 4 387 − 4 076
    counts = industry.commuting_counts(load_area("sotenas")).set_index("Område")
    assert counts.at["Sotenäs", "Inpendlare, ungefär"] == 1004
    assert counts.at["Sotenäs", "Utpendlare, ungefär"] == 1317


@pytest.mark.parametrize("code", SINGLE)
def test_unemployment_of_a_municipality(code):
    area = area_for(code)
    assert industry.unemployment(area) == pytest.approx(cell("N03920", code, YEAR) / 100)
    table = industry.unemployment_table(area).set_index("Område")
    assert table.at[area.name, "Andel 16–24 år"] == pytest.approx(cell("N03921", code, YEAR) / 100)
    assert table.at[area.name, "Andel långtidsarbetslösa 25–64 år"] == pytest.approx(
        cell("N03926", code, YEAR) / 100
    )
    assert table.at["Riket", "Andel kvinnor 18–64 år"] == pytest.approx(
        cell("N03920", "0000", YEAR, "K") / 100
    )


def test_unemployment_of_an_area_of_two_is_never_pooled():
    area = load_area("trollhattan-vanersborg")
    assert industry.unemployment(area) is None
    table = industry.unemployment_table(area).set_index("Område")
    assert "Trollhättan och Vänersborg" not in table.index and "Fyrbodal" not in table.index
    assert table.at["Trollhättan", "Andel 18–64 år"] == pytest.approx(
        cell("N03920", "1488", YEAR) / 100
    )
    assert table.at["Vänersborg", "Andel 18–64 år"] == pytest.approx(
        cell("N03920", "1487", YEAR) / 100
    )
    chart = industry.unemployment_chart(area)
    assert set(chart.data.columns) >= {"Trollhättan", "Vänersborg", "Riket"}
    assert "Trollhättan och Vänersborg" not in chart.data.columns
    assert any("Trollhättan och Vänersborg och Fyrbodal visas inte" in n for n in chart.notes)
    assert any("inte av arbetskraften" in note for note in chart.notes)  # the denominator
    sentence = industry.unemployment_sentence(area)
    assert "i Trollhättan 8,0" in sentence and "i Vänersborg 6,8" in sentence


def test_unemployment_since_2010_for_sotenas():
    chart = industry.unemployment_chart(load_area("sotenas"))
    data = chart.data.set_index("År")
    assert list(data.index) == list(range(2010, 2023))
    assert data.at[2010, "Sotenäs"] == pytest.approx(cell("N03920", "1427", 2010) / 100)
    assert chart.title.startswith(f"Arbetslösheten i Sotenäs var 3,2{NBSP}% år 2022")
    assert "2010–2022" in chart.source


def test_employment_rate_rams_and_bas_are_two_series_pooled_by_sex():
    area = load_area("trollhattan-vanersborg")
    table = industry.employment_rate_table(area)
    series = set(table["series"])
    assert series == {"Kvinnor (RAMS)", "Män (RAMS)", "Kvinnor (BAS)", "Män (BAS)"}
    rams = table[table["series"] == "Kvinnor (RAMS)"].set_index("period")["share"]
    bas = table[table["series"] == "Kvinnor (BAS)"].set_index("period")["share"]
    assert max(rams.index) == 2021 and min(bas.index) == 2020  # overlap, never joined
    assert rams[2021] == pytest.approx(pooled_share("N00914", "N01955", list(TV), 2021, "K") / 100)
    assert bas[2021] == pytest.approx(pooled_share("N02267", "N01955", list(TV), 2021, "K") / 100)
    assert rams[2021] != pytest.approx(bas[2021], abs=1e-3)
    chart = industry.employment_rate_chart(area)
    assert any("RAMS (till 2021) och BAS (från 2020)" in note for note in chart.notes)


def test_knivsta_says_which_years_it_lacks():
    chart = industry.employment_rate_chart(load_area("0330"))
    missing = [y for y in range(1997, 2022) if math.isnan(cell("N00914", "0330", y))]
    assert missing == list(range(1997, missing[-1] + 1)) and missing[-1] >= 2001
    assert f"Kolada har inga uppgifter om Knivsta för 1997–{missing[-1]}." in chart.notes


def test_every_chart_and_table_states_the_latest_year_and_counts_read_approximate():
    for name in ("sotenas", "trollhattan-vanersborg", "0330"):
        area = load_area(name)
        for make in (
            industry.branches_chart,
            industry.commuting_chart,
            industry.unemployment_chart,
            industry.employment_rate_chart,
        ):
            chart = make(area)
            assert "2022" in chart.source and "Kolada" in chart.source, make.__name__
            assert "saknas" not in " ".join([chart.title, chart.source, *chart.notes])
        assert "ungefär" in industry.change_caption(area)
        assert "ungefär" in industry.commuting_caption(area)
        assert "ungefär" in industry.women_sentence(area)
        for words in (
            industry.headline(area),
            industry.over_represented(area),
            industry.change_sentence(area),
            industry.sector_sentence(area),
            industry.women_sentence(area),
            industry.day_night_sentence(area),
            industry.commuting_sentence(area),
            industry.unemployment_sentence(area),
        ):
            assert "saknas" not in words and "2022" in words + industry.branches_caption(area)


def test_change_since_2020_from_the_raw_counts():
    area = load_area("sotenas")
    table = industry.change_table(area).set_index("Bransch")
    for kpi, label in BRANCHES.items():
        then = round(cell(kpi, "1427", 2020) * cell("N02201", "1427", 2020) / 100)
        now = round(cell(kpi, "1427", 2022) * cell("N02201", "1427", 2022) / 100)
        assert table.at[label, "Ungefär antal 2020"] == then
        assert table.at[label, "Ungefär antal 2022"] == now
    jobs = cell("N02201", "1427", 2022) - cell("N02201", "1427", 2020)
    assert f"blev det {text.number(abs(jobs))} fler" in industry.change_sentence(area)
    manufacturing = table.at["Tillverkning och utvinning", "Andel kvinnor 2022"]
    women = cell("N02235", "1427", 2022, "K") * cell("N02201", "1427", 2022, "K")
    everyone = cell("N02235", "1427", 2022) * cell("N02201", "1427", 2022)
    assert manufacturing == pytest.approx(women / everyone)


def test_self_employed_and_jobs_per_resident():
    area = load_area("trollhattan-vanersborg")
    sectors = industry.sector_table(area).set_index("Område")
    assert sectors.at["Trollhättan och Vänersborg", "Andel företagare"] == pytest.approx(
        pooled_share("N02252", "N02201", list(TV), YEAR) / 100
    )
    assert sectors.at["Riket", "Andel företagare"] == pytest.approx(
        cell("N02252", "0000", YEAR) / 100
    )
    words = industry.day_night_sentence(area)
    assert "95 per 100 år 2022" in words and "Trollhättan 105" in words  # 45 110 / 47 712


def test_sweden_pooled_commuting_share_and_municipal_totals():
    everyone = municipalities()
    row = industry.commuting_table(load_area("sotenas")).set_index("name").loc["Riket"]
    assert row["in_share"] == pytest.approx(pooled_share("N02276", "N02201", everyone, YEAR) / 100)
    assert row["dag"] == cell("N02201", "0000", YEAR)  # Kolada's own count for Sweden
