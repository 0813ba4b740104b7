"""One report, end to end: params → notebooks (papermill) → HTML, PDF, JSON, Excel.

>>> from helpers.config.params import load_area
>>> files = build_report("sotenas")          # doctest: +SKIP
>>> report_files(load_area("sotenas")).pdf.name
'kompetensanalys-sotenas-2026.pdf'

A draft (``draft=True``, and every build without a PDF) goes to a folder of its own and
never touches the published report; it says "Utkast" at the top of the page and on every
page of the PDF:

>>> report_files(load_area("sotenas"), draft=True).html.relative_to(paths.REPORTS).as_posix()
'sotenas/2026-utkast/kompetensanalys-sotenas-2026-utkast.html'

Builds of one area run one at a time (``publish.locked``; a second one waits and is told
so), and each first sweeps what killed builds left behind (``publish.sweep``).
>>> report_files(load_area("sotenas")).docx.name
'kompetensanalys-sotenas-2026.docx'
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers.build import fingerprint, publish
from helpers.common.errors import ExecutionError, RenderError, ReportError, write_error
from helpers.config import paths
from helpers.config.params import Area, load_area
from helpers.stats import integrity


@dataclass(frozen=True)
class ReportFiles:
    """Where one report's files are (or will be) once it is published."""

    folder: Path
    html: Path
    pdf: Path
    docx: Path
    notebook: Path
    key_figures: Path
    appendix: Path


def report_files(area: Area, folder: Path | None = None, *, draft: bool = False) -> ReportFiles:
    """The file names of an area's report, in ``reports/<area>/<year>/`` (a draft's in
    ``reports/<area>/<year>-utkast/``, its names ending in ``-utkast``)."""
    folder = folder or paths.report_dir(area.slug, area.year, draft=draft)
    stem = paths.report_stem(area.slug, area.year) + ("-utkast" if draft else "")
    return ReportFiles(
        folder=folder,
        html=folder / f"{stem}.html",
        pdf=folder / f"{stem}.pdf",
        docx=folder / f"{stem}.docx",
        notebook=folder / "notebook.ipynb",
        key_figures=folder / "key_figures.json",
        appendix=folder / paths.appendix_name(area.slug, area.year),
    )


def failed_notebook_path(area: Area) -> Path:
    """Where a failed run leaves its notebook for the analyst (not in the report folder)."""
    return paths.REPORTS / area.slug / f"misslyckad-{area.year}.ipynb"


@dataclass(frozen=True)
class BuildResult:
    """What one run did: ``built`` or ``up to date`` (skipped), and where the files are."""

    area: Area
    files: ReportFiles
    skipped: bool
    #: Seconds spent in each stage, in order (keys of ``STAGES``); empty when skipped.
    timings: dict[str, float] = field(default_factory=dict)
    #: What the broker can do about data the report lacks: each fix (e.g. run make fetch)
    #: with the sentences the report says in its place; empty when skipped.
    fixes: dict[str, list[str]] = field(default_factory=dict)


#: The stages of a build, as ``timings`` and ``progress`` name them, and how the CLI shows them.
STAGES = {
    "waiting": "väntar på en annan körning av samma område",
    "prepare": "statistik och enkät",
    "chapters": "kapitlen",
    "html": "HTML",
    "pdf": "PDF",
    "word": "Word",
    "files": "bilaga och nyckeltal",
}
#: Told each stage of a build as it begins: the area and the stage (a key of ``STAGES``).
Progress = Callable[[Area, str], None]


def prepare_process() -> None:
    """Ready a process that builds reports (the CLI, a batch worker), before it imports
    nbformat: jsonschema's unused "iri" grammar left out (``compat``), and the garbage
    collector tuned once the modules every build needs are imported (``gc_tuning``)."""
    from helpers.build import compat, gc_tuning

    compat.leave_out_rfc3987_grammar()
    gc_tuning.tune()
    _end_cleanly_on_termination()


