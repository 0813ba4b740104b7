"""Chapter 09, method: its tables read from the manifests and the questionnaire, its sentences."""

from __future__ import annotations

import csv
import re

import pandas as pd

from conftest import ROOT
from helpers.report.chapters import method
from helpers.stats import sources as stats_sources


def manifest_rows(folder: str) -> list[dict]:
    with open(ROOT / "data/raw" / folder / "MANIFEST.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_sources_cite_every_data_file_of_the_manifests_as_a_reader_does():
    table = method.sources()
    listed = set(table["Källa"])
    for folder in ("public", "yrkesbarometer", "kolada"):
        for row in manifest_rows(folder):
            used = not row["file"].endswith((".md", ".json")) and "api_samples" not in row["file"]
            if used:  # each has a citation of its own, and it is in the table
                assert row["file"] in stats_sources.CITATIONS, row["file"]
                assert any(s.startswith(stats_sources.CITATIONS[row["file"]]) for s in listed)
    assert not any(re.search(r"\.(csv|json|xlsx)\b|_", source) for source in listed)
    assert "Arbetsförmedlingen, platsannonser 2024" in listed
    ids = dict(zip(table["Källa"], table["Tabell"], strict=True))
    assert ids["SCB, befolkningsstatistik 2019"] == "BE0101A"
    assert "Myndigheten för yrkeshögskolan, beviljade YH-utbildningar 2020–2024" in listed
    assert len(listed) == len(table)  # one row per source as a reader cites it


def test_no_english_manifest_words_reach_the_report():
    text = " ".join(method.sources()["Källa"])
    for english in ("partial", "first 1 000 rows", " or ", "derived extract", "current"):
        assert english not in text


def test_questions_leave_out_contact_data():
    table = method.questions()
    assert "C4" in set(table["Fråga"]) and "C5" in set(table["Fråga"])
    assert not {"A5", "G1", "G2", "G3", "G4", "C5_1", "C8_1_antal"} & set(table["Fråga"])
    assert not table["Text"].str.match(r"^[A-G]\d").any()  # the id is not repeated


def test_sni_table_and_classifications():
    sni = method.sni_table()
    assert len(sni) == 14
    assert sni.set_index("Bransch i enkäten").at["Företagstjänster", "SNI 2007-avdelningar"] == (
        "M, N"
    )
    assert "version 1" in " ".join(method.classifications()["Version"])


def test_lacking_lists_what_the_snapshot_misses():
    assert method.lacking(pd.DataFrame(columns=["topic", "what"])).startswith(
        "Underlaget innehåller all statistik"
    )
    listed = method.lacking(pd.DataFrame({"topic": ["x"], "what": ["Pendling saknas."]}))
    assert listed.endswith("- Pendling saknas.")
