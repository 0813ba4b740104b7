"""The kernel's warm-up before the chapters."""

from __future__ import annotations

import pytest

from helpers.analysis import area_survey
from helpers.build import warm_up
from helpers.config.params import load_area


@pytest.mark.usefixtures("restored_collector")
def test_warm_up_reads_the_areas_survey_into_the_cache_the_chapters_use():
    area_survey._load.cache_clear()
    warm_up.warm_up("sotenas", 2026)
    assert area_survey._load.cache_info().currsize == 1
    misses = area_survey._load.cache_info().misses
    assert area_survey.load(load_area("sotenas")) is not None  # what the first chapter does
    assert area_survey._load.cache_info().misses == misses


@pytest.mark.usefixtures("restored_collector")
def test_warm_up_never_raises_or_prints(capsys: pytest.CaptureFixture[str]):
    warm_up.warm_up("atlantis", 2026)  # an unknown area: the chapter will say so, not this
    warm_up.warm_up(None)  # a batch worker's kernel: imports only
    assert capsys.readouterr() == ("", "")
