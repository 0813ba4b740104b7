"""Tests for helpers.stats.education_supply: YH programmes and courses near an area, and needs."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from helpers.common.errors import DataMissingError
from helpers.config import paths, regions
from helpers.stats import education_supply as es
from helpers.stats import occupations
from processed.education import PROGRAMME_FILES

FYRBODAL = list(regions.FYRBODAL)
TROLLHATTAN_VANERSBORG = ["1488", "1487"]
REST_OF_FYRBODAL = [c for c in FYRBODAL if c not in TROLLHATTAN_VANERSBORG]


@cache
def tabell_1(year: int) -> pd.DataFrame:
    """MYH's own list of granted programmes (Tabell 1), read with pandas: an independent check."""
    header = 0 if year <= 2022 else 5
    path = paths.EDUCATION / PROGRAMME_FILES[year]
    return pd.read_excel(path, sheet_name="Tabell 1", header=header).dropna(how="all")


# --- programmes -------------------------------------------------------------------------------


def test_granted_programmes_per_year_match_myh():
    # PROVENANCE: granted per year 484 / 426 / 420 / 477 / 344.
    table = es.yh_programmes(regions.all_codes(), [])
    per_year = table.groupby("year")["reference"].nunique().to_dict()
    assert per_year == {2020: 484, 2021: 426, 2022: 420, 2023: 477, 2024: 344}


def test_fyrbodal_programmes_per_year_match_provenance_and_tabell_1():
    table = es.yh_programmes(FYRBODAL, [])
    single = table[~table["several_municipalities"]]
    per_year = single.groupby("year")["reference"].nunique().to_dict()
    assert per_year == {2020: 8, 2021: 10, 2022: 11, 2023: 12, 2024: 5}
    names = {regions.municipality_name(c) for c in FYRBODAL}
    for year in PROGRAMME_FILES:
        raw = tabell_1(year)
        expected = set(raw.loc[raw["Kommun"].isin(names), "Diarienummer"])
        assert set(single.loc[single["year"] == year, "reference"]) == expected
    # Programmes run in several municipalities, one of them in Fyrbodal, come on top.
    assert table.groupby("year")["reference"].nunique().to_dict() == {
        2020: 11,
        2021: 13,
        2022: 14,
        2023: 14,
        2024: 8,
    }


def test_a_known_programme_reads_right():
    # Tabell 4 of the 2022 round: Högskolan Väst, Trollhättan, 400 YH points, 3 × 20 places.
    table = es.yh_programmes(["1488"], [], years=[2022])
    row = table[table["name"] == "Specialist inom svetsautomation"].iloc[0]
    assert row["reference"] == "MYH 2022/5439"
    assert row["provider"] == "Högskolan Väst"
    assert row["education_area"] == "Teknik och tillverkning"
    assert row["municipality"] == "Trollhättan" and row["municipality_code"] == "1488"
    assert (row["yh_points"], row["places"], row["places_total"], row["rounds"]) == (400, 60, 60, 3)
    assert row["where"] == es.IN_AREA


def test_places_of_multi_municipality_programmes():
    table = es.yh_programmes(regions.all_codes(), [])
    split = table[table["year"] <= 2022]
    sums = split.groupby("reference").agg(total=("places_total", "first"), sum=("places", "sum"))
    assert ((sums["total"] - sums["sum"]).abs() < 0.05).all()
    later = table[(table["year"] >= 2023) & table["several_municipalities"]]
    assert later["places"].isna().all() and later["places_total"].notna().all()
    assert table["municipality_code"].notna().all()


def test_where_marks_area_and_near():
    table = es.yh_programmes(TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL, years=[2024])
    in_area = table[table["where"] == es.IN_AREA]
    near = table[table["where"] == es.NEAR]
    assert set(in_area["municipality_code"]) <= set(TROLLHATTAN_VANERSBORG)
    assert set(near["municipality_code"]) <= set(REST_OF_FYRBODAL)
    assert not in_area.empty and not near.empty
    both = es.yh_programmes(["1488"], ["1488", "1485"], years=[2024])
    assert set(both.loc[both["municipality_code"] == "1488", "where"]) == {es.IN_AREA}


