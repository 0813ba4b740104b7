"""Is a report up to date? A checksum of everything that goes into it.

The inputs of a report are its params (the area's file, the shared defaults and every file
they name: survey exports, last year's, a mapping file, the logo, the broker's comments,
the Word template, any file a new key names), the analyst's SSYK corrections
(``params/ssyk_overrides.csv``), the chapter notebooks and the template (the working
folder's or the package's), the raw and processed data, what ``make fetch`` brought
(``data/external/``), the package's own code and version, and the versions of the installed
packages that render it. Their checksums are stored beside the report (``build_info.json``);
the next run with the same checksums is skipped unless forced.

    >>> from helpers.config.params import load_area
    >>> fingerprint(load_area("sotenas")) == fingerprint(load_area("sotenas"))
    True

A file's checksum is remembered by its path, size and modification time, so a changed file
is read again at once, also in a process that builds many reports (a batch worker).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers import __version__
from helpers.config import paths
from helpers.config.params import Area

BUILD_INFO = "build_info.json"
_SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def shared_folders() -> dict[str, Path]:
    """The folders every area's report reads, by the name the checksum gives them."""
    return {
        "notebooks": paths.NOTEBOOKS,
        "templates": paths.TEMPLATES,
        "package": paths.PACKAGE,
        "data/raw": paths.DATA_RAW,
        "data/processed": paths.PROCESSED,
        "data/external": paths.EXTERNAL,
    }


@lru_cache(maxsize=8192)
def _file_digest(path: Path, size: int, mtime_ns: int) -> str:
    """A file's SHA-256; remembered by its path, size and modification time (an immutable
    string, so ``functools`` may keep it)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _digest_of(path: Path) -> str:
    try:
        info = path.stat()
    except FileNotFoundError:
        return "missing"
    return _file_digest(path, info.st_size, info.st_mtime_ns)


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not _SKIPPED_PARTS & set(path.parts) and path.suffix != ".pyc":
            yield path


def _environment() -> str:
    """The installed distributions and their versions (a new WeasyPrint renders anew): the
    names of the ``*.dist-info`` / ``*.egg-info`` entries on ``sys.path``, which carry both.

    >>> any(line.startswith("weasyprint-") for line in _environment().splitlines())
    True
    """
    found = []
    for entry in dict.fromkeys(sys.path):
        with contextlib.suppress(OSError), os.scandir(entry or ".") as listing:
            found += [
                item.name.lower()
                for item in listing
                if item.name.endswith((".dist-info", ".egg-info"))
            ]
    return "\n".join(sorted(found))


def _shared_digest() -> str:
    """One checksum over every file the reports of all areas share, and the environment."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(_environment().encode())
    for name, folder in shared_folders().items():
        for path in _files(folder):
            digest.update(f"{name}/{path.relative_to(folder)}".encode())
            digest.update(_digest_of(path).encode())
    return digest.hexdigest()


def _named_files(value: Any) -> Iterator[Path]:
    """Every file a params value names (the area, its survey, ... at any depth)."""
    if isinstance(value, Path):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _named_files(getattr(value, item.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _named_files(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _named_files(item)


def inputs(area: Area) -> list[Path]:
    """The files of this area's own that go into its report (besides the shared folders)."""
    own = [paths.PARAMS / "defaults.yaml", paths.SSYK_OVERRIDES, *_named_files(area)]
    return list(dict.fromkeys(own))


def fingerprint(area: Area) -> str:
    """A checksum of every input of this area's report: same inputs, same fingerprint."""
    digest = hashlib.sha256(_shared_digest().encode())
    for path in inputs(area):
        digest.update(str(path).encode())
        digest.update(_digest_of(path).encode())
    digest.update(repr(area).encode())  # every setting, also of an area without params file
    return digest.hexdigest()


def is_up_to_date(area: Area, folder: Path) -> bool:
    """True when the report in ``folder`` was built from exactly these inputs."""
    try:
        info = json.loads((folder / BUILD_INFO).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return False
    return info.get("fingerprint") == fingerprint(area)


def build_info(area: Area) -> str:
    """The JSON stored beside a report: its fingerprint and the package version."""
    return json.dumps(
        {
            "fingerprint": fingerprint(area),
            "version": __version__,
            "area": area.slug,
            "year": area.year,
        },
        indent=2,
    )
