"""Chapter 07, recommended efforts: evidence and effort tables per kind of need, the rules."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import needs, plan
from helpers.report.chapters import efforts

RECOMMENDED = pd.DataFrame(
    [
        {
            "kind": needs.BRISTYRKE,
            "need": "Kockar och kallskänkor",
            "ssyk4": "5120",
            "employers": 7,
            "rank": 1,
            "tie": False,
            "people": 12,
            "people_soon": 4,
            "branches": "Hotell och restaurang",
            "job_ads": 18,
            "barometer": "brist",
            "signal_strength": 3,
            "route": "yrkesvux",
            "effort": needs.YRKESVUX,
            "format": "Yrkesvux inom restaurang och storkök",
            "requirement": pd.NA,
            "basis": "Vanligaste nivån i enkäten: Gymnasial yrkesutbildning",
            "routes": "Yrkesvux (Komvux), Gymnasieprogram",
            "place": pd.NA,
            "time": pd.NA,
            "cofunding": pd.NA,
            "education_nearby": True,
            "education": "Kock (Arbetsmarknadsutbildning; Uddevalla)",
            "supply": "YH leder inte till yrket (vägtabellen); inget i Arbetsförmedlingens urval.",
        },
        {
            "kind": needs.BRISTKOMPETENS,
            "need": "Certifikat och behörigheter (t.ex. truck/lift/svets)",
            "ssyk4": pd.NA,
            "employers": 9,
            "rank": 1,
            "tie": True,
            "people": pd.NA,
            "people_typical": pd.NA,
            "branches": "Flera branscher",
            "job_ads": pd.NA,
            "barometer": pd.NA,
            "signal_strength": pd.NA,
            "route": pd.NA,
            "effort": "Kort kurs",
            "format": None,
            "requirement": pd.NA,
            "basis": pd.NA,
            "routes": pd.NA,
            "place": "På arbetsplatsen",
            "time": "Dagtid",
            "cofunding": 5,
            "education_nearby": pd.NA,
            "education": pd.NA,
            "supply": pd.NA,
        },
    ]
)


def test_evidence_and_effort_tables_per_kind_of_need():
    evidence = efforts.evidence_table(RECOMMENDED, needs.BRISTYRKE)
    assert evidence.iloc[0].to_dict() == {
        "Plats": "1",
        "Behov": "Kockar och kallskänkor",
        "Arbetsgivare": 7,
        "Branscher": "Hotell och restaurang",
        "Planerade anställningar": 12,
        "Annonser": 18,
        "Yrkesbarometern, länet": "brist",
    }
    assert efforts.evidence_table(RECOMMENDED, needs.BRISTKOMPETENS).iloc[0]["Plats"] == (
        "1 (delad)"
    )
    effort = efforts.effort_table(RECOMMENDED, needs.BRISTKOMPETENS).iloc[0]
    assert effort["Behov"] == "Certifikat och behörigheter"
    assert effort["Önskad utbildningsform"] == "–"
    assert effort["Önskad plats och tid"] == "På arbetsplatsen, dagtid"
    # A bristyrke shows its route from the table and no D6/D7 preference at all.
    row = efforts.effort_table(RECOMMENDED, needs.BRISTYRKE).iloc[0]
    assert "Önskad utbildningsform" not in row and "Önskad plats och tid" not in row
    assert row["Utbildning"] == "Yrkesvux inom restaurang och storkök"
    assert row["Underlag för valet"].startswith("Vanligaste nivån i enkäten")
    supply = efforts.supply_table(RECOMMENDED, needs.BRISTYRKE).iloc[0]
    assert supply["Vad underlaget visar"].startswith("YH leder inte till yrket")
    assert supply["Utbildningar"] == "Kock (Arbetsmarknadsutbildning; Uddevalla)"
    assert efforts.supply_table(RECOMMENDED, needs.BRISTKOMPETENS).iloc[0]["Utbildningar"] == "–"
    assert efforts.routes_table(RECOMMENDED).iloc[0]["Krav för yrket"] == "Inget formellt krav"
    assert efforts.evidence_table(RECOMMENDED, needs.BRISTKOMPETENS).attrs["suppressed"]
    assert list(efforts.educations_table(RECOMMENDED)["Bristyrke"]) == ["Kockar och kallskänkor"]
    assert efforts.routes_table(RECOMMENDED).iloc[0]["Vägar till yrket"].startswith("Yrkesvux")


def test_definitions_are_the_ones_of_needs():
    text = efforts.definitions()
    for kind, definition in needs.DEFINITIONS.items():
        assert f"**{kind}**: {definition}" in text
    assert (
        "C5" in needs.DEFINITIONS[needs.BRISTYRKE]
        and "D6" not in needs.DEFINITIONS[needs.BRISTYRKE].split("(D6")[0]
    )


def test_action_plan_rows():
    table = plan.action_plan(RECOMMENDED)
    assert table["Behov"].tolist() == ["Kockar och kallskänkor", "Certifikat och behörigheter"]
    cook = table.iloc[0]
    assert cook["Insats"] == needs.YRKESVUX and cook["Deltagare"] == "4–12"
    assert cook["Trolig anordnare"].startswith("Komvux")
    assert cook["Arbetsgivare som efterfrågar"] == 7
    assert cook["Underlag"].startswith("Enkäten (C5): 7 arbetsgivare; 18 platsannonser")
    assert cook["När"] == "Planera för de kommande 1–3 åren"  # 4 of 12 within a year
    skills = table.iloc[1]
    assert skills["När"] == "På arbetsplatsen, dagtid" and skills["Deltagare"] == "–"


def test_rules_are_numbered_with_the_threshold():
    rules = efforts.rules(7).splitlines()
    assert rules[0].startswith("1. Enkätsignal: minst 7 arbetsgivare")
    assert len(rules) == len(needs.RULES)
