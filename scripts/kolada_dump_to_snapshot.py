"""Write the shipped Kolada snapshot (data/raw/kolada/) from the team's copy of the Kolada dump.

A developer's tool, run by hand once per new dump; the report never runs it and never reads
the shared folder. It picks the KPIs the report uses from the DDF dump
(open-numbers/ddf--kolada--dump, a scrape of Kolada's API) and writes them in the snapshot's
format, the same format ``make fetch`` writes from Kolada's v3 API:

- ``kolada_values.csv``: one row per KPI, Kolada id, year and gender, ``kpi,municipality,
  period,gender,value``. Ids as Kolada's v3 API writes them: ``N01951`` (upper case), a
  municipality ``1427``, a county ``0014``, Sweden ``0000``; gender ``T`` (total), ``K``
  (women), ``M`` (men). Only the genders the report uses are kept. A cell Kolada has no value
  for has no row.
- ``kolada_kpis.csv``: the catalogue of those KPIs: title, description and publication date
  as Kolada words them, unit, genders, first and last year, and whether Kolada still
  publishes the KPI (``retired``).
- ``MANIFEST.csv``: every file with its source and SHA-256, as the project's other snapshot
  folders have.

    .venv/bin/python scripts/kolada_dump_to_snapshot.py ../shared/data/public/kolada_dump_2024

Numbers are written unchanged (the dump's six decimals; counts without ``.0``). The upstream
files' git blob ids are checked against the dump's MANIFEST.txt before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "raw" / "kolada"
#: Kolada's KPI catalogue as the shipped snapshot has it (v3 /kpi, 2026-03).
CATALOGUE = ROOT / "data" / "raw" / "public" / "kolada_kpi_catalogue.csv"
UPSTREAM = "open-numbers/ddf--kolada--dump, commit 8501d5c7694b444dbf59d063c5156754e2a9b819"

BY_SEX = ("T", "K", "M")
TOTAL = ("T",)
#: The KPIs the report uses and the genders it needs of each (mirrors the package's registry).
KPIS: dict[str, tuple[str, ...]] = {
    # employed by workplace (day population) and by residence (night population), BAS
    "N02201": BY_SEX,
    "N02202": BY_SEX,
    # share of the day population in 16 branch groups, BAS (by sex: women per branch)
    **{f"N0{n}": BY_SEX for n in (2210, 2212, 2214, 2216, 2218, 2220, 2222, 2224, 2226, 2228)},
    **{f"N0{n}": BY_SEX for n in (2231, 2233, 2235, 2237, 2239, 2241)},
    # sectors and self-employed, BAS
    "N02203": TOTAL,
    "N02205": TOTAL,
    "N02206": TOTAL,
    "N02208": TOTAL,
    "N02251": TOTAL,
    "N02252": TOTAL,
    # commuting, BAS
    "N02274": TOTAL,
    "N02276": TOTAL,
    "N02279": TOTAL,
    # unemployment (share of the population), Arbetsförmedlingen and SCB
    "N03920": BY_SEX,
    "N03921": TOTAL,
    "N03926": TOTAL,
    # employment rate 20-64: RAMS (to 2021) and BAS (from 2020)
    "N00914": BY_SEX,
    "N02267": BY_SEX,
    # population 31 Dec: total, age groups that partition it, 20-44 and 45-64
    "N01951": BY_SEX,
    "N01952": TOTAL,
    "N01953": TOTAL,
    "N01954": TOTAL,
    "N01955": BY_SEX,
    "N01956": TOTAL,
    "N01957": TOTAL,
    "N02832": TOTAL,
    "N02833": TOTAL,
    # education of residents 25-64
    "N01982": BY_SEX,
    "N01983": TOTAL,
    "N01984": TOTAL,
}
VALUES = "kolada_values.csv"
KPI_FILE = "kolada_kpis.csv"
VALUE_COLUMNS = ["kpi", "municipality", "period", "gender", "value"]
KPI_COLUMNS = [
    "kpi",
    "title",
    "description",
    "unit",
    "genders",
    "first_period",
    "last_period",
    "publication_date",
    "retired",
]


def kolada_id(geo: str) -> str:
    """The dump's geo code as Kolada's v3 id: ``0`` → ``0000``, ``14`` → ``0014``."""
    return geo.zfill(4)


def number(text: str) -> str:
    """A value as the snapshot writes it: ``4076.0`` → ``4076``, ``21.859666`` unchanged."""
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def git_blob(path: Path) -> str:
    """The file's git blob id (what `git hash-object` prints)."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def checked_blobs(dump: Path) -> dict[str, str]:
    """Upstream file → git blob id, each verified against the dump's MANIFEST.txt."""
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


