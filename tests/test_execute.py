"""Running the chapters in a kernel: assembling, warm-up, and every failure as one line."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers.build import execute
from helpers.common.errors import ExecutionError


def notebook(*sources: str) -> nbformat.NotebookNode:
    """A notebook with a parameters cell and the given code cells."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": execute.KERNEL_NAME,
        "display_name": "Lokal kompetensanalys",
        "language": "python",
    }
    nb.cells = [
        nbformat.v4.new_code_cell(
            "area = None\nyear = None\nrun = None", metadata={"tags": ["parameters"]}
        ),
        *(nbformat.v4.new_code_cell(source) for source in sources),
    ]
    return nb


def test_assembling_keeps_one_parameters_cell_and_marks_each_chapter():
    combined = execute.assemble(execute.chapter_paths())
    tagged = [c for c in combined.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    chapters = {c.metadata["chapter"] for c in combined.cells}
    assert chapters == {p.name for p in execute.chapter_paths()}


def test_a_missing_kernel_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(execute, "KERNEL_NAME", "no-such-kernel-here")
    with pytest.raises(ExecutionError, match="make install"):
        execute.start_kernel()


@pytest.mark.slow
def test_a_started_kernel_has_read_the_areas_survey_before_the_first_cell(tmp_path: Path):
    kernel = execute.start_kernel("sotenas", 2026)
    try:
        probe = notebook(
            "from helpers.analysis import area_survey\n"
            "assert area_survey._load.cache_info().currsize == 1, 'survey not read at start'"
        )
        execute.execute(probe, tmp_path / "out.ipynb", area="sotenas", year=2026, kernel=kernel)
    finally:
        execute.stop_kernel(kernel)


@pytest.mark.slow
def test_two_builds_in_one_kernel_each_number_their_figures_from_1(tmp_path: Path):
    """A batch worker keeps its kernel from report to report: nothing carries over, while
    the chapters of one build share the report (papermill injects a new run each build)."""
    chapter = (
        "from helpers.report.chapters import population\n"
        "from helpers.report.context import open_report\n"
        "rpt = open_report(area, year, run)\n"
        "rpt.show(population.trend_chart(rpt.area))"
    )
    kernel = execute.start_kernel()
    try:
        for build in ("first", "second"):
            ran = execute.execute(
                notebook(chapter, chapter),  # two chapters of one build
                tmp_path / f"{build}.ipynb",
                area="sotenas",
                year=2026,
                kernel=kernel,
            )
            html = "".join(
                o["data"]["text/html"]
                for cell in ran.cells
                for o in cell.get("outputs", [])
                if "text/html" in o.get("data", {})
            )
            assert re.findall(r"Figur (\d+)\.</span>", html) == ["1", "2"], build
    finally:
        execute.stop_kernel(kernel)


@pytest.mark.slow
def test_a_kernel_that_dies_gives_one_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]):
    dying = notebook("import os\nos._exit(1)")
    with pytest.raises(ExecutionError) as raised:
        execute.execute(dying, tmp_path / "out.ipynb", area="sotenas", year=2026)
    message = str(raised.value)
    assert "sotenas" in message and "kärnan stannade" in message and "\n" not in message
    assert "Kernel died" not in capfd.readouterr().err  # papermill's own log line stays out


@pytest.mark.slow
def test_a_kernel_talks_over_sockets_in_a_folder_of_its_own_removed_when_it_stops():
    first, second = execute.start_kernel(), execute.start_kernel()
    try:
        folders = [Path(kernel.ip).parent for kernel in (first, second)]
        assert first.transport == second.transport == "ipc"
        assert folders[0] != folders[1] and all(f.is_dir() for f in folders)
    finally:
        execute.stop_kernel(first)
        execute.stop_kernel(second)
    assert not any(f.exists() for f in folders)
