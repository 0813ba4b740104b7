"""Is a report up to date? A checksum of everything that goes into it.

The inputs of a report are its params (and the shared defaults), the chapter notebooks, the
template, the Word template (``docx_template``), the raw and processed data, what ``make
fetch`` brought (``data/external/``) and the package's own code and version. Their
checksums are stored beside the report (``build_info.json``); the next run with the same
checksums is skipped unless forced.

    >>> from helpers.config.params import load_area
    >>> fingerprint(load_area("sotenas")) == fingerprint(load_area("sotenas"))
    True
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from helpers import __version__
from helpers.config import paths
from helpers.config.params import Area

BUILD_INFO = "build_info.json"
_SHARED_FOLDERS = (
    "notebooks",
    "templates",
    "src/helpers",
    "data/raw",
    "data/processed",
    "data/external",
)
_SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=4)
def _shared_digest(root: Path) -> str:
    """One checksum over every file the reports of all areas share (cached per process)."""
    digest = hashlib.sha256(__version__.encode())
    for folder in _SHARED_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and not _SKIPPED_PARTS & set(path.parts):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(_file_digest(path).encode())
    return digest.hexdigest()


def fingerprint(area: Area) -> str:
    """A checksum of every input of this area's report: same inputs, same fingerprint."""
    digest = hashlib.sha256(_shared_digest(paths.ROOT).encode())
    own = [paths.PARAMS / "defaults.yaml", area.params_file]
    if area.survey:
        own += [area.survey.file, area.survey.previous, area.survey.mapping]
    own += [area.logo, area.docx_template]
    for path in own:
        if path is not None:
            digest.update(str(path).encode())
            digest.update(_file_digest(path).encode())
    digest.update(repr((area.slug, area.year, area.municipalities)).encode())
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
