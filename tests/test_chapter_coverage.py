"""The chapters built on Kolada's series work for any area: a municipality the series lacks in
early years (Knivsta, formed 2003), every municipality of a county, and an area made of a
county's whole set (which takes Kolada's own county figures), and none says "saknas"."""

from __future__ import annotations

import re

import pytest

from conftest import run_cli
from helpers.analysis import area_survey
from helpers.cli import new_area
from helpers.config import regions
from helpers.config.params import Area, load_area
from helpers.report.chapters import education_level, industry, population, summary
from raw_kolada import cell

UPPSALA = regions.county_members("03")


def every_figure(area: Area) -> list[str]:
    """Run every helper the three chapters and the summary call; their words and sources."""
    words = []
    for chapter, names in (
        (
            industry,
            (
                "headline branches_chart branches_table over_represented change_sentence "
                "change_table women_sentence sector_sentence sector_table "
                "day_night_sentence commuting_sentence commuting_chart commuting_counts "
                "unemployment_sentence unemployment_chart unemployment_table "
                "employment_rate_chart employment_rate_comparison"
            ),
        ),
        (
            population,
            (
                "headline trend_chart age_trend_sentence age_trend_table age_groups_table "
                "pyramid_chart retirement_sentence retirement_chart dependency_chart "
                "born_abroad_chart"
            ),
        ),
        (
            education_level,
            ("headline post_secondary_chart by_sex_chart levels_table trend_chart"),
        ),
    ):
        for name in names.split():
            made = getattr(chapter, name)(area)
            if isinstance(made, str):
                words.append(made)
            elif hasattr(made, "title"):
                words += [made.title, made.source, *made.notes]
    words += summary.summary_sentences(area, area_survey.load(area))
    return words


@pytest.mark.parametrize("code", UPPSALA)
def test_every_municipality_of_a_county(code):
    words = every_figure(load_area(code))
    assert not [w for w in words if "saknas" in w]
    assert any("2022" in w for w in words)


def test_knivsta_says_what_the_series_lacks():
    words = " ".join(every_figure(load_area("0330")))
    assert "Kolada har inga uppgifter om Knivsta för 1994–2001." in words
    assert "Kolada har inga uppgifter om Knivsta för 2000–2001." in words  # education


def test_a_county_as_one_area_takes_koladas_county_figures(params_dir):
    new_area.write_params(UPPSALA, name="Uppsalaregionen", slug="uppsalaregionen")
    area = load_area("uppsalaregionen")
    assert not [w for w in every_figure(area) if "saknas" in w]
    # the whole county: Kolada's own figure for 0003, even for shares without a denominator
    assert industry.unemployment(area) == pytest.approx(cell("N03920", "0003", 2022) / 100)
    assert education_level.post_secondary(area) == pytest.approx(cell("N01982", "0003", 2022) / 100)
    assert industry.jobs(area) == cell("N02201", "0003", 2022)


@pytest.mark.slow
def test_the_reports_of_knivsta_and_a_whole_county_build(tree):
    made = run_cli(tree, "new-area", *UPPSALA, "--name", "Uppsalaregionen", "--slug", "uppsala")
    assert made.returncode == 0, made.stderr
    for area in ("0330", "uppsala"):
        result = run_cli(tree, "report", area, "--no-pdf", timeout=600)
        assert result.returncode == 0, result.stderr
        html = next((tree / "reports").glob(f"*{'knivsta' if area == '0330' else area}*/*/*.html"))
        page = html.read_text(encoding="utf-8")
        chapters = re.split(r"<h2[^>]*>", page)
        named = {c.split("<", 1)[0].strip(): c for c in chapters}
        for title in (
            "Befolkning och arbetskraft",
            "Utbildningsnivå",
            "Näringsliv och sysselsättning",
        ):
            assert title in named, title
            assert "saknas" not in re.sub(r"<[^>]+>", " ", named[title]), (area, title)
