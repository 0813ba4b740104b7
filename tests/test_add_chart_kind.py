"""docs/adding-a-chart-kind.md works as written: its module, its registration, its chapter cell.

The test takes every block from the page itself and follows the steps in a scratch copy of the
package (the real ``src/`` is never written), which the report's processes and its kernel import
(``PYTHONPATH``): the module is written where the page says and passes the linters and its own
examples, the registry and the package get the page's lines, and the chapter cell, added to the
population chapter of a scratch project, puts the chart into a real report for Lysekil, its
HTML and its PDF. The expected figures are computed here from the raw Kolada values (N01951,
population 31 December), independently of the package.
"""

from __future__ import annotations

import base64
import csv
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, guide_block, guide_path, make_tree
from helpers.common import text
from helpers.config.params import load_area
from helpers.report import colours

pytestmark = pytest.mark.slow
GUIDE = ROOT / "docs" / "adding-a-chart-kind.md"
AREA, AREA_NAME, AREA_CODE = "lysekil", "Lysekil", "1484"
FIRST, LATEST = 1994, 2022  # the first and last year of N01951 in data/raw/kolada
SOURCE = f"Kolada (RKA), nyckeltal N01951 {FIRST}–{LATEST} (SCB); bearbetning: index, {FIRST} = 100"
#: Where the page says the module goes.
MODULE = r"Create\s+`(src/helpers/report/charts/kinds/\w+\.py)`"


def with_kind(registry: str, block: str) -> str:
    """``registry.py`` with its import of the kinds and ``REGISTERED`` replaced by the page's
    block (which has both)."""
    imports = re.compile(r"^from helpers\.report\.charts\.kinds import .*\n", re.M)
    registered = re.compile(r"^REGISTERED: .*? = \(\n.*?^\)\n", re.M | re.S)
    assert len(imports.findall(registry)) == 1 and len(registered.findall(registry)) == 1
    return registered.sub(
        lambda _: block.split("\n\n", 1)[1], imports.sub(block.split("\n")[0] + "\n", registry)
    )


def with_function(package: str, line: str, name: str) -> str:
    """``charts/__init__.py`` with the page's import among the kinds' (in order) and ``name``
    in ``__all__``."""
    lines = package.splitlines(keepends=True)
    kinds = [
        i for i, kept in enumerate(lines) if kept.startswith("from helpers.report.charts.kinds.")
    ]
    place = next((i for i in kinds if lines[i] > line), kinds[-1] + 1)
    lines.insert(place, line)
    return "".join(lines).replace("__all__ = [\n", f'__all__ = [\n    "{name}",\n')


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A scratch copy of the package with the page's kind written and registered (steps 2, 3)."""
    shutil.copytree(
        ROOT / "src" / "helpers",
        tmp_path / "src" / "helpers",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    module = tmp_path / guide_path(GUIDE, MODULE)
    module.write_text(guide_block(GUIDE, "writes the block below as the module"), encoding="utf-8")
    registry = tmp_path / "src/helpers/report/charts/kinds/registry.py"
    registry.write_text(
        with_kind(
            registry.read_text("utf-8"), guide_block(GUIDE, "runs the block below as the registry")
        )
    )
    package = tmp_path / "src/helpers/report/charts/__init__.py"
    line = guide_block(GUIDE, "runs the block below as the package")
    package.write_text(with_function(package.read_text("utf-8"), line, module.stem))
    return tmp_path


def run(copy: Path, command: list[str], root: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "LKA_ROOT": str(root)}
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=300)


def test_the_guides_module_passes_the_linters_and_runs_its_examples(copy: Path):
    changed = [
        copy / guide_path(GUIDE, MODULE),
        copy / "src/helpers/report/charts/kinds/registry.py",
        copy / "src/helpers/report/charts/__init__.py",
    ]
    config = ["--config", str(ROOT / "pyproject.toml")]
    for check in (["check"], ["format", "--check"]):
        linted = run(copy, [sys.executable, "-m", "ruff", *check, *config, *map(str, changed)])
        assert linted.returncode == 0, linted.stdout + linted.stderr
    examples = run(
        copy,
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules"]
        + [str(copy / "src/helpers/report/charts")],
    )
    assert examples.returncode == 0, examples.stdout + examples.stderr
    assert re.search(r"(\d+) passed", examples.stdout)


def index_from_raw(code: str) -> float:
    """Population at the end of LATEST per 100 at the end of FIRST, from Kolada's N01951 for
    one municipality or (``"0000"``) the whole country."""
    with open(ROOT / "data/raw/kolada/kolada_values.csv", encoding="utf-8") as f:
        people = {
            int(row["period"]): float(row["value"])
            for row in csv.DictReader(f)
            if row["kpi"] == "N01951" and row["municipality"] == code and row["gender"] == "T"
        }
    assert min(people) == FIRST and max(people) == LATEST
    return people[LATEST] / people[FIRST] * 100


def test_the_guides_chart_shows_in_a_chapter_in_the_html_and_the_pdf(copy: Path, tmp_path: Path):
    tree = make_tree(tmp_path / "project")
    chapter = tree / guide_path(GUIDE, r"In the population chapter,\s+`(notebooks/\d\d_\w+\.py)`")
    chapter.write_text(
        chapter.read_text("utf-8") + "\n" + guide_block(GUIDE, "runs the block below in a report"),
        encoding="utf-8",
    )
    fixed = run(
        copy, [sys.executable, "-m", "helpers.build.notebooks", "--fix", str(chapter)], tree
    )
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    built = run(copy, [sys.executable, "-m", "helpers.cli.main", "report", AREA], tree)
    assert built.returncode == 0, built.stdout + built.stderr
    folder = tree / "reports" / AREA / "2026"
    page = (folder / f"kompetensanalys-{AREA}-2026.html").read_text("utf-8")

    title = (
        f"För varje 100 invånare {FIRST} hade {AREA_NAME} "
        f"{text.number(index_from_raw(AREA_CODE), 0)} år {LATEST}, "
        f"riket {text.number(index_from_raw('0000'), 0)}"
    )
    (figure,) = [
        f
        for f in re.findall(r'<figure class="chart".*?</figure>', page, re.S)
        if html.escape(title) in f
    ]
    assert re.search(rf"Figur \d+\.</span> {re.escape(html.escape(title))}</p>", figure)
    alt = html.unescape(re.search(r'<img src="[^"]+" alt="([^"]+)"', figure).group(1))
    assert alt.startswith(f"{title}. {AREA_NAME}: ")
    for comparison in ("Fyrbodal", "Västra Götalands län", "Riket"):
        assert f"{comparison}: " in alt
    assert f"Källa: {SOURCE}." in html.unescape(figure)
    assert f"Index, {FIRST} = 100" in page.split(figure, 1)[1]  # its data table follows it

    uris = re.findall(r'(?:src|srcset)="data:image/svg\+xml;base64,([^"]+)"', figure)
    assert len(uris) == 2  # wide, and narrow for a phone
    mark = colours.chart_mark(load_area(AREA).colour)
    for drawing in (base64.b64decode(uri).decode() for uri in uris):
        assert f'fill="{mark}"' in drawing  # the area's dot, in the area's colour
        assert f'font-weight="bold">{AREA_NAME}</text>' in drawing  # and its name bold

    reader = PdfReader(folder / f"kompetensanalys-{AREA}-2026.pdf")
    pages = [" ".join(p.extract_text().split()).replace("\u00a0", " ") for p in reader.pages]
    assert any(title.replace("\u00a0", " ") in words for words in pages)
