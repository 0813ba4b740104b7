"""The demand chapter: the area's own job ads, and Yrkesbarometern for the county."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from helpers.config import paths
from helpers.config.params import load_area
from helpers.report.chapters import demand
from helpers.stats import jobads, yrkesbarometer
from http_replay import FIXTURES

NBSP = "\u00a0"


def raw_records() -> list[dict]:
    return json.loads((paths.YRKESBAROMETER / yrkesbarometer.PARTIAL_FILE).read_text("utf-8"))


def test_headline_and_top_chart_for_sotenas():
    area = load_area("sotenas")
    line = demand.headline(area)
    assert "**389 platsannonser**" in line and "2024" in line
    assert "hovmästare och servitörer (28)" in line and "städare (21)" in line
    chart = demand.top_ads_chart(area)
    assert chart.title == "Flest platsannonser i Sotenäs 2024 gällde hovmästare och servitörer"
    assert chart.data.iloc[0].tolist() == ["Hovmästare och servitörer (5131)", 28]
    assert "Platsbanken 2024" in chart.source and len(chart.data) == demand.TOP


def test_comparison_table_shares_are_of_each_areas_own_ads():
    area = load_area("trollhattan-vanersborg")
    table = demand.comparison_table(area)
    with open(paths.PUBLIC / jobads.FILE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    nurses = sum(int(r["job_ads_2024"]) for r in rows if r["ssyk4"] == "2221")
    everything = sum(int(r["job_ads_2024"]) for r in rows)
    first = table.iloc[0]
    assert first["Yrke (SSYK 2012)"] == "Grundutbildade sjuksköterskor (2221)"
    assert first["Andel, Riket"] == pytest.approx(nurses / everything)
    assert first["Annonser i området"] == 392


def test_coverage_says_county_level_and_partial():
    text = demand.barometer_coverage(load_area("sotenas"))
    assert "per län, inte per kommun" in text and "Västra Götalands län" in text
    assert "**ofullständigt**" in text and "46 av Yrkesbarometerns omkring 219 yrken" in text
    rated = {
        r["yb_yrke"]
        for r in raw_records()
        if r["lan"] == "14" and r["rekryteringssituation"] is not None
    }
    assert f"Av dem har {len(rated)} en bedömning" in text


def test_situations_are_counted_per_occupation_in_the_county():
    area = load_area("sotenas")
    table = demand.situation_table(area).set_index("situation")["occupations"]
    seen = {
        (r["yb_yrke"], r["rekryteringssituation"])
        for r in raw_records()
        if r["lan"] == "14" and r["rekryteringssituation"]
    }
    assert table["Brist"] == sum(1 for _, s in seen if s == "brist")
    assert table.sum() == len(seen)
    chart = demand.situation_chart(area)
    assert chart.title.startswith("I Västra Götalands län har ")
    assert chart.title.endswith("bedömda yrken brist på arbetskraft")
    assert "länsnivå" in chart.source and chart.notes


def test_shortage_table_sets_the_county_against_local_ads():
    area = load_area("trollhattan-vanersborg")
    table = demand.shortage_table(area).set_index("SSYK 2012")
    developers = jobads.by_occupation(area.municipalities).set_index("ssyk4").loc["2512"]
    assert (
        table.loc["2512", "Platsannonser i Trollhättan och Vänersborg 2024"]
        == developers["job_ads"]
    )
    assert table.loc["2512", "Efterfrågan om fem år"] == "Ökar"


def test_with_the_complete_barometer_the_report_stops_saying_partial(tmp_path, monkeypatch):
    shutil.copy(FIXTURES / "af" / "yrkesbarometer.json", tmp_path / yrkesbarometer.FULL_FILE)
    monkeypatch.setattr(paths, "YRKESBAROMETER", tmp_path)
    area = load_area("sotenas")
    text = demand.barometer_coverage(area)
    assert "ofullständigt" not in text and "omgång 2025-2" in text
    assert demand.shortage_table(area)["SSYK 2012"].tolist() == ["7114"]
    assert demand.ads_barometer_sentence(area).startswith("Inget av de 10 yrkena")
    assert "ofullständiga" not in demand.ads_barometer_sentence(area)


def test_top_occupations_rated_by_the_barometer():
    area = load_area("trollhattan-vanersborg")
    table = demand.ads_barometer_table(area, 40)
    rated = table[table.iloc[:, 2] != demand.NOT_RATED]
    assert "Mjukvaru- och systemutvecklare m.fl. (2512)" in rated.iloc[:, 0].tolist()
    assert demand.rated_among_top(area, 40) == len(rated) > 0
