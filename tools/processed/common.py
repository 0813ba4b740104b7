"""What the builders share: how a processed table is written and how a manifest lists files.

Every table is UTF-8 CSV with ``\\n`` line ends (so a rebuild compares byte for byte), and
a manifest names files by their path in the project::

    >>> csv_bytes(pd.DataFrame({"a": [1, 2], "b": ["x", None]}))
    b'a,b\\n1,x\\n2,\\n'
    >>> shown(paths.EDUCATION / "education_area_ssyk.csv")
    'data/raw/education/education_area_ssyk.csv'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from helpers.config import paths


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A table as the processed CSVs hold it: UTF-8, ``\\n`` line ends, no index."""
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def shown(path: Path) -> str:
    """A path as a manifest lists it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(paths.ROOT.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksums(files: Iterable[Path]) -> dict[str, str]:
    """The SHA-256 of each file, keyed by its path in the project (:func:`shown`)."""
    return {shown(path): sha256(path) for path in files}


def write_manifest(path: Path, manifest: dict) -> None:
    """Write a manifest as indented JSON (UTF-8, a newline at the end)."""
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
