"""Drafts never touch a published report and say so on every page (issue 17, items 7 and 8);
two builds of one area at once do not collide; make clean keeps the reports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from conftest import ROOT, make_tree, run_cli
from helpers.build import html, pdf
from helpers.config.params import load_area


def _chapters(count: int) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    for number in range(count):
        cell = nbformat.v4.new_markdown_cell(f"## Kapitel {number}\n\nText.")
        cell.metadata["chapter"] = f"0{number}_kapitel"
        notebook.cells.append(cell)
    return notebook


def test_a_draft_says_utkast_at_the_top_and_on_every_pdf_page(tmp_path):
    area = load_area("sotenas")
    metadata = html.report_metadata(area, draft=True)
    page = html.to_html(_chapters(3), metadata)
    body = page[page.index("<body>") :]
    assert body.index('class="draft-banner"') < body.index("<h1")
    assert "<title>Utkast: " in page
    target = tmp_path / "utkast.pdf"
    pdf.to_pdf(page, target, metadata)
    pages = [p.extract_text() for p in PdfReader(target).pages]
    assert len(pages) >= 5  # cover, contents, three chapters
    assert all("Utkast" in text for text in pages), [t[:60] for t in pages]
    assert PdfReader(target).metadata.title.startswith("Utkast: ")


def test_a_published_report_says_nothing_of_drafts(tmp_path):
    metadata = html.report_metadata(load_area("sotenas"))
    page = html.to_html(_chapters(2), metadata)
    assert "draft-banner" not in page and "Utkast" not in page
    target = tmp_path / "rapport.pdf"
    pdf.to_pdf(page, target, metadata)
    assert not any("Utkast" in p.extract_text() for p in PdfReader(target).pages)


@pytest.mark.slow
def test_two_builds_at_once_and_a_draft_leave_the_published_report_alone(tmp_path):
    tree = make_tree(tmp_path / "tree")
    command = [sys.executable, "-m", "helpers.cli.main", "report", "lysekil"]
    env = {**os.environ, "LKA_ROOT": str(tree)}
    pipe = subprocess.PIPE
    first, second = (
        subprocess.Popen(command, cwd=tree, env=env, stdout=pipe, stderr=pipe, text=True)
        for _ in range(2)
    )
    outcomes = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in (first, second)]
    assert [rc for rc, _, _ in outcomes] == [0, 0], outcomes
    said = "".join(out for _, out, _ in outcomes)
    assert "väntar på en annan körning av samma område" in said  # one waited ...
    assert "redan aktuell" in said  # ... and found the other's report up to date
    area = tree / "reports" / "lysekil"
    assert sorted(p.name for p in area.iterdir()) == ["2026"]
    published = {p.name: p.read_bytes() for p in (area / "2026").iterdir()}

    drafted = run_cli(tree, "report", "lysekil", "--no-pdf")
    assert drafted.returncode == 0, drafted.stderr
    assert "Utkastet för Lysekil är klart" in drafted.stdout
    assert {p.name: p.read_bytes() for p in (area / "2026").iterdir()} == published
    draft = area / "2026-utkast" / "kompetensanalys-lysekil-2026-utkast.html"
    assert 'class="draft-banner"' in draft.read_text("utf-8")
    assert sorted(p.name for p in area.iterdir()) == ["2026", "2026-utkast"]
    assert run_cli(tree, "report", "lysekil").stdout.count("redan aktuell") == 1


def _make(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", *args], cwd=folder, capture_output=True, text=True, timeout=60
    )


def test_make_clean_keeps_reports_and_clean_reports_needs_confirm(tmp_path):
    for name in ("Makefile", "uv.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    report = tmp_path / "reports" / "sotenas" / "2026" / "kompetensanalys-sotenas-2026.pdf"
    report.parent.mkdir(parents=True)
    report.write_text("published")
    (tmp_path / "reports" / "README.md").write_text("om mappen")
    (tmp_path / "build").mkdir()

    assert _make(tmp_path, "clean").returncode == 0
    assert report.exists() and not (tmp_path / "build").exists()

    refused = _make(tmp_path, "clean-reports")
    assert refused.returncode != 0 and report.exists()
    assert refused.stderr.strip().splitlines() == [
        "Fel: make clean-reports tar bort alla byggda rapporter i reports/ (alla områden och "
        "år). Skriv make clean-reports CONFIRM=1 om du menar det."
    ]

    assert _make(tmp_path, "clean-reports", "CONFIRM=1").returncode == 0
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["README.md"]
