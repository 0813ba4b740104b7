"""Tests for helpers.stats.occupations: coding free-text job titles to SSYK 4."""

from __future__ import annotations

import json
import math
import time
import unicodedata
from functools import cache

import pandas as pd
import pytest

from helpers.common.errors import ParamsError
from helpers.config import paths
from helpers.stats import occupations
from processed import title_lookup


@cache
def taxonomy_codes() -> dict[str, set[str]]:
    """Label (lower case) → SSYK 4 codes, read straight from the raw taxonomy files.

    Independent of the module's lookup: only occupation names and job titles as the
    taxonomy writes them, so a test can check that a code is one the taxonomy gives.
    """
    folder = paths.CLASSIFICATIONS

    def concepts(name):
        return json.loads((folder / name).read_text(encoding="utf-8"))["data"]["concepts"]

    groups = concepts(occupations.GROUPS_FILE)
    group_code = {g["id"]: g["ssyk_code_2012"] for g in groups}
    name_code = {n["id"]: g["ssyk_code_2012"] for g in groups for n in g["narrower"]}
    result: dict[str, set[str]] = {}
    for g in groups:
        for n in g["narrower"]:
            for part in n["preferred_label"].split("/"):
                result.setdefault(part.strip().lower(), set()).add(g["ssyk_code_2012"])
    for n in concepts(title_lookup.NAMES_2024_FILE):
        code = name_code.get(n["id"], group_code[n["ssyk"][0]["id"]])
        for part in n["preferred_label"].split("/"):
            result.setdefault(part.strip().lower(), set()).add(code)
        for title in n["title"]:
            result.setdefault(title["preferred_label"].lower(), set()).add(code)
    return result


def no_overrides(tmp_path) -> object:
    path = tmp_path / "none.csv"
    path.write_text("title,ssyk4,comment\n", encoding="utf-8")
    return path


# Checked against the taxonomy (see taxonomy_codes and the PROVENANCE's checks).
EXPECTED = {
    "mig-svetsare": "7212",  # job title "Mig-svetsare"; 7212 Svetsare och gasskärare
    "MIG svetsare": "7212",
    "svetsarna": "7212",
    "fartygssvetsare": "7212",  # not in the taxonomy: compound of "svetsare"
    "undersköterskor": "5321",  # taxonomy has 5321 (hemtjänst...) and 5323; tie → 5321
    "undersköterskan": "5321",
    "CNC operatör": "7223",  # "CNC-operatör" → Maskinställare och maskinoperatörer, metall
    "CNC-operatör": "7223",
    "kock": "5120",  # Kockar och kallskänkor (4 of the title's 5 names)
    "kockar": "5120",
    "servitris": "5131",
    "servitriser": "5131",
    "lokalvårdare": "9111",
    "fiskberedare": "8161",  # Maskinoperatörer, kött- och fiskberedningsindustri
    "snickare": "7111",
    "lastbilschaufför": "8332",
    "sjuksköterska": "2221",
    "förskollärare": "2343",
    "automationsingenjör": "3113",  # the job title points to Elkraftingenjör
    "barnskötare": "5311",
    "truckförare": "8344",
    "busschaufför": "8331",
    "personlig assistent": "5343",
    "personliga assistenter": "5343",
    "båtbyggare": "7522",
}


@pytest.mark.parametrize(("title", "code"), EXPECTED.items())
def test_tricky_titles_get_the_taxonomy_code(title, code, tmp_path):
    coded = occupations.code_titles([title], overrides=no_overrides(tmp_path))
    assert coded.loc[0, "ssyk4"] == code
    assert coded.loc[0, "ssyk4_label"] == occupations.ssyk4_label(code)
    assert coded.loc[0, "method"] in occupations.AUTOMATIC


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("svetsare", "7212"),
        ("mig-svetsare", "7212"),
        ("cnc-operatör", "7223"),
        ("kock", "5120"),
        ("servitris", "5131"),
        ("lokalvårdare", "9111"),
        ("fiskberedare", "8161"),
        ("snickare", "7111"),
        ("lastbilschaufför", "8332"),
        ("sjuksköterska", "2221"),
        ("förskollärare", "2343"),
        ("automationsingenjör", "3113"),
        ("barnskötare", "5311"),
        ("truckförare", "8344"),
        ("busschaufför", "8331"),
        ("personlig assistent", "5343"),
        ("båtbyggare", "7522"),
    ],
)
def test_expected_codes_are_ones_the_raw_taxonomy_gives(label, code):
    assert code in taxonomy_codes()[label]
    assert EXPECTED.get(label, code) == code


