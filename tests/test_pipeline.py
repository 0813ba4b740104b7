"""The real pipeline, end to end, through the CLI: what a broker gets from `make report`."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from subprocess import CompletedProcess

import nbformat
import pytest
from pypdf import PdfReader

from conftest import ROOT, make_tree, run_cli

pytestmark = pytest.mark.slow
NBSP = "\u00a0"


def sotenas_population_from_raw() -> int:
    """Read here from the raw file, independently of the package: 31 Dec 2022, the latest
    year of the shipped Kolada series."""
    with open(ROOT / "data/raw/kolada/kolada_values.csv", encoding="utf-8") as f:
        return next(
            int(row["value"])
            for row in csv.DictReader(f)
            if (row["kpi"], row["municipality"], row["period"], row["gender"])
            == ("N01951", "1427", "2022", "T")
        )


def swedish(number: int) -> str:
    return f"{number:,}".replace(",", NBSP)


def report_file(folder: Path, suffix: str) -> Path:
    (found,) = folder.glob(f"kompetensanalys-*{suffix}")
    return found


def test_outputs_are_all_there(built_reports: dict[str, Path]):
    for area, folder in built_reports.items():
        names = sorted(p.name for p in folder.iterdir())
        assert names == sorted(
            [
                f"kompetensanalys-{area}-2026.html",
                f"kompetensanalys-{area}-2026.pdf",
                f"kompetensanalys-{area}-2026.docx",
                f"kompetensanalys-{area}-2026-bilaga.xlsx",
                "build_info.json",
                "key_figures.json",
                "notebook.ipynb",
            ]
        )


def test_html_is_self_contained_swedish_and_has_no_code(built_reports: dict[str, Path]):
    page = report_file(built_reports["sotenas"], ".html").read_text("utf-8")
    assert '<html lang="sv">' in page
    assert "Sotenäs" in page
    assert swedish(sotenas_population_from_raw()) in page
    for leftover in (
        "<Axes",
        "dtype",
        "In&nbsp;[",
        "jp-InputArea",
        "input_prompt",
        "Traceback",
        "matplotlib.figure",
        "<pre>",
        "make fetch",  # commands are for the broker (the build's output), not the reader
    ):
        assert leftover not in page, leftover
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "external resource"
    assert "<script" not in page
    headings = [int(level) for level in re.findall(r"<h([1-6])", page)]
    assert headings[0] == 1 and headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(headings, headings[1:], strict=False)), (
        "skipped heading level"
    )


def test_every_chart_has_alt_text_and_source(built_reports: dict[str, Path]):
    page = report_file(built_reports["sotenas"], ".html").read_text("utf-8")
    figures = re.findall(r'<figure class="chart".*?</figure>', page, re.S)
    assert len(figures) >= 4
    for figure in figures:
        alt = re.search(r'(?:alt|role="img" aria-label)="([^"]+)"', figure)  # drawn or HTML
        assert alt and len(alt.group(1)) > 20
        assert "Källa: " in figure


def test_pdf_is_tagged_has_toc_and_the_figure(built_reports: dict[str, Path]):
    reader = PdfReader(report_file(built_reports["sotenas"], ".pdf"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "sv"
    assert "Sotenäs" in reader.metadata.title
    assert reader.outline, "no bookmarks"
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert any("Innehåll" in text and "Befolkning och arbetskraft" in text for text in pages[:3])
    figure = swedish(sotenas_population_from_raw())
    assert any(figure.replace(NBSP, " ") in text.replace(NBSP, " ") for text in pages)
    assert f"Sida 2 av {len(reader.pages)}" in pages[1]


def test_key_figures_json(built_reports: dict[str, Path]):
    figures = json.loads((built_reports["sotenas"] / "key_figures.json").read_text("utf-8"))
    assert figures["municipalities"] == ["1427"]
    assert figures["figures"]["population"]["value"] == sotenas_population_from_raw()


def test_executed_notebook_is_kept(built_reports: dict[str, Path]):
    notebook = nbformat.read(built_reports["sotenas"] / "notebook.ipynb", as_version=4)
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and 'area = "sotenas"' in injected[0].source


@pytest.fixture(scope="module")
def lysekil_draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CompletedProcess[str]]:
    """One HTML-only build of a municipality without params file, shared by the tests that
    read its output; returns the tree and the finished command."""
    tree = make_tree(tmp_path_factory.mktemp("lysekil"))
    result = run_cli(tree, "report", "lysekil", "--no-pdf", "--timings")
    assert result.returncode == 0, result.stderr
    return tree, result


def test_a_failing_notebook_leaves_the_earlier_report_untouched(
    tree: Path, lysekil_draft: tuple[Path, CompletedProcess[str]]
):
    shutil.copytree(lysekil_draft[0] / "reports" / "lysekil", tree / "reports" / "lysekil")
    folder = tree / "reports" / "lysekil" / "2026-utkast"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    broken = nbformat.v4.new_notebook(
        metadata=nbformat.read(next((tree / "notebooks").glob("02_*.ipynb")), as_version=4).metadata
    )
    broken.cells = [nbformat.v4.new_code_cell("raise ValueError('planted failure')")]
    nbformat.write(broken, tree / "notebooks" / "03_broken.ipynb")

    result = run_cli(tree, "report", "lysekil", "--no-pdf")

    assert result.returncode != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert "lysekil" in message and "03_broken.ipynb" in message and "planted failure" in message
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert (tree / "reports" / "lysekil" / "misslyckad-2026.ipynb").exists()
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")], "staging left"


def test_bad_params_give_one_line_and_no_report(tree: Path):
    (tree / "params" / "demo.yaml").write_text("name: Demo\nmunicipalities: [1427]\n", "utf-8")
    result = run_cli(tree, "report", "demo")
    assert result.returncode == 2
    assert "citattecken" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tree / "reports" / "demo").exists()


def test_unknown_area_lists_the_areas(tree: Path):
    result = run_cli(tree, "report", "atlantis")
    assert result.returncode == 2
    assert "sotenas" in result.stderr and "trollhattan-vanersborg" in result.stderr


def test_a_scratch_tree_is_independent(tree: Path):
    assert (tree / "reports").is_dir() and not any((tree / "reports").iterdir())
    shutil.rmtree(tree / "reports")


def test_a_municipality_outside_fyrbodal_builds_from_statistics_alone(tree: Path):
    result = run_cli(tree, "report", "0980", "--no-pdf")  # Gotland: region, county and area
    assert result.returncode == 0, result.stderr
    page = report_file(tree / "reports" / "gotland" / "2026-utkast", ".html").read_text("utf-8")
    assert "Gotland" in page and "ingen arbetsgivarenkät" in page.lower()


def test_a_broken_survey_file_gives_one_line_before_any_notebook_runs(tree: Path):
    (tree / "broken.xlsx").write_text("<html><body>Logga in</body></html>", "utf-8")
    (tree / "params" / "demo.yaml").write_text(
        'name: Demo\nmunicipalities: ["1427"]\nsurvey:\n  file: broken.xlsx\n', "utf-8"
    )
    result = run_cli(tree, "report", "demo")
    assert result.returncode == 3
    message = result.stderr.strip()
    assert message.startswith("Fel: broken.xlsx: ") and message.count("Fel:") == 1, message
    assert len(message.splitlines()) == 1 and "webbsida" in message
    assert not (tree / "reports" / "demo").exists()


def test_each_stage_says_when_it_begins(lysekil_draft: tuple[Path, CompletedProcess[str]]):
    lines = lysekil_draft[1].stdout.splitlines()
    begun = [line for line in lines if line.startswith("Lysekil: ") and line.endswith(" …")]
    assert begun == [
        f"Lysekil: {stage} …"
        for stage in ("statistik och enkät", "kapitlen", "HTML", "bilaga och nyckeltal")
    ]
    assert lysekil_draft[1].stderr == ""


def test_timings_name_each_stage_of_the_build(lysekil_draft: tuple[Path, CompletedProcess[str]]):
    result = lysekil_draft[1]
    (line,) = [line for line in result.stdout.splitlines() if "Tid per steg" in line]
    for stage in ("statistik och enkät", "kapitlen", "HTML", "bilaga och nyckeltal"):
        assert re.search(rf"{stage}[^·]* \d+,\d s", line), line
    assert "PDF" not in line  # --no-pdf: no PDF stage
    assert re.search(r"klart på \d+,\d s", result.stdout)  # Swedish decimals (a draft)


def test_the_broker_is_told_how_to_fetch_what_the_report_says_is_missing(
    lysekil_draft: tuple[Path, CompletedProcess[str]],
):
    tree, result = lysekil_draft
    assert "Kör make fetch (eller lka fetch) för att hämta den fullständiga." in result.stdout
    assert "– Den fullständiga Yrkesbarometern saknas i underlaget" in result.stdout
    page = report_file(tree / "reports" / "lysekil" / "2026-utkast", ".html").read_text("utf-8")
    assert "Den fullständiga Yrkesbarometern saknas i underlaget" in page
    assert "make fetch" not in page
    # commuting, unemployment and the rest come with the shipped Kolada series
    assert "Uppgifter om pendling saknas" not in page and "pendlade ungefär" in page
