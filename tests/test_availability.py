"""What the snapshot lacks is said in words; the builder is told how to fetch it. The chapters
on industry, population and education always have their figures: the shipped Kolada series."""

from __future__ import annotations

import shutil

from helpers.config import paths
from helpers.report import availability
from helpers.stats import snapshot


class Recorder:
    def __init__(self, codes=("1427",)):
        self.said: list[tuple[str, str, str]] = []
        self.area = type("A", (), {"municipalities": codes})()

    def missing(self, what: str, how: str = "", *, fix: str = "") -> None:
        self.said.append((what, how, fix))


def test_the_shipped_snapshot_lacks_only_the_complete_barometer():
    assert list(availability.lacking()["topic"]) == ["barometer"]
    assert set(availability.TOPICS) == {"barometer"}  # employment, commuting ...: Kolada


def test_check_says_what_is_missing_and_tells_the_builder_how_to_fetch_it():
    rpt = Recorder()
    assert availability.check(rpt, "barometer") is False
    assert rpt.said == [
        (
            "Den fullständiga Yrkesbarometern saknas i underlaget; här används ett "
            "ofullständigt utdrag.",
            "",
            "Kör make fetch (eller lka fetch) för att hämta den fullständiga.",
        )
    ]


def test_files_make_a_topic_available(tmp_path):
    public, barometer = tmp_path / "public", tmp_path / "af"
    public.mkdir()
    barometer.mkdir()
    assert not availability.available("barometer", public, barometer)
    shutil.copy(paths.YRKESBAROMETER / "PROVENANCE.md", barometer / snapshot.BAROMETER_FULL)
    assert availability.available("barometer", public, barometer)
