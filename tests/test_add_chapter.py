"""docs/adding-a-chapter.md works as written: its chapter, its commands, in the real report.

The test takes the example chapter and the ``--fix`` command from the page itself, so the
page cannot drift from what works. The expected figure is computed here from the raw SCB
file, independently of the package.
"""

from __future__ import annotations

import csv
import html
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, run_cli
from helpers.common import text

pytestmark = pytest.mark.slow
GUIDE = ROOT / "docs" / "adding-a-chapter.md"
AREA, AREA_NAME = "lysekil", "Lysekil"
HEADING = "Äldre invånare"
SOURCE = "SCB, befolkningsstatistik 31 december 2019"


def guide_chapter() -> tuple[str, str]:
    """The example chapter's file name and text, as the guide prints them."""
    guide = GUIDE.read_text("utf-8")
    (name,) = set(re.findall(r"Create `(notebooks/\d\d_\w+\.py)`", guide))
    block = re.search(
        r"<!-- tests/test_add_chapter\.py runs the block below.*?-->\n"
        r"```python\n(.*?)```",
        guide,
        re.S,
    )
    assert block, "the guide's example chapter is missing"
    return name, block.group(1)


def guide_command(name: str) -> list[str]:
    """The guide's command that makes the notebook, run with this environment's Python."""
    (line,) = [
        line
        for line in GUIDE.read_text("utf-8").splitlines()
        if "helpers.build.notebooks --fix" in line and name in line
    ]
    words = shlex.split(line)
    assert words[0] == ".venv/bin/python"
    return [sys.executable, *words[1:]]


def chapter_title(text_form: Path) -> str:
    """The ``## Title`` a chapter's text form opens with."""
    return re.search(r"^# ## (.+)$", text_form.read_text("utf-8"), re.M).group(1).strip()


def share_65_plus_from_raw(region: str) -> float:
    with open(ROOT / "data/raw/public/scb_population_age_sex_2019.csv", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["region"] == region]
    old = sum(int(row["X2019"]) for row in rows if int(row["ålder"].rstrip("+")) >= 65)
    return old / sum(int(row["X2019"]) for row in rows)


def test_the_guides_chapter_appears_in_the_html_and_the_pdf(tree: Path):
    name, chapter = guide_chapter()
    (tree / name).write_text(chapter, encoding="utf-8")
    made = subprocess.run(
        guide_command(name),
        cwd=tree,
        capture_output=True,
        text=True,
        env={**os.environ, "LKA_ROOT": str(tree)},
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    assert (tree / name).with_suffix(".ipynb").exists()

    built = run_cli(tree, "report", AREA)  # what `make report MUNI=lysekil` runs
    assert built.returncode == 0, built.stderr
    folder = tree / "reports" / AREA / "2026"
    page = (folder / f"kompetensanalys-{AREA}-2026.html").read_text("utf-8")

    chapters = [html.unescape(h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page)]
    assert HEADING in chapters
    titles = [chapter_title(p) for p in sorted((tree / "notebooks").glob("[0-9][0-9]_*.py"))]
    assert HEADING in titles
    places = [chapters.index(title) for title in titles]
    assert places == sorted(places), "chapters are not in the order of their numbers"
    anchor = re.search(rf'<h2 id="([^"]+)">{HEADING}</h2>', page).group(1)
    assert f'href="#{anchor}"' in page, "not in the table of contents"

    title = (
        f"I {AREA_NAME} är {text.percent(share_65_plus_from_raw(AREA_NAME), 0)} av invånarna "
        "65 år eller äldre"
    )
    figures = [
        f
        for f in re.findall(r'<figure class="chart".*?</figure>', page, re.S)
        if html.escape(title) in f
    ]
    assert len(figures) == 1, "the chapter's chart is not in the report"
    # a drawn chart's alt text, or the name of a chart made of HTML (kinds/bars.py, html_bars)
    alt = html.unescape(re.search(r'(?:alt|aria-label)="([^"]+)"', figures[0]).group(1))
    assert alt.startswith(f"{title}. {AREA_NAME}: ")
    for comparison in ("Fyrbodal", "Västra Götalands län", "Riket"):
        assert f"{comparison}: " in alt
    assert f"Källa: {SOURCE}." in html.unescape(figures[0])

    reader = PdfReader(folder / f"kompetensanalys-{AREA}-2026.pdf")
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    with_heading = [n for n, words in enumerate(pages) if HEADING in words]
    assert len(with_heading) >= 2, "the PDF lacks the heading (table of contents + chapter)"
    assert any(title.replace("\u00a0", " ") in words.replace("\u00a0", " ") for words in pages)
