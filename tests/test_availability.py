"""What the snapshot lacks is said in words; the builder is told how to fetch it."""

from __future__ import annotations

import shutil

import pandas as pd

from helpers.config import paths
from helpers.report import availability
from helpers.stats import snapshot


class Recorder:
    def __init__(self, codes=("1427",)):
        self.said: list[tuple[str, str, str]] = []
        self.area = type("A", (), {"municipalities": codes})()

    def missing(self, what: str, how: str = "", *, fix: str = "") -> None:
        self.said.append((what, how, fix))


def test_the_shipped_snapshot_lacks_the_live_only_statistics():
    lacking = set(availability.lacking()["topic"])
    assert {"employment_by_industry", "commuting", "unemployment", "kolada", "barometer"} <= lacking


def test_check_says_what_is_missing_and_tells_the_builder_how_to_fetch_it():
    rpt = Recorder()
    assert availability.check(rpt, "commuting") is False
    assert rpt.said == [
        ("Uppgifter om pendling saknas i underlaget.", "", "Kör make fetch för att hämta dem.")
    ]


def test_files_make_a_topic_available(tmp_path):
    public, barometer = tmp_path / "public", tmp_path / "af"
    public.mkdir()
    barometer.mkdir()
    assert not availability.available("commuting", public, barometer)
    for name in ("scb_commuting", "scb_employment_industry_bas"):
        (public / snapshot.scb_file(name)).write_text("region\n")
    assert availability.available("commuting", public, barometer)
    shutil.copy(paths.YRKESBAROMETER / "PROVENANCE.md", barometer / snapshot.BAROMETER_FULL)
    assert availability.available("barometer", public, barometer)


def test_kolada_topics_need_a_value_for_every_municipality_of_the_area(tmp_path):
    rows = [
        {
            "kpi": kpi,
            "municipality": code,
            "period": 2024,
            "gender": "T",
            "value": 1.0,
            "count": 1,
            "status": "",
        }
        for kpi in ("N03937", "N01951")
        for code in ("1488",)
    ]
    pd.DataFrame(rows).to_csv(tmp_path / snapshot.KOLADA_VALUES, index=False)
    assert availability.available("unemployment", tmp_path, tmp_path, codes=("1488",))
    assert not availability.available("unemployment", tmp_path, tmp_path, codes=("1488", "1487"))
    assert not availability.available("education_trend", tmp_path, tmp_path, codes=("1488",))
