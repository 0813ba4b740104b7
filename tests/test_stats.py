"""Statistics for areas, checked against sums computed here straight from the raw CSV."""

import csv

import pytest

from helpers.config import params, paths, regions
from helpers.stats import aggregate, scb


def raw_population(names: set[str]) -> int:
    with open(paths.PUBLIC / "scb_population_age_sex_2019.csv", encoding="utf-8") as handle:
        return sum(int(row["X2019"]) for row in csv.DictReader(handle) if row["region"] in names)


def area(name: str, codes: tuple[str, ...]) -> params.Area:
    return params.Area(
        slug="t",
        name=name,
        municipalities=codes,
        year=2026,
        report_title="t",
        author="t",
        region=params.Comparison("Fyrbodal", regions.FYRBODAL),
        county="14",
        suppression_threshold=5,
        colour="#000000",
    )


def test_population_of_sotenas_2019():
    assert int(scb.population(["1427"])["persons"].sum()) == 9061 == raw_population({"Sotenäs"})


def test_an_area_of_two_municipalities_sums_counts():
    table = aggregate.population_indicators(area("TV", ("1488", "1487")))
    assert table.loc["TV", "persons"] == raw_population({"Trollhättan", "Vänersborg"}) == 98649


def test_rates_are_recomputed_from_parts_not_averaged():
    both = aggregate.population_indicators(area("TV", ("1488", "1487")))
    born = scb.birth_region(["1488", "1487"])
    abroad = born.loc[born["birth_region"] == "Utrikes född", "persons"].sum()
    assert both.loc["TV", "share_born_abroad"] == pytest.approx(abroad / born["persons"].sum())
    parts = [
        aggregate.population_indicators(area(n, (c,))) for n, c in (("T", "1488"), ("V", "1487"))
    ]
    mean = sum(p.iloc[0]["share_born_abroad"] for p in parts) / 2
    assert both.loc["TV", "share_born_abroad"] != pytest.approx(mean, abs=1e-4)


def test_dependency_ratio_definition():
    import pandas as pd

    pop = pd.DataFrame({"age": [10, 30, 70], "persons": [20, 100, 30]})
    assert aggregate.dependency_ratio(pop) == pytest.approx(50.0)
