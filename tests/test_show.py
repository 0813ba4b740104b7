"""`lka open OMRÅDE` (`make open MUNI=...`): the finished report in the system's viewer."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import run_cli


def fake_opener(folder: Path) -> tuple[dict[str, str], Path]:
    """A PATH whose xdg-open writes what it was asked to open into a file."""
    folder.mkdir()
    log = folder / "opened.txt"
    script = folder / "xdg-open"
    script.write_text(f'#!/bin/sh\necho "$1" > "{log}"\n', encoding="utf-8")
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}, log


@pytest.mark.slow
def test_the_built_report_is_opened(built_reports: dict[str, Path], tmp_path: Path, monkeypatch):
    path, log = fake_opener(tmp_path / "bin")
    monkeypatch.setenv("PATH", path["PATH"])
    tree = built_reports["sotenas"].parents[2]
    for flags, suffix in (([], ".html"), (["--pdf"], ".pdf")):
        log.unlink(missing_ok=True)
        result = run_cli(tree, "open", "Sotenäs", *flags)
        assert result.returncode == 0, result.stderr
        for _ in range(100):  # the viewer is started, not waited for
            if log.exists() and log.read_text().strip():
                break
            time.sleep(0.1)
        opened = Path(log.read_text().strip())
        assert opened.suffix == suffix and opened.parent == built_reports["sotenas"]


def test_a_report_not_built_yet_says_how_to_build_it(tree: Path):
    result = run_cli(tree, "open", "lysekil")
    assert result.returncode == 1
    assert result.stderr == (
        "Fel: Rapporten för Lysekil 2026 är inte byggd än: kör make report MUNI=lysekil "
        "(eller lka report lysekil) först.\n"
    )
