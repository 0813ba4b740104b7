"""SCB tables from the snapshot: the shipped 2019 files and the tables `make fetch` adds."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from fetched_snapshot import build
from helpers.config import paths
from helpers.stats import scb
from http_replay import FIXTURES


def raw_population(name: str) -> int:
    with open(paths.PUBLIC / "scb_population_age_sex_2019.csv", encoding="utf-8") as handle:
        return sum(int(row["X2019"]) for row in csv.DictReader(handle) if row["region"] == name)


@pytest.mark.parametrize(
    "code, name, persons",
    [("1427", "Sotenäs", 9061), ("1488", "Trollhättan", 59058), ("1487", "Vänersborg", 39591)],
)
def test_population_2019(code, name, persons):
    assert int(scb.population([code])["persons"].sum()) == raw_population(name) == persons


def test_without_a_fetch_the_fetched_tables_are_absent():
    assert scb.employment_by_industry(["1427"]) is None
    assert scb.commuting(["1427"]) is None
    assert scb.population_series(["1427"]) is None
    latest = scb.education_level_latest(["1427"])
    pd.testing.assert_frame_equal(latest, scb.education_level(["1427"]))
    assert scb.education_source(latest) == scb.SOURCE_EDUCATION


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    public, barometer = build(tmp_path_factory.mktemp("fetched"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths, "PUBLIC", public)
        patch.setattr(paths, "YRKESBAROMETER", barometer)
        yield public


def expected(name: str) -> pd.DataFrame:
    table = pd.read_csv(FIXTURES / "expected" / name, dtype=str, keep_default_na=False)
    table["value"] = pd.to_numeric(table["value"].replace("", None))
    return table


def test_employment_keeps_the_suppressed_cell_missing(fetched):
    table = scb.employment_by_industry(["1427"])
    cell = table[
        (table.series == "BAS")
        & (table.industry == "US")
        & (table.sex == "kvinnor")
        & (table.place == "natt")
        & (table.year == 2024)
    ]
    assert cell["persons"].isna().all() and cell["status"].tolist() == [".."]
    assert set(table["place"]) == {"dag", "natt"}


def test_rams_gets_the_same_codes_and_a_total_for_both_sexes(fetched):
    table = scb.employment_by_industry(["1488"])
    rams = table[table.series == "RAMS"]
    assert "00" not in set(rams["industry"]) and "US" in set(rams["industry"])
    assert set(rams["place"]) == {"dag"}
    raw = expected("scb_employment_industry_rams.csv")
    raw = raw[(raw.region == "1488") & (raw.industry == "F") & (raw.year == "2018")]
    total = rams[(rams.industry == "F") & (rams.year == 2018) & (rams.sex == "totalt")]
    assert total["persons"].item() == raw["value"].sum()


def test_commuting_directions(fetched):
    table = scb.commuting(["1427"])
    raw = expected("scb_commuting.csv")
    raw = raw[(raw.region == "1427") & (raw.sex == "1+2") & (raw.year == "2024")]
    got = table[(table.sex == "totalt") & (table.year == 2024)].set_index("direction")["persons"]
    assert got["in"] == raw[raw.measure == "000000QI"]["value"].item()
    assert got["ut"] == raw[raw.measure == "000000QJ"]["value"].item()


def test_population_series_has_single_ages_and_the_ckm_year(fetched):
    table = scb.population_series(["1427"])
    assert sorted(table["year"].unique()) == [2023, 2024, 2025]
    assert sorted(table["age"].unique()) == [0, 1, 2, 100]  # totals dropped, 100+ = 100
    raw = expected("scb_population_ckm.csv")
    raw = raw[(raw.region == "1427") & (raw.age.str.fullmatch(r"\d+\+?"))]
    assert table[table.year == 2025]["persons"].sum() == raw["value"].sum()


def test_education_latest_uses_the_fetched_year_in_bands(fetched):
    table = scb.education_level_latest(["1488"])
    assert set(table["year"]) == {2024}
    assert sorted(table["age_band"].unique()) == ["25-34 år", "35-44 år", "45-54 år", "55-64 år"]
    assert set(table["level"]) == set(scb.LEVELS.values())
    raw = expected("scb_education_level.csv")
    raw = raw[(raw.region == "1488") & (raw.level == "6")]
    got = table[table.level == "eftergymnasial utbildning, 3 år eller mer"]["persons"].sum()
    assert got == raw["value"].sum()
    assert scb.education_source(table) == (
        "SCB, befolkning 25–64 år efter utbildningsnivå, ålder och kön 2024 (TAB3981)"
    )
