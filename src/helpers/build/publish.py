"""Write a report's files so that a reader never sees half a report, and leave no debris.

Everything is built in a staging folder next to the destination; only when every file is
complete does the staging folder replace the old report, with two renames. A failed run
removes its staging folder and leaves the earlier report exactly as it was.

Debris: a run's staging folder (``reports/<area>/.<year>.staging-<pid>-…``), scratch
folder (``<tmp>/lka-run-<pid>-…``) and its kernel's socket folder
(``<tmp>/lka-kernel-<pid>-…``, ``execute.start_kernel``) are removed on every exit path
Python sees (an error, Ctrl-C, SIGTERM and SIGHUP, which ``pipeline.prepare_process`` turns
into ``KeyboardInterrupt``). What a killed run (``kill -9``, a power cut) leaves is swept at the
next start: :func:`sweep` in the area's folder, under the area's lock (so no other build of
that area is running), and :func:`sweep_scratch` for scratch and socket folders whose
process is gone.

Two builds of one area never run at once: :func:`locked` takes the area's file lock
(``reports/.<area>.lock``, ``flock``; beside the area's folder, so a build that stops before
writing anything leaves no folder); the second build waits for the first (and is told so),
then finds the report up to date or builds it anew.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

#: The kinds of folder a build keeps in the temporary folder: ``lka-<kind>-<pid>-…``.
SCRATCH_KINDS = ("run", "kernel")
#: A scratch folder without a readable pid (an older version's) is stale after this long.
STALE_AFTER = 24 * 3600
_STAGING = re.compile(r"^\..+\.staging-")
_PREVIOUS = re.compile(r"^\.(.+)\.previous$")
_SCRATCH = re.compile(rf"^lka-(?:{'|'.join(SCRATCH_KINDS)})-(\d+)-")


@contextmanager
def staged(destination: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it becomes ``destination``.

    >>> import tempfile
    >>> reports = Path(tempfile.mkdtemp())
    >>> with staged(reports / "2026") as folder:
    ...     _ = (folder / "report.html").write_text("...")
    >>> [path.name for path in reports.iterdir()], (reports / "2026" / "report.html").read_text()
    (['2026'], '...')
    >>> shutil.rmtree(reports)
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(
            prefix=f".{destination.name}.staging-{os.getpid()}-", dir=destination.parent
        )
    )
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = destination.with_name(f".{destination.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if destination.exists():
        destination.rename(previous)
    staging.chmod(0o755)
    staging.rename(destination)
    shutil.rmtree(previous, ignore_errors=True)


def check_writable(folder: Path) -> None:
    """Raise the OSError that writing into ``folder`` would meet (a read-only file system, no
    permission), before a build spends its time on the chapters: a file is made and removed
    in the nearest folder that exists (nothing else is made: a run that stops early leaves
    no empty report folder).

    >>> check_writable(Path(tempfile.mkdtemp()) / "sotenas" / "2026")
    """
    existing = next(p for p in (folder, *folder.parents) if p.is_dir())
    with tempfile.TemporaryFile(dir=existing, prefix=".write-check-"):
        pass


def sweep(area_folder: Path) -> list[str]:
    """Remove what killed builds left in an area's folder; call it holding :func:`locked`.

    Staging folders go. A ``.<year>.previous`` is an old report a killed build had moved
    aside: it goes back in place when its year's folder is missing, and goes otherwise.
    Returns the names of what was removed or restored.

    >>> area = Path(tempfile.mkdtemp())
    >>> for name in (".2026.staging-123-abc", ".2025.previous", "2026"):
    ...     (area / name).mkdir()
    >>> sorted(sweep(area)), sorted(p.name for p in area.iterdir())
    (['.2025.previous', '.2026.staging-123-abc'], ['2025', '2026'])
    >>> shutil.rmtree(area)
    """
    if not area_folder.is_dir():
        return []
    swept = []
    for path in sorted(area_folder.iterdir()):
        if _STAGING.match(path.name) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            swept.append(path.name)
        elif (match := _PREVIOUS.match(path.name)) and path.is_dir():
            restored = path.with_name(match.group(1))
            if restored.exists():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.rename(restored)
            swept.append(path.name)
    return swept


@contextmanager
def locked(reports: Path, area: str, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the build lock of ``area`` (an ``flock`` on ``reports/.<area>.lock``) while the
    block runs. When another build holds it, ``waiting`` is called once and the build waits
    for it. The lock goes with the process: a killed build leaves no lock held."""
    reports.mkdir(parents=True, exist_ok=True)
    handle = os.open(reports / f".{area}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def sweep_all(reports: Path) -> list[str]:
    """:func:`sweep` every area's folder whose lock is free (an area being built is left
    alone), then :func:`sweep_scratch`: what ``make clean`` removes of the reports' folder.
    Returns what was removed, as paths under ``reports`` and scratch folder names."""
    swept = []
    for folder in sorted(p for p in reports.glob("*") if p.is_dir()):
        handle = os.open(reports / f".{folder.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            swept += [f"{folder.name}/{name}" for name in sweep(folder)]
        except BlockingIOError:
            continue
        finally:
            os.close(handle)
    return swept + sweep_scratch()


def scratch_prefix(kind: str) -> str:
    """How a folder of this ``kind`` (``SCRATCH_KINDS``) in the temporary folder begins: with
    the process id, so :func:`sweep_scratch` knows when it is stale.

    >>> scratch_prefix("kernel") == f"lka-kernel-{os.getpid()}-"
    True
    """
    if kind not in SCRATCH_KINDS:
        raise ValueError(f"unknown scratch folder kind {kind!r}")
    return f"lka-{kind}-{os.getpid()}-"


@contextmanager
def scratch() -> Iterator[Path]:
    """A build's scratch folder in the temporary folder (``scratch_prefix("run")``), removed
    when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=scratch_prefix("run")))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_scratch(temporary: Path | None = None, now: float | None = None) -> list[str]:
    """Remove this user's scratch and kernel socket folders whose process is gone (or,
    without a pid in the name, that are older than a day). Other users' folders and live
    runs' are left alone.

    >>> tmp = Path(tempfile.mkdtemp())
    >>> live, dead = f"lka-run-{os.getpid()}-a", "lka-run-999999999-b"
    >>> for name in (live, dead):
    ...     (tmp / name).mkdir()
    >>> sweep_scratch(tmp), sorted(p.name for p in tmp.iterdir()) == [live]
    (['lka-run-999999999-b'], True)
    >>> shutil.rmtree(tmp)
    """
    temporary = temporary or Path(tempfile.gettempdir())
    now = time.time() if now is None else now
    swept = []
    for path in sorted(p for kind in SCRATCH_KINDS for p in temporary.glob(f"lka-{kind}-*")):
        with contextlib.suppress(OSError):
            info = path.lstat()
            if not path.is_dir() or path.is_symlink() or info.st_uid != os.getuid():
                continue
            match = _SCRATCH.match(path.name)
            stale = not _alive(int(match.group(1))) if match else now - info.st_mtime > STALE_AFTER
            if stale:
                shutil.rmtree(path, ignore_errors=True)
                swept.append(path.name)
    return swept


def _alive(pid: int) -> bool:
    """True when a process with this id exists (one of another user counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OverflowError:  # no process has such an id
        return False
    except PermissionError:
        return True
    return True
