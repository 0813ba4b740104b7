"""SCB statistics from the offline snapshot in ``data/raw/public/``, as tidy tables.

The snapshot files name municipalities, not codes; they are joined to official codes here
(``regions``), so every table returned has a ``code`` column of 4-digit strings. Population
by single year of age from the tables ``make fetch`` adds is read here too
(:func:`population_series`, None until the snapshot has it); :func:`population_latest` takes
the newest of the two. Employment, commuting, unemployment, education and the population's
trends come from Kolada's series (``stats.kolada``).

    >>> int(population(["1427"])["persons"].sum())
    9061
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.common import memo
from helpers.config import paths, regions, tables
from helpers.stats import snapshot

#: Where each figure comes from, as the report's source lines cite it.
SOURCE_POPULATION = "SCB, befolkningsstatistik 31 december 2019"
SOURCE_BIRTH_REGION = "SCB, inrikes och utrikes födda 2019"


def _with_codes(table: pd.DataFrame) -> pd.DataFrame:
    names = regions.municipalities()[["code", "name"]]
    joined = table.merge(names, left_on="region", right_on="name", how="left", validate="m:1")
    unmatched = joined.loc[joined["code"].isna(), "region"].unique()
    if len(unmatched):
        raise ValueError(f"municipality names without an official code: {list(unmatched)[:5]}")
    return joined.drop(columns=["region", "name"])


@memo.remembered
def _population_all() -> pd.DataFrame:
    raw = tables.read_csv(
        paths.PUBLIC / "scb_population_age_sex_2019.csv",
        columns=["region", "ålder", "kön", "X2019"],
        grid=["region", "ålder", "kön"],  # every municipality × age × sex: none cut off
        units=("region", regions.MUNICIPALITIES),
        dtype={"region": str, "kön": str},
    )
    table = _with_codes(raw).rename(columns={"ålder": "age", "kön": "sex", "X2019": "persons"})
    table["year"] = 2019
    return table[["code", "year", "age", "sex", "persons"]]


def population(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons 31 Dec 2019 by municipality, single year of age (100 = 100+) and sex."""
    table = _population_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@memo.remembered
def _birth_region_all() -> pd.DataFrame:
    raw = tables.read_csv(
        paths.PUBLIC / "scb_birth_region_age_sex_2019.csv",
        columns=["region", "ålder", "kön", "födelseregion", "X2019"],
        grid=["region", "ålder", "kön", "födelseregion"],
        units=("region", regions.MUNICIPALITIES),
        dtype={"region": str, "kön": str, "födelseregion": str},
    )
    table = _with_codes(raw).rename(
        columns={"ålder": "age", "kön": "sex", "födelseregion": "birth_region", "X2019": "persons"}
    )
    table["year"] = 2019
    return table[["code", "year", "age", "sex", "birth_region", "persons"]]


def birth_region(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons born in Sweden / abroad by age and sex, 2019."""
    table = _birth_region_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


# Tables that `make fetch` adds to the snapshot (SCB PxWebApi v2): None until it has them.

#: SCB's sex codes in the API tables.
SEX = {"1": "män", "2": "kvinnor", "1+2": "totalt"}


def _fetched(name: str) -> pd.DataFrame | None:
    path = paths.PUBLIC / snapshot.scb_file(name)
    if not path.exists():
        return None
    return _read_fetched(path, path.stat().st_mtime_ns)


@memo.remembered
def _read_fetched(path: Path, _mtime: int) -> pd.DataFrame:
    table = tables.read_csv(
        path, columns=["region", "year", "value"], dtype=str, keep_default_na=False
    )
    # An empty value is a suppressed or missing cell: it stays missing.
    table["value"] = pd.to_numeric(table["value"].replace("", None), errors="coerce")
    table["year"] = pd.to_numeric(table["year"].str[:4]).astype(int)
    return table


def _codes(table: pd.DataFrame, codes: list[str] | tuple[str, ...] | None) -> pd.DataFrame:
    return table if codes is None else table[table["region"].isin(list(codes))]


def population_series(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """Population 31 Dec by single year of age (100 = 100+) and sex, every fetched year.

    From 2025 the figures come from the noise-protected (CKM) table.
    """
    frames = []
    for name in ("scb_population", "scb_population_ckm"):
        table = _fetched(name)
        if table is None:
            continue
        table = _codes(table, codes)
        if "marital" in table.columns:
            table = table[table["marital"] == "SC"]
        named = table["measure_text"].str.casefold().str.contains("folkmängd")
        if named.any():
            table = table[named]
        table = table[table["age"].str.fullmatch(r"\d+\+?")]
        frames.append(
            pd.DataFrame(
                {
                    "code": table["region"],
                    "year": table["year"],
                    "age": table["age"].str.rstrip("+").astype(int),
                    "sex": table["sex"].map(SEX).fillna(table["sex"]),
                    "persons": table["value"],
                }
            )
        )
    if not frames:
        return None
    both = pd.concat(frames, ignore_index=True)
    # Where both tables have a year, the newer (CKM) one wins.
    return both.drop_duplicates(["code", "year", "age", "sex"], keep="last").reset_index(drop=True)


def population_latest(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons by single year of age and sex in the latest year there is: a fetched year
    when ``make fetch`` has brought SCB's population table, otherwise 31 Dec 2019. Columns
    as :func:`population`."""
    fetched = population_series(codes)
    if fetched is None or fetched.empty:
        return population(codes)
    latest = fetched[fetched["year"] == fetched["year"].max()]
    return latest[latest["sex"].isin(["män", "kvinnor"])].reset_index(drop=True)


def population_source(table: pd.DataFrame) -> str:
    """The source line of a :func:`population_latest` table."""
    year = int(table["year"].max())
    return SOURCE_POPULATION if year == 2019 else f"SCB, befolkningsstatistik 31 december {year}"
