"""The snapshot's manifest: every file, where it came from, and its SHA-256 checksum.

``MANIFEST.csv`` sits in each snapshot folder (``data/raw/public/``,
``data/raw/yrkesbarometer/``) and lists each file (paths relative to the folder) with its
``source``, ``table_id``, ``years``, ``origin`` (the URL or public copy it came from),
``retrieved`` (date), a ``note`` (series breaks, retired KPIs) and ``sha256``. ``make fetch``
rewrites it with the files it stores; :func:`verify` tells whether the folder still matches.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.csv").write_text("x\\n1\\n")
    >>> update(folder, {"a.csv": {"source": "SCB", "years": "2019"}})
    >>> verify(folder)
    []
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Mapping
from pathlib import Path

FILE = "MANIFEST.csv"
COLUMNS = ["file", "source", "table_id", "years", "origin", "retrieved", "note", "sha256"]


def sha256(path: Path) -> str:
    """The file's SHA-256 checksum as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files(folder: Path) -> list[str]:
    """Every file in the folder and below (relative, ``/``-separated), the manifest excepted."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            relative = (Path(root) / name).relative_to(folder).as_posix()
            if relative != FILE:
                found.append(relative)
    return sorted(found)


def read(folder: Path) -> dict[str, dict[str, str]]:
    """The manifest's rows by file (empty when there is no manifest yet)."""
    path = folder / FILE
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            row["file"]: {c: row.get(c) or "" for c in COLUMNS} for row in csv.DictReader(handle)
        }


def update(folder: Path, entries: Mapping[str, Mapping[str, str]]) -> None:
    """Merge ``entries`` (file → fields) into the manifest and checksum every file anew.

    Files that no longer exist leave the manifest; a file in the folder with no entry at all
    is an error, so nothing enters the snapshot without saying where it came from.
    """
    rows = read(folder)
    for name, fields in entries.items():
        rows[name] = {**rows.get(name, {}), **{k: str(v) for k, v in fields.items()}, "file": name}
    present = files(folder)
    unlisted = [name for name in present if name not in rows]
    if unlisted:
        raise ValueError(f"{folder}: files without a manifest entry: {', '.join(unlisted)}")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for name in present:
        row = {column: rows[name].get(column, "") for column in COLUMNS}
        row["sha256"] = sha256(folder / name)
        writer.writerow(row)
    (folder / FILE).write_text(buffer.getvalue(), encoding="utf-8")


def verify(folder: Path) -> list[str]:
    """What differs between the folder and its manifest (an empty list when they agree)."""
    rows = read(folder)
    if not rows:
        return [f"{folder / FILE} saknas"]
    problems = []
    present = set(files(folder))
    for name, row in rows.items():
        if name not in present:
            problems.append(f"{name}: står i manifestet men finns inte")
        elif sha256(folder / name) != row["sha256"]:
            problems.append(f"{name}: kontrollsumman stämmer inte med manifestet")
    problems.extend(f"{name}: saknas i manifestet" for name in sorted(present - set(rows)))
    return problems
