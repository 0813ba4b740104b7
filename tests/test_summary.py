"""The data-written summary: facts from hand-made tables, chosen by priority."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import comparison, summary
from helpers.analysis import indicators as sa

NBSP = "\u00a0"


def responses(rows: list[dict]) -> pd.DataFrame:
    index = pd.Index([f"r{i}" for i in range(1, len(rows) + 1)], name="respondent")
    df = pd.DataFrame(rows, index=index)
    for column in ("C2", "C3"):
        if column in df:
            df[column] = df[column].astype("Int64")
    return df


def test_response_fact_carries_count_and_rate():
    fact = summary.response_fact(sa.response_summary(responses([{}] * 48), invited=120))
    assert (
        fact.sentence == f"Enkäten besvarades av 48 arbetsgivare, en svarsfrekvens på 40,0{NBSP}%."
    )
    unknown = summary.response_fact(sa.response_summary(responses([{}] * 48), invited=None))
    assert unknown.sentence == "Enkäten besvarades av 48 arbetsgivare."


def test_failure_fact_uses_the_pooled_rate():
    rows = [{"C2": 10, "C3": 2}] + [{"C2": 2, "C3": 2}] * 4
    fact = summary.failure_fact(sa.failure_rate(responses(rows)))
    assert fact.value == pytest.approx(8 / 18)
    assert "Av de 18 personer" in fact.sentence and f"44,4{NBSP}%" in fact.sentence
    assert "(5 arbetsgivare)" in fact.sentence


def test_failure_fact_is_none_when_hidden():
    rows = [{"C2": 10, "C3": 2}] * 3
    assert summary.failure_fact(sa.failure_rate(responses(rows))) is None


def test_occupations_fact_names_the_top_shown_codes_only():
    table = pd.DataFrame(
        {
            "ssyk4": ["5120", "7212", "5321", pd.NA],
            "ssyk4_label": ["Kockar och kallskänkor", "IT-tekniker", "Undersköterskor", "Ej kodad"],
            "n": pd.array([9, 6, pd.NA, 7], dtype="Int64"),
            "suppressed": [False, False, True, False],
        }
    )
    fact = summary.occupations_fact(table)
    assert fact.sentence == (
        "Flest arbetsgivare har svårt att rekrytera kockar och kallskänkor (9 arbetsgivare) "
        "och IT-tekniker (6)."
    )
    assert fact.value == 9


def test_skills_fact_uses_totalt_and_leaves_out_annat():
    table = pd.DataFrame(
        {
            "group": ["Handel", "Totalt", "Totalt", "Totalt"],
            "option": ["Engelska", "Annat", "Digitala verktyg och IT-system", "Engelska"],
            "n": pd.array([30, 20, 12, 6], dtype="Int64"),
            "share": pd.array([0.9, 0.5, 0.3, 0.15], dtype="Float64"),
            "suppressed": False,
        }
    )
    fact = summary.skills_fact(table)
    assert fact.sentence == (
        "Befintlig personal behöver framför allt utvecklas inom digitala verktyg och IT-system "
        f"(12 arbetsgivare, 30,0{NBSP}%) och engelska (6)."
    )


def test_gap_fact_picks_the_largest_relative_gap():
    gaps = [
        summary.Gap("andelen med eftergymnasial utbildning", 0.30, 0.33, "Fyrbodal"),
        summary.Gap(
            "den demografiska försörjningskvoten", 0.95, 0.75, "riket", kind="number", decimals=2
        ),
    ]
    fact = summary.gap_fact("Sotenäs", gaps)
    assert fact.sentence == (
        "Den demografiska försörjningskvoten är 0,95 i Sotenäs, högre än i riket (0,75)."
    )
    assert fact.priority == summary.PRIORITY["skillnad mot jämförelseområde"] + summary.BOOST
    assert summary.gap_fact("Sotenäs", []) is None


def test_change_fact_states_only_a_change_larger_than_its_uncertainty():
    def table(n: list[int], base: int) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "question": "C1",
                "group": "Totalt",
                "option": ["Ja", "Nej"],
                "n": n,
                "base": base,
                "share": [v / base for v in n],
                "suppressed": False,
            }
        )

    subjects = {"C1": "andelen arbetsgivare som försökt rekrytera"}
    # 50 % to 70 % among 200 employers each year: larger than its uncertainty.
    fact = summary.change_fact(
        comparison.compare(table([140, 60], 200), table([100, 100], 200)), subjects
    )
    assert fact.sentence == (
        "Sedan förra året har andelen arbetsgivare som försökt rekrytera ökat med "
        f"20,0 procentenheter till 70,0{NBSP}%, en förändring som är större än den "
        "statistiska osäkerheten."
    )
    # The same shares among 20 employers each year: no certain change, and no figure said.
    fact = summary.change_fact(
        comparison.compare(table([14, 6], 20), table([10, 10], 20)), subjects
    )
    assert fact.sentence == summary.NO_CERTAIN_CHANGE
    assert "ingen säker förändring" in fact.sentence
    assert summary.change_fact(None) is None


def test_effort_fact_reads_the_first_recommendation():
    table = pd.DataFrame(
        [
            {
                "kind": "Bristkompetens",
                "need": "Engelska",
                "effort": "Kort kurs",
                "employers": 8,
                "people": 30,
                "signal_strength": pd.NA,
            }
        ]
    )
    fact = summary.effort_fact(table)
    assert fact.sentence == (
        "Den tydligaste insatsen är kort kurs för engelska: 8 arbetsgivare nämner behovet och "
        "det gäller 30 anställda."
    )
    assert summary.effort_fact(table.iloc[0:0]) is None


def test_write_summary_picks_by_priority_one_per_topic_and_never_pads():
    facts = [summary.Fact(f"t{i}", i, f"Mening {i}.", i) for i in range(10)]
    facts.append(summary.Fact("t9", 0, "Sämre om t9.", 1))
    chosen = summary.write_summary([*facts, None])
    assert chosen == [f"Mening {i}." for i in range(9, 2, -1)]  # 7 sentences, best first
    assert summary.write_summary(facts[:3]) == ["Mening 2.", "Mening 1.", "Mening 0."]
    assert summary.write_summary([None]) == []


def test_every_sentence_carries_a_figure():
    rows = [{"C2": 4, "C3": 1}] * 6
    facts = [
        summary.response_fact(sa.response_summary(responses(rows), invited=10)),
        summary.failure_fact(sa.failure_rate(responses(rows))),
    ]
    for sentence in summary.write_summary(facts):
        assert any(ch.isdigit() for ch in sentence)


def test_labels_read_well_mid_sentence():
    table = pd.DataFrame(
        {
            "group": "Totalt",
            "option": ["Certifikat och behörigheter (t.ex. truck/lift/svets)"],
            "n": pd.array([9], dtype="Int64"),
            "share": pd.array([0.3], dtype="Float64"),
            "suppressed": False,
        }
    )
    assert "inom certifikat och behörigheter (9 arbetsgivare" in summary.skills_fact(table).sentence
