"""Write the recorded Kolada v3 answers the fetch tests replay, from real rows of the dump.

A developer's tool, run by hand (the tests only read what it wrote). The machines that build
this project cannot reach Kolada, so the answers are *built*: real values from the team's
copy of the Kolada dump (open-numbers/ddf--kolada--dump), put into the JSON shape Kolada's
v3 API documents (see tests/fixtures/http/README.md for the source of every field). Each
answer covers what a test fetch asks for: the report's KPIs that Kolada still lists, for
Knivsta (0330, formed 2003: no figures for 2001), Sotenäs (1427), their counties (0003,
0014) and Sweden (0000), in the years 2001, 2002, 2021 and 2022.

    .venv/bin/python scripts/kolada_replay_fixtures.py ../shared/data/public/kolada_dump_2024

Writes tests/fixtures/http/kolada/v3_*.json and tests/fixtures/http/expected/kolada_v3_values.csv
(the rows a fetch must store, in the snapshot's format, written from the dump's CSVs).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from helpers.stats import kolada, snapshot

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kolada_dump_to_snapshot import dump_files, read_rows  # noqa: E402

GENDERS = {kpi.id: kpi.genders for kpi in snapshot.KOLADA_SERIES}

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "http"
CATALOGUE = ROOT / "data" / "raw" / "public" / "kolada_kpi_catalogue.csv"
MUNICIPALITIES = ("0330", "1427")
IDS = ("0330", "1427", "0003", "0014", "0000")
YEARS = (2001, 2002, 2021, 2022)
SEGMENT = 25
#: The one cell written as Kolada writes a value it lacks (``"value": null``).
NULL_CELL = ("N01951", "0330", 2001)


def catalogue_rows() -> dict[str, dict[str, object]]:
    """The KPIs' v3 metadata as Kolada's KPI list had it in March 2026 (the shipped copy)."""
    rows = {}
    for row in read_rows(CATALOGUE):
        if row["id"] in GENDERS:
            rows[row["id"]] = {
                "id": row["id"],
                "title": row["title"],
                "description": row["description"],
                "is_divided_by_gender": row["is_divided_by_gender"] == "True",
                "municipality_type": row["municipality_type"],
                "auspice": row["auspice"] or None,
                "operating_area": row["operating_area"],
                "perspective": row["perspective"],
                "prel_publication_date": row["prel_publication_date"] or None,
                "publication_date": row["publication_date"] or None,
                "publ_period": row["publ_period"] or None,
                "has_ou_data": row["has_ou_data"] == "True",
            }
    return rows


def cells(dump: Path, kpis: list[str]) -> dict[tuple[str, str, int], dict[str, float]]:
    """(kpi, id, year) → gender → value, for the chosen ids and years."""
    found: dict[tuple[str, str, int], dict[str, float]] = {}
    for kpi in kpis:
        for name, column in dump_files(snapshot.kolada_kpi(kpi)):
            for row in read_rows(dump / name):
                key = (kpi, row["geo"].zfill(4), int(row["year"]))
                gender = row[column].upper() if column else "T"
                value = row[kpi.lower()]
                if key[1] in IDS and key[2] in YEARS and gender in GENDERS[kpi] and value:
                    found.setdefault(key, {})[gender] = float(value)
    return found


def item(kpi: str, municipality: str, period: int, values: dict[str, float | None]) -> dict:
    """One data item as Kolada v3 writes it: a cell per gender."""
    return {
        "kpi": kpi,
        "municipality": municipality,
        "period": period,
        "values": [
            {"gender": gender, "count": 1, "status": "", "value": values[gender]}
            for gender in ("K", "M", "T")
            if gender in values
        ],
    }


def path(kpis: list[str]) -> str:
    """The replay server's path of a data request for ``kpis``."""
    return (
        f"/kolada/v3/data/kpi/{','.join(kpis)}/municipality/{','.join(IDS)}"
        f"/year/{','.join(str(y) for y in YEARS)}"
    )


def write(name: str, body: dict) -> None:
    """Write one recorded answer."""
    (FIXTURES / "kolada" / name).write_text(
        json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main(dump: Path) -> None:
    """Write every Kolada v3 answer and the expected rows."""
    meta = catalogue_rows()
    asked = sorted(GENDERS)  # the fetch asks /v3/kpi/{ids} for every KPI of the series
    for number_, start in enumerate(range(0, len(asked), SEGMENT), start=1):
        # N00914 is retired: Kolada's list no longer has it, and the answer leaves it out
        body = [meta[kpi] for kpi in asked[start : start + SEGMENT] if kpi in meta]
        write(f"v3_kpi_{number_}.json", {"count": len(body), "values": body})
    listed = sorted(meta)
    segments = [listed[i : i + SEGMENT] for i in range(0, len(listed), SEGMENT)]

    found = cells(dump, listed)
    items = {1: [], 2: []}
    for (kpi, municipality, period), values in sorted(found.items()):
        items[1 if kpi in segments[0] else 2].append(item(kpi, municipality, period, values))
    null_item = item(*NULL_CELL, {"K": None, "M": None, "T": None})
    first = sorted(items[1] + [null_item], key=lambda i: (i["kpi"], i["municipality"], i["period"]))
    half = len(first) // 2
    next_url = "{base}" + path(segments[0]) + "?per_page=5000&page=2"
    write(
        "v3_data_1_page1.json",
        {"count": half, "values": first[:half], "next_url": next_url, "previous_url": None},
    )
    write(
        "v3_data_1_page2.json",
        {
            "count": len(first) - half,
            "values": first[half:],
            "previous_url": "{base}" + path(segments[0]) + "?per_page=5000&page=1",
        },
    )
    write("v3_data_2.json", {"count": len(items[2]), "values": items[2], "next_url": None})

    with open(FIXTURES / "expected" / "kolada_v3_values.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["kpi", "municipality", "period", "gender", "value"])
        for (kpi, municipality, period), values in sorted(found.items()):
            for gender in sorted(values):
                writer.writerow(
                    [kpi, municipality, period, gender, kolada.number_text(values[gender])]
                )
    print(f"segments {[len(s) for s in segments]}, items {len(first)} + {len(items[2])}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