def unit(title: str) -> str:
    """``antal`` for a count, ``procent`` for a share (Kolada's titles end so)."""
    return "antal" if title.rstrip().endswith("antal") else "procent"


def main(dump: Path) -> None:
    """Write the snapshot folder from the dump folder ``dump``."""
    blobs = checked_blobs(dump)
    used = []
    rows: list[tuple[str, str, int, str, str]] = []
    for kpi, genders in KPIS.items():
        low = kpi.lower()
        total = f"datapoints--by--geo--year/ddf--datapoints--{low}--by--geo--year.csv"
        by_sex = (
            f"datapoints--by--geo--gender--year/ddf--datapoints--{low}--by--geo--gender--year.csv"
        )
        files = [total] + ([by_sex] if genders != TOTAL else [])
        for name in files:
            if git_blob(dump / name) != blobs.get(name):
                sys.exit(f"{name}: not the file MANIFEST.txt lists (git blob differs)")
            used.append(name)
        for row in read_rows(dump / total):
            if row[low] != "":
                rows.append((kpi, kolada_id(row["geo"]), int(row["year"]), "T", number(row[low])))
        if genders != TOTAL:
            for row in read_rows(dump / by_sex):
                gender = row["gender"].upper()
                if gender in genders and row[low] != "":
                    rows.append(
                        (kpi, kolada_id(row["geo"]), int(row["year"]), gender, number(row[low]))
                    )
    rows.sort()
    keys = [r[:4] for r in rows]
    if len(set(keys)) != len(keys):
        sys.exit("duplicate kpi × municipality × period × gender rows")

    TARGET.mkdir(parents=True, exist_ok=True)
    with open(TARGET / VALUES, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(VALUE_COLUMNS)
        writer.writerows(rows)

    concepts = {r["concept"]: r for r in read_rows(dump / "ddf--concepts.csv")}
    current = {r["id"] for r in read_rows(CATALOGUE)}
    with open(TARGET / KPI_FILE, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=KPI_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for kpi in sorted(KPIS):
            concept = concepts[kpi.lower()]
            periods = sorted({r[2] for r in rows if r[0] == kpi})
            writer.writerow(
                {
                    "kpi": kpi,
                    "title": concept["name"],
                    "description": concept["description"].replace("\\n", "").strip(),
                    "unit": unit(concept["name"]),
                    "genders": " ".join(KPIS[kpi]),
                    "first_period": periods[0],
                    "last_period": periods[-1],
                    "publication_date": concept["publication_date"],
                    "retired": "true" if kpi not in current else "false",
                }
            )

    origin = f"github {UPSTREAM}; selected KPIs, reshaped by scripts/kolada_dump_to_snapshot.py"
    years = f"{min(r[2] for r in rows)}-{max(r[2] for r in rows)}"
    entries = {
        "PROVENANCE.md": ("Projektet (dokumentation)", "", "", "", ""),
        KPI_FILE: ("Kolada (RKA), nyckeltalens beskrivningar", "/v3/kpi", years, origin, ""),
        VALUES: (
            "Kolada (RKA), källa SCB och Arbetsförmedlingen",
            "/v3/data/kpi",
            years,
            origin,
            "hämtad från Kolada hösten 2024 (skrapning av API:t)",
        ),
    }
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["file", "source", "table_id", "years", "origin", "retrieved", "note", "sha256"]
    )
    for name in sorted(entries):
        source, table_id, span, where, note = entries[name]
        digest = hashlib.sha256((TARGET / name).read_bytes()).hexdigest()
        writer.writerow(
            [name, source, table_id, span, where, "2024-autumn" if note else "", note, digest]
        )
    (TARGET / "MANIFEST.csv").write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{len(rows)} rows, {len(KPIS)} KPIs, {len(used)} upstream files → {TARGET}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
