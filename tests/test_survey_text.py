"""Sentences written from the data: the summary, the survey chapter, comparison and method."""

from __future__ import annotations

import re

import pandas as pd
from test_area_survey import employer, survey

from helpers.analysis import area_survey
from helpers.config.params import load_area
from helpers.report.chapters import summary, survey_text
from helpers.stats import aggregate, jobads


def test_summary_without_survey_is_statistics_and_says_so():
    area = load_area("lysekil")
    sentences = summary.summary_sentences(area, None)
    assert sentences[0] == survey_text.no_survey(area)
    assert 5 <= len(sentences) <= 7
    assert all(re.search(r"\d", s) for s in sentences)
    education = aggregate.post_secondary_share(area)
    mine = education[(education["comparison"] == "Lysekil") & (education["sex"] == "totalt")]
    share = f"{mine['share'].iloc[0] * 100:.1f}".replace(".", ",")
    assert any(share in s and "eftergymnasial" in s for s in sentences)
    top = jobads.top_occupations(area.municipalities, 1).iloc[0]
    assert any(f"({top['job_ads']})" in s and "platsannonserna" in s for s in sentences)


def test_summary_with_survey_leads_with_the_survey_findings():
    area = load_area("sotenas")
    sentences = summary.summary_sentences(area, area_survey.load(area))
    assert 5 <= len(sentences) <= 7
    assert sentences[0].startswith("Flest arbetsgivare har svårt att rekrytera")
    assert any(s.startswith("Den tydligaste insatsen är") for s in sentences)
    assert any(s.startswith("Sedan förra året") for s in sentences)  # Sotenäs has 2025


def test_response_and_basis_sentences():
    sv = survey([employer() for _ in range(10)])
    assert survey_text.response(sv) == (
        "Enkäten skickades till 40 arbetsgivare och 10 svarade, en svarsfrekvens på 25,0\u00a0%."
    )
    basis = summary.basis(load_area("sotenas"), sv)
    assert "svar från 10 av 40 inbjudna arbetsgivare" in basis


def test_recruitment_and_failure_sentences_carry_their_figures():
    rows = [employer(C1="Ja", C2=10, C3=8, C4="Mycket svårt") for _ in range(6)]
    rows += [employer() for _ in range(6)]
    sv = survey(rows)
    assert survey_text.recruitment(sv).startswith(
        "6 av 12 arbetsgivare (50,0\u00a0%) har försökt rekrytera"
    )
    assert "gick 20,0\u00a0% inte att anställa" in survey_text.failure(sv)
    assert "Rekryteringsenkät" in survey_text.failure(sv)


def test_a_sentence_whose_figure_is_hidden_is_not_written():
    sv = survey([employer(C1="Ja", C2=3, C3=1) for _ in range(3)])
    assert survey_text.recruitment(sv) == ""
    assert survey_text.failure(sv) == ""
    assert survey_text.staff(sv) == ""


def test_coding_sentence_from_the_coding_summary():
    summary = {"mentions": 20, "share_automatic": 0.75, "overridden": 3, "uncoded": 2}
    sentence = survey_text.coding(summary, 5)
    assert "20 yrkestitlar" in sentence and "75,0\u00a0% kodades automatiskt" in sentence
    assert "15,0\u00a0% med analytikerns rättelser" in sentence and "10,0\u00a0%" in sentence


def test_comparison_sentences():
    then = survey([employer(E3="Ja") for _ in range(10)] + [employer() for _ in range(10)])
    now = survey(
        [employer(E3="Ja") for _ in range(5)] + [employer() for _ in range(15)], previous=then
    )
    sentence = survey_text.change(now)
    assert sentence.startswith("2025 svarade 20 arbetsgivare och 2026 20.")
    assert "lärling minskat med 25,0 procentenheter till 25,0\u00a0%" in sentence
    table = survey_text.changes_table(now).set_index("Indikator")
    assert table.loc["Kan tänka sig att anställa en lärling", "Förändring"] == (
        "-25,0 procentenheter"
    )
    assert survey_text.no_comparison(load_area("lysekil"), None).startswith(
        "Jämförelsen med förra året börjar"
    )
    assert survey_text.no_comparison(load_area("sotenas"), then).startswith(
        "Jämförelsen med förra året börjar nästa år"
    )


def test_rules_are_numbered_with_the_threshold():
    rules = survey_text.rules(7).splitlines()
    assert rules[0].startswith("1. Enkätsignal: minst 7 arbetsgivare")
    assert len(rules) == 13


def test_lacking_lists_what_the_snapshot_misses():
    assert survey_text.lacking(pd.DataFrame(columns=["topic", "what"])).startswith(
        "Underlaget innehåller all statistik"
    )
    listed = survey_text.lacking(pd.DataFrame({"topic": ["x"], "what": ["Pendling saknas."]}))
    assert listed.endswith("- Pendling saknas.")