def test_unknown_year_is_data_missing():
    with pytest.raises(DataMissingError, match="2019"):
        es.yh_programmes(["1488"], [], years=[2019])


# --- courses ----------------------------------------------------------------------------------


def test_granted_courses_per_year():
    # Granted rows in MYH's lists: June 2021 109 (all granted), 2022 137, 2023 139, 2024 451.
    table = es._derived(es.COURSES_CSV)
    per_year = table.groupby("year")["reference"].nunique().to_dict()
    assert per_year == {2021: 109, 2022: 137, 2023: 139, 2024: 451}
    # 19 courses of 2024 name a district, not a municipality (PROVENANCE): no code, no guess.
    no_code = table[table["municipality_code"].isna()]
    assert no_code["reference"].nunique() == 19
    assert set(no_code["municipality"]) == {
        "Bromma",
        "Färjestaden",
        "Globen",
        "Jordbro",
        "Liljeholmen",
        "Mölnlycke",
        "Strömsholm",
        "Tumba",
        "Västra Frölunda",
    }
    coded = es.yh_courses(regions.all_codes(), [])
    assert coded.groupby("year")["reference"].nunique().to_dict()[2024] == 451 - 19
    several = table[table["several_municipalities"]]
    assert several["places"].isna().all() and several["places_total"].gt(0).all()


def test_courses_near_trollhattan():
    table = es.yh_courses(TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL, years=[2023])
    names = set(table["name"])
    assert {"Välfärdsteknologi för undersköterskor", "Electrical Driveline"} <= names
    supply = es.education_supply(TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL, years=[2020, 2023])
    assert set(supply["kind"]) == {"YH-program", "YH-kurs"}
    assert set(supply.loc[supply["kind"] == "YH-program", "year"]) == {2020, 2023}


# --- Arbetsförmedlingen's offers --------------------------------------------------------------


def test_vocational_offers():
    everywhere = es.vocational_offers(["9111"])
    assert set(everywhere["ssyk4"]) == {"9111"} and everywhere["where"].isna().all()
    assert "Uddevalla" in set(everywhere["town"])
    near = es.vocational_offers(["9111", "8332"], TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL)
    lokalvard = near[(near["town"] == "Uddevalla") & (near["ssyk4"] == "9111")]
    assert lokalvard["name"].tolist() == ["Lokalvård"]
    assert set(near["where"]) == {es.NEAR}
    assert near["ssyk4_label"].iloc[0] == occupations.ssyk4_label(near["ssyk4"].iloc[0])
    # A village is no municipality: it keeps no code rather than a guessed one.
    assert es._offers().loc[es._offers()["ort"] == "Ljungskile", "municipality_code"].isna().all()


# --- matching needs ---------------------------------------------------------------------------


def hand_made_supply() -> pd.DataFrame:
    rows = [
        ("YH-kurs", "Svetsare, grundkurs", "Teknik och tillverkning", es.IN_AREA, pd.NA),
        ("YH-program", "Produktionsteknik", "Teknik och tillverkning", es.NEAR, pd.NA),
        (
            "YH-kurs",
            "Välfärdsteknologi för undersköterskor",
            "Hälso- och sjukvård samt socialt arbete",
            es.NEAR,
            pd.NA,
        ),
        ("Arbetsmarknadsutbildning", "Restaurang", pd.NA, es.NEAR, "5120"),
    ]
    table = pd.DataFrame(rows, columns=["kind", "name", "education_area", "where", "ssyk4"])
    return table.assign(provider="P", municipality="Uddevalla", year=2024)


