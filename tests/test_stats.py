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
    combined = aggregate.post_secondary_share(area("TV", ("1488", "1487")))
    share = combined[(combined.comparison == "TV") & (combined.sex == "totalt")]["share"].item()
    parts = [
        aggregate.post_secondary_share(area(n, (c,))) for n, c in (("T", "1488"), ("V", "1487"))
    ]
    numbers = [p[(p.sex == "totalt") & (p.comparison.isin(["T", "V"]))] for p in parts]
    weighted = sum(n["post_secondary"].item() for n in numbers) / sum(
        n["persons"].item() for n in numbers
    )
    plain_mean = sum(n["share"].item() for n in numbers) / 2
    assert share == pytest.approx(weighted)
    assert share != pytest.approx(plain_mean, abs=1e-6)


def test_post_secondary_share_matches_provenance_cross_check():
    table = aggregate.post_secondary_share(area("Sotenäs", ("1427",)))
    total = table[(table.comparison == "Sotenäs") & (table.sex == "totalt")]["share"].item()
    assert round(total * 100, 1) == 31.7


def test_dependency_ratio_definition():
    import pandas as pd

    pop = pd.DataFrame({"age": [10, 30, 70], "persons": [20, 100, 30]})
    assert aggregate.dependency_ratio(pop) == pytest.approx(50.0)


def test_panel_codes_get_their_leading_zero_back():
    trend = scb.population_trend(["0114"])
    assert len(trend) == 6 and trend["code"].eq("0114").all()


def test_post_secondary_share_keeps_the_comparison_order():
    codes = ("1488", "1487")
    table = aggregate.post_secondary_share(params.load_area("trollhattan-vanersborg"))
    assert list(dict.fromkeys(table["comparison"])) == [
        "Trollhättan och Vänersborg",
        "Fyrbodal",
        "Västra Götalands län",
        "Riket",
    ]
    assert table["sex"].tolist()[:3] == ["kvinnor", "män", "totalt"]
    mine = table[table.comparison == "Trollhättan och Vänersborg"].set_index("sex")
    assert (
        mine.loc["totalt", "persons"] == mine.loc["kvinnor", "persons"] + mine.loc["män", "persons"]
    )
    assert (
        round(aggregate.post_secondary_share(area("T", codes[:1])).iloc[2]["share"] * 100, 1)
        == 41.1
    )
    assert (
        round(aggregate.post_secondary_share(area("V", codes[1:])).iloc[2]["share"] * 100, 1)
        == 38.1
    )


def test_post_secondary_share_takes_another_loader():
    seen = []

    def loader(codes):
        seen.append(codes)
        return scb.education_level(codes)

    aggregate.post_secondary_share(area("Sotenäs", ("1427",)), loader)
    assert seen[0] == ("1427",) and len(seen) == 4
