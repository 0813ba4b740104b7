"""Run the report's chapter notebooks for one area with papermill, in one kernel.

The chapters in ``notebooks/`` (``NN_name.ipynb``, in file-name order) are assembled into
one notebook, so the whole report runs in a single kernel: imports and loaded statistics are
shared, and figure numbers run through the report. Each chapter keeps its own ``parameters``
cell so it can be opened and run alone; in the assembled notebook only the first one stays,
and papermill injects the area, the year and a new ``run`` token after it: the chapters'
``open_report(area, year, run)`` then share one report (``report.context``), and the next
build in the same kernel (a batch worker's) starts its own.
"""

from __future__ import annotations

import copy
import json
import logging
import shutil
import tempfile
import uuid
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from helpers.build import publish
from helpers.build.compat import ReadyClient
from helpers.common.errors import ExecutionError
from helpers.config import paths

#: The project's own kernel, installed into the project's environment by ``make install``.
KERNEL_NAME = "lokal-kompetensanalys"
#: The start of the name of each kernel's private socket folder (then the pid, so a killed
#: build's is swept: ``publish.sweep_scratch``).
_SOCKET_FOLDER = "lka-kernel-"

# papermill and nbclient log their own lines ("Kernel died while waiting ...") that Python's
# last-resort handler would print beside this module's one-line ExecutionError.
logging.getLogger("papermill").addHandler(logging.NullHandler())


def _missing_kernel() -> ExecutionError:
    return ExecutionError(
        f"Jupyter-kärnan {KERNEL_NAME} är inte installerad i den här miljön: kör make install."
    )


def start_kernel(
    area: str | None = None, year: int | None = None, cwd: Path | None = None
) -> AsyncKernelManager:
    """A kernel of its own for one report, or one that stays up for several (a batch
    worker's), saving its start-up and imports each time. Stop it with :func:`stop_kernel`,
    and replace it after a failed report.

    The kernel talks over Unix sockets in a private folder, not TCP ports: reports built in
    parallel each start a kernel, and with TCP two kernels can pick the same free port
    between checking and binding it (and nothing listens on the network). It hands out
    ``compat.ReadyClient`` clients.

    The kernel readies itself as it starts (``warm_up.warm_up``: imports and, for an
    ``area``, that area's survey): this returns at once, and the kernel works on its own core
    while the caller goes on.
    """
    warm_up = f"from helpers.build.warm_up import warm_up; warm_up({area!r}, {year!r})"
    folder = Path(tempfile.mkdtemp(prefix=publish.scratch_prefix("kernel")))
    kernel = AsyncKernelManager(
        kernel_name=KERNEL_NAME,
        transport="ipc",
        ip=str(folder / "kernel"),
        client_factory=ReadyClient,
    )
    try:
        run_sync(kernel.start_kernel)(
            cwd=str(cwd or paths.NOTEBOOKS),
            # no history database: a report kernel never looks back at its own input
            extra_arguments=[
                f"--IPKernelApp.exec_lines={warm_up}",
                "--HistoryManager.enabled=False",
            ],
        )
    except NoSuchKernel:
        shutil.rmtree(folder, ignore_errors=True)
        raise _missing_kernel() from None
    return kernel


def stop_kernel(kernel: AsyncKernelManager) -> None:
    """Shut a kernel from :func:`start_kernel` down and remove its socket folder."""
    try:
        run_sync(kernel.shutdown_kernel)(now=True)
    finally:
        folder = Path(kernel.ip).parent
        if kernel.transport == "ipc" and folder.name.startswith(_SOCKET_FOLDER):
            shutil.rmtree(folder, ignore_errors=True)


def chapter_paths(folder: Path | None = None) -> list[Path]:
    """The chapter notebooks in report order (their file names start with a number)."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def chapter_titles(chapters: list[Path]) -> list[str]:
    """Each chapter's title, in report order: the ``## Title`` its first cell opens with
    (``notebooks.py`` checks that every chapter has one).

    >>> chapter_titles(chapter_paths())[:2]
    ['Sammanfattning', 'Inledning']
    """
    titles = []
    for chapter in chapters:
        cells = json.loads(chapter.read_text(encoding="utf-8"))["cells"]
        source = "".join(cells[0]["source"]) if cells else ""
        first = source.lstrip().splitlines()[0] if source.strip() else ""
        if first.startswith("## "):
            titles.append(first[3:].strip().rstrip("#").strip())
    return titles


def _is_parameters(cell: nbformat.NotebookNode) -> bool:
    return "parameters" in cell.get("metadata", {}).get("tags", [])


def assemble(chapters: list[Path]) -> nbformat.NotebookNode:
    """One notebook of all chapters; every cell remembers which chapter it came from."""
    if not chapters:
        raise ExecutionError(f"Inga kapitel hittades i {paths.NOTEBOOKS} (NN_namn.ipynb).")
    first = nbformat.read(chapters[0], as_version=4)
    combined = nbformat.v4.new_notebook(metadata=copy.deepcopy(first.metadata))
    kept_parameters = False
    for chapter in chapters:
        notebook = nbformat.read(chapter, as_version=4)
        for cell in notebook.cells:
            if _is_parameters(cell):
                if kept_parameters:
                    continue
                kept_parameters = True
            cell = copy.deepcopy(cell)
            cell.metadata["chapter"] = chapter.name
            combined.cells.append(cell)
    return combined


def execute(
    notebook: nbformat.NotebookNode,
    output: Path,
    *,
    area: str,
    year: int,
    cwd: Path | None = None,
    kernel: AsyncKernelManager | None = None,
) -> nbformat.NotebookNode:
    """Execute the assembled notebook into ``output``; on a cell error raise ExecutionError.

    The executed notebook is written to ``output`` either way, so a failed run leaves the
    analyst the notebook with its error. ``kernel`` (from :func:`start_kernel`) runs the
    notebook in a kernel that is already up, as batch workers do; without it a new kernel
    starts and stops with the run.
    """
    # Imported here, not at the top: a report's kernel starts before papermill is needed.
    import papermill
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    own_kernel = start_kernel(area, year, cwd) if kernel is None else None
    try:
        return papermill.execute_notebook(
            notebook,
            str(output),
            # a new run token: this build's chapters share one report, numbered from Figur 1
            parameters={"area": area, "year": year, "run": uuid.uuid4().hex},
            kernel_name=KERNEL_NAME,
            cwd=str(cwd or paths.NOTEBOOKS),
            progress_bar=False,
            log_output=False,
            report_mode=False,
            # papermill otherwise rewrites the whole notebook, charts and all, around every cell
            request_save_on_cell_execute=False,
            km=kernel or own_kernel,
        )
    except DeadKernelError:
        raise ExecutionError(
            f"Området {area}: Python-kärnan stannade mitt i körningen (till exempel av "
            "minnesbrist). Kör igen; händer det igen, kör kapitlen ett i taget med make lab."
        ) from None
    except PapermillExecutionError as error:
        executed = nbformat.read(output, as_version=4)
        # papermill inserts error banner cells, so error.cell_index no longer points at the
        # failed cell: find it by the exception papermill recorded on it.
        failed = [c for c in executed.cells if c.metadata.get("papermill", {}).get("exception")]
        chapter = failed[0].metadata.get("chapter", "?") if failed else "?"
        raise ExecutionError(
            f"Området {area}: kapitlet {chapter} misslyckades i cell {error.exec_count} "
            f"({error.ename}: {error.evalue})."
        ) from None
    finally:
        if own_kernel is not None:
            stop_kernel(own_kernel)
