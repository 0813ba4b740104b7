"""The area's survey: loading without personal data, key indicators, needs and supply."""

from __future__ import annotations

import dataclasses

import openpyxl
import pandas as pd
import pytest

from conftest import ROOT
from example_surveys import answers
from helpers.analysis import area_survey, supply
from helpers.config import regions
from helpers.config.params import load_area
from helpers.stats import education_supply
from helpers.survey.questionnaire import load_questionnaire
from tidy_frames import tidy_responses as tidy

CODED = pd.DataFrame(
    {
        "title": ["Kock", "Svetsare", "qwzx"],
        "ssyk4": pd.array(["5120", "7212", pd.NA], dtype="string"),
        "ssyk4_label": pd.array(
            ["Kockar och kallskänkor", "Svetsare och gasskärare", pd.NA], dtype="string"
        ),
        "normalized": ["kock", "svetsare", "qwzx"],
        "method": ["exact", "exact", "uncoded"],
    }
)


def employer(**answers) -> dict:
    """One respondent with every question of the questionnaire (unanswered unless given)."""
    row = dict.fromkeys(load_questionnaire().analysis_ids())
    row |= {
        "A2": "Handel",
        "B1": "Oförändrat",
        "C1": "Nej",
        "C2": None,
        "C3": None,
        "C4": None,
        "D1": "Inte alls",
        "D3": set(),
        "D5": None,
        "D9": "Nej",
        "E3": "Nej",
        "C5_1": None,
        "C8_1_yrke": None,
        "C8_1_antal": None,
        "C8_1_tid": None,
        "C8_1_niva": None,
        "D4_1": None,
        "D6": set(),
        "D7": set(),
    }
    return row | answers


def survey(
    rows: list[dict],
    *,
    previous: area_survey.AreaSurvey | None = None,
    threshold: int = 5,
    example: bool = True,
) -> area_survey.AreaSurvey:
    """An AreaSurvey of hand-made answers (what ``load`` builds from an export)."""
    return area_survey.AreaSurvey(
        area_name="Testby",
        year=2026 if previous else 2025,
        responses=tidy(rows),
        coded=CODED,
        mentions=CODED,
        invited=40,
        example=example,
        threshold=threshold,
        layout="Microsoft Forms",
        file_name="enkat.xlsx",
        n_duplicates=0,
        n_incomplete=0,
        previous=previous,
    )


