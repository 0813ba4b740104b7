"""Up-to-date detection: the same inputs skip the build, any changed input rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow


def test_an_unchanged_report_is_skipped_and_a_changed_input_rebuilds(tree: Path):
    first = run_cli(tree, "report", "lysekil")
    assert first.returncode == 0, first.stderr
    pdf = next((tree / "reports/lysekil/2026").glob("*.pdf"))
    built_at = pdf.stat().st_mtime_ns

    again = run_cli(tree, "report", "lysekil")
    assert again.returncode == 0 and "redan aktuell" in again.stdout
    assert pdf.stat().st_mtime_ns == built_at

    chapter = next((tree / "notebooks").glob("01_*.ipynb"))
    chapter.write_text(
        chapter.read_text("utf-8").replace("Inledning", "Inledning och syfte"), "utf-8"
    )
    changed = run_cli(tree, "report", "lysekil")
    assert changed.returncode == 0 and "redan aktuell" not in changed.stdout
    assert "Inledning och syfte" in next((tree / "reports/lysekil/2026").glob("*.html")).read_text()

    forced = run_cli(tree, "report", "lysekil", "--force")
    assert "redan aktuell" not in forced.stdout
