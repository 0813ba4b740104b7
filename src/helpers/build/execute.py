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
import logging
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from queue import Empty

import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from traitlets import DottedObjectName, Type, Unicode

from helpers.common.errors import ExecutionError
from helpers.config import paths

#: The project's own kernel, installed into the project's environment by ``make install``.
KERNEL_NAME = "lokal-kompetensanalys"

# papermill and nbclient log their own lines ("Kernel died while waiting ...") that Python's
# last-resort handler would print beside this module's one-line ExecutionError.
logging.getLogger("papermill").addHandler(logging.NullHandler())


class ReadyClient(AsyncKernelClient):
    """A kernel client that is ready when its kernel is, not 0,2 s later.

    jupyter_client's ``wait_for_ready`` ends by reading IOPub until nothing has come for
    0,2 s: every report waited that long before its first cell (measured from the end of the
    kernel's warm-up). Messages left on IOPub do no harm, as nbclient takes only the answers
    to its own requests; this client takes what is already there and goes on.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:  # type: ignore[override]
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while not await self._kernel_info_answered():
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:  # what is queued already, without waiting for more
            try:
                await self.iopub_channel.get_msg(timeout=0)
            except Empty:
                return

    async def _kernel_info_answered(self) -> bool:
        """Ask for kernel_info; True once it is answered and IOPub delivers too (then the
        kernel is up and both channels are connected)."""
        self.kernel_info()
        try:
            reply = await self.shell_channel.get_msg(timeout=1)
            if reply["msg_type"] != "kernel_info_reply":
                return False
            await self.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            return False
        self._handle_kernel_info_reply(reply)
        return True


class IPCKernelManager(AsyncKernelManager):
    """A kernel that talks over Unix sockets instead of TCP ports.

    Reports built in parallel each start a kernel; with TCP, two kernels can pick the same
    free port between checking and binding it. Sockets are files in a private folder, so
    parallel kernels cannot collide (and nothing listens on the network).
    """

    transport = Unicode("ipc")
    client_class = DottedObjectName("helpers.build.execute.ReadyClient")
    client_factory = Type(ReadyClient, klass=AsyncKernelClient)

    def _ip_default(self) -> str:
        # jupyter_client's default is "kernel-ipc" in the working folder, the same path for
        # every kernel started there: give each kernel a private folder instead.
        self._socket_folder = tempfile.mkdtemp(prefix="lka-kernel-")
        return os.path.join(self._socket_folder, "kernel")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart and getattr(self, "_socket_folder", None):
            shutil.rmtree(self._socket_folder, ignore_errors=True)


def _missing_kernel() -> ExecutionError:
    return ExecutionError(
        f"Jupyter-kärnan {KERNEL_NAME} är inte installerad i den här miljön: kör make install."
    )


def start_kernel(area: str | None = None, year: int | None = None) -> IPCKernelManager:
    """A kernel of its own for one report, or one that stays up for several (a batch
    worker's), saving its start-up and imports each time. Stop it with :func:`stop_kernel`,
    and replace it after a failed report.

    The kernel readies itself as it starts (``warm_up.warm_up``: imports and, for an
    ``area``, that area's survey): this returns at once, and the kernel works on its own core
    while the caller goes on.
    """
    warm_up = f"from helpers.build.warm_up import warm_up; warm_up({area!r}, {year!r})"
    kernel = IPCKernelManager(kernel_name=KERNEL_NAME)
    try:
        run_sync(kernel.start_kernel)(
            cwd=str(paths.NOTEBOOKS),
            # no history database: a report kernel never looks back at its own input
            extra_arguments=[
                f"--IPKernelApp.exec_lines={warm_up}",
                "--HistoryManager.enabled=False",
            ],
        )
    except NoSuchKernel:
        raise _missing_kernel() from None
    return kernel


def stop_kernel(kernel: IPCKernelManager) -> None:
    """Shut a kernel from :func:`start_kernel` down and remove its sockets."""
    run_sync(kernel.shutdown_kernel)(now=True)


def chapter_paths(folder: Path | None = None) -> list[Path]:
    """The chapter notebooks in report order (their file names start with a number)."""
    folder = folder or paths.NOTEBOOKS
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


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
    kernel: IPCKernelManager | None = None,
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

    reuse = {"km": kernel} if kernel is not None else {}
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
            kernel_manager_class=IPCKernelManager,
            **reuse,
        )
    except NoSuchKernel:
        raise _missing_kernel() from None
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
