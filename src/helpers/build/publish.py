"""Write a report's files so that a reader never sees half a report.

Everything is built in a staging folder next to the destination; only when every file is
complete does the staging folder replace the old report, with two renames. A failed run
removes its staging folder and leaves the earlier report exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.staging-", dir=destination.parent))
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