def _end_cleanly_on_termination() -> None:
    """SIGTERM and SIGHUP end the process as Ctrl-C does (``KeyboardInterrupt``), so every
    ``finally`` runs: staging and scratch folders are removed and the kernel is stopped.
    Only the main thread may set signal handlers (a test calling this elsewhere skips it)."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)


@contextmanager
def _timed(
    timings: dict[str, float], stage: str, told: Callable[[str], None] | None = None
) -> Iterator[None]:
    if told is not None:
        told(stage)
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started


def _import_survey(area: Area) -> None:
    """Check the survey before any notebook runs, and split its contact data off.

    A survey with errors stops the run here with the validator's one-line message; contact
    details go to ``data/contacts/`` (outside reports/, never committed), nowhere else.
    """
    if area.survey is None:
        return
    from helpers.survey import inputs, privacy, read

    for path, year in ((area.survey.file, area.year), (area.survey.previous, area.year - 1)):
        if path is not None:
            answers = read.read_survey(
                path,
                municipalities=area.municipality_names,
                mapping=area.survey.mapping,
                sheet=area.survey.sheet,
            )
            if path == area.survey.file:  # last year's export and invited, before its contacts
                where = _shown(area.params_file) if area.params_file else area.slug
                inputs.check(area.survey, answered=len(answers.responses), where=where)
            privacy.write_contacts(answers, area.slug, year)


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)


def build_report(
    name: str,
    *,
    year: int | None = None,
    pdf: bool = True,
    force: bool = False,
    draft: bool = False,
    kernel: Callable[[], Any] | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Build and publish one area's report, unless it is up to date and not ``force``d.

    Raises a ReportError with one clear message; an earlier report is then left untouched.
    A ``draft`` (and any build without a ``pdf``) goes to its own folder and is always
    built. ``kernel`` gives a running kernel to reuse (a batch worker's, see
    ``execute.start_kernel``); it is called only when the report has to be built.
    ``progress`` is told each stage as it begins (the CLI prints a line for each), and
    ``"waiting"`` when another build of the area runs (this one then waits for it).
    """
    area = load_area(name, year=year)
    integrity.check()  # the statistics as their manifests say (cached checksums: ~1 ms)
    draft = draft or not pdf
    final = report_files(area, draft=draft)
    area_folder = paths.REPORTS / area.slug
    waiting = (lambda: progress(area, "waiting")) if progress else None
    with publish.locked(paths.REPORTS, area.slug, waiting):
        publish.sweep(area_folder)
        publish.sweep_scratch()
        if not force and not draft and fingerprint.is_up_to_date(area, final.folder):
            return BuildResult(area, final, skipped=True)
        publish.check_writable(final.folder.parent)  # a read-only reports/ stops here
        return _locked_build(area, final, pdf, draft, kernel, progress)


def _locked_build(
    area: Area,
    final: ReportFiles,
    pdf: bool,
    draft: bool,
    kernel: Callable[[], Any] | None,
    progress: Progress | None,
) -> BuildResult:
    """``build_report`` once it holds the area's lock and the report has to be built."""
    # Imported only when there is work to do: nbformat, papermill, nbconvert and WeasyPrint
    # take longer to import than the up-to-date check takes in all.
    from helpers.build import execute
    from helpers.report import comments

    # a comment under a title that is no chapter stops the run before anything starts
    comments.read(area.comments, execute.chapter_titles(execute.chapter_paths()))
    timings: dict[str, float] = {}
    told = (lambda stage: progress(area, stage)) if progress else None
    own_kernel = None
    stopping: threading.Thread | None = None

    def done_with_kernel() -> None:
        nonlocal stopping
        if own_kernel is not None:  # it takes 0,1 s to end: let it while the report renders
            stopping = threading.Thread(target=execute.stop_kernel, args=(own_kernel,))
            stopping.start()

    try:
        with _timed(timings, "prepare", told):
            if kernel is None:  # started first: it boots and warms up while the survey is checked
                own_kernel = running = execute.start_kernel(area.slug, area.year)
            else:
                running = kernel()
            _import_in_background("helpers.build.html", "weasyprint")
            _import_survey(area)
            _check_logo(area)
        fixes = _build(area, final, running, pdf, draft, timings, done_with_kernel, told)
    finally:
        if stopping is not None:
            stopping.join()
        elif own_kernel is not None:
            execute.stop_kernel(own_kernel)
    return BuildResult(area, final, skipped=False, timings=timings, fixes=fixes)


def _check_logo(area: Area) -> None:
    """The params' logo, checked before any chapter runs (a format the page cannot show, an
    SVG that points outside itself): its one line comes at once, not after the chapters."""
    if area.logo is not None:
        from helpers.build import html

        html.embedded(area.logo)


def _import_in_background(*modules: str) -> None:
    """Import the renderer's modules in a thread while the chapters run: they take about a
    second to import, time the pipeline otherwise spends waiting for the kernel. A module
    used before the thread is done simply waits for it (Python's import lock)."""

    def run() -> None:
        for module in modules:
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001, S110  (imported again where used, and reported there)
                return

    threading.Thread(target=run, name="lka-imports").start()


