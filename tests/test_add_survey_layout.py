"""docs/adding-a-survey-layout.md works as written: its export, module, registration and test.

The test takes every block from the page itself and follows the steps in a scratch copy of the
package (the real ``src/`` is never written): the export is not recognised before the layout is
registered, the page's command prints the page's lines after, the module passes the project's
linters, and the page's test passes.
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, guide_block, guide_path

GUIDE = ROOT / "docs" / "adding-a-survey-layout.md"


def block(marker: str, language: str) -> str:
    return guide_block(GUIDE, marker, language)


def guide_command() -> list[str]:
    """The page's ``lka validate`` command, run as ``python -m helpers.cli.main``."""
    (line,) = [
        line for line in GUIDE.read_text("utf-8").splitlines() if line.startswith(".venv/bin/lka ")
    ]
    words = shlex.split(line)
    return [sys.executable, "-m", "helpers.cli.main", *words[1:]]


def registered(source: str, page_block: str) -> str:
    """``registry.py`` with its layouts import and ``REGISTERED`` replaced by the page's block."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    imports = next(
        node
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "helpers.survey.layouts"
    )
    assigned = next(
        node
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "REGISTERED"
    )
    start = assigned.lineno - 1
    if lines[start - 1].startswith("#:"):  # the comment that says what REGISTERED is
        start -= 1
    kept = (
        lines[: imports.lineno - 1]
        + lines[imports.end_lineno : start]
        + [page_block]
        + lines[assigned.end_lineno :]
    )
    return "".join(kept)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A scratch project with its own copy of the package and the page's export."""
    shutil.copytree(
        ROOT / "src" / "helpers",
        tmp_path / "src" / "helpers",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    export = tmp_path / guide_path(GUIDE, r"saved as `(tests/fixtures/surveys/[\w-]+\.csv)`")
    export.parent.mkdir(parents=True)
    export.write_text(block("reads", "csv"), encoding="utf-8")
    return tmp_path


def add_layout(copy: Path) -> Path:
    """Steps 2 and 3: the page's module written, and registered as the page shows."""
    module = copy / guide_path(GUIDE, r"Create\s+`(src/helpers/survey/layouts/\w+\.py)`")
    module.write_text(block("runs the block below: keep it the whole module", "python"))
    registry = copy / "src/helpers/survey/layouts/registry.py"
    registry.write_text(registered(registry.read_text("utf-8"), block("puts", "python")))
    return module


def run(copy: Path, command: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "LKA_ROOT": str(ROOT)}
    return subprocess.run(command, cwd=copy, capture_output=True, text=True, env=env, timeout=120)


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_guides_layout_reads_the_guides_export(copy: Path):
    before = run(copy, guide_command())
    (unknown,) = re.findall(r"this says `(okänt format:[^`]*)`", GUIDE.read_text("utf-8"))
    assert before.returncode == 3, before.stderr
    assert words(unknown) in words(before.stdout)

    module = add_layout(copy)
    after = run(copy, guide_command())
    assert after.returncode == 0, after.stdout + after.stderr
    for line in block("checks", "text").splitlines():
        assert line in after.stdout.splitlines(), line

    # The broker is told about the new tool too when a file is not recognised.
    (copy / "okand.csv").write_text("x;y\n1;2\n", encoding="utf-8")
    other = run(copy, [*guide_command()[:4], "okand.csv", "--municipality", "Sotenäs"])
    assert "Google Forms, Microsoft Forms eller Frågelådan" in other.stdout

    config = ["--config", str(ROOT / "pyproject.toml")]
    for check in (["check"], ["format", "--check"]):
        linted = run(copy, [sys.executable, "-m", "ruff", *check, *config, str(module)])
        assert linted.returncode == 0, linted.stdout + linted.stderr


def test_the_guides_test_passes(copy: Path):
    add_layout(copy)
    test = copy / "tests" / "test_survey_layouts.py"
    test.write_text(block("runs the block below with the export", "python"), encoding="utf-8")
    ran = run(copy, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)])
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "1 passed" in ran.stdout
