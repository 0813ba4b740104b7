"""SCB statistics from the offline snapshot in ``data/raw/public/``, as tidy tables.

The snapshot files name municipalities, not codes; they are joined to official codes here
(``regions``), so every table returned has a ``code`` column of 4-digit strings.

    >>> int(population(["1427"])["persons"].sum())
    9061
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import paths, regions

#: Where each figure comes from, as the report's source lines cite it.
SOURCE_POPULATION = "SCB, befolkningsstatistik 31 december 2019"
SOURCE_EDUCATION = "SCB, utbildningsnivå 2019"
SOURCE_BIRTH_REGION = "SCB, inrikes och utrikes födda 2019"
SOURCE_PANEL = "SCB, folkmängd 31 december (kommunpanel 2001–2021)"


def _with_codes(table: pd.DataFrame) -> pd.DataFrame:
    names = regions.municipalities()[["code", "name"]]
    joined = table.merge(names, left_on="region", right_on="name", how="left", validate="m:1")
    unmatched = joined.loc[joined["code"].isna(), "region"].unique()
    if len(unmatched):
        raise ValueError(f"municipality names without an official code: {list(unmatched)[:5]}")
    return joined.drop(columns=["region", "name"])


@lru_cache(maxsize=1)
def _population_all() -> pd.DataFrame:
    raw = pd.read_csv(paths.PUBLIC / "scb_population_age_sex_2019.csv",
                      dtype={"region": str, "kön": str})
    table = _with_codes(raw).rename(columns={"ålder": "age", "kön": "sex", "X2019": "persons"})
    table["year"] = 2019
    return table[["code", "year", "age", "sex", "persons"]]


def population(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons 31 Dec 2019 by municipality, single year of age (100 = 100+) and sex."""
    table = _population_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@lru_cache(maxsize=1)
def _education_all() -> pd.DataFrame:
    raw = pd.read_csv(paths.PUBLIC / "scb_education_level_age_sex_2019.csv", dtype=str)
    table = _with_codes(raw).rename(columns={"utbildningsnivå": "level", "ålder": "age_band",
                                             "kön": "sex", "X2019": "persons"})
    table["persons"] = table["persons"].astype(int)
    table["year"] = 2019
    return table[["code", "year", "age_band", "sex", "level", "persons"]]


def education_level(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons by education level (SUN, 8 levels), 10-year age band and sex, 2019."""
    table = _education_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@lru_cache(maxsize=1)
def _birth_region_all() -> pd.DataFrame:
    raw = pd.read_csv(paths.PUBLIC / "scb_birth_region_age_sex_2019.csv",
                      dtype={"region": str, "kön": str, "födelseregion": str})
    table = _with_codes(raw).rename(columns={"ålder": "age", "kön": "sex",
                                             "födelseregion": "birth_region", "X2019": "persons"})
    table["year"] = 2019
    return table[["code", "year", "age", "sex", "birth_region", "persons"]]


def birth_region(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons born in Sweden / abroad by age and sex, 2019."""
    table = _birth_region_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@lru_cache(maxsize=1)
def _panel_all() -> pd.DataFrame:
    raw = pd.read_csv(paths.PUBLIC / "municipal_panel_2002_2022.csv",
                      dtype={"municip_code": str, "county_code": str})
    # This file drops leading zeros (114 = 0114): restore them before anything joins on codes.
    raw["code"] = raw["municip_code"].str.zfill(4)
    # pop is measured 31 Dec of the year before the panel year.
    raw["year"] = raw["year"] - 1
    return raw.rename(columns={"pop": "persons"})[["code", "year", "persons"]]


def population_trend(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Population 31 Dec for 2001, 2005, 2009, 2013, 2017 and 2021, per municipality."""
    table = _panel_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)
