"""Needs and recommended efforts: signals and rules on small hand-made data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.analysis import indicators as sa
from helpers.analysis import needs
from tidy_frames import tidy_responses as survey

CODED = pd.DataFrame(
    {
        "title": ["Kock", "Svetsare", "Undersköterska", "Städare", "Läkare", "Snickare"],
        "ssyk4": ["5120", "7212", "5321", "9111", "2211", "7111"],
        "ssyk4_label": [
            "Kockar och kallskänkor",
            "Svetsare och gasskärare",
            "Undersköterskor, hemtjänst m.fl.",
            "Städare",
            "Specialistläkare",
            "Träarbetare och snickare",
        ],
    }
)


def employer(title: str, level: str | None = None, antal: int = 1, **more) -> dict:
    row = {
        "A2": "Handel",
        "C5_1": title,
        "D3": set(),
        "D6": set(),
        "D7": set(),
        "E3": None,
        "D5": None,
    }
    if level:
        row |= {
            "C8_1_yrke": title,
            "C8_1_antal": antal,
            "C8_1_tid": "0–12 månader",
            "C8_1_niva": level,
        }
    return row | more


ADS = pd.DataFrame(
    {  # one row per code and municipality, as the stats layer gives them
        "ssyk4": ["5120", "5120", "9111", "7212", "5321", "2211"],
        "municipality_code": ["1427", "1488", "1427", "1427", "1427", "1427"],
        "job_ads": [8, 6, 30, 3, 12, 11],
    }
)
BAROMETER = pd.DataFrame(
    {
        "ssyk4": ["5120", "5321", "5321", "7212", "9111"],
        "rekryteringssituation": ["brist", "balans", "brist", "balans", "överskott"],
        "prognos": ["öka", "öka", "öka", "vara oförändrad", "öka"],
    }
)


def test_rules_are_numbered_as_in_the_docstring_and_carry_the_parameters():
    documented = re.findall(r"^(\d+)\. ", needs.__doc__, flags=re.MULTILINE)
    assert [int(n) for n in documented] == list(range(1, len(needs.RULES) + 1))
    assert "minst 5 arbetsgivare" in needs.RULES[0]
    custom = needs.rules(threshold=3, ads_top=15, ads_min=8)
    assert "minst 3 arbetsgivare" in custom[0] and "15 yrken" in custom[1]
    assert "minst 8 annonser" in custom[1]
    for fmt, effort in needs.FORMAT_EFFORT.items():
        assert f"{fmt} → {effort.lower()}" in needs.RULES[8]


def test_area_ads_sum_municipalities_and_rank():
    table = needs.area_ads(ADS).set_index("ssyk4")
    assert table.loc["5120", "job_ads"] == 14
    assert table.loc["9111", "ads_rank"] == 1 and table.loc["5120", "ads_rank"] == 2
    with pytest.raises(KeyError, match="ads_column"):
        needs.area_ads(ADS, "job_ads_2024")


def test_barometer_takes_the_situation_nearest_shortage_per_code():
    table = needs.barometer_by_code(BAROMETER).set_index("ssyk4")
    assert table.loc["5321", "barometer"] == "brist"
    assert table.loc["7212", "barometer"] == "balans"


def test_signal_strength_counts_agreeing_sources():
    rows = [employer("Kock")] * 5 + [employer("Svetsare")] * 5 + [employer("Undersköterska")] * 2
    responses = survey(rows)
    named = sa.mentions(responses, CODED, "C5")
    table = needs.occupation_signals(
        named, ads=ADS, barometer=BAROMETER, ads_top=3, ads_min=10
    ).set_index("ssyk4")
    # Kock: survey 5, ads 14 (rank 2), brist → 3. Svetsare: survey only (3 ads, balans) → 1.
    # Undersköterskor: 2 employers (hidden), ads 12 (rank 3), brist → 2.
    assert table.loc["5120", "signal_strength"] == 3
    assert table.loc["7212", "signal_strength"] == 1
    assert table.loc["5321", "signal_strength"] == 2
    assert pd.isna(table.loc["5321", "employers"])
    assert table.index.tolist() == ["5120", "5321", "7212"]
    without = needs.occupation_signals(named).set_index("ssyk4")
    assert without["signal_strength"].max() == 1 and without["job_ads"].isna().all()


def test_ads_signal_needs_both_rank_and_minimum():
    named = sa.mentions(survey([employer("Kock")] * 5), CODED, "C5")
    low = needs.occupation_signals(named, ads=ADS, ads_top=2, ads_min=15)
    assert not low["ads_signal"].iloc[0]  # rank 2 but only 14 ads
    high = needs.occupation_signals(named, ads=ADS, ads_top=1, ads_min=10)
    assert not high["ads_signal"].iloc[0]  # 14 ads but rank 2


@pytest.mark.parametrize(
    ("level", "apprentices", "effort", "rule"),
    [
        ("Högskola", True, needs.UNIVERSITY, "7a"),
        ("Yrkeshögskola", True, needs.YH, "7b"),
        ("Gymnasial yrkesutbildning", True, needs.APPRENTICESHIP, "7c"),
        ("Ingen särskild utbildning", False, needs.YRKESVUX, "7d"),
        (None, False, needs.LEVEL_UNKNOWN, "7e"),
    ],
)
def test_occupation_effort_follows_rule_7(level, apprentices, effort, rule):
    assert needs.occupation_effort(level, apprentices) == (effort, rule)


def test_skill_effort_follows_the_format_table():
    assert needs.skill_effort("Validering av befintlig kompetens") == "Validering"
    assert needs.skill_effort("Kort YH-utbildning eller kurspaket").startswith("Kort YH")
    assert needs.skill_effort(None) == needs.NO_FORMAT


def test_recommend_picks_effort_level_and_apprenticeship_from_the_data():
    rows = (
        # Kock: upper-secondary level, 3 of 5 would hire an apprentice → apprenticeship.
        [employer("Kock", "Gymnasial yrkesutbildning", 2, E3="Ja")] * 3
        + [employer("Kock", "Gymnasial yrkesutbildning", 2, E3="Nej")] * 2
        # Städare: no particular education, nobody answers E3 → yrkesvux.
        + [employer("Städare", "Ingen särskild utbildning", 1)] * 5
        # Läkare: university level → cooperation with a university.
        + [employer("Läkare", "Högskola", 1)] * 5
        # Snickare: 2 employers, no ads, no barometer → not a need.
        + [employer("Snickare", "Yrkeshögskola", 1)] * 2
    )

    def match(need_codes: pd.DataFrame) -> pd.DataFrame:  # stands in for match_needs
        nearby = need_codes["ssyk4"].eq("5120")
        return need_codes.assign(education_nearby=nearby, educations=nearby.map({True: "Kock"}))

    table = needs.recommend(survey(rows), CODED, ads=ADS, barometer=BAROMETER, match=match)
    table = table.set_index("ssyk4")
    assert table.loc["5120", "effort"] == needs.APPRENTICESHIP
    assert table.loc["9111", "effort"] == needs.YRKESVUX
    assert table.loc["2211", "effort"] == needs.UNIVERSITY
    assert "7111" not in table.index
    assert table.loc["5120", "people"] == 10 and table.loc["5120", "employers"] == 5
    assert table.loc["5120", "level"] == "Gymnasial yrkesutbildning"
    assert table.loc["5120", "barometer"] == "brist"
    assert table.index[0] == "5120"  # the only one where all three sources agree
    assert table.loc["5120", "branches"] == "Handel"
    assert table.loc["5120", "education_nearby"] and table.loc["5120", "education"] == "Kock"
    assert not table.loc["9111", "education_nearby"] and pd.isna(table.loc["9111", "education"])
    plain = needs.recommend(survey(rows), CODED)
    assert plain["education_nearby"].isna().all()  # nothing to match against: unknown


def test_recommend_needs_from_ads_and_barometer_hide_small_counts():
    rows = [employer("Undersköterska", "Gymnasial yrkesutbildning", 3)] * 2
    table = needs.recommend(survey(rows), CODED, ads=ADS, barometer=BAROMETER, ads_top=3)
    row = table.iloc[0]
    assert row["ssyk4"] == "5321" and row["signal_strength"] == 2
    assert pd.isna(row["employers"]) and pd.isna(row["people"])
    assert row["rules"].startswith("2, 3")


def test_skill_needs_take_format_place_time_and_nearby_education():
    d6_top = {"Skräddarsydd uppdragsutbildning", "Kort kurs (1–5 dagar)"}
    rows = (
        [
            employer(
                "x",
                D3={"Engelska", "Annat"},
                D6=d6_top,
                D7={"Kvällstid", "På arbetsplatsen"},
                D5=4,
                D4_1="Svetsare",
                D9="Ja delvis",
                A2="Tillverkning och utvinning",
            )
        ]
        * 4
        + [
            employer(
                "x",
                D3={"Engelska"},
                D6={"Skräddarsydd uppdragsutbildning"},
                D7={"Dagtid", "På arbetsplatsen"},
                D5=2,
                D4_1="Svetsare",
            )
        ]
        * 2
        + [employer("x", D3={"Annat"})] * 6
    )
    responses = survey(rows)
    asked = []

    def match(need_codes: pd.DataFrame) -> pd.DataFrame:  # stands in for match_needs
        asked.append(need_codes["ssyk4"].tolist())
        nearby = need_codes["ssyk4"].eq("7212")
        return need_codes.assign(
            education_nearby=nearby, educations=nearby.map({True: "Svets (YH-program)", False: ""})
        )

    table = needs.skill_needs(responses, sa.mentions(responses, CODED, "D4"), match=match)
    assert asked == [["7212"]]  # the need's top D4 role, looked up once
    assert table["need"].tolist() == ["Engelska"]  # "Annat" is never a need
    row = table.iloc[0]
    assert (row["employers"], row["people"]) == (6, 4 * 4 + 2 * 2)
    assert row["format"] == "Skräddarsydd uppdragsutbildning"
    assert row["effort"] == "Uppdragsutbildning"
    assert (row["place"], row["time"]) == ("På arbetsplatsen", "Kvällstid")
    assert pd.isna(row["cofunding"])  # 4 willing employers: below the threshold
    assert bool(row["education_nearby"]) and row["education"] == "Svets (YH-program)"
    assert row["branches"] == "Flera branscher"


def test_to_display_is_swedish():
    rows = [employer("Städare", "Ingen särskild utbildning", 1)] * 5
    shown = needs.to_display(needs.recommend(survey(rows), CODED))
    assert {"Föreslagen insats", "Antal arbetsgivare", "Utbildning finns i närheten"} <= set(
        shown.columns
    )
    assert shown["Föreslagen insats"].iloc[0] == needs.YRKESVUX
