"""Where things live in the project tree. One place, so nothing else hard-codes a path."""

from __future__ import annotations

import os
from pathlib import Path

#: The project root: the folder with pyproject.toml. LKA_ROOT overrides it (tests use that
#: to run the pipeline in a temporary copy of the tree).
ROOT = Path(os.environ.get("LKA_ROOT", Path(__file__).resolve().parents[3]))

PARAMS = ROOT / "params"
DATA = ROOT / "data"
#: Input as it came from its source, never rewritten by the project (each folder has a
#: PROVENANCE.md). ``make fetch`` still refreshes public/ and yrkesbarometer/ here (SCB, the
#: barometer); Kolada's series is refreshed into external/.
DATA_RAW = DATA / "raw"
PUBLIC = DATA_RAW / "public"
CLASSIFICATIONS = DATA_RAW / "classifications"
YRKESBAROMETER = DATA_RAW / "yrkesbarometer"
EDUCATION = DATA_RAW / "education"
SURVEYS = DATA_RAW / "surveys"
#: Tables the project derives from data/raw, committed with a manifest of checksums; built
#: by ``make processed`` (tools/processed/), read by helpers.stats.
PROCESSED = DATA / "processed"
#: MYH's programmes and courses as tidy tables (helpers.stats.education_supply reads them).
PROCESSED_EDUCATION = PROCESSED / "education"
#: The SSYK title lookup (helpers.stats.occupations reads it).
PROCESSED_CLASSIFICATIONS = PROCESSED / "classifications"
#: Data fetched from outside on request (``make fetch``), beside the shipped copy in
#: data/raw/ and never over it: Kolada's series (``stats.sources`` decides which is read).
EXTERNAL = DATA / "external"
#: Kolada's key figures as shipped (the 2024 dump), and where ``make fetch`` puts a refresh.
KOLADA = DATA_RAW / "kolada"
KOLADA_EXTERNAL = EXTERNAL / "kolada"
#: Personal data split off from survey exports: outside reports/, never committed.
CONTACTS = DATA / "contacts"
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
