"""The population chapter: the latest year's population and age structure recomputed from the
raw Kolada CSV, the trend since 1994 (or since a municipality exists), and the retirement
outlook beside what the employers answered (B3)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from helpers.analysis import area_survey
from helpers.config import regions
from helpers.config.params import load_area
from helpers.report.chapters import population
from raw_kolada import cell, summed

NBSP = "\u00a0"
YEAR = 2022
YOUNG, OLD = ("N01952", "N01953", "N01954"), ("N01956", "N01957")


@pytest.mark.parametrize("codes", [("1427",), ("0330",), ("1488", "1487")])
def test_figures_from_the_raw_counts(codes):
    area = (
        load_area("sotenas")
        if codes == ("1427",)
        else load_area("trollhattan-vanersborg")
        if len(codes) == 2
        else load_area(codes[0])
    )
    row = population.figures(area).loc[area.name]
    persons = summed("N01951", list(codes), YEAR)
    young = sum(summed(k, list(codes), YEAR) for k in YOUNG)
    old = sum(summed(k, list(codes), YEAR) for k in OLD)
    working = summed("N01955", list(codes), YEAR)
    assert row["persons"] == persons
    assert row["share_65_plus"] == pytest.approx(old / persons)
    assert row["dependency_ratio"] == pytest.approx((young + old) / working * 100)
    assert row["aged_45_64"] == summed("N02833", list(codes), YEAR)
    assert row["share_45_64"] == pytest.approx(summed("N02833", list(codes), YEAR) / working)


def test_sotenas_headline_is_the_latest_year():
    line = population.headline(load_area("sotenas"))
    assert f"**9{NBSP}160 invånare** den 31 december 2022" in line
    assert cell("N01951", "1427", 1994) == 9800
    assert f"minskade folkmängden med 6,5{NBSP}%, från 9{NBSP}800 till 9{NBSP}160" in line


def test_an_area_of_two_shows_each_municipality():
    area = load_area("trollhattan-vanersborg")
    line = population.headline(area)
    total = int(cell("N01951", "1488", YEAR) + cell("N01951", "1487", YEAR))
    assert f"{total:,}".replace(",", NBSP) in line
    assert f"Trollhättan {int(cell('N01951', '1488', YEAR)):,}".replace(",", NBSP) in line
    table = population.age_groups_table(area)
    assert list(table.columns) == [
        "Åldersgrupp",
        "Trollhättan och Vänersborg",
        "Trollhättan",
        "Vänersborg",
        "Fyrbodal",
        "Västra Götalands län",
        "Riket",
    ]
    fyrbodal = list(regions.FYRBODAL)
    old = sum(summed(k, fyrbodal, YEAR) for k in OLD) / summed("N01951", fyrbodal, YEAR)
    assert population.figures(area).at["Fyrbodal", "share_65_plus"] == pytest.approx(old)


def test_knivsta_starts_when_it_exists_and_says_so():
    area = load_area("0330")
    chart = population.trend_chart(area)
    assert chart.data["År"].min() == 2002
    assert "Kolada har inga uppgifter om Knivsta för 1994–2001." in chart.notes
    assert "Mellan 2002 och 2022" in population.headline(area)
    assert list(population.age_trend_table(area).columns) == ["Åldersgrupp", "2002", "2012", "2022"]
    assert "Kolada har inga uppgifter om Knivsta för 1994–2001." in (
        population.age_trend_sentence(area)
    )


def test_charts_say_the_year_and_the_2019_ones_say_2019():
    area = load_area("sotenas")
    for chart in (
        population.trend_chart(area),
        population.dependency_chart(area),
        population.retirement_chart(area),
    ):
        assert "2022" in chart.source and "Kolada" in chart.source
    assert "2019" in population.pyramid_chart(area).title
    assert "2019" in population.born_abroad_chart(area).title


def test_age_groups_over_time_from_the_raw_counts():
    area = load_area("sotenas")
    table = population.age_trend_table(area).set_index("Åldersgrupp")
    assert list(table.columns) == ["1995", "2005", "2015", "2022"]  # N01952 starts in 1995
    old = (cell("N01956", "1427", 1995) + cell("N01957", "1427", 1995)) / cell(
        "N01951", "1427", 1995
    )
    assert table.at["65–79 år", "1995"] + table.at["80 år och äldre", "1995"] == pytest.approx(old)
    assert f"från {100 * old:.1f}".replace(".", ",") in population.age_trend_sentence(area)


def test_retirements_beside_the_survey():
    area = load_area("sotenas")
    sentence = population.retirement_sentence(area)
    assert f"{int(cell('N02833', '1427', YEAR)):,}".replace(",", NBSP) in sentence
    survey = population.retirements_in_survey(area, area_survey.load(area))
    assert "fråga B3" in survey and "exempeldata" in survey
    none = population.retirements_in_survey(load_area("0330"), None)
    assert "Någon arbetsgivarenkät finns inte" in none


def residents(municipality: str, ages: range) -> int:
    """Residents of the given ages on 31 Dec 2019, summed here from SCB's raw file."""
    import csv

    path = ROOT / "data/raw/public/scb_population_age_sex_2019.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(
            int(row["X2019"])
            for row in csv.DictReader(handle)
            if row["region"] == municipality
            and row["ålder"].isdigit()
            and int(row["ålder"]) in ages
        )


def test_b3_recomputed_from_a_generated_export_beside_the_residents_turning_65(tmp_path):
    from generated_survey import generated_area

    area, generated = generated_area(tmp_path, n=40, seed=11)
    sv = area_survey.load(area)
    answers = [r.expected["B3"] for r in generated.kept if r.expected["B3"] is not None]
    total = sum(answers)
    assert len(answers) >= 5 and total > 0
    sentence = population.retirements_in_survey(area, sv)
    number = f"{total:,}".replace(",", NBSP)
    assert f"svarade {len(answers)} arbetsgivare att sammanlagt {number} av deras" in sentence
    near = f"{residents('Sotenäs', range(62, 65)):,}".replace(",", NBSP)
    assert f"var {near} av invånarna i Sotenäs 62–64 år gamla vid slutet av 2019" in sentence
    # per branch: every shown branch's figure recomputed; hidden branches stay in Totalt
    table = population.retirements_by_branch(sv).set_index("Bransch")
    column = "Anställda som väntas gå i pension inom 3 år"
    assert table.at["Totalt", column] == total
    for branch in table.index.drop("Totalt"):
        given = [
            r.expected["B3"]
            for r in generated.kept
            if r.expected["A2"] == branch and r.expected["B3"] is not None
        ]
        assert len(given) >= sv.threshold  # no branch under the threshold is shown
        assert table.at[branch, column] == sum(given)
        assert table.at[branch, "Arbetsgivare som svarat"] == len(given)
    left_out = table.attrs["left_out"]
    note = population.retirements_note(sv, table)
    assert (f"({left_out} st.)" in note) is bool(left_out)
