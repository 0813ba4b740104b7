"""SCB tables from the snapshot: the shipped 2019 files, and the population by single year of
age that `make fetch` adds (the pyramid takes the newest of the two)."""

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


def test_without_a_fetch_the_latest_single_ages_are_2019():
    assert scb.population_series(["1427"]) is None
    latest = scb.population_latest(["1427"])
    pd.testing.assert_frame_equal(latest, scb.population(["1427"]))
    assert scb.population_source(latest) == scb.SOURCE_POPULATION


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


def test_population_series_has_single_ages_and_the_ckm_year(fetched):
    table = scb.population_series(["1427"])
    assert sorted(table["year"].unique()) == [2023, 2024, 2025]
    assert sorted(table["age"].unique()) == [0, 1, 2, 100]  # totals dropped, 100+ = 100
    raw = expected("scb_population_ckm.csv")
    raw = raw[(raw.region == "1427") & (raw.age.str.fullmatch(r"\d+\+?"))]
    assert table[table.year == 2025]["persons"].sum() == raw["value"].sum()


def test_after_a_fetch_the_latest_single_ages_are_the_newest_year(fetched):
    latest = scb.population_latest(["1427"])
    assert set(latest["year"]) == {2025} and set(latest["sex"]) == {"män", "kvinnor"}
    assert scb.population_source(latest) == "SCB, befolkningsstatistik 31 december 2025"
