"""Chapter 09, method: its tables read from the manifests and the questionnaire, its sentences."""

from __future__ import annotations

import csv

import pandas as pd

from conftest import ROOT
from helpers.report.chapters import method


def manifest_rows(folder: str) -> list[dict]:
    with open(ROOT / "data/raw" / folder / "MANIFEST.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_sources_list_every_data_file_of_the_manifests_with_table_ids():
    table = method.sources()
    listed = set(table["Fil"])
    for folder in ("public", "yrkesbarometer"):
        for row in manifest_rows(folder):
            used = not row["file"].endswith((".md", ".json")) and "api_samples" not in row["file"]
            assert (row["file"] in listed) == used, row["file"]
    ids = dict(zip(table["Fil"], table["Tabell"], strict=True))
    assert ids["scb_population_age_sex_2019.csv"] == "BE0101A"
    assert {"yh_programmes.csv", "yh_courses.csv", "ssyk_title_lookup_v1.csv"} <= listed


def test_no_english_manifest_words_reach_the_report():
    text = " ".join(method.sources()[["Källa", "År"]].to_numpy().ravel())
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
