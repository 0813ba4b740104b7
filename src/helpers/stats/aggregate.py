"""Statistics for an area and its comparisons: sums of counts, rates recomputed from parts.

An area of several municipalities is never the average of their rates: counts are summed
first and every rate is recomputed from the summed parts (population-weighted by
construction). The same goes for Fyrbodal, the county and the country.

    >>> from helpers.config.params import load_area
    >>> table = population_indicators(load_area("sotenas"))
    >>> int(table.loc["Sotenäs", "persons"])
    9061
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from helpers.common import memo
from helpers.config.params import Area
from helpers.stats import scb

POST_SECONDARY = (
    "eftergymnasial utbildning, mindre än 3 år",
    "eftergymnasial utbildning, 3 år eller mer",
    "forskarutbildning",
)
WORKING_AGE_BANDS = ("25-34 år", "35-44 år", "45-54 år", "55-64 år")


def for_comparisons(
    area: Area,
    loader: Callable[[tuple[str, ...]], pd.DataFrame],
    by: list[str],
    value: str = "persons",
) -> pd.DataFrame:
    """Sum ``value`` by ``by`` for the area and each comparison, one ``comparison`` column."""
    frames = []
    for comparison in area.comparisons:
        table = loader(comparison.municipalities)
        summed = table.groupby(by, as_index=False, observed=True)[value].sum()
        summed.insert(0, "comparison", comparison.name)
        frames.append(summed)
    return pd.concat(frames, ignore_index=True)


def dependency_ratio(population: pd.DataFrame) -> float:
    """(persons 0–19 + persons 65+) / persons 20–64 × 100, from single years of age."""
    young = population.loc[population["age"] <= 19, "persons"].sum()
    old = population.loc[population["age"] >= 65, "persons"].sum()
    working = population.loc[population["age"].between(20, 64), "persons"].sum()
    return float((young + old) / working * 100)


@memo.remembered
def population_indicators(area: Area) -> pd.DataFrame:
    """Key population figures per comparison (rows in area, region, county, riket order)."""
    rows = {}
    for comparison in area.comparisons:
        pop = scb.population(comparison.municipalities)
        total = pop["persons"].sum()
        born = scb.birth_region(comparison.municipalities)
        abroad = born.loc[born["birth_region"] == "Utrikes född", "persons"].sum()
        rows[comparison.name] = {
            "persons": int(total),
            "share_0_19": pop.loc[pop["age"] <= 19, "persons"].sum() / total,
            "share_20_64": pop.loc[pop["age"].between(20, 64), "persons"].sum() / total,
            "share_65_plus": pop.loc[pop["age"] >= 65, "persons"].sum() / total,
            "dependency_ratio": dependency_ratio(pop),
            "share_born_abroad": abroad / born["persons"].sum(),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "comparison"
    return table


@memo.remembered
def post_secondary_share(
    area: Area, loader: Callable[[tuple[str, ...]], pd.DataFrame] | None = None
) -> pd.DataFrame:
    """Share of 25–64-year-olds with post-secondary education, by comparison and sex.

    Rows keep the comparisons' order (area, region, county, riket); within each: kvinnor,
    män, totalt. ``loader`` defaults to the 2019 snapshot (``scb.education_level``).
    """
    table = for_comparisons(area, loader or scb.education_level, by=["age_band", "sex", "level"])
    table = table[table["age_band"].isin(WORKING_AGE_BANDS)]
    table = table.assign(post_secondary=table["level"].isin(POST_SECONDARY) * table["persons"])
    rows = []
    for comparison in area.comparisons:
        part = table[table["comparison"] == comparison.name]
        for sex in ("kvinnor", "män", "totalt"):
            chosen = part if sex == "totalt" else part[part["sex"] == sex]
            rows.append(
                {
                    "comparison": comparison.name,
                    "sex": sex,
                    "post_secondary": chosen["post_secondary"].sum(),
                    "persons": chosen["persons"].sum(),
                }
            )
    shares = pd.DataFrame(rows)
    shares["share"] = shares["post_secondary"] / shares["persons"]
    return shares
