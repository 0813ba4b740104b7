"""Batch builds: parallel areas, one summary, failures reported without stopping others."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from helpers.build import batch
from helpers.config import regions

pytestmark = pytest.mark.slow


def test_select_areas():
    assert batch.select_areas(["sotenas"]) == ["sotenas"]
    assert len(batch.select_areas(county="14")) == 49
    assert batch.select_areas(region=True) == list(regions.FYRBODAL)
    assert len(batch.select_areas(everything=True)) == 290
    assert "sotenas" in batch.select_areas()


def test_a_batch_builds_in_parallel_and_reports_failures(tree: Path):
    result = run_cli(tree, "reports", "lysekil", "munkedal", "atlantis", "--no-pdf", "--jobs", "2")
    assert result.returncode == 1
    assert "3 områden" in result.stdout and "2 byggda" in result.stdout
    assert "1 misslyckade" in result.stdout and "atlantis" in result.stdout
    for area in ("lysekil", "munkedal"):
        assert list((tree / "reports" / area / "2026-utkast").glob("*.html"))  # drafts


def test_an_up_to_date_area_starts_no_kernel(monkeypatch):
    from helpers.build import execute, fingerprint

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started for a report that is up to date")

    monkeypatch.setattr(fingerprint, "is_up_to_date", lambda area, folder: True)
    monkeypatch.setattr(execute, "start_kernel", no_kernel)
    outcome = batch._build_one("sotenas", force=False, pdf=True)
    assert (outcome.status, outcome.message) == ("up to date", "")
    assert not batch._kernel


def test_summary_text():
    outcomes = [
        batch.Outcome("a", "built", 1.0),
        batch.Outcome("b", "up to date", 0.1),
        batch.Outcome("c", "failed", 0.2, "Okänt område 'c'."),
    ]
    text = batch.summary(outcomes, 2.0)
    assert text.startswith("3 områden på 2,0 s")  # Swedish decimals
    assert "c: Okänt område" in text
