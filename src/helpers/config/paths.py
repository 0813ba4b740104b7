"""Where things live in the project tree. One place, so nothing else hard-codes a path."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root: the folder with pyproject.toml. LKA_ROOT overrides it (tests use that
#: to run the pipeline in a temporary copy of the tree).
ROOT = Path(os.environ.get("LKA_ROOT", Path(__file__).resolve().parents[3]))

PARAMS = ROOT / "params"
DATA_RAW = ROOT / "data" / "raw"
PUBLIC = DATA_RAW / "public"
CLASSIFICATIONS = DATA_RAW / "classifications"
YRKESBAROMETER = DATA_RAW / "yrkesbarometer"
EDUCATION = DATA_RAW / "education"
SURVEYS = DATA_RAW / "surveys"
#: Personal data split off from survey exports: outside reports/, never committed.
CONTACTS = ROOT / "data" / "contacts"
NOTEBOOKS = ROOT / "notebooks"
TEMPLATES = ROOT / "templates"
REPORTS = ROOT / "reports"
BUILD = ROOT / "build"
#: Screenshots and page images of built reports, for looking at them (`make preview`).
PREVIEW = ROOT / "preview"
RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def report_dir(area: str, year: int) -> Path:
    """The folder that holds one area's report for one year."""
    return REPORTS / area / str(year)