def test_undersköterska_is_the_documented_tie():
    # Both groups claim the plain title; the lookup records the loser.
    assert {"5321", "5323"} <= set(
        c
        for lbl, codes in taxonomy_codes().items()
        if lbl.startswith("undersköterska, ")
        for c in codes
    )
    coded = occupations.code_titles(["undersköterska"])
    assert coded.loc[0, "ssyk4"] == "5321"
    assert "5323" in coded.loc[0, "alternatives"]


def test_methods_say_how_a_title_was_matched(tmp_path):
    titles = [
        "mig-svetsare",
        "undersköterskan",
        "fartygssvetsare",
        "svettsare",
        "undersköterska natt",
        "qwzxv",
    ]
    coded = occupations.code_titles(titles, overrides=no_overrides(tmp_path))
    assert list(coded["method"]) == ["exact", "inflection", "compound", "fuzzy", "fuzzy", "uncoded"]


def test_several_occupations_in_one_answer_take_the_first_and_keep_the_rest(tmp_path):
    coded = occupations.code_titles(
        ["Kockar och servitörer", "kock/servitris"], overrides=no_overrides(tmp_path)
    )
    assert list(coded["ssyk4"]) == ["5120", "5120"]
    assert list(coded["method"]) == ["fuzzy", "fuzzy"]
    assert list(coded["alternatives"]) == ["5131", "5131"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MIG-svetsare", "mig svetsare"),
        ("CNC operatör", "cnc-operatör"),
        ("  Truck–förare ", "truckförare"),
        ("Svetsare (2 st)", "svetsare"),
        (unicodedata.normalize("NFD", "Undersköterskor"), "undersköterskor"),
    ],
)
def test_normalised_forms_meet(a, b):
    assert occupations.normalize(a).replace(" ", "") == occupations.normalize(b).replace(" ", "")
    coded = occupations.code_titles([a, b])
    assert coded.loc[0, "ssyk4"] == coded.loc[1, "ssyk4"]
    assert pd.notna(coded.loc[0, "ssyk4"])


def test_normalize_keeps_what_is_part_of_a_title():
    assert occupations.normalize("C#-utvecklare") == "c# utvecklare"
    assert occupations.normalize("3D-grafiker") == "3d grafiker"
    assert occupations.normalize("ST-läkare") == "st läkare"
    assert occupations.normalize("365-konsult") == "365 konsult"  # a number in a title stays
    assert occupations.normalize("1-2 st. svetsare") == "svetsare"  # a count goes
    assert occupations.normalize(None) == ""
    assert occupations.normalize(float("nan")) == ""


@pytest.mark.parametrize(
    "title",
    [
        "asdfgh",
        "xyz 123",
        "vet ej",
        "ingen",
        "-",
        "",
        "   ",
        None,
        "diverse",
        "chef",
        "montör",
        "utvecklare",
    ],
)
def test_gibberish_and_too_general_words_stay_uncoded(title, tmp_path):
    coded = occupations.code_titles([title], overrides=no_overrides(tmp_path))
    assert coded.loc[0, "method"] == "uncoded"
    assert pd.isna(coded.loc[0, "ssyk4"])
    assert pd.isna(coded.loc[0, "ssyk4_label"])


def test_output_columns_and_types():
    coded = occupations.code_titles(["Svetsare", None, "qwzxv"])
    assert list(coded.columns[:5]) == ["title", "normalized", "ssyk4", "ssyk4_label", "method"]
    assert coded["title"].tolist() == ["Svetsare", None, "qwzxv"]
    assert coded["ssyk4"].dtype == "string"
    assert coded.loc[0, "ssyk4"] == "7212" and coded.loc[2, "ssyk4"] is pd.NA
    assert occupations.code_titles([]).empty
    answers = pd.Series(["kock", "qwzxv"], index=[17, 42])
    assert list(occupations.code_titles(answers).index) == [17, 42]


# --- overrides ------------------------------------------------------------------------------


def test_shipped_override_fixes_elektriker(tmp_path):
    assert (
        occupations.code_titles(["elektriker"], overrides=no_overrides(tmp_path)).loc[0, "method"]
        == "uncoded"
    )
    coded = occupations.code_titles(["Elektriker", "elektrikerna", "räkberedare"])
    assert list(coded["ssyk4"]) == ["7411", "7411", "8161"]
    assert set(coded["method"]) == {"override"}


