"""The statistics files checked against their manifests before a report is built.

Each statistics folder in ``data/raw/`` (``public/``, ``kolada/``, ``yrkesbarometer/``) has a
``MANIFEST.csv`` with every file's SHA-256 checksum (``stats.manifest``). A file cut short, edited
or missing would give a report with wrong figures and no error; :func:`check` stops the build
instead, with one line that names the file and how to get it back (``make fetch`` for what it
fetches, ``git checkout`` for the shipped copy).

Checksumming the 21 MB takes a tenth of a second or more; a checksum is therefore kept with the
file's size and modification time in a cache, ``build/checksums.json`` (derived data, never in
``data/raw/``), and a file whose size and time are unchanged is not read again. The cache is a
file the caller names, not state in this module; a cache that is damaged or cannot be written
only makes the check slower::

    >>> import tempfile
    >>> cache = Path(tempfile.mkdtemp()) / "checksums.json"
    >>> check(cache_file=cache)
    >>> len(json.loads(cache.read_text())["files"]) > 20
    True
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from helpers.common.errors import InputFileError
from helpers.config import paths
from helpers.config.tables import restore_hint, shown
from helpers.stats import manifest

#: The cache format; another version is ignored (and rewritten).
CACHE_VERSION = 1


def folders() -> tuple[Path, ...]:
    """The statistics folders a report reads that carry a manifest."""
    return (paths.PUBLIC, paths.KOLADA, paths.YRKESBAROMETER)


def cache_path() -> Path:
    """Where the checksums of unchanged files are kept between runs."""
    return paths.BUILD / "checksums.json"


def _load(cache_file: Path) -> dict[str, list]:
    try:
        content = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(content, dict) or content.get("version") != CACHE_VERSION:
        return {}
    files = content.get("files")
    return files if isinstance(files, dict) else {}


def _save(cache_file: Path, files: dict[str, list]) -> None:
    """Write the cache atomically; a folder that cannot be written keeps the old (or none)."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=cache_file.parent, prefix=".checksums-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"version": CACHE_VERSION, "files": files}, out)
            os.replace(name, cache_file)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def checksum(path: Path, cache: dict[str, list]) -> str:
    """The file's SHA-256, from ``cache`` when its size and modification time are unchanged
    (the cache is updated otherwise)."""
    stat = path.stat()
    key = str(path.resolve())
    known = cache.get(key)
    if isinstance(known, list) and known[:2] == [stat.st_size, stat.st_mtime_ns]:
        return str(known[2])
    digest = manifest.sha256(path)
    cache[key] = [stat.st_size, stat.st_mtime_ns, digest]
    return digest


def problems(where: Iterable[Path], cache: dict[str, list]) -> list[str]:
    """One line for each listed file that is missing or differs from its manifest."""
    found = []
    for folder in where:
        rows = manifest.read(folder)
        if not rows:
            found.append(
                f"{shown(folder / manifest.FILE)} saknas: statistiken i {shown(folder)} kan "
                f"inte kontrolleras. {restore_hint(folder / manifest.FILE)}"
            )
            continue
        for name, row in rows.items():
            path = folder / name
            if not path.is_file():
                found.append(
                    f"{shown(path)} saknas (den står i {manifest.FILE}). {restore_hint(path)}"
                )
            elif checksum(path, cache) != row["sha256"]:
                found.append(
                    f"{shown(path)} stämmer inte med {manifest.FILE} (kontrollsumman skiljer "
                    f"sig: filen är ändrad eller skadad). {restore_hint(path)}"
                )
    return found


def check(where: Iterable[Path] | None = None, *, cache_file: Path | None = None) -> None:
    """Stop (InputFileError, one line) when a statistics file differs from its manifest."""
    cache_file = cache_file or cache_path()
    cache = _load(cache_file)
    before = dict(cache)
    found = problems(folders() if where is None else where, cache)
    if cache != before:
        _save(cache_file, cache)
    if found:
        more = f" ({len(found) - 1} filer till är fel.)" if len(found) > 1 else ""
        raise InputFileError(found[0] + more)