def shipped_respondents(area: str, year: int) -> int:
    """Respondents in a shipped export, counted here: distinct answer rows."""
    path = ROOT / f"data/raw/surveys/{area}/{year}/kompetensbehov-{year}.xlsx"
    rows = list(openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    first = next(i for i, name in enumerate(rows[0]) if str(name).startswith("A1."))
    return len({tuple(row[first:]) for row in rows[1:] if any(v is not None for v in row)})


# --- loading --------------------------------------------------------------------------------


def test_load_reads_the_area_survey_once_with_last_year():
    area = load_area("sotenas")
    sv = area_survey.load(area)
    again = area_survey.load(load_area("sotenas"))  # read once per kernel, copies handed out
    assert again is not sv and again.key == sv.key and again.responses.equals(sv.responses)
    assert (sv.answered, sv.invited, sv.year) == (shipped_respondents("sotenas", 2026), 160, 2026)
    assert sv.previous.year == 2025
    assert sv.previous.answered == shipped_respondents("sotenas", 2025)
    assert sv.previous.previous is None and sv.example
    assert sv.source == "Arbetsgivarenkät om kompetensbehov, Sotenäs 2026"


def test_an_area_without_survey_gives_none():
    assert area_survey.load(load_area("lysekil")) is None


def test_no_contact_data_or_free_text_is_kept():
    sv = area_survey.load(load_area("sotenas"))
    assert not {"A5", "F1", "G1", "G2", "G3", "G4"} & set(sv.responses.columns)
    secrets = set()
    for name, year, n, seed, _, _ in answers.SHIPPED:
        if name == "sotenas":
            secrets |= answers.generate(name, year, n, seed).planted()
    cells = " ".join(str(v) for v in sv.responses.to_numpy().ravel() if v is not None)
    assert not [s for s in secrets if s in cells]


def test_every_title_mention_is_coded_for_the_coding_share():
    sv = area_survey.load(load_area("sotenas"))
    filled = sum(
        int(sv.responses[c].notna().sum())
        for c in sv.responses
        if c.startswith(("C5_", "D4_")) or c.endswith("_yrke")
    )
    summary = area_survey.coding(sv)
    assert summary["mentions"] == filled
    assert summary["coded"] + summary["uncoded"] == filled


def test_the_year_of_a_file_is_its_folder():
    assert area_survey._year_of(ROOT / "data/raw/surveys/x/2024/a.xlsx", 2025) == 2024
    assert area_survey._year_of(ROOT / "data/a.xlsx", 2025) == 2025


# --- key indicators -------------------------------------------------------------------------


def test_key_indicators_on_known_answers():
    rows = [employer(C1="Ja", C2=10, C3=8, C4="Mycket svårt", B1="Ökar") for _ in range(6)]
    rows += [employer(C1="Ja", C2=10, C3=2, C4="Ganska lätt") for _ in range(6)]
    rows += [employer() for _ in range(8)]
    table = area_survey.indicators_of(tidy(rows)).set_index("question")
    assert table.at["tried", "n"] == 12 and table.at["tried", "base"] == 20
    assert table.at["tried", "share"] == pytest.approx(0.6)
    assert table.at["difficult", "share"] == pytest.approx(0.5)  # 6 of the 12 who tried
    assert table.at["failure", "share"] == pytest.approx(1 - 60 / 120)  # pooled over positions
    assert table.at["growing", "share"] == pytest.approx(0.3)


def test_an_indicator_whose_complement_is_small_is_hidden():
    rows = [employer(E3="Ja") for _ in range(17)] + [employer(E3="Nej") for _ in range(3)]
    table = area_survey.indicators_of(tidy(rows)).set_index("question")
    assert pd.isna(table.at["apprentice", "share"])  # 3 said no: 17/20 would give them away
    assert table.at["apprentice", "suppressed"]
    relaxed = area_survey.indicators_of(tidy(rows), threshold=3).set_index("question")
    assert relaxed.at["apprentice", "share"] == pytest.approx(0.85)


def test_key_indicators_are_computed_once_and_handed_out_as_copies(monkeypatch):
    computed = []
    indicators_of = area_survey.indicators_of
    monkeypatch.setattr(
        area_survey, "indicators_of", lambda *args: computed.append(1) or indicators_of(*args)
    )
    sv = survey([employer(C1="Ja", C2=1, C3=1) for _ in range(10)] + [employer()] * 10)
    first = area_survey.key_indicators(sv)
    first.loc[:, "share"] = 0.0  # a caller that changes its table in place ...
    second = area_survey.key_indicators(sv)
    assert second.set_index("question").at["tried", "share"] == pytest.approx(0.5)  # ... alone
    area_survey.key_indicators(sv)
    assert len(computed) == 1


def test_changes_since_last_year_in_share_points():
    then = survey(
        [employer(C1="Ja", C2=1, C3=1) for _ in range(5)] + [employer() for _ in range(15)]
    )
    now = survey(
        [employer(C1="Ja", C2=1, C3=1) for _ in range(10)] + [employer() for _ in range(10)],
        previous=then,
    )
    changes = area_survey.changes(now).set_index("question")
    assert changes.at["tried", "share_change"] == pytest.approx(0.25)
    assert area_survey.changes(then) is None


# --- supply, signals and recommendations -------------------------------------------------------


def test_near_is_the_rest_of_the_region():
    near = supply.near_codes(load_area("sotenas"))
    assert "1427" not in near and len(near) == len(regions.FYRBODAL) - 1


def test_supply_overview_counts_each_education_once():
    area = load_area("trollhattan-vanersborg")
    overview = supply.supply_overview(area)
    programmes = education_supply.yh_programmes(list(area.municipalities), supply.near_codes(area))
    in_area = programmes[programmes["where"] == education_supply.IN_AREA]
    per_field = in_area.groupby(in_area["education_area"].fillna("Övrigt"))["name"].nunique()
    assert overview["YH-utbildningar i området"].sum() == per_field.sum()
    latest = supply.supply_latest(area)
    assert set(latest["Läge"]) <= {education_supply.IN_AREA, education_supply.NEAR}
    assert list(latest["Läge"]) == sorted(latest["Läge"], key=lambda w: w != "i området")


def test_recommendations_have_a_need_per_row_with_effort():
    area = load_area("sotenas")
    table = area_survey.recommendations(area_survey.load(area), area)
    assert len(table) > 3 and table["need"].is_unique
    assert set(table["kind"]) == {"Bristyrke", "Bristkompetens"}
    assert table["effort"].notna().all()
    shown = table["employers"].dropna()
    assert (shown >= area.suppression_threshold).all()


@pytest.mark.parametrize("exclude", [False, True])
def test_respondents_outside_the_area_are_counted_and_excluded_on_request(tmp_path, exclude):
    from generated_survey import generated_area

    from helpers.report.chapters import employer_survey

    area, generated = generated_area(tmp_path, exclude_outside_area=exclude)
    # last year's survey is read the same way (here the same export)
    area = dataclasses.replace(
        area, survey=dataclasses.replace(area.survey, previous=area.survey.file)
    )
    outside = [r for r in generated.kept if r.expected["A1"] == "Annan kommun"]
    assert 5 <= len(outside) < len(generated.kept)  # the generator plants some
    sv = area_survey.load(area)
    assert sv.n_outside == len(outside) and sv.outside_excluded is exclude
    kept = len(generated.kept) - (len(outside) if exclude else 0)
    assert sv.answered == kept and sv.previous.answered == kept
    assert sv.previous.n_outside == len(outside)
    assert ("Annan kommun" in set(sv.responses["A1"])) is not exclude
    said = employer_survey.outside(sv)
    assert f" {len(outside)} " in said
    assert ("räknas inte" in said) is exclude
    # the figures of the area are counted among the kept respondents only
    tried = sum(
        1
        for r in generated.kept
        if r.expected["C1"] == "Ja" and not (exclude and r.expected["A1"] == "Annan kommun")
    )
    assert employer_survey.indicator(sv, "tried")["n"] == tried


def test_a_count_outside_the_area_below_the_threshold_is_never_shown():
    from helpers.report.chapters import employer_survey

    sv = dataclasses.replace(survey([employer() for _ in range(10)]), n_outside=3)
    said = employer_survey.outside(sv)
    assert "färre än 5" in said and " 3 " not in said


def test_without_municipality_answers_nothing_is_said_about_the_area():
    from helpers.report.chapters import employer_survey

    sv = survey([employer() for _ in range(10)])
    assert sv.responses["A1"].isna().all()
    assert employer_survey.outside(sv) == ""
    sv = survey([employer(A1="Sotenäs") for _ in range(10)])
    assert employer_survey.outside(sv).startswith("Alla svarande arbetsgivare")
