"""Needs and recommended efforts: signals and rules on small hand-made data."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.analysis import indicators as sa
from helpers.analysis import needs
from helpers.stats import occupations, training_routes
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
    assert "minst 5 arbetsgivare" in needs.RULES[0] and "C5" in needs.RULES[0]
    custom = needs.rules(threshold=3, ads_top=15, ads_min=8)
    assert "minst 3 arbetsgivare" in custom[0] and "15 yrken" in custom[1]
    assert "minst 8 annonser" in custom[1]
    assert "minst 3 arbetsgivare angett nivå" in custom[5]
    for fmt, effort in needs.FORMAT_EFFORT.items():
        assert f"{fmt} → {effort.lower()}" in needs.RULES[9]


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


def test_only_hard_to_recruit_gives_the_survey_signal_and_sets_the_order():
    rows = (
        [employer("Kock")] * 5
        + [employer("Svetsare")] * 6
        # Undersköterska: 2 hard to recruit, 5 more only plan to hire (C8): no survey signal.
        + [employer("Undersköterska")] * 2
        + [employer("Undersköterska", "Vet ej", C5_1=None)] * 5
    )
    responses = survey(rows)
    named = pd.concat([sa.mentions(responses, CODED, q) for q in ("C5", "C8")])
    table = needs.occupation_signals(named, ads=ADS, barometer=BAROMETER, ads_top=3, ads_min=10)
    table = table.set_index("ssyk4")
    # Kock: survey 5, ads 14 (rank 2), brist → 3; Svetsare: survey only → 1.
    assert table.loc["5120", "signal_strength"] == 3 and table.loc["7212", "signal_strength"] == 1
    assert not table.loc["5321", "survey_signal"] and table.loc["5321", "planning"] == 5
    assert pd.isna(table.loc["5321", "employers"])  # 2 employers: hidden
    # Employers decide the order, not the number of agreeing sources.
    assert table.index.tolist()[:2] == ["7212", "5120"]


def test_an_occupation_the_barometer_does_not_cover_gets_no_assessment_and_no_signal():
    named = sa.mentions(survey([employer("Städare")] * 5 + [employer("Läkare")] * 5), CODED, "C5")
    table = needs.occupation_signals(named, barometer=BAROMETER).set_index("ssyk4")
    assert table.loc["2211", "barometer"] == needs.NO_ASSESSMENT
    assert not table.loc["2211", "barometer_signal"]
    assert table.loc["9111", "barometer"] == "överskott"


def test_the_ranking_never_depends_on_which_occupations_the_barometer_holds():
    rows = (
        [employer("Kock", "Gymnasial yrkesutbildning")] * 5
        + [employer("Städare", "Ingen särskild utbildning")] * 6
        + [employer("Svetsare", "Gymnasial yrkesutbildning")] * 7
    )
    full = needs.recommend(survey(rows), CODED, ads=ADS, barometer=BAROMETER)
    partial = needs.recommend(
        survey(rows), CODED, ads=ADS, barometer=BAROMETER[BAROMETER["ssyk4"] == "5120"]
    )
    none = needs.recommend(survey(rows), CODED, ads=ADS)
    order = full.loc[full["kind"] == needs.BRISTYRKE, "ssyk4"].tolist()
    assert order == ["7212", "9111", "5120"]
    for other in (partial, none):
        assert other.loc[other["kind"] == needs.BRISTYRKE, "ssyk4"].tolist() == order


def test_ads_signal_needs_both_rank_and_minimum():
    named = sa.mentions(survey([employer("Kock")] * 5), CODED, "C5")
    low = needs.occupation_signals(named, ads=ADS, ads_top=2, ads_min=15)
    assert not low["ads_signal"].iloc[0]  # rank 2 but only 14 ads
    high = needs.occupation_signals(named, ads=ADS, ads_top=1, ads_min=10)
    assert not high["ads_signal"].iloc[0]  # 14 ads but rank 2


def test_skill_effort_follows_the_format_table():
    assert needs.skill_effort("Validering av befintlig kompetens") == "Validering"
    assert needs.skill_effort("Kort YH-utbildning eller kurspaket").startswith("Kort YH")
    assert needs.skill_effort(None) == needs.NO_FORMAT


# --- routes ---------------------------------------------------------------------------------

REGULATED = sorted(c for c in training_routes.covered() if training_routes.regulated(c))
ALL_LEVELS = [*sa.LEVELS, "Vet ej"]


def _coded(code: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"title": ["Yrket"], "ssyk4": [code], "ssyk4_label": [occupations.ssyk4_label(code)]}
    )


def test_the_route_table_covers_the_regulated_occupations_the_issue_names():
    must = {"2221", "2222", "2223", "2224", "2225", "2226", "2227", "2228", "5321", "5323"}
    must |= {"2341", "2343", "7411", "7412", "7413", "7212", "8331", "8332", "8344"}
    assert must <= set(REGULATED)
    assert {"5311", "5343", "5120", "7111", "3113"} <= training_routes.covered()
    # Never a route the rules forbid.
    assert {r.route for r in training_routes.legal_routes("5321")} == {
        "yrkesvux",
        "gymnasieprogram",
        "larling",
    }
    assert [r.route for r in training_routes.legal_routes("2221")] == ["hogskola"]
    assert "hogskola" not in {r.route for r in training_routes.routes("7412")}
    assert "yh" not in {r.route for r in training_routes.routes("7212")}


@pytest.mark.parametrize("code", REGULATED)
@pytest.mark.parametrize("level", ALL_LEVELS)
def test_a_regulated_occupation_hard_to_recruit_gets_only_its_legal_routes(code, level):
    """A generated survey: 6 employers find the occupation hard to recruit and all give the
    same level (also levels that are no route to it), half of them would hire apprentices."""
    rows = [
        employer("Yrket", level, 2, E3="Ja" if i % 2 else "Nej", D6={"Kort kurs (1–5 dagar)"})
        for i in range(6)
    ]
    table = needs.recommend(survey(rows), _coded(code))
    row = table[table["kind"] == needs.BRISTYRKE].iloc[0]
    legal = {r.route: r for r in training_routes.legal_routes(code)}
    assert row["route"] in legal, (code, level, row["route"])
    assert row["effort"] == needs.ROUTE_EFFORT[row["route"]]
    assert row["format"] == legal[row["route"]].detail  # from the route table, never D6
    assert pd.isna(row["place"]) and pd.isna(row["time"])  # D7 is for bristkompetens only
    assert row["requirement"] == legal[row["route"]].requirement


@pytest.mark.parametrize(
    ("code", "level", "answers", "route"),
    [
        # Undersköterska: a protected title; YH or university answers never pick YH.
        ("5321", "Yrkeshögskola", 9, "yrkesvux"),
        ("5321", "Högskola", 9, "yrkesvux"),
        # Sjuksköterska: university whatever the survey says.
        ("2221", "Yrkeshögskola", 9, "hogskola"),
        ("2221", "Gymnasial yrkesutbildning", 9, "hogskola"),
        # Industrial electrician: upper-secondary, yrkesvux or YH, never university.
        ("7412", "Högskola", 9, "yrkesvux"),
        ("7412", "Yrkeshögskola", 5, "yh"),
        # Welder: yrkesvux or a certificate course, never YH.
        ("7212", "Yrkeshögskola", 9, "yrkesvux"),
        ("8344", "Högskola", 9, "certifikat"),  # truck drivers: a certificate course
        # Unregulated with two routes: the level decides only with enough answers.
        ("3113", "Högskola", 4, "yh"),
        ("3113", "Högskola", 5, "hogskola"),
        # Personal assistants: no university route.
        ("5343", "Högskola", 9, "yrkesvux"),
    ],
)
def test_choose_route_follows_the_table_before_the_survey(code, level, answers, route):
    chosen, why, _ = needs.choose_route(code, level, answers)
    assert chosen.route == route
    assert why


def test_the_level_decides_only_with_the_minimum_number_of_answers():
    def effort(n_level: int) -> str:
        rows = [employer("Yrket", "Högskola")] * n_level + [employer("Yrket", "Vet ej")] * (
            7 - n_level
        )
        table = needs.recommend(survey(rows), _coded("3113"))
        return table.iloc[0]["route"], table.iloc[0]["level_answers"]

    assert effort(4) == ("yh", 4)  # 4 of 7 gave a level: the table's first route
    assert effort(5) == ("hogskola", 5)
    three = needs.recommend(
        survey([employer("Yrket", "Högskola")] * 5), _coded("3113"), threshold=3
    )
    assert three.iloc[0]["route"] == "hogskola"


def test_apprenticeship_needs_enough_e3_answers():
    few = [employer("Kock", "Gymnasial yrkesutbildning", E3="Ja")] * 3 + [
        employer("Kock", "Gymnasial yrkesutbildning")
    ] * 3
    many = [employer("Kock", "Gymnasial yrkesutbildning", E3="Ja")] * 3 + [
        employer("Kock", "Gymnasial yrkesutbildning", E3="Nej")
    ] * 3
    assert needs.recommend(survey(few), CODED).iloc[0]["route"] == "yrkesvux"
    assert needs.recommend(survey(many), CODED).iloc[0]["route"] == "larling"
    # An apprenticeship chosen in D6 no longer decides a bristyrke.
    d6 = [employer("Kock", "Gymnasial yrkesutbildning", D6={"Lärlingsupplägg på arbetsplatsen"})]
    assert needs.recommend(survey(d6 * 6), CODED).iloc[0]["route"] == "yrkesvux"


def test_an_occupation_outside_the_table_gets_no_route():
    table = needs.recommend(survey([employer("Yrket", "Högskola")] * 6), _coded("2611"))
    row = table.iloc[0]
    assert row["effort"] == needs.ROUTE_UNKNOWN and pd.isna(row["route"])


def test_a_recommendation_rests_on_the_minimum_number_of_employers():
    # 4 employers and both ads and barometer in agreement: not a need.
    rows = [employer("Kock", "Gymnasial yrkesutbildning", 3)] * 4
    table = needs.recommend(survey(rows), CODED, ads=ADS, barometer=BAROMETER, ads_top=3)
    assert table[table["kind"] == needs.BRISTYRKE].empty
    assert needs.recommend(survey(rows * 2), CODED).iloc[0]["employers"] == 8


def test_needs_with_as_many_employers_share_a_place():
    rows = [employer("Kock")] * 6 + [employer("Städare")] * 6 + [employer("Svetsare")] * 5
    table = needs.recommend(survey(rows), CODED).set_index("ssyk4")
    assert table.loc["5120", "rank"] == table.loc["9111", "rank"] == 1
    assert table.loc["5120", "tie"] and table.loc["9111", "tie"]
    assert table.loc["7212", "rank"] == 3 and not table.loc["7212", "tie"]


def test_recommend_keeps_people_branches_and_supply_text():
    rows = [employer("Kock", "Gymnasial yrkesutbildning", 2)] * 5 + [
        employer("Svetsare", "Gymnasial yrkesutbildning", 1)
    ] * 5

    def match(need_codes: pd.DataFrame) -> pd.DataFrame:  # stands in for match_needs
        yh = need_codes["ssyk4"].map({"7212": ["Svetsautomation (YH-program 2023; X, Y)"]})
        other = need_codes["ssyk4"].map({"5120": ["Kock (Arbetsmarknadsutbildning; Y)"]})
        return need_codes.assign(
            education_nearby=True,
            educations="",
            yh_educations=yh.map(lambda v: v if isinstance(v, list) else []),
            other_educations=other.map(lambda v: v if isinstance(v, list) else []),
        )

    table = needs.recommend(
        survey(rows), CODED, match=match, supply_scope="i Fyrbodal", yh_source="MYH 2020–2024"
    ).set_index("ssyk4")
    assert table.loc["5120", "people"] == 10 and table.loc["5120", "branches"] == "Handel"
    # Welders: YH is no route, so a YH programme nearby is no education for the need.
    assert not table.loc["7212", "education_nearby"] and pd.isna(table.loc["7212", "education"])
    assert table.loc["7212", "supply"].startswith("YH leder inte till yrket (vägtabellen); YH för")
    assert table.loc["5120", "education_nearby"]
    assert table.loc["5120", "education"] == "Kock (Arbetsmarknadsutbildning; Y)"
    plain = needs.recommend(survey(rows), CODED)
    assert plain["education_nearby"].isna().all() and plain["supply"].isna().all()


def test_supply_text_says_what_was_checked():
    found = {"yh": [], "other": []}
    exists, names, said = needs.occupation_supply(found, True, "i Fyrbodal", "MYH 2020–2024")
    assert exists is False and pd.isna(names)
    assert said.startswith("Ingen YH-utbildning för yrket i Fyrbodal enligt MYH 2020–2024")
    assert "Nej" not in said
    found = {"yh": ["A (YH-program 2022; P, Q)", "B (YH-kurs 2023; P, Q)"], "other": []}
    exists, names, said = needs.occupation_supply(found, True, "i Fyrbodal", "MYH")
    assert exists and said.startswith("YH i Fyrbodal: 2 utbildningar för yrket (MYH)")
    exists, _, said = needs.skill_supply(((), []), True, "i Fyrbodal", "MYH")
    assert not exists and "ingår inte i underlaget" in said
    exists, _, said = needs.skill_supply(
        (("Data/IT",), ["C (YH-kurs 2024; P, Q)"]), True, "i X", "M"
    )
    assert exists and said == "YH inom Data/IT i X: 1 kurs (M)."


def test_skill_needs_take_format_place_time_and_supply():
    d6_top = {"Skräddarsydd uppdragsutbildning", "Kort kurs (1–5 dagar)"}
    rows = (
        [
            employer(
                "x",
                D3={"Engelska", "Digitala verktyg och IT-system", "Annat"},
                D6=d6_top,
                D7={"Kvällstid", "På arbetsplatsen"},
                D5=4,
                D9="Ja delvis",
                A2="Tillverkning och utvinning",
            )
        ]
        * 4
        + [
            employer(
                "x",
                D3={"Engelska", "Digitala verktyg och IT-system"},
                D6={"Skräddarsydd uppdragsutbildning"},
                D7={"Dagtid", "På arbetsplatsen"},
                D5=2,
            )
        ]
        * 2
        + [employer("x", D3={"Annat"})] * 6
    )
    asked = []

    def match(areas):  # stands in for education_supply.match_skills
        asked.append(list(areas))
        return {"Digitala verktyg och IT-system": (("Data/IT",), ["C++ (YH-kurs 2024; P, Q)"])}

    table = needs.skill_needs(survey(rows), match=match, supply_scope="i X", yh_source="MYH")
    assert asked == [["Digitala verktyg och IT-system", "Engelska"]]
    assert sorted(table["need"]) == ["Digitala verktyg och IT-system", "Engelska"]
    row = table.set_index("need").loc["Engelska"]
    assert (row["employers"], row["people"]) == (6, 4 * 4 + 2 * 2)
    assert row["people_typical"] == 6 * 4  # six employers × the median of their D5
    assert row["format"] == "Skräddarsydd uppdragsutbildning"
    assert row["effort"] == "Uppdragsutbildning"
    assert (row["place"], row["time"]) == ("På arbetsplatsen", "Kvällstid")
    assert pd.isna(row["cofunding"])  # 4 willing employers: below the threshold
    assert not row["education_nearby"] and "ingår inte i underlaget" in row["supply"]
    it = table.set_index("need").loc["Digitala verktyg och IT-system"]
    assert it["education_nearby"] and it["supply"] == "YH inom Data/IT i X: 1 kurs (MYH)."
    assert row["branches"] == "Flera branscher"


def test_to_display_is_swedish():
    rows = [employer("Städare", "Ingen särskild utbildning", 1)] * 5
    shown = needs.to_display(needs.recommend(survey(rows), CODED))
    assert {"Föreslagen insats", "Antal arbetsgivare", "Utbud i och nära området"} <= set(
        shown.columns
    )
    assert shown["Föreslagen insats"].iloc[0] == needs.YRKESVUX
