"""Kolada (RKA) key figures in the snapshot: the table, its catalogue and weighted group values.

The snapshot's Kolada table is what ``helpers.fetch.kolada`` writes (``as_table``); this module
reads it and never talks to the API.

Group values are never Kolada's own group means (``G96180`` "Fyrbodal (ovägt medel)" is the
*unweighted* mean of its members): an area or region of several municipalities gets the
population-weighted mean of its members' values; a county and Sweden get Kolada's own
figures for the county (``00NN``) and the country (``0000``), which are computed from totals.

    >>> values = pd.DataFrame({"kpi": ["N03937"] * 2, "municipality": ["1488", "1487"],
    ...                        "period": [2024, 2024], "value": [10.0, 6.0]})
    >>> weights = pd.DataFrame({"municipality": ["1488", "1487"], "period": [2024, 2024],
    ...                         "weight": [3.0, 1.0]})
    >>> weighted(values, weights, ["1488", "1487"])["value"].item()
    9.0
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.common import memo
from helpers.config import paths, regions
from helpers.config.params import Area

RIKET = "0000"
#: Kolada's total population (31 Dec), the weight for group values.
POPULATION_KPI = "N01951"
VALUES_FILE = "kolada_values.csv"
CATALOGUE_FILE = "kolada_kpi_catalogue.csv"
COLUMNS = ["kpi", "municipality", "period", "gender", "value", "count", "status"]


def kolada_id(county: str) -> str:
    """Kolada's id for a county (``'14'`` → ``'0014'``)."""
    return county.zfill(4)


def as_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as the snapshot table: codes as strings, numbers as floats, no duplicates."""
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["value"] = pd.to_numeric(table["value"], errors="coerce").astype(float)
    table["count"] = pd.to_numeric(table["count"], errors="coerce").astype("Int64")
    table["period"] = table["period"].astype(int)
    return (
        table.drop_duplicates(["kpi", "municipality", "period", "gender"])
        .sort_values(["kpi", "municipality", "period", "gender"])
        .reset_index(drop=True)
    )


def load_values(folder: Path | None = None) -> pd.DataFrame | None:
    """The fetched Kolada values in the snapshot, or None when there are none."""
    path = (folder or paths.PUBLIC) / VALUES_FILE
    if not path.exists():
        return None
    table = pd.read_csv(
        path,
        dtype={"kpi": str, "municipality": str, "gender": str, "status": str},
        keep_default_na=False,
        na_values={"value": [""], "count": [""]},
    )
    table["value"] = table["value"].astype(float)
    return table


def catalogue(folder: Path | None = None) -> pd.DataFrame:
    """Kolada's KPI catalogue in the snapshot: id, title, description, ..."""
    return _catalogue((folder or paths.PUBLIC) / CATALOGUE_FILE)


@memo.remembered
def _catalogue(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str)


def title(kpi: str, folder: Path | None = None) -> str:
    """A KPI's title as Kolada words it (``N03937`` → "Öppet arbetslösa ...").

    >>> title("N01982")
    'Invånare 25-64 år med eftergymnasial utbildning, andel (%)'
    """
    table = catalogue(folder)
    match = table.loc[table["id"] == kpi, "title"]
    return str(match.iloc[0]) if len(match) else kpi


def weighted(values: pd.DataFrame, weights: pd.DataFrame, members: Sequence[str]) -> pd.DataFrame:
    """Population-weighted mean per KPI and period over ``members``.

    A period where any member lacks a value or a weight gives no value: a mean over part
    of the group would read as the group's.
    """
    part = values[values["municipality"].isin(members)]
    part = part.merge(weights, on=["municipality", "period"], how="left")
    rows = []
    for (kpi, period), group in part.groupby(["kpi", "period"], sort=True):
        complete = (
            set(group["municipality"]) == set(members)
            and group[["value", "weight"]].notna().all().all()
        )
        value = (
            (group["value"] * group["weight"]).sum() / group["weight"].sum()
            if complete
            else float("nan")
        )
        rows.append({"kpi": kpi, "period": period, "value": value})
    return pd.DataFrame(rows, columns=["kpi", "period", "value"])


def population_weights(table: pd.DataFrame) -> pd.DataFrame:
    """Kolada's total population per municipality and period, as weights."""
    population = table[(table["kpi"] == POPULATION_KPI) & (table["gender"] == "T")]
    return population[["municipality", "period", "value"]].rename(columns={"value": "weight"})


def for_comparisons(area: Area, kpi: str, table: pd.DataFrame, gender: str = "T") -> pd.DataFrame:
    """One KPI for the area and each comparison, by period: ``comparison, period, value``.

    Riket and the county take Kolada's own figures; one municipality its own value; an area
    or region of several municipalities the population-weighted mean of its members.
    """
    values = table[(table["kpi"] == kpi) & (table["gender"] == gender)]
    weights = population_weights(table)
    frames = []
    for comparison in area.comparisons:
        members = list(comparison.municipalities)
        own_id = None
        if set(members) == set(regions.all_codes()):
            own_id = RIKET
        elif set(members) == set(regions.county_members(area.county)):
            own_id = kolada_id(area.county)
        elif len(members) == 1:
            own_id = members[0]
        if own_id is not None:
            part = values.loc[values["municipality"] == own_id, ["kpi", "period", "value"]]
        else:
            part = weighted(values, weights, members)
        part = part.assign(comparison=comparison.name)[["comparison", "period", "value"]]
        frames.append(part)
    return pd.concat(frames, ignore_index=True)