def _build(
    area: Area,
    final: ReportFiles,
    kernel: Any,
    pdf: bool,
    draft: bool,
    timings: dict[str, float],
    done_with_kernel: Callable[[], None],
    told: Callable[[str], None] | None = None,
) -> dict[str, list[str]]:
    """Run the chapters in ``kernel``, render the report and publish it in one step; returns
    the fixes for missing data that the chapters recorded. ``done_with_kernel`` is called
    once the chapters have run."""
    from helpers.build import execute, html, outputs
    from helpers.build.pdf import project_folders, to_pdf  # (``pdf`` is this function's flag)

    with publish.scratch() as scratch:
        executed_path = Path(scratch) / "notebook.ipynb"
        notebook = execute.assemble(execute.chapter_paths())
        notebook.metadata["lka"] = {"area": area.slug, "year": area.year}
        try:
            with _timed(timings, "chapters", told):
                executed = execute.execute(
                    notebook, executed_path, area=area.slug, year=area.year, kernel=kernel
                )
        except ExecutionError as error:
            if not executed_path.exists():  # the kernel died before papermill could save
                raise ExecutionError(f"{error} Ingen rapport skrevs.") from None
            kept = failed_notebook_path(area)
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(executed_path, kept)
            raise ExecutionError(
                f"{error} Den misslyckade anteckningsboken finns i "
                f"{kept.relative_to(paths.ROOT)}. Ingen rapport skrevs."
            ) from None
        done_with_kernel()
        failed_notebook_path(area).unlink(missing_ok=True)
        with publish.staged(final.folder) as staging:
            staged = report_files(area, staging, draft=draft)
            metadata = html.report_metadata(area, draft=draft)
            try:
                with _timed(timings, "html", told):
                    page = html.to_html(executed, metadata)
                    staged.html.write_text(page, encoding="utf-8")
                word = _start_word(area, staged, metadata, Path(scratch)) if pdf else None
                try:
                    if pdf:
                        with _timed(timings, "pdf", told):
                            to_pdf(page, staged.pdf, metadata, project_folders(staging))
                finally:
                    if word is not None:  # (on an error too: no process left behind)
                        with _timed(timings, "word", told):
                            _finish_word(area, word)
            except ReportError:  # e.g. an address the renderer refused: its own line
                raise
            except Exception as error:  # a template or layout bug: say where, keep nothing
                if isinstance(error, OSError) and write_error(error):
                    raise  # a full disk is no bug of the template: the CLI names the file
                raise RenderError(
                    f"Området {area.slug}: rapporten kunde inte skapas "
                    f"({type(error).__name__}: {error})."
                ) from error
            with _timed(timings, "files", told):
                _write_data_files(area, executed, staged, staging, draft)
    return outputs.fixes(executed)


def _start_word(
    area: Area, staged: ReportFiles, metadata: dict[str, Any], scratch: Path
) -> subprocess.Popen[str]:
    """Start the Word version (``helpers.build.word``) in a process of its own: it converts
    the page while this process renders the PDF, on the other core."""
    settings = scratch / "word.json"
    template = str(area.docx_template) if area.docx_template else None
    settings.write_text(json.dumps({**metadata, "template": template}), encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "helpers.build.word", str(staged.html), str(staged.docx), settings],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish_word(area: Area, word: subprocess.Popen[str]) -> None:
    """Wait for the Word version; its error line becomes this build's (nothing is kept)."""
    _, error = word.communicate()
    if word.returncode != 0:
        lines = [line for line in error.splitlines() if line.strip()] or ["okänt fel"]
        raise RenderError(f"Området {area.slug}: {lines[-1]}")


def _write_data_files(
    area: Area, executed: Any, staged: ReportFiles, staging: Path, draft: bool
) -> None:
    """The executed notebook, key figures, Excel appendix and build fingerprint."""
    import nbformat

    from helpers.build import outputs

    nbformat.write(executed, staged.notebook)
    staged.key_figures.write_text(
        json.dumps(
            {
                "area": area.slug,
                "name": area.name,
                "year": area.year,
                "municipalities": list(area.municipalities),
                "figures": outputs.key_figures(executed),
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    outputs.write_appendix(
        outputs.appendix_tables(executed),
        staged.appendix,
        title=f"{area.report_title} – {area.name} {area.year}",
        author=area.author,
    )
    if not draft:  # a draft (also every HTML-only build) never counts as up to date
        (staging / fingerprint.BUILD_INFO).write_text(
            fingerprint.build_info(area), encoding="utf-8"
        )
