"""Chapter 00, the summary: sentences written from the data, with or without a survey."""

from __future__ import annotations

import re

from test_area_survey import employer, survey

from helpers.analysis import area_survey
from helpers.config.params import load_area
from helpers.report.chapters import employer_survey, summary
from helpers.stats import jobads
from raw_kolada import cell


def test_summary_without_survey_is_statistics_and_says_so():
    area = load_area("lysekil")
    sentences = summary.summary_sentences(area, None)
    assert sentences[0] == employer_survey.no_survey(area)
    assert 5 <= len(sentences) <= 7
    assert all(re.search(r"\d", s) for s in sentences)
    share = f"{cell('N01982', '1484', 2022):.1f}".replace(".", ",")  # the latest year
    assert any(share in s and "eftergymnasial" in s and "2022" in s for s in sentences)
    top = jobads.top_occupations(area.municipalities, 1).iloc[0]
    assert any(f"({top['job_ads']})" in s and "platsannonserna" in s for s in sentences)


def test_summary_with_survey_leads_with_the_survey_findings():
    area = load_area("sotenas")
    sentences = summary.summary_sentences(area, area_survey.load(area))
    assert 5 <= len(sentences) <= 7
    assert sentences[0].startswith("Flest arbetsgivare har svårt att rekrytera")
    assert any(s.startswith("Den tydligaste insatsen är") for s in sentences)
    assert any(s.startswith("Av de") and "inte att anställa" in s for s in sentences)
    # the statistics by the same rules: the largest branch is twice Sweden's share (50 + 20)
    assert any("tillverkning och utvinning med 21,9" in s for s in sentences)
    # D2: how many meet their need by upskilling and how many by hiring
    assert any("genom att utbilda befintlig personal" in s for s in sentences)
    # since 2025 only changes larger than their uncertainty may be said: the −12
    # procentenheter in apprentices among 50 and 60 employers is not one; the fall in
    # English (30 % to 10 %) is, and ranks below the seven sentences
    sv = area_survey.load(area)
    facts = summary.survey_facts(area, sv) + summary.statistics_facts(area)
    change = [f for f in facts if f.topic == "förändring sedan förra året"]
    assert len(change) == 1 and "engelska minskat med 20,0 procentenheter" in change[0].sentence
    assert "större än den statistiska osäkerheten" in change[0].sentence
    assert not any("lärling" in s for s in sentences)
    assert "ingen säker förändring" not in summary.basis(area, sv)


def test_basis_says_there_is_no_certain_change():
    then = survey([employer(E3="Ja") for _ in range(10)] + [employer() for _ in range(10)])
    now = survey(
        [employer(E3="Ja") for _ in range(5)] + [employer() for _ in range(15)], previous=then
    )
    assert summary.basis(load_area("sotenas"), now).endswith(
        "Jämfört med förra året finns ingen säker förändring i enkätens nyckeltal: "
        "skillnaderna är mindre än den statistiska osäkerheten."
    )
    assert not [f for f in summary.survey_facts(load_area("sotenas"), now) if "förra" in f.topic]
    assert "säker" not in summary.basis(load_area("sotenas"), then)  # no previous year


def test_response_and_basis_sentences():
    sv = survey([employer() for _ in range(10)])
    assert employer_survey.response(sv) == (
        "Enkäten skickades till 40 arbetsgivare och 10 svarade, en svarsfrekvens på 25,0\u00a0%."
    )
    basis = summary.basis(load_area("sotenas"), sv)
    assert "svar från 10 av 40 inbjudna arbetsgivare" in basis
