"""Survey indicators on small hand-made tidy responses with known answers."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import indicators as sa
from helpers.common.errors import ParamsError
from tidy_frames import tidy_responses as survey

CODED = pd.DataFrame(
    {
        "title": ["Kock", "kockar", "Svetsare", "mig-svetsare", "Undersköterska", "qwzx"],
        "ssyk4": ["5120", "5120", "7212", "7212", "5321", pd.NA],
        "ssyk4_label": [
            "Kockar och kallskänkor",
            "Kockar och kallskänkor",
            "Svetsare och gasskärare",
            "Svetsare och gasskärare",
            "Undersköterskor, hemtjänst m.fl.",
            pd.NA,
        ],
    }
)


def test_response_rate_uses_the_invited_parameter():
    responses = survey([{"A2": "Handel"}] * 20)
    table = sa.response_summary(responses, invited=40)
    assert table.loc[0, "answered"] == 20 and table.loc[0, "rate"] == pytest.approx(0.5)
    assert pd.isna(sa.response_summary(responses, invited=None).loc[0, "rate"])
    with pytest.raises(ParamsError, match="inbjudna"):
        sa.response_summary(responses, invited=10)


def test_failure_rate_is_pooled_over_positions_not_averaged_over_employers():
    rows = [
        {"C1": "Ja", "C2": 10, "C3": 2},  # 8 of 10 failed
        {"C1": "Ja", "C2": 2, "C3": 2},
        {"C1": "Ja", "C2": 2, "C3": 2},
        {"C1": "Ja", "C2": 2, "C3": 2},
        {"C1": "Ja", "C2": 4, "C3": 4},
        {"C1": "Ja", "C2": 3, "C3": 5},  # invalid: more hired than sought, left out
        {"C1": "Ja", "C2": 0, "C3": 0},  # sought nobody: not counted
        {"C1": "Ja", "C2": 4},  # C3 missing: not counted
        {"C1": "Nej"},
    ]
    table = sa.failure_rate(survey(rows))
    row = table.iloc[0]
    assert (row["employers"], row["sought"], row["hired"]) == (5, 20, 12)
    assert row["failure_rate"] == pytest.approx(1 - 12 / 20)  # 0.40; the mean would be 0.16
    assert table.attrs["excluded"] == 1
    assert "C3" in table.attrs["base"]


def test_failure_rate_by_branch_hides_small_branch_and_the_next_smallest():
    rows = (
        [{"A2": "Handel", "C2": 4, "C3": 3}] * 7
        + [{"A2": "Byggverksamhet", "C2": 2, "C3": 1}] * 6
        + [{"A2": "Hotell och restaurang", "C2": 5, "C3": 0}] * 3
    )
    table = sa.failure_rate(survey(rows), by="A2").set_index("group")
    assert table.index.tolist() == ["Handel", "Byggverksamhet", "Hotell och restaurang", "Totalt"]
    assert table.loc["Handel", "failure_rate"] == pytest.approx(0.25)
    # Hotell (3 employers) is hidden; Bygg goes too, else Totalt − Handel − Bygg gives it.
    assert table.loc[["Byggverksamhet", "Hotell och restaurang"], "suppressed"].all()
    assert table.loc[["Byggverksamhet", "Hotell och restaurang"], "sought"].isna().all()
    assert table.loc["Totalt", "sought"] == 7 * 4 + 6 * 2 + 3 * 5
    assert table.loc["Totalt", "failure_rate"] == pytest.approx(1 - (21 + 6) / 55)


def test_single_choice_distribution_counts_options_and_excludes_unanswered():
    rows = [{"C4": "Mycket svårt"}] * 6 + [{"C4": "Ganska lätt"}] * 5 + [{"C4": None}] * 2
    options = ["Mycket lätt", "Ganska lätt", "Ganska svårt", "Mycket svårt", "Vet ej"]
    table = sa.distribution(survey(rows), "C4", options=options)
    assert table["option"].tolist() == options
    assert table["n"].tolist() == [0, 5, 0, 6, 0]
    assert table["base"].unique().tolist() == [11]
    assert table.loc[3, "share"] == pytest.approx(6 / 11)


def test_multi_select_counts_empty_answers_in_the_base():
    d3 = ["Engelska", "Yrkessvenska"]
    rows = [{"D3": set(d3)}] * 5 + [{"D3": {"Engelska"}}] * 2 + [{"D3": set()}] * 3 + [{"D3": None}]
    table = sa.distribution(survey(rows), "D3").set_index("option")
    assert table.loc["Engelska", "n"] == 7 and table.loc["Engelska", "base"] == 10
    assert table.loc["Yrkessvenska", "share"] == pytest.approx(0.5)
    assert not table["suppressed"].any()


def test_difficulty_counts_only_those_who_tried():
    rows = (
        [{"C1": "Ja", "C4": "Mycket svårt"}] * 5
        + [{"C1": "Ja", "C4": "Ganska lätt"}] * 5
        + [{"C1": "Nej", "C4": "Mycket svårt"}] * 4
    )
    table = sa.difficulty(survey(rows)).set_index("option")
    assert table.loc["Mycket svårt", "n"] == 5 and table.loc["Mycket svårt", "base"] == 10
    assert "C1 = Ja" in table.attrs["base"]


def test_respondents_by_branch_suppresses_small_branches():
    rows = [{"A2": "Handel"}] * 8 + [{"A2": "Byggverksamhet"}] * 6 + [{"A2": "Utbildning"}] * 2
    table = sa.respondents_by(survey(rows)).set_index("option")
    assert table.loc["Handel", "n"] == 8
    assert table[["n"]].isna().sum().item() == 2  # Utbildning and, secondary, Bygg
    assert table.loc["Utbildning", "suppressed"] and table.loc["Byggverksamhet", "suppressed"]


def test_titles_are_unique_and_stripped():
    responses = survey([{"C5_1": " Kock", "C5_2": "Kock", "C8_1_yrke": "Svetsare", "D4_1": ""}])
    assert sa.titles(responses) == ["Kock", "Svetsare"]


def test_hard_to_fill_counts_an_employer_once_per_code_and_keeps_no_free_text():
    rows = (
        [{"C5_1": "Kock", "C5_2": "kockar"}] * 5  # same code twice: one employer
        + [{"C5_1": "mig-svetsare"}] * 2
        + [{"C5_1": "qwzx"}] * 5
        + [{"C5_1": None}]
    )
    table = sa.hard_to_fill(survey(rows), CODED)
    assert table["ssyk4"].tolist()[:2] == ["5120", "7212"]
    kock = table.iloc[0]
    assert (kock["n"], kock["base"]) == (5, 12)
    assert kock["share"] == pytest.approx(5 / 12)
    assert table.iloc[1]["suppressed"] and pd.isna(table.iloc[1]["n"])
    uncoded = table.iloc[-1]
    assert pd.isna(uncoded["ssyk4"]) and uncoded["ssyk4_label"] == sa.UNCODED
    shown = table.astype(str).to_numpy().ravel().tolist()
    assert not any(t in shown for t in ("qwzx", "mig-svetsare", "kockar"))


def _planned(code_title: str, antal: int, tid: str, niva: str) -> dict:
    return {"C8_1_yrke": code_title, "C8_1_antal": antal, "C8_1_tid": tid, "C8_1_niva": niva}


def test_planned_hires_by_occupation_horizon_and_level():
    rows = (
        [_planned("Kock", 2, "0–12 månader", "Gymnasial yrkesutbildning")] * 4
        + [_planned("kockar", 3, "1–3 år", "Yrkeshögskola")] * 2
        + [_planned("Svetsare", 1, "0–12 månader", "Gymnasial yrkesutbildning")] * 5
        + [_planned("Undersköterska", 4, "1–3 år", "Gymnasial yrkesutbildning")] * 2
    )
    table = sa.planned_hires(survey(rows), CODED).set_index("ssyk4_label")
    kock = table.loc["Kockar och kallskänkor"]
    assert (kock["employers"], kock["hires"]) == (6, 14)
    assert (kock["hires_0_12"], kock["hires_1_3"]) == (8, 6)
    assert kock["level"] == "Gymnasial yrkesutbildning"
    # Undersköterskor rest on 2 employers: hidden, and the next smallest (svetsare) with them.
    assert table.loc["Undersköterskor, hemtjänst m.fl.", "suppressed"]
    assert table.loc["Svetsare och gasskärare", "suppressed"]
    assert pd.isna(table.loc["Svetsare och gasskärare", "hires"])
    assert table.loc["Totalt", "hires"] == 14 + 5 + 8
    assert table.index[-1] == "Totalt"


def test_typical_level_breaks_ties_by_hires_then_shorter_education():
    planned = pd.DataFrame(
        {
            "respondent": ["a", "b", "c", "d", "e"],
            "antal": [1, 1, 5, 1, 1],
            "niva": ["Högskola", "Yrkeshögskola", "Yrkeshögskola", "Högskola", "Vet ej"],
        }
    )
    assert sa.typical_level(planned) == "Yrkeshögskola"  # 2 each: more hires
    even = planned.assign(antal=1)
    assert sa.typical_level(even) == "Yrkeshögskola"  # 2 each, equal hires: shorter
    assert sa.typical_level(planned[planned["niva"] == "Vet ej"]) is None


def test_skill_areas_sum_staff_and_hide_small_areas():
    rows = (
        [{"D3": {"Engelska"}, "D5": 3}] * 5
        + [{"D3": {"Yrkessvenska"}, "D5": 10}] * 2
        + [{"D3": set(), "D5": 1}]
    )
    table = sa.skill_areas(survey(rows)).set_index("option")
    assert table.loc["Engelska", "staff"] == 15
    assert pd.isna(table.loc["Yrkessvenska", "staff"])
    assert table.loc["Engelska", "base"] == 8


def test_numeric_total_sums_per_group():
    rows = [{"A2": "Handel", "B3": 2}] * 5 + [{"A2": "Handel", "B3": None}]
    table = sa.retirements(survey(rows), by="A2").set_index("group")
    assert table.loc["Handel", "total"] == 10 and table.loc["Handel", "employers"] == 5
    assert table.loc["Totalt", "mean"] == pytest.approx(2.0)


def test_branch_matrix_counts_employers_and_suppresses_small_cells():
    rows = (
        [{"A2": "Handel", "C5_1": "Kock", "D3": {"Engelska"}}] * 6
        + [{"A2": "Byggverksamhet", "C5_1": "Svetsare", "D3": {"Engelska", "Annat"}}] * 5
        + [{"A2": "Byggverksamhet", "C5_1": "Kock", "D3": set()}] * 2
        + [{"A2": "Utbildning", "C5_1": "Kock", "D3": {"Engelska"}}] * 5
    )
    responses = survey(rows)
    matrix = sa.branch_matrix(responses, sa.mentions(responses, CODED, "C5"), top=2)
    kock = ("Bristyrke", "Kockar och kallskänkor")
    assert matrix.columns.tolist() == [
        ("Svarande", "Antal"),
        kock,
        ("Bristyrke", "Svetsare och gasskärare"),
        ("Bristkompetens", "Engelska"),
    ]  # "Annat" left out
    assert matrix.loc["Handel", kock] == 6 and matrix.loc["Totalt", kock] == 13
    # Bygg's 2 kockar are hidden; Utbildning's 5 (next smallest) too, as 13 − 6 − 5 = 2.
    assert pd.isna(matrix.loc["Byggverksamhet", kock])
    assert pd.isna(matrix.loc["Utbildning", kock])
    assert matrix.loc["Byggverksamhet", ("Bristkompetens", "Engelska")] == 5


def test_to_display_is_swedish_and_formatted():
    rows = [{"C1": "Ja"}] * 9 + [{"C1": "Nej"}] * 3
    display = sa.to_display(sa.recruitment_tried(survey(rows)))
    assert list(display.columns) == [
        "Fråga",
        "Grupp",
        "Svarsalternativ",
        "Antal",
        "Antal svarande",
        "Andel",
    ]
    assert display["Andel"].tolist() == ["–", "–"]  # 3 hidden, 9 hidden with it
    rows = [{"C1": "Ja"}] * 9 + [{"C1": "Nej"}] * 5
    display = sa.to_display(sa.recruitment_tried(survey(rows)))
    assert display["Andel"].tolist() == ["64,3\u00a0%", "35,7\u00a0%"]
    by_branch = sa.to_display(
        sa.failure_rate(survey([{"A2": "Handel", "C2": 1, "C3": 1}]), by="A2")
    )
    assert by_branch.columns[0] == "Bransch"
