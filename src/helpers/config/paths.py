"""Where things live in the project tree. One place, so nothing else hard-codes a path.

The tree is a *working folder*: a git checkout of the project, or a folder that
``lka init`` made for an installed package. It holds ``params/``, ``data/`` and
``reports/``. The chapters (``notebooks/``) and the report template (``templates/``) are the
folder's own where it has them (a checkout does) and otherwise the ones the installed package
ships (``setup.py`` copies them into the wheel).

The working folder (``ROOT``) is, the first that applies: ``LKA_ROOT`` (tests point it at a
scratch tree; the CLI sets it for the kernels it starts); the current folder or the nearest
folder above it with ``params/defaults.yaml``; the checkout this package is installed from
(an editable install). Outside any working folder ``ROOT`` is the current folder, and
``is_working_folder(ROOT)`` says that it is none.

This module imports nothing but the standard library: ``setup.py`` reads ``SHIPPED_FOLDERS``
from it before anything is installed.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The installed package (``src/helpers`` in a checkout).
PACKAGE = Path(__file__).resolve().parents[1]
#: Where a built wheel keeps its copy of the project's folders.
SHIPPED = PACKAGE / "project_files"
#: The folders of a checkout that a wheel carries: the chapters, the template, the example
#: params, the raw data (the statistics snapshot and the example surveys) and the tables
#: derived from it.
SHIPPED_FOLDERS = ("notebooks", "templates", "params", "data/raw", "data/processed")
#: What makes a folder a working folder.
MARKER = Path("params") / "defaults.yaml"


def is_working_folder(folder: Path) -> bool:
    """True when ``folder`` has ``params/defaults.yaml`` (a checkout or an ``lka init`` folder)."""
    return (folder / MARKER).is_file()


def find_root(start: Path | None = None) -> Path | None:
    """The working folder to use from ``start`` (default: the current folder), or None.

    The package's own copy of the project (``SHIPPED``) is never a working folder: reports
    are not written into an installed package.
    """
    if os.environ.get("LKA_ROOT"):
        return Path(os.environ["LKA_ROOT"])
    try:
        here = (start or Path.cwd()).resolve()
    except FileNotFoundError:  # the current folder was removed
        here = None
    for folder in (here, *here.parents) if here else ():
        if is_working_folder(folder) and not folder.is_relative_to(PACKAGE):
            return folder
    checkout = PACKAGE.parents[1]  # src/helpers → the checkout
    return checkout if is_working_folder(checkout) else None


def source_tree() -> Path:
    """Where ``lka init`` copies a new working folder from: the package's copy of the
    project in a wheel, the checkout in an editable install."""
    return SHIPPED if SHIPPED.is_dir() else PACKAGE.parents[1]


def _own_or_shipped(name: str) -> Path:
    own = ROOT / name
    return own if own.is_dir() or not (SHIPPED / name).is_dir() else SHIPPED / name


ROOT = find_root() or Path.cwd()

PARAMS = ROOT / "params"
#: The analyst's corrections to the SSYK coding of job titles (helpers.stats.occupations).
SSYK_OVERRIDES = PARAMS / "ssyk_overrides.csv"
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
NOTEBOOKS = _own_or_shipped("notebooks")
TEMPLATES = _own_or_shipped("templates")
REPORTS = ROOT / "reports"
BUILD = ROOT / "build"
#: Screenshots and page images of built reports, for looking at them (`make preview`).
PREVIEW = ROOT / "preview"
RESOURCES = PACKAGE / "resources"


def report_dir(area: str, year: int, *, draft: bool = False) -> Path:
    """The folder that holds one area's report for one year; a draft has its own
    (``reports/<area>/<year>-utkast/``), so it never replaces the published report."""
    return REPORTS / area / (f"{year}-utkast" if draft else str(year))


def report_stem(area: str, year: int) -> str:
    """The start of the name of each of a report's files (the page links to its appendix).

    >>> report_stem("sotenas", 2026) + "-bilaga.xlsx"
    'kompetensanalys-sotenas-2026-bilaga.xlsx'
    """
    return f"kompetensanalys-{area}-{year}"


def appendix_name(area: str, year: int) -> str:
    """The Excel appendix's file name, beside the report in its folder."""
    return f"{report_stem(area, year)}-bilaga.xlsx"
