"""`lka init MAPP`: a working folder for the installed package (and, slow, the wheel itself)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from helpers.cli import init, main
from helpers.common.errors import ReportError
from helpers.config import paths


def test_a_new_folder_gets_params_data_reports_and_a_readme(tmp_path: Path):
    added = init.init_folder(tmp_path / "arbete")
    assert added == ["params", "data/raw", "data/processed", "reports", "README.md"]
    folder = tmp_path / "arbete"
    assert paths.is_working_folder(folder)
    assert (folder / "params" / "sotenas.yaml").read_bytes() == (
        ROOT / "params" / "sotenas.yaml"
    ).read_bytes()
    assert (folder / "data/raw/public/MANIFEST.csv").is_file()
    assert (folder / "data/raw/surveys/sotenas/2026/kompetensbehov-2026.xlsx").is_file()
    assert not (folder / "notebooks").exists()  # the package's chapters are used
    readme = (folder / "README.md").read_text("utf-8")
    assert "lka report sotenas" in readme
    # the example comments file, named in the example params and described in the README
    example = folder / "params" / "sotenas-kommentarer.md"
    assert "<!--" in example.read_text("utf-8") and "## Sammanfattning" in example.read_text()
    assert "comments: params/sotenas-kommentarer.md" in (folder / "params/sotenas.yaml").read_text()
    assert "params/sotenas-kommentarer.md" in readme


def test_running_it_again_adds_only_what_is_missing(tmp_path: Path):
    folder = tmp_path / "arbete"
    init.init_folder(folder)
    (folder / "params" / "sotenas.yaml").write_text("name: Ändrad\n", "utf-8")
    (folder / "params" / "defaults.yaml").unlink()
    assert init.init_folder(folder) == ["params"]
    assert (folder / "params" / "sotenas.yaml").read_text("utf-8") == "name: Ändrad\n"
    assert init.init_folder(folder) == []
    assert init.init_folder(folder, chapters=True) == ["notebooks", "templates"]
    assert sorted(p.name for p in (folder / "notebooks").glob("0*.ipynb"))[0].startswith("00_")


def test_a_file_or_the_package_is_refused(tmp_path: Path):
    (tmp_path / "fil").write_text("x")
    with pytest.raises(ReportError, match="är en fil"):
        init.init_folder(tmp_path / "fil")
    with pytest.raises(ReportError, match="installerade paketet"):
        init.init_folder(paths.PACKAGE / "arbete")


def test_the_command_needs_no_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.delenv("LKA_ROOT", raising=False)
    monkeypatch.setattr(paths, "ROOT", tmp_path)  # outside any working folder
    assert main.main(["init", str(tmp_path / "ny mapp")]) == 0
    out = capsys.readouterr().out
    assert "Arbetsmappen" in out and f"cd '{tmp_path / 'ny mapp'}'" in out


def test_the_working_folder_is_found_from_below(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("LKA_ROOT", raising=False)
    init.init_folder(tmp_path / "arbete")
    below = tmp_path / "arbete" / "reports"
    assert paths.find_root(below) == tmp_path / "arbete"
    monkeypatch.setenv("LKA_ROOT", str(tmp_path))
    assert paths.find_root(below) == tmp_path


@pytest.mark.slow
def test_a_wheel_in_a_new_environment_makes_the_report_in_an_init_folder(tmp_path: Path):
    """What a municipality without git does: the wheel, lka init, lka report. The new
    environment takes the locked versions (from uv's cache, as make install left it)."""
    uv = Path(sys.executable).parent / "uv"
    env = {k: v for k, v in os.environ.items() if k not in ("LKA_ROOT", "VIRTUAL_ENV")}

    def run(*command: str | Path, cwd: Path = tmp_path) -> str:
        done = subprocess.run(
            [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run(uv, "build", "--wheel", "--quiet", "--out-dir", tmp_path / "dist", ROOT)
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    pins = tmp_path / "locked.txt"
    run(uv, "export", "--quiet", "--frozen", "--no-hashes", "--no-emit-project",
        "--project", ROOT, "--output-file", pins)  # fmt: skip
    run(uv, "venv", "--quiet", "--python", sys.executable, tmp_path / "venv")
    python = tmp_path / "venv" / "bin" / "python"
    run(uv, "pip", "install", "--quiet", "--python", python, "--constraint", pins, wheel)
    lka = tmp_path / "venv" / "bin" / "lka"
    assert run(lka, "--version").strip().startswith("lka ")
    run(lka, "init", "arbete")
    out = run(lka, "report", "sotenas", "--no-pdf", cwd=tmp_path / "arbete")
    assert "Sotenäs: kapitlen …" in out
    html = tmp_path / "arbete/reports/sotenas/2026-utkast/kompetensanalys-sotenas-2026-utkast.html"
    assert "Sotenäs" in html.read_text("utf-8")
    assert not list((tmp_path / "venv").rglob("project_files/reports"))  # nothing written there
