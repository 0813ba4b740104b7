"""Yrkesbarometern from the snapshot: county level, partial until fetched, SSYK split."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.config import paths
from helpers.stats import yrkesbarometer
from http_replay import FIXTURES


def raw_records() -> list[dict]:
    return json.loads((paths.YRKESBAROMETER / yrkesbarometer.PARTIAL_FILE).read_text("utf-8"))


def test_shipped_copy_is_partial_round_2025_2():
    barometer = yrkesbarometer.load()
    assert not barometer.complete and barometer.round == "2025-2"
    assert len(barometer.occupations()) == 46 == len({r["yb_yrke"] for r in raw_records()})
    assert barometer.occupational_areas() == [
        "Administration, ekonomi, juridik",
        "Bygg och anläggning",
        "Data/IT",
    ]
    assert "ofullständigt" in barometer.source and "länsnivå" in barometer.source


def test_county_rows_and_the_occupations_rated_there():
    barometer = yrkesbarometer.load()
    county = barometer.county("14")
    assert set(county["lan"]) == {"14"}
    rated = {
        r["yb_yrke"]
        for r in raw_records()
        if r["lan"] == "14" and r["rekryteringssituation"] is not None
    }
    assert barometer.occupations("14") == sorted(rated)
    assert list(county.columns[:7]) == [
        "ssyk4",
        "yb_yrke",
        "lan",
        "rekryteringssituation",
        "prognos",
        "jobbmojligheter",
        "omgang",
    ]


def test_the_ssyk_list_is_split_into_one_row_per_code():
    table = yrkesbarometer.table(raw_records())
    finans = table[(table.yb_yrke == "Finansanalytiker och finansmäklare") & (table.lan == "00")]
    assert sorted(finans["ssyk4"]) == ["2413", "2414", "3311"]
    assert table["ssyk4"].str.fullmatch(r"\d{4}").all()


def test_no_assessment_stays_missing():
    table = yrkesbarometer.table(raw_records())
    nulls = sum(
        r["rekryteringssituation"] is None for r in raw_records() for _ in r["ssyk"].split(",")
    )
    assert table["rekryteringssituation"].isna().sum() == nulls


def test_the_complete_file_wins_once_fetched(tmp_path):
    shutil.copy(paths.YRKESBAROMETER / yrkesbarometer.PARTIAL_FILE, tmp_path)
    shutil.copy(FIXTURES / "af" / "yrkesbarometer.json", tmp_path / yrkesbarometer.FULL_FILE)
    barometer = yrkesbarometer.load(tmp_path)
    assert barometer.complete and barometer.file.name == "yrkesbarometer.json"
    assert "ofullständigt" not in barometer.source
    county = barometer.county("14")
    shortage = county[county["rekryteringssituation"] == "brist"]
    assert shortage["yb_yrke"].tolist() == ["Anläggningsarbetare (med yrkesbevis)"]


@pytest.mark.parametrize(
    "records, message",
    [
        ([], "non-empty"),
        ({"yb_yrke": "x"}, "non-empty"),
        ([{"yb_yrke": "x", "lan": "14"}], "lacks ssyk"),
    ],
)
def test_validate_says_what_is_wrong(records, message):
    with pytest.raises(ValueError, match=message):
        yrkesbarometer.validate(records)


def test_load_reads_each_file_version_once(tmp_path):
    shutil.copy(paths.YRKESBAROMETER / yrkesbarometer.PARTIAL_FILE, tmp_path)
    yrkesbarometer._read.cache_clear()
    first = yrkesbarometer.load(tmp_path)
    second = yrkesbarometer.load(tmp_path)  # asked again: not read again, a copy handed out
    assert yrkesbarometer._read.cache_info().misses == 1 and second.table.equals(first.table)
    second.table.loc[0, "lan"] = "99"
    assert yrkesbarometer.load(tmp_path).table.loc[0, "lan"] != "99"
    full = tmp_path / yrkesbarometer.FULL_FILE
    shutil.copy(tmp_path / yrkesbarometer.PARTIAL_FILE, full)
    fetched = yrkesbarometer.load(tmp_path)  # make fetch wrote the complete one meanwhile
    assert yrkesbarometer._read.cache_info().misses == 2
    assert fetched.complete and not first.complete and fetched.file == full
