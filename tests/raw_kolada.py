"""Figures read straight from the shipped Kolada CSV with the csv module, not through the
package: what the tests recompute the report's figures from."""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "data" / "raw" / "kolada"


@lru_cache(maxsize=1)
def cells() -> dict[tuple[str, str, int, str], float]:
    with open(RAW / "kolada_values.csv", encoding="utf-8", newline="") as handle:
        return {
            (r["kpi"], r["municipality"], int(r["period"]), r["gender"]): float(r["value"])
            for r in csv.DictReader(handle)
        }


def cell(kpi: str, code: str, year: int, gender: str = "T") -> float:
    """One value, or NaN when the file has no row for it."""
    return cells().get((kpi, code, year, gender), math.nan)


def municipalities() -> list[str]:
    path = RAW.parents[1] / "raw" / "public" / "municipalities.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        return [row["municipality_code"] for row in csv.DictReader(handle)]


def summed(kpi: str, codes: list[str], year: int, gender: str = "T") -> float:
    return sum(cell(kpi, code, year, gender) for code in codes)


def pooled_share(kpi: str, total: str, codes: list[str], year: int, gender: str = "T") -> float:
    """Share × total summed over the codes, over the total summed (per cent)."""
    part = sum(cell(kpi, c, year, gender) * cell(total, c, year, gender) for c in codes)
    return part / summed(total, codes, year, gender)
