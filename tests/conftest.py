"""Shared fixtures: a scratch copy of the project tree for end-to-end runs.

End-to-end tests run the real CLI in a subprocess with LKA_ROOT pointing at a temporary
tree whose code, notebooks, templates and data are links to the real ones or copies, and
whose reports/ is its own, so tests never touch a user's reports. A tree's params/ holds the
defaults and the example areas only: the tests pass whatever areas a user has added.

The example areas' full reports are built once per test run (``built_reports``), also when
pytest-xdist runs the tests in several processes: the first process that needs one builds
it under a file lock in the run's shared temporary folder, the others wait and read it.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from helpers.config import paths

ROOT = Path(__file__).resolve().parents[1]
#: The example areas the shipped params files describe: what the tests build and check.
EXAMPLE_AREAS = ("sotenas", "trollhattan-vanersborg")
# data/raw and data/processed are shared (read only); data/contacts, where imports write, is
# the tree's own.
LINKED = ("src", "data/raw", "data/processed", "templates", "pyproject.toml")
COPIED = ("notebooks",)
#: What a scratch tree's params/ gets: the defaults, the analyst's SSYK corrections, the
#: example areas and Sotenäs' comments file (not the areas a user added, which may be half
#: written).
TREE_PARAMS = (
    "defaults.yaml",
    "ssyk_overrides.csv",
    "sotenas-kommentarer.md",
    *(f"{area}.yaml" for area in EXAMPLE_AREAS),
)


def make_tree(target: Path) -> Path:
    """A project tree in ``target`` that shares data and code but has its own outputs."""
    target.mkdir(parents=True, exist_ok=True)
    for name in LINKED:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).symlink_to(ROOT / name)
    for name in COPIED:
        shutil.copytree(
            ROOT / name, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    (target / "params").mkdir()
    for name in TREE_PARAMS:
        shutil.copy2(ROOT / "params" / name, target / "params" / name)
    (target / "reports").mkdir()
    return target


def guide_block(guide: Path, marker: str, language: str = "python") -> str:
    """The fenced block that follows a guide's ``<!-- tests/test_x.py MARKER ... -->`` comment
    (the guides in docs/ mark the blocks their tests run)."""
    found = re.search(
        rf"<!-- tests/\w+\.py {marker}.*?-->\n```{language}\n(.*?)```",
        guide.read_text("utf-8"),
        re.S,
    )
    assert found, f"{guide.name}: the {language} block '{marker}' is missing"
    return found.group(1)


def guide_path(guide: Path, pattern: str) -> str:
    """The one path ``pattern`` (a regex with one group) finds in a guide."""
    (path,) = set(re.findall(pattern, guide.read_text("utf-8")))
    return path


def run_cli(tree: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m helpers.cli.main ARGS`` against ``tree``; returns the finished process."""
    env = {**os.environ, "LKA_ROOT": str(tree)}
    return subprocess.run(
        [sys.executable, "-m", "helpers.cli.main", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _run_folder(factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this test run shares (the run's own without xdist)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_report(area: str, factory: pytest.TempPathFactory) -> Path:
    """``area``'s report folder, built by whichever process of this test run asks first."""
    tree = _run_folder(factory) / f"built-{area}"
    done = tree / "built.txt"
    with FileLock(f"{tree}.lock"):
        if not done.exists():
            shutil.rmtree(tree, ignore_errors=True)
            make_tree(tree)
            result = run_cli(tree, "report", area)
            assert result.returncode == 0, result.stderr
            done.write_text(result.stdout, encoding="utf-8")
    return tree / "reports" / area / "2026"


@pytest.fixture(scope="session")
def built_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both example areas built once per test run; maps area → its report folder.

    Workers ask for them in turns (gw0 Sotenäs first, gw1 Trollhättan first, ...), so two
    workers build the two areas at the same time.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    turn = int(worker.removeprefix("gw") or 0) % len(EXAMPLE_AREAS)
    order = EXAMPLE_AREAS[turn:] + EXAMPLE_AREAS[:turn]
    folders = {area: built_report(area, tmp_path_factory) for area in order}
    return {area: folders[area] for area in EXAMPLE_AREAS}


@pytest.fixture
def params_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """In-process tests: ``paths.ROOT`` is ``tmp_path``, with a params folder of its own
    (the real defaults only) and an empty survey file to point at."""
    folder = tmp_path / "params"
    folder.mkdir()
    (folder / "defaults.yaml").write_text(
        (paths.PARAMS / "defaults.yaml").read_text("utf-8"), encoding="utf-8"
    )
    (tmp_path / "survey.xlsx").write_bytes(b"")
    monkeypatch.setattr(paths, "PARAMS", folder)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    return folder


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A fresh scratch project tree for one test."""
    return make_tree(tmp_path / "project")


@pytest.fixture
def restored_collector():
    """Tests that tune the garbage collector (``gc_tuning``) leave it as they found it."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
