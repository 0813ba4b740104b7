"""SCB statistics from the offline snapshot in ``data/raw/public/``, as tidy tables.

The snapshot files name municipalities, not codes; they are joined to official codes here
(``regions``), so every table returned has a ``code`` column of 4-digit strings. The tables
that ``make fetch`` adds (employment by industry, commuting, newer population and
education) are read here too; their loaders return None until the snapshot has them.

    >>> int(population(["1427"])["persons"].sum())
    9061
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.common import memo
from helpers.config import paths, regions
from helpers.stats import snapshot

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


@memo.remembered
def _population_all() -> pd.DataFrame:
    raw = pd.read_csv(
        paths.PUBLIC / "scb_population_age_sex_2019.csv", dtype={"region": str, "kön": str}
    )
    table = _with_codes(raw).rename(columns={"ålder": "age", "kön": "sex", "X2019": "persons"})
    table["year"] = 2019
    return table[["code", "year", "age", "sex", "persons"]]


def population(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons 31 Dec 2019 by municipality, single year of age (100 = 100+) and sex."""
    table = _population_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@memo.remembered
def _education_all() -> pd.DataFrame:
    raw = pd.read_csv(paths.PUBLIC / "scb_education_level_age_sex_2019.csv", dtype=str)
    table = _with_codes(raw).rename(
        columns={"utbildningsnivå": "level", "ålder": "age_band", "kön": "sex", "X2019": "persons"}
    )
    table["persons"] = table["persons"].astype(int)
    table["year"] = 2019
    return table[["code", "year", "age_band", "sex", "level", "persons"]]


