"""Write the shipped Kolada series (data/raw/kolada/) from the team's copy of the Kolada dump.

A developer's tool, run by hand once per new dump; the report never runs it and never reads
the shared folder. It takes the KPIs of ``helpers.stats.snapshot.KOLADA_SERIES`` (and the
genders each keeps) from the DDF dump (open-numbers/ddf--kolada--dump, a scrape of Kolada's
API) and writes them with ``helpers.stats.kolada.write``, the writer ``make fetch`` uses too,
so the shipped files and a refresh have the same format byte for byte:

- ``kolada_values.csv``: ``kpi,municipality,period,gender,value``, Kolada's v3 ids (``N01951``;
  ``1427``, county ``0014``, Sweden ``0000``; gender ``T``, ``K``, ``M``). The dump's
  ``n01951``, ``14``, ``0`` and ``k``/``m`` are mapped to these; values are not changed.
- ``kolada_kpis.csv``: title, description and publication date as the dump has them (Kolada's
  words), unit, genders, first and last year, and ``retired`` (not in Kolada's KPI list of
  March 2026, ``data/raw/public/kolada_kpi_catalogue.csv``).
- ``MANIFEST.csv``: every file with its source and SHA-256 (``helpers.stats.manifest``).

    .venv/bin/python scripts/kolada_dump_to_snapshot.py ../shared/data/public/kolada_dump_2024

Each upstream file's git blob id is checked against the dump's MANIFEST.txt first.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

import pandas as pd

from helpers.config import paths
from helpers.stats import kolada, manifest, snapshot

UPSTREAM = "open-numbers/ddf--kolada--dump, commit 8501d5c7694b444dbf59d063c5156754e2a9b819"


def dump_files(kpi: snapshot.Kpi) -> list[tuple[str, str | None]]:
    """The dump's files for a KPI: totals, and by sex when the series keeps women and men."""
    low = kpi.id.lower()
    files: list[tuple[str, str | None]] = [
        (f"datapoints--by--geo--year/ddf--datapoints--{low}--by--geo--year.csv", None)
    ]
    if kpi.genders != ("T",):
        files.append(
            (
                f"datapoints--by--geo--gender--year/ddf--datapoints--{low}--by--geo--gender--year.csv",
                "gender",
            )
        )
    return files


def git_blob(path: Path) -> str:
    """The file's git blob id (what `git hash-object` prints)."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def listed_blobs(dump: Path) -> dict[str, str]:
    """Upstream file → git blob id, as the dump's MANIFEST.txt lists them."""
    listed = {}
    for line in (dump / "MANIFEST.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("git-blob="):
            listed[parts[0]] = parts[1].removeprefix("git-blob=")
    return listed


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows, every value as text."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rows(dump: Path, kpi: snapshot.Kpi) -> list[dict[str, object]]:
    """The KPI's rows in the series' columns (Kolada's ids, upper-case genders)."""
    found = []
    for name, gender_column in dump_files(kpi):
        for row in read_rows(dump / name):
            gender = row[gender_column].upper() if gender_column else "T"
            if gender in kpi.genders and row[kpi.id.lower()] != "":
                found.append(
                    {
                        "kpi": kpi.id,
                        "municipality": row["geo"].zfill(4),
                        "period": int(row["year"]),
                        "gender": gender,
                        "value": float(row[kpi.id.lower()]),
                    }
                )
    return found


def main(dump: Path) -> None:
    """Write the series folder from the dump folder ``dump``."""
    blobs = listed_blobs(dump)
    for kpi in snapshot.KOLADA_SERIES:
        for name, _ in dump_files(kpi):
            if git_blob(dump / name) != blobs.get(name):
                sys.exit(f"{name}: not the file MANIFEST.txt lists (git blob differs)")
    values = pd.DataFrame([r for kpi in snapshot.KOLADA_SERIES for r in rows(dump, kpi)])
    if values.duplicated(["kpi", "municipality", "period", "gender"]).any():
        sys.exit("duplicate kpi × municipality × period × gender rows")

    concepts = {r["concept"]: r for r in read_rows(dump / "ddf--concepts.csv")}
    current = set(kolada.catalogue()["id"])
    catalogue = []
    for kpi in snapshot.KOLADA_SERIES:
        concept = concepts[kpi.id.lower()]
        periods = values.loc[values["kpi"] == kpi.id, "period"]
        catalogue.append(
            {
                "kpi": kpi.id,
                "title": concept["name"],
                "description": concept["description"].replace("\\n", "").strip(),
                "unit": kolada.unit(concept["name"]),
                "genders": " ".join(kpi.genders),
                "first_period": int(periods.min()),
                "last_period": int(periods.max()),
                "publication_date": concept["publication_date"],
                "retired": "true" if kpi.id not in current else "false",
            }
        )
    target = paths.KOLADA
    kolada.write(values, pd.DataFrame(catalogue), target)

    origin = f"github {UPSTREAM}; selected KPIs, reshaped by scripts/kolada_dump_to_snapshot.py"
    years = f"{values['period'].min()}-{values['period'].max()}"
    manifest.update(
        target,
        {
            "PROVENANCE.md": {"source": "Projektet (dokumentation)"},
            kolada.KPIS_FILE: {
                "source": "Kolada (RKA), nyckeltalens beskrivningar",
                "table_id": "/v3/kpi",
                "years": years,
                "origin": origin,
            },
            kolada.VALUES_FILE: {
                "source": "Kolada (RKA), källa SCB och Arbetsförmedlingen",
                "table_id": "/v3/data/kpi",
                "years": years,
                "origin": origin,
                "retrieved": "2024-autumn",
                "note": "hämtad från Kolada hösten 2024 (skrapning av API:t)",
            },
        },
    )
    print(f"{len(values)} rows, {len(catalogue)} KPIs → {target}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