def test_match_needs_levels():
    needs = pd.DataFrame(
        {
            "ssyk4": ["7212", "7213", "5323", "8161", "5120", "2512", "0000"],
            "employers": [3, 1, 2, 4, 5, 1, 1],
        },
        index=list("abcdefg"),
    )
    matched = es.match_needs(needs, hand_made_supply())
    assert list(matched.index) == list("abcdefg")
    assert matched["employers"].tolist() == [3, 1, 2, 4, 5, 1, 1]
    assert matched["match"].tolist() == [
        es.SAME,  # "Svetsare, grundkurs" codes to 7212
        es.RELATED,  # 7213 plåtslagare: same SSYK 3 (721) as the welding course
        es.RELATED,  # the course name codes to 5321, in the same SSYK 3 group (532)
        es.FIELD,  # only MYH's area "Teknik och tillverkning" covers 81
        es.SAME,  # the offer carries its SSYK 4
        es.NONE,
        es.NONE,  # not a code
    ]
    assert matched["education_nearby"].tolist() == [True, True, True, False, True, False, False]
    # 8161: both "Teknik och tillverkning" educations, one of them in the area itself.
    assert matched["in_area"].tolist() == [True, True, False, True, False, False, False]
    assert matched["n_educations"].tolist() == [1, 1, 1, 2, 1, 0, 0]
    assert matched.loc["a", "educations"] == "Svetsare, grundkurs (YH-kurs 2024; P, Uddevalla)"
    assert matched.loc["f", "educations"] == ""


def test_match_needs_needs_ssyk4():
    with pytest.raises(ValueError, match="ssyk4"):
        es.match_needs(pd.DataFrame({"code": ["7212"]}), hand_made_supply())


def test_match_needs_on_real_supply_for_trollhattan():
    supply = es.education_supply(TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL)
    needs = pd.DataFrame({"ssyk4": ["5321", "2221", "7212"]})
    matched = es.match_needs(needs, supply)
    # Vänersborg's specialist courses for undersköterskor (2021–2023 rounds).
    assert matched.loc[0, "match"] == es.SAME and matched.loc[0, "in_area"]
    assert "undersköterska" in matched.loc[0, "educations"].lower()
    # No YH programme trains nurses (a university degree): at most the same education area.
    assert matched.loc[1, "match"] == es.FIELD and not matched.loc[1, "education_nearby"]
    assert matched.loc[0, "yh_educations"][0].startswith("Specialistutbildad undersköterska")
    # Words are not matched on their own: a welding-automation programme trains automation
    # specialists, not welders, and furniture-making is no education for carpenters (7111).
    assert matched.loc[2, "match"] == es.FIELD and not matched.loc[2, "education_nearby"]
    carpenters = es.match_needs(pd.DataFrame({"ssyk4": ["7111"]}), supply).iloc[0]
    assert not carpenters["education_nearby"] and "Finsnickare" not in str(
        carpenters["yh_educations"]
    )


def test_match_skills_finds_the_care_courses_for_care_skills():
    supply = es.education_supply(TROLLHATTAN_VANERSBORG, REST_OF_FYRBODAL)
    found = es.match_skills(["Vård- och omsorgskompetens", "Engelska"], supply)
    fields, courses = found["Vård- och omsorgskompetens"]
    assert fields == ("Hälso- och sjukvård samt socialt arbete",)
    care = supply[
        (supply["kind"] == "YH-kurs")
        & (supply["education_area"] == "Hälso- och sjukvård samt socialt arbete")
    ]
    assert care["name"].nunique() >= 6
    assert {c.split(" (YH-kurs")[0] for c in courses} == set(care["name"])
    assert all("(YH-kurs" in c for c in courses)  # courses for staff at work, not programmes
    assert found["Engelska"] == ((), [])


def test_area_map_covers_myh_areas_with_real_groups():
    mapping = es.area_map()
    programmes = es.yh_programmes(regions.all_codes(), [])
    assert set(programmes["education_area"]) - set(mapping["education_area"]) == {"Övrigt"}
    codes = occupations.ssyk_labels()["ssyk4"]
    for prefix in mapping["ssyk_prefix"]:
        assert codes.str.startswith(prefix).any(), prefix
