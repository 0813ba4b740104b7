"""``lka init MAPP``: a working folder for the installed package, where reports are made.

A municipality can use the tool without git: ``pip install`` the wheel, then::

    lka init arbete && cd arbete && lka report sotenas

The folder gets ``params/`` (the defaults, the example areas and Sotenäs' commented
example of the broker's comments file, ``report.comments``), ``data/raw/`` (the
statistics snapshot and the example surveys), ``data/processed/`` (the tables derived from
it), an empty ``reports/`` and a short README in Swedish. The chapters and the report
template stay in the package unless asked for (``--chapters`` copies ``notebooks/`` and
``templates/`` too, for editing them): see ``helpers.config.paths``. Nothing that exists is
overwritten, so running it again on a folder only adds what is missing::

    >>> made = init_folder(tmp / "arbete")  # doctest: +SKIP
    >>> sorted(made)  # doctest: +SKIP
    ['README.md', 'data/processed', 'data/raw', 'params', 'reports']
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import __version__
from helpers.common.errors import ReportError
from helpers.config import paths

#: What every working folder gets from the package, and what ``--chapters`` adds.
FOLDERS = ("params", "data/raw", "data/processed")
CHAPTER_FOLDERS = ("notebooks", "templates")
_SKIPPED = {".ipynb_checkpoints", "__pycache__"}

README = """\
# Lokal kompetensanalys – arbetsmapp

Mappen skapades av `lka init` (lokal-kompetensanalys {version}). Alla kommandon körs här,
i den här mappen eller en mapp under den:

    lka report sotenas                      # exempelrapporten, i reports/sotenas/2026/
    lka open sotenas                        # öppnar den färdiga rapporten
    lka new-area 1484 1485                  # params-fil för ett nytt område
    lka survey lysekil export.xlsx --invited 150   # lägger in områdets enkätexport
    lka --help                              # alla kommandon och felkoderna

- `params/` – ett område per fil; `defaults.yaml` gäller alla områden. Dina egna
  kommentarer till kapitlen skriver du i områdets kommentarfil (Markdown), t.ex.
  `params/sotenas-kommentarer.md`: texten under ett kapitels rubrik hamnar överst i
  kapitlet, under "Kompetensmäklarens kommentar". `lka new-area` skriver en sådan fil
  för det nya området.
- `data/raw/` – statistikunderlaget (`lka fetch` hämtar ett nyare) och enkäterna.
  Exempelenkäterna är påhittade och märks som exempeldata i rapporten.
- `reports/` – rapporterna, en mapp per område och år.
- `data/contacts/` – kontaktuppgifter som skiljs av från enkätsvaren (personuppgifter:
  dela inte den mappen).
"""


def init_folder(target: Path, *, chapters: bool = False) -> list[str]:
    """Make ``target`` a working folder; returns what was added (folder-relative names).

    Raises ReportError when ``target`` is a file, or lies inside the installed package.
    """
    target = target.expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise ReportError(f"{target} är en fil, inte en mapp. Ange en mapp: lka init MAPP.")
    if target.is_relative_to(paths.PACKAGE):
        raise ReportError(f"{target} ligger i det installerade paketet. Välj en annan mapp.")
    source = paths.source_tree()
    added = []
    for folder in FOLDERS + (CHAPTER_FOLDERS if chapters else ()):
        if _copy_missing(source / folder, target / folder):
            added.append(folder)
    reports = target / "reports"
    if not reports.is_dir():
        reports.mkdir(parents=True)
        added.append("reports")
    readme = target / "README.md"
    if not readme.exists():
        readme.write_text(README.format(version=__version__), encoding="utf-8")
        added.append("README.md")
    return added


def _copy_missing(source: Path, target: Path) -> bool:
    """Copy the files of ``source`` that ``target`` lacks; True when anything was copied."""
    if not source.is_dir():
        raise ReportError(
            f"{source} saknas: paketet är ofullständigt installerat. Installera om det."
        )
    copied = False
    for path in sorted(source.rglob("*")):
        if path.is_dir() or _SKIPPED & set(path.parts) or path.suffix == ".pyc":
            continue
        destination = target / path.relative_to(source)
        if not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            copied = True
    return copied
