"""Chapter 07, recommended efforts: evidence and effort tables per kind of need, the rules."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import needs
from helpers.report.chapters import efforts

RECOMMENDED = pd.DataFrame(
    [
        {
            "kind": needs.BRISTYRKE,
            "need": "Kockar och kallskänkor",
            "employers": 7,
            "people": 12,
            "branches": "Hotell och restaurang",
            "job_ads": 18,
            "barometer": "brist",
            "signal_strength": 3,
            "effort": needs.YRKESVUX,
            "format": "Kort kurs (1–5 dagar)",
            "place": "På arbetsplatsen",
            "time": "Dagtid",
            "cofunding": pd.NA,
            "education_nearby": True,
            "education": "Kock (Arbetsmarknadsutbildning; Uddevalla)",
        },
        {
            "kind": needs.BRISTKOMPETENS,
            "need": "Certifikat och behörigheter (t.ex. truck/lift/svets)",
            "employers": 9,
            "people": pd.NA,
            "branches": "Flera branscher",
            "job_ads": pd.NA,
            "barometer": pd.NA,
            "signal_strength": pd.NA,
            "effort": "Kort kurs",
            "format": None,
            "place": None,
            "time": None,
            "cofunding": 5,
            "education_nearby": pd.NA,
            "education": pd.NA,
        },
    ]
)


def test_evidence_and_effort_tables_per_kind_of_need():
    evidence = efforts.evidence_table(RECOMMENDED, needs.BRISTYRKE)
    assert evidence.iloc[0].to_dict() | {} == {
        "Behov": "Kockar och kallskänkor",
        "Arbetsgivare": 7,
        "Branscher": "Hotell och restaurang",
        "Annonser": 18,
        "Yrkesbarometern, länet": "brist",
        "Signaler": 3,
        "Anställningar": 12,
    }
    effort = efforts.effort_table(RECOMMENDED, needs.BRISTKOMPETENS).iloc[0]
    assert effort["Behov"] == "Certifikat och behörigheter"
    assert effort["Önskad utbildningsform"] == "–" and effort["Utbildning finns i närheten"] == "–"
    assert efforts.effort_table(RECOMMENDED, needs.BRISTYRKE).iloc[0]["Önskad plats och tid"] == (
        "På arbetsplatsen, dagtid"
    )
    assert efforts.evidence_table(RECOMMENDED, needs.BRISTKOMPETENS).attrs["suppressed"]
    assert list(efforts.educations_table(RECOMMENDED)["Bristyrke"]) == ["Kockar och kallskänkor"]


def test_rules_are_numbered_with_the_threshold():
    rules = efforts.rules(7).splitlines()
    assert rules[0].startswith("1. Enkätsignal: minst 7 arbetsgivare")
    assert len(rules) == 13
