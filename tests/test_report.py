"""What a chapter talks to (``open_report``), and the kernel's warm-up before the chapters."""

from __future__ import annotations

import pytest

from helpers.analysis import area_survey
from helpers.config.params import load_area
from helpers.report import context


@pytest.mark.usefixtures("restored_collector")
def test_warm_up_reads_the_areas_survey_into_the_cache_the_chapters_use():
    area_survey._load.cache_clear()
    context.warm_up("sotenas", 2026)
    assert area_survey._load.cache_info().currsize == 1
    misses = area_survey._load.cache_info().misses
    assert area_survey.load(load_area("sotenas")) is not None  # what the first chapter does
    assert area_survey._load.cache_info().misses == misses


@pytest.mark.usefixtures("restored_collector")
def test_warm_up_never_raises_or_prints(capsys: pytest.CaptureFixture[str]):
    context.warm_up("atlantis", 2026)  # an unknown area: the chapter will say so, not this
    context.warm_up(None)  # a batch worker's kernel: imports only
    assert capsys.readouterr() == ("", "")


def test_open_report_is_one_report_per_area_and_year():
    assert context.open_report("sotenas", 2026) is context.open_report("sotenas", 2026)
    assert context.open_report("sotenas", 2026) is not context.open_report("lysekil", 2026)


def test_a_fix_for_missing_data_goes_to_the_build_not_into_the_report(
    monkeypatch: pytest.MonkeyPatch,
):
    shown = []
    monkeypatch.setattr(context, "display", lambda item, raw=False: shown.append(item))
    rpt = context.Report(load_area("lysekil"))
    rpt.missing("Uppgifter om pendling saknas.", "Mer för läsaren.", fix="Kör make fetch.")
    visible, data = shown
    assert "Uppgifter om pendling saknas." in visible.data and "Mer för läsaren." in visible.data
    assert "make fetch" not in visible.data
    assert data == {
        context.FIX_MIME: {"what": "Uppgifter om pendling saknas.", "fix": "Kör make fetch."}
    }
    rpt.missing("Inga svar.")
    assert len(shown) == 3  # no fix: nothing for the build
