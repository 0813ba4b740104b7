"""Every input that changes a report makes it out of date (issue 17, item 7): each is changed
in turn in a scratch project and the report built before counts as stale."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import TREE_PARAMS
from helpers.build import fingerprint
from helpers.config import paths
from helpers.config.params import load_area

ROOT = Path(__file__).resolve().parents[1]
SURVEYS = ("sotenas/2026/kompetensbehov-2026.xlsx", "sotenas/2025/kompetensbehov-2025.xlsx")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch working folder: the example params, surveys, a logo, a mapping file and one
    file in each shared folder; ``paths`` points at it."""
    for name in TREE_PARAMS:
        (tmp_path / "params").mkdir(exist_ok=True)
        shutil.copy(ROOT / "params" / name, tmp_path / "params" / name)
    for survey in SURVEYS:
        target = tmp_path / "data/raw/surveys" / survey
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "data/raw/surveys" / survey, target)
    for folder in ("notebooks", "templates", "package", "data/processed", "data/external"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "file.txt").write_text("one", "utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG one")
    (tmp_path / "mapping.yaml").write_text("columns: {}\n", "utf-8")
    for name, value in {
        "ROOT": tmp_path,
        "PARAMS": tmp_path / "params",
        "SSYK_OVERRIDES": tmp_path / "params" / "ssyk_overrides.csv",
        "NOTEBOOKS": tmp_path / "notebooks",
        "TEMPLATES": tmp_path / "templates",
        "PACKAGE": tmp_path / "package",
        "DATA_RAW": tmp_path / "data/raw",
        "PROCESSED": tmp_path / "data/processed",
        "EXTERNAL": tmp_path / "data/external",
    }.items():
        monkeypatch.setattr(paths, name, value)
    return tmp_path


def _area(project: Path):  # noqa: ANN202
    area = load_area("sotenas")
    survey = dataclasses.replace(area.survey, mapping=project / "mapping.yaml")
    return dataclasses.replace(area, logo=project / "logo.png", survey=survey)


def _append(relative: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        with (project / relative).open("ab") as handle:
            handle.write(b"\n# changed\n")

    return change


CHANGES = {
    "the area's params": _append("params/sotenas.yaml"),
    "the defaults": _append("params/defaults.yaml"),
    "the broker's comments": _append("params/sotenas-kommentarer.md"),
    "the SSYK overrides": _append("params/ssyk_overrides.csv"),
    "this year's survey": _append(f"data/raw/surveys/{SURVEYS[0]}"),
    "last year's survey": _append(f"data/raw/surveys/{SURVEYS[1]}"),
    "the mapping file": _append("mapping.yaml"),
    "the logo": _append("logo.png"),
    "a chapter": _append("notebooks/file.txt"),
    "the template": _append("templates/file.txt"),
    "the package's code": _append("package/file.txt"),
    "processed data": _append("data/processed/file.txt"),
    "fetched data": _append("data/external/file.txt"),
    "a new statistics file": lambda p: (p / "data/raw/new.csv").write_text("a\n1\n", "utf-8"),
    "a removed statistics file": lambda p: (p / "data/processed/file.txt").unlink(),
}


@pytest.mark.parametrize("what", CHANGES)
def test_changing_an_input_makes_the_report_stale(project: Path, what: str):
    report = project / "reports/sotenas/2026"
    report.mkdir(parents=True)
    (report / fingerprint.BUILD_INFO).write_text(fingerprint.build_info(_area(project)), "utf-8")
    assert fingerprint.is_up_to_date(_area(project), report)

    CHANGES[what](project)

    assert not fingerprint.is_up_to_date(_area(project), report), what


def test_every_file_the_params_name_is_an_input(project: Path):
    named = fingerprint.inputs(_area(project))
    assert project / "logo.png" in named and project / "mapping.yaml" in named
    assert paths.SSYK_OVERRIDES in named and project / "params/sotenas.yaml" in named
    assert all(project / "data/raw/surveys" / survey in named for survey in SURVEYS)


def test_a_setting_and_the_installed_packages_are_inputs(project: Path, monkeypatch):
    area = _area(project)
    before = fingerprint.fingerprint(area)
    assert fingerprint.fingerprint(dataclasses.replace(area, suppression_threshold=6)) != before
    monkeypatch.setattr(fingerprint, "_environment", lambda: "weasyprint-99.0.dist-info")
    assert fingerprint.fingerprint(area) != before


def test_the_shared_folders_are_the_ones_a_build_reads():
    folders = fingerprint.shared_folders()
    assert folders["notebooks"] == paths.NOTEBOOKS and folders["templates"] == paths.TEMPLATES
    assert folders["package"] == paths.PACKAGE and folders["data/raw"] == paths.DATA_RAW
