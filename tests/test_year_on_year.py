"""Chapter 08, compared with last year: the change sentences and table, and the rule that a
change is called a change only when it is larger than its uncertainty."""

from __future__ import annotations

from test_area_survey import employer, survey

from helpers.analysis import comparison
from helpers.config.params import load_area
from helpers.report.chapters import year_on_year

MINUS = "\u2212"


def test_comparison_sentences_without_a_certain_change():
    # 50 % of 20 to 25 % of 20: a fall of 25 procentenheter, within the uncertainty.
    then = survey([employer(E3="Ja") for _ in range(10)] + [employer() for _ in range(10)])
    now = survey(
        [employer(E3="Ja") for _ in range(5)] + [employer() for _ in range(15)], previous=then
    )
    low, high = comparison.difference_interval(0.25, 20, 0.5, 20)
    assert low < 0 < high
    sentence = year_on_year.change(now)
    assert sentence.startswith("Förra året (2025) svarade 20 arbetsgivare och i år (2026) 20.")
    assert "ingen säker förändring" in sentence
    assert f"lärling ({MINUS}25,0 procentenheter), men den ryms inom osäkerheten" in sentence
    table = year_on_year.changes_table(now)
    first = table.iloc[0]  # the largest change comes first
    assert first["Indikator"] == "Kan tänka sig att anställa en lärling"
    assert first[year_on_year.CHANGE] == f"{MINUS}25,0"
    assert first[year_on_year.CERTAIN] == "Nej"
    assert year_on_year.no_comparison(load_area("lysekil"), None).startswith(
        "Jämförelsen med förra året börjar"
    )
    assert year_on_year.no_comparison(load_area("sotenas"), then).startswith(
        "Jämförelsen med förra året börjar nästa år"
    )


def test_a_change_larger_than_its_uncertainty_is_said():
    # 20 % of 40 to 80 % of 40: the interval of the difference leaves out 0.
    then = survey([employer(E3="Ja") for _ in range(8)] + [employer() for _ in range(32)])
    now = survey(
        [employer(E3="Ja") for _ in range(32)] + [employer() for _ in range(8)], previous=then
    )
    low, _ = comparison.difference_interval(0.8, 40, 0.2, 40)
    assert low > 0
    sentence = year_on_year.change(now)
    assert "ingen säker förändring" not in sentence
    assert "lärling ökat med 60,0 procentenheter till 80,0\u00a0%" in sentence
    assert "större än den statistiska osäkerheten" in sentence
    row = year_on_year.changes_table(now).iloc[0]
    assert row[year_on_year.CERTAIN] == "Ja"
    assert row[year_on_year.INTERVAL].startswith("+")


def test_the_largest_skill_shifts_are_shown_even_when_their_share_is_small_now():
    from helpers.analysis import area_survey

    stable = {
        "Digitala verktyg och IT-system",
        "Arbetsmiljö och säkerhet",
        "Yrkessvenska",
        "Ledarskap och arbetsledning",
        "Hållbarhet och energi",
        "Ekonomi och administration",
    }
    english = stable | {"Engelska"}
    # every employer both years names the six stable areas; English falls from 30 of 40 to 6
    then = survey([employer(D3=english)] * 30 + [employer(D3=stable)] * 10)
    now = survey([employer(D3=english)] * 6 + [employer(D3=stable)] * 34, previous=then)
    table = area_survey.skill_area_changes(now)
    assert table.iloc[0]["option"] == "Engelska"  # the smallest share now, the largest shift
    assert bool(table.iloc[0]["significant"])
    shown = year_on_year.skills_changes_table(now, table)
    assert shown.iloc[0][year_on_year.CERTAIN] == "Ja"
    assert year_on_year.certain_skills(table) == (
        f"Säker är förändringen för engelska ({MINUS}60,0 procentenheter)."
    )
