"""Chapter 08, compared with last year: the change sentences and table."""

from __future__ import annotations

from test_area_survey import employer, survey

from helpers.config.params import load_area
from helpers.report.chapters import year_on_year


def test_comparison_sentences():
    then = survey([employer(E3="Ja") for _ in range(10)] + [employer() for _ in range(10)])
    now = survey(
        [employer(E3="Ja") for _ in range(5)] + [employer() for _ in range(15)], previous=then
    )
    sentence = year_on_year.change(now)
    assert sentence.startswith("2025 svarade 20 arbetsgivare och 2026 20.")
    assert "lärling minskat med 25,0 procentenheter till 25,0\u00a0%" in sentence
    table = year_on_year.changes_table(now).set_index("Indikator")
    assert table.loc["Kan tänka sig att anställa en lärling", "Förändring"] == (
        "-25,0 procentenheter"
    )
    assert year_on_year.no_comparison(load_area("lysekil"), None).startswith(
        "Jämförelsen med förra året börjar"
    )
    assert year_on_year.no_comparison(load_area("sotenas"), then).startswith(
        "Jämförelsen med förra året börjar nästa år"
    )