def test_shipped_override_file_is_valid_and_documented():
    text = occupations.DEFAULT_OVERRIDES.read_text(encoding="utf-8")
    assert text.startswith("#")
    table = occupations.read_overrides()
    assert list(table.columns) == ["title", "ssyk4", "comment", "key"]
    assert len(table) >= 3 and table["comment"].str.len().gt(0).all()
    assert set(table["ssyk4"]) <= set(occupations.ssyk_labels()["ssyk4"])


def test_override_wins_over_an_exact_match(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text(
        "# comment line\ntitle;ssyk4;comment\nKock;5131;test\nsköterska;5322;scb\n",
        encoding="utf-8",
    )
    coded = occupations.code_titles(["kockar", "kock", "sköterska", "svetsare"], overrides=path)
    assert list(coded["ssyk4"]) == ["5131", "5131", "5321", "7212"]  # SCB 5322 → group 5321
    assert list(coded["method"]) == ["override", "override", "override", "exact"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("title,ssyk4,comment\nkock,9999,x\n", "line 2"),
        ("title,ssyk4,comment\nkock,5120,a\nKOCK,5131,b\n", "already coded 5120"),
        ("namn,kod\nkock,5120\n", "header"),
        ("title,ssyk4,comment\n,5120,x\n", "empty"),
    ],
)
def test_bad_override_file_says_what_to_fix(content, message, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ParamsError, match=message):
        occupations.code_titles(["kock"], overrides=path)


def test_missing_override_file_is_a_params_error(tmp_path):
    with pytest.raises(ParamsError, match="does not exist"):
        occupations.code_titles(["kock"], overrides=tmp_path / "nope.csv")


# --- summary --------------------------------------------------------------------------------


def test_coding_summary_counts_mentions_not_blanks():
    coded = occupations.code_titles(["svetsare", "kockar", "elektriker", "qwzxv", "", None])
    summary = occupations.coding_summary(coded)
    assert summary["mentions"] == 4
    assert summary["coded"] == 3
    assert summary["coded_automatically"] == 2
    assert summary["overridden"] == 1
    assert summary["uncoded"] == 1
    assert summary["share_coded"] == 0.75
    assert summary["share_automatic"] == 0.5
    assert occupations.coding_rate(coded) == 0.5
    assert sum(summary["by_method"].values()) == 4
    assert summary["lookup_version"] == occupations.LOOKUP_VERSION


def test_coding_summary_of_nothing_is_nan():
    summary = occupations.coding_summary(occupations.code_titles(["", None]))
    assert summary["mentions"] == 0 and math.isnan(summary["share_automatic"])


# --- labels ---------------------------------------------------------------------------------


def test_labels():
    labels = occupations.ssyk_labels()
    assert len(labels) == 400 and labels["ssyk4"].is_unique
    assert labels["ssyk4"].str.fullmatch(r"\d{4}").all()
    assert occupations.ssyk4_label("7212") == "Svetsare och gasskärare"
    assert occupations.ssyk4_label("5321") == (
        "Undersköterskor, hemtjänst, hemsjukvård, äldreboende och habilitering"
    )
    assert occupations.ssyk4_label("5322") == occupations.ssyk4_label("5321")
    assert occupations.taxonomy_code("1212") == "1210"
    with pytest.raises(KeyError):
        occupations.ssyk4_label("9999")


# --- the lookup -----------------------------------------------------------------------------


def test_lookup_is_consistent():
    table = pd.read_csv(occupations.LOOKUP_FILE, dtype=str, keep_default_na=False)
    assert table["key"].is_unique
    assert set(table["ssyk4"]) <= set(occupations.ssyk_labels()["ssyk4"])
    assert set(table["source"]) <= set(title_lookup.TIERS)
    labels = dict(
        zip(occupations.ssyk_labels()["ssyk4"], occupations.ssyk_labels()["label"], strict=True)
    )
    assert (table["ssyk4_label"] == table["ssyk4"].map(labels)).all()
    assert len(table) > 10_000


def test_index_builds_fast_and_coding_is_fast():
    occupations._index.cache_clear()
    occupations._code_text.cache_clear()
    start = time.perf_counter()
    occupations._index()
    assert time.perf_counter() - start < 0.8
    labels = pd.read_csv(occupations.LOOKUP_FILE, dtype=str, keep_default_na=False)["label"]
    # Upper case and a trailing word force normalisation and the slower fuzzy rules.
    titles = [f"{label.upper()} natt" for label in labels.iloc[::40][:300]]
    start = time.perf_counter()
    coded = occupations.code_titles(titles)
    assert time.perf_counter() - start < 3
    assert len(coded) == 300