def education_level(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons by education level (SUN, 8 levels), 10-year age band and sex, 2019."""
    table = _education_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


@memo.remembered
def _birth_region_all() -> pd.DataFrame:
    raw = pd.read_csv(
        paths.PUBLIC / "scb_birth_region_age_sex_2019.csv",
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


@memo.remembered
def _panel_all() -> pd.DataFrame:
    raw = pd.read_csv(
        paths.PUBLIC / "municipal_panel_2002_2022.csv",
        dtype={"municip_code": str, "county_code": str},
    )
    # This file drops leading zeros (114 = 0114): restore them before anything joins on codes.
    raw["code"] = raw["municip_code"].str.zfill(4)
    # pop is measured 31 Dec of the year before the panel year.
    raw["year"] = raw["year"] - 1
    return raw.rename(columns={"pop": "persons"})[["code", "year", "persons"]]


def population_trend(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Population 31 Dec for 2001, 2005, 2009, 2013, 2017 and 2021, per municipality."""
    table = _panel_all()
    return table if codes is None else table[table["code"].isin(codes)].reset_index(drop=True)


# Tables that `make fetch` adds to the snapshot (SCB PxWebApi v2). Each loader returns None
# while the snapshot lacks the table; availability.check() then says so in the report.

#: SCB's sex codes in the API tables.
SEX = {"1": "män", "2": "kvinnor", "1+2": "totalt"}
#: SUN 2000 education levels by SCB code, worded as the 2019 snapshot words them.
LEVELS = {
    "1": "förgymnasial utbildning kortare än 9 år",
    "2": "förgymnasial utbildning, 9 (10) år",
    "3": "gymnasial utbildning, högst 2 år",
    "4": "gymnasial utbildning, 3 år",
    "5": "eftergymnasial utbildning, mindre än 3 år",
    "6": "eftergymnasial utbildning, 3 år eller mer",
    "7": "forskarutbildning",
    "US": "uppgift om utbildningsnivå saknas",
}
#: The BAS table's total over all industries; RAMS writes unknown industry as "00".
ALL_INDUSTRIES = "A-U+US"
UNKNOWN_INDUSTRY = "US"
AGE_BANDS = [(lo, lo + 9, f"{lo}-{lo + 9} år") for lo in range(25, 65, 10)]


def _fetched(name: str) -> pd.DataFrame | None:
    path = paths.PUBLIC / snapshot.scb_file(name)
    if not path.exists():
        return None
    return _read_fetched(path, path.stat().st_mtime_ns)


@memo.remembered
def _read_fetched(path: Path, _mtime: int) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    # An empty value is a suppressed or missing cell: it stays missing.
    table["value"] = pd.to_numeric(table["value"].replace("", None), errors="coerce")
    table["year"] = pd.to_numeric(table["year"].str[:4]).astype(int)
    return table


def fetched_version(name: str) -> int | None:
    """When a fetched table was last written (None if absent): a key for caches."""
    path = paths.PUBLIC / snapshot.scb_file(name)
    return path.stat().st_mtime_ns if path.exists() else None


def _codes(table: pd.DataFrame, codes: list[str] | tuple[str, ...] | None) -> pd.DataFrame:
    return table if codes is None else table[table["region"].isin(list(codes))]


def fetched_source(name: str, years: list[int] | None = None) -> str:
    """The source line of a fetched table: "SCB, <title> 2024 (TAB3785)"."""
    spec = snapshot.spec(name)
    table = _fetched(name)
    shown = sorted(
        set(years if years is not None else ([] if table is None else table["year"].tolist()))
    )
    period = (
        "" if not shown else (f" {shown[0]}" if len(shown) == 1 else f" {shown[0]}–{shown[-1]}")
    )
    ids = "" if table is None else f" ({', '.join(sorted(set(table['table_id'])))})"
    return f"SCB, {spec.title[0].lower()}{spec.title[1:]}{period}{ids}"


def _place(text: str) -> str:
    folded = text.casefold()
    return "natt" if "natt" in folded or "bostad" in folded else "dag"


def employment_by_industry(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """Employed persons by industry (SNI 2007 groups), sex and place, both series.

    Columns ``code, year, series, place`` (``dag`` = working in the municipality,
    ``natt`` = living there), ``industry, industry_text, sex, persons, status``. BAS (from
    2020) gives both places and a total over industries (``A-U+US``); RAMS (2008–2018)
    gives the day population only and its ``totalt`` for sex is the sum of men and women.
    """
    frames = []
    for name in ("scb_employment_industry_bas", "scb_employment_industry_rams"):
        table = _fetched(name)
        if table is None:
            continue
        table = _codes(table, codes)
        frame = pd.DataFrame(
            {
                "code": table["region"],
                "year": table["year"],
                "series": table["series"],
                "place": table["measure_text"].map(_place),
                "industry": table["industry"].replace({"00": UNKNOWN_INDUSTRY}),
                "industry_text": table["industry_text"],
                "sex": table["sex"].map(SEX).fillna(table["sex"]),
                "persons": table["value"],
                "status": table["status"],
            }
        )
        if "totalt" not in set(frame["sex"]):
            # RAMS has no total for sex: men + women, missing if either is.
            keys = ["code", "year", "series", "place", "industry", "industry_text"]
            parts = frame.set_index(keys)
            men = parts.loc[parts["sex"] == "män", "persons"]
            women = parts.loc[parts["sex"] == "kvinnor", "persons"]
            total = men.add(women).rename("persons").reset_index()
            status = total["persons"].isna().map({True: "..", False: ""})
            frames.append(total.assign(sex="totalt", status=status))
        frames.append(frame)
    if not frames:
        return None
    return pd.concat(frames, ignore_index=True)


def commuting(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """Commuters across the municipal border: ``code, year, sex, direction (in/ut), persons``."""
    table = _fetched("scb_commuting")
    if table is None:
        return None
    table = _codes(table, codes)
    folded = table["measure_text"].str.casefold()
    direction = pd.Series(pd.NA, index=table.index, dtype="str")
    direction[folded.str.contains("inpendl")] = "in"
    direction[folded.str.contains("utpendl")] = "ut"
    frame = pd.DataFrame(
        {
            "code": table["region"],
            "year": table["year"],
            "sex": table["sex"].map(SEX).fillna(table["sex"]),
            "direction": direction,
            "persons": table["value"],
        }
    )
    return frame.dropna(subset=["direction"]).reset_index(drop=True)


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


def education_level_latest(codes: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Persons 25–64 by education level, 10-year age band and sex: the latest year there is.

    The fetched table (single years of age) when the snapshot has it, otherwise 2019. Same
    columns as :func:`education_level`.
    """
    table = _fetched("scb_education_level")
    if table is None:
        return education_level(codes)
    table = _codes(table, codes)
    table = table[table["year"] == table["year"].max()]
    table = table[table["sex"].isin(["1", "2"]) & table["age"].str.fullmatch(r"\d+")]
    age = table["age"].astype(int)
    band = pd.cut(
        age,
        bins=[lo - 0.5 for lo, _, _ in AGE_BANDS] + [AGE_BANDS[-1][1] + 0.5],
        labels=[label for _, _, label in AGE_BANDS],
    ).astype(str)
    frame = pd.DataFrame(
        {
            "code": table["region"],
            "year": table["year"],
            "age_band": band,
            "sex": table["sex"].map(SEX),
            "level": table["level"].map(LEVELS).fillna(table["level_text"]),
            "persons": table["value"],
        }
    )
    return frame.groupby(["code", "year", "age_band", "sex", "level"], as_index=False)[
        "persons"
    ].sum(min_count=1)


def education_source(table: pd.DataFrame) -> str:
    """The source line for an education table from :func:`education_level_latest`."""
    year = int(table["year"].max())
    if _fetched("scb_education_level") is None:
        return SOURCE_EDUCATION
    return fetched_source("scb_education_level", [year])
