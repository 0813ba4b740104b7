"""The 2019 population figures for an area and its comparisons, from summed counts.

An area of several municipalities is never the average of their rates: counts are summed
first and every rate is recomputed from the summed parts (population-weighted by
construction). The same goes for Fyrbodal, the county and the country. These are SCB's
2019 files, for what only they have (birth region); Kolada's series for every year are
pooled the same way in ``stats.comparisons``.

    >>> from helpers.config.params import load_area
    >>> table = population_indicators(load_area("sotenas"))
    >>> int(table.loc["Sotenäs", "persons"])
    9061
"""

from __future__ import annotations

import pandas as pd

from helpers.common import memo
from helpers.config.params import Area
from helpers.stats import scb


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
