"""Job ads per occupation and municipality (Platsbanken 2024): the local demand signal.

Arbetsförmedlingen's Yrkesbarometer stops at the county; the number of job ads an
area's employers published per occupation (SSYK 2012, four digits) is the closest real
measure of local demand. The file lists each occupation × municipality with at least one
ad; a masked count (``<5`` and the like, should a later file use them) stays missing and is
never guessed.

    >>> int(ads(["1427"])["job_ads"].sum())
    389
    >>> top_occupations(["1427"], 1)["ssyk4_label"].tolist()
    ['Hovmästare och servitörer']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from helpers.common import memo
from helpers.common.errors import InputFileError
from helpers.config import paths, tables
from helpers.config.params import Area

FILE = "af_job_ads_2024_by_ssyk4_municipality.csv"
YEAR = 2024
SOURCE = f"Arbetsförmedlingen, platsannonser i Platsbanken {YEAR}"


@memo.remembered
def _load(path: Path) -> pd.DataFrame:
    raw = tables.read_csv(
        path,
        columns=["ssyk4", "ssyk4_label_sv", "municipality_code"],
        dtype=str,
        keep_default_na=False,
    )
    count = next((c for c in raw.columns if c.startswith("job_ads")), None)
    if count is None:
        raise InputFileError(
            f"{tables.shown(path)}: kolumnen job_ads_<år> saknas (filen är skadad eller "
            f"ändrad). {tables.restore_hint(path)}"
        )
    masked = ~raw[count].str.fullmatch(r"\d+")
    table = pd.DataFrame(
        {
            "ssyk4": raw["ssyk4"].str.zfill(4),
            "ssyk4_label": raw["ssyk4_label_sv"],
            "municipality": raw["municipality_code"].str.zfill(4),
            "job_ads": pd.to_numeric(raw[count].where(~masked), errors="coerce").astype("Int64"),
            "masked": masked,
        }
    )
    return table


def load(folder: Path | None = None) -> pd.DataFrame:
    """Every occupation × municipality: ``ssyk4, ssyk4_label, municipality, job_ads, masked``."""
    return _load((folder or paths.PUBLIC) / FILE)


def ads(codes: Sequence[str], folder: Path | None = None) -> pd.DataFrame:
    """The rows of some municipalities (codes as strings)."""
    table = load(folder)
    return table[table["municipality"].isin(list(codes))].reset_index(drop=True)


@memo.remembered(key=lambda codes, folder=None: (tuple(codes), folder))
def by_occupation(codes: Sequence[str], folder: Path | None = None) -> pd.DataFrame:
    """Ads per occupation summed over ``codes``, with each occupation's share of all ads.

    ``masked`` counts the municipality cells whose number is hidden: the sum then covers
    only the known cells and is a lower bound (the report says so). Summed once per set of
    municipalities (a report asks eleven times); each caller gets its own copy.
    """
    part = ads(codes, folder)
    summed = part.groupby(["ssyk4", "ssyk4_label"], as_index=False).agg(
        job_ads=("job_ads", "sum"), masked=("masked", "sum")
    )
    summed["job_ads"] = summed["job_ads"].astype("Int64")
    total = summed["job_ads"].sum()
    summed["share"] = summed["job_ads"].astype(float) / total if total else float("nan")
    return summed.sort_values(["job_ads", "ssyk4"], ascending=[False, True]).reset_index(drop=True)


def total(codes: Sequence[str], folder: Path | None = None) -> int:
    """All ads in the municipalities (known cells only)."""
    return int(ads(codes, folder)["job_ads"].sum())


def top_occupations(codes: Sequence[str], n: int = 10, folder: Path | None = None) -> pd.DataFrame:
    """The ``n`` occupations with the most ads (ties broken by SSYK code)."""
    return by_occupation(codes, folder).head(n).reset_index(drop=True)


def for_comparisons(area: Area, folder: Path | None = None) -> pd.DataFrame:
    """Ads per occupation for the area and each comparison: ``comparison, ssyk4, ...``."""
    frames = []
    for comparison in area.comparisons:
        table = by_occupation(comparison.municipalities, folder)
        table.insert(0, "comparison", comparison.name)
        frames.append(table)
    return pd.concat(frames, ignore_index=True)
