"""Kolada's figures for an area, its municipalities and its comparisons, year by year.

Who gets which figure:

- a single municipality, a county's whole set and the whole country take Kolada's own
  figure (``1427``, ``0014``, ``0000``), which SCB computed from totals;
- any other group (an area of several municipalities, Fyrbodal) is *pooled* from its members:
  counts are summed; a share with a denominator in the series (``snapshot.Kpi.denominator``)
  is share × denominator summed over the denominator summed, so never a mean of shares; a
  share without one gets no value (NaN), and the chapters show the municipalities side by side;
- a year where any member lacks a figure gives the group none: a sum over part of a group
  would read as the group's.

Kolada's own group means (``G96180`` Fyrbodal) are unweighted and never used. Where Kolada has
no figure for a county or Sweden (the commuting KPIs exist for municipalities only), it is
pooled from their municipalities in the same way.

    >>> from helpers.config.params import load_area
    >>> table = for_area(load_area("trollhattan-vanersborg"), "N02201")
    >>> latest = table[table["period"] == 2022].set_index("name")["value"]
    >>> int(latest["Trollhättan och Vänersborg"]), int(latest["Trollhättan"])
    (45110, 30141)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType

import numpy as np
import pandas as pd

from helpers.common import memo
from helpers.config import regions
from helpers.config.params import Area
from helpers.stats import kolada, snapshot

#: Roles of the rows of :func:`for_area`, in the order they come.
AREA, MEMBER, COMPARISON = "area", "member", "comparison"


@lru_cache(maxsize=1)
def _published_groups() -> Mapping[frozenset[str], str]:
    groups = {frozenset(regions.all_codes()): kolada.RIKET}
    for county in regions.counties()["code"]:
        groups[frozenset(regions.county_members(county))] = kolada.kolada_id(county)
    return MappingProxyType(groups)


def own_id(municipalities: Sequence[str]) -> str | None:
    """Kolada's id for a group it publishes figures for, or None (then the group is pooled).

    >>> own_id(["1427"]), own_id(regions.county_members("14")), own_id(["1488", "1487"])
    ('1427', '0014', None)
    """
    members = frozenset(municipalities)
    if len(members) == 1:
        return next(iter(members))
    return _published_groups().get(members)


def poolable(kpi: str) -> bool:
    """True when a group's figure can be computed from its members' (a count, or a share whose
    denominator the series holds)."""
    entry = snapshot.kolada_kpi(kpi)
    return entry.kind == "count" or entry.denominator is not None


def ids(series: kolada.Figures, kpi: str, municipalities: Sequence[str]) -> list[str]:
    """The Kolada ids a group's figure comes from: its own id when Kolada has figures for it,
    else its municipalities (to pool)."""
    own = own_id(municipalities)
    if own is not None and (len(set(municipalities)) == 1 or not _empty(series, kpi, own)):
        return [own]
    return list(municipalities)


def _empty(series: kolada.Figures, kpi: str, kolada_id: str) -> bool:
    return bool(np.isnan(series.rows(kpi, "T", [kolada_id])).all())


def _pooled(series: kolada.Figures, kpi: str, members: Sequence[str], gender: str) -> np.ndarray:
    values = series.rows(kpi, gender, members)
    if len(members) == 1:
        return values[0]
    entry = snapshot.kolada_kpi(kpi)
    if entry.kind == "count":
        return _sum(values)
    if entry.denominator is None:
        return np.full(values.shape[1], np.nan)
    totals = series.rows(entry.denominator, gender, members)
    return _counted(series, kpi, members, gender) / _sum(totals) * 100


def _sum(values: np.ndarray) -> np.ndarray:
    """Column sums, NaN where any member lacks a value."""
    return np.where(np.isnan(values).any(axis=0), np.nan, np.nansum(values, axis=0))


def _counted(series: kolada.Figures, kpi: str, members: Sequence[str], gender: str) -> np.ndarray:
    entry = snapshot.kolada_kpi(kpi)
    values = series.rows(kpi, gender, members)
    if entry.kind == "share":
        if entry.denominator is None:
            raise ValueError(f"{kpi}: andelen har ingen nämnare i serien")
        values = values * series.rows(entry.denominator, gender, members) / 100
    return _sum(values)


def pooled(
    series: kolada.Figures, kpi: str, members: Sequence[str], gender: str = "T"
) -> pd.Series:
    """The figure per year of the ids ``members`` together (NaN where it cannot be computed)."""
    return pd.Series(_pooled(series, kpi, members, gender), index=series.periods)


def counted(
    series: kolada.Figures, kpi: str, members: Sequence[str], gender: str = "T"
) -> pd.Series:
    """How many people the ids ``members`` have in a KPI, per year: a count summed, a share
    as share × its denominator summed (approximate: Kolada's shares are rounded)."""
    return pd.Series(_counted(series, kpi, members, gender), index=series.periods)


def figure(
    series: kolada.Figures, kpi: str, municipalities: Sequence[str], gender: str = "T"
) -> pd.Series:
    """A group's figure per year: Kolada's own where it publishes one, else pooled."""
    return pooled(series, kpi, ids(series, kpi, municipalities), gender)


@memo.remembered
def groups(area: Area) -> pd.DataFrame:
    """The rows every table here has: ``name, role, municipalities`` (a tuple of codes)."""
    listed = area.comparisons
    rows = [(area.name, AREA, area.municipalities)]
    if len(area.municipalities) > 1:
        rows += [(regions.municipality_name(c), MEMBER, (c,)) for c in area.municipalities]
    rows += [(c.name, COMPARISON, c.municipalities) for c in listed[1:]]
    return pd.DataFrame(rows, columns=["name", "role", "municipalities"])


def _table(area: Area, kpi: str, gender: str, counts: bool) -> pd.DataFrame:
    series = kolada.load()
    periods = series.periods
    names, roles, values = [], [], []
    for name, role, municipalities in groups(area).itertuples(index=False):
        chosen = ids(series, kpi, municipalities)
        values.append((_counted if counts else _pooled)(series, kpi, chosen, gender))
        names += [name] * len(periods)
        roles += [role] * len(periods)
    return pd.DataFrame(
        {
            "name": names,
            "role": roles,
            "period": periods * len(values),
            "value": np.concatenate(values),
        }
    )


@memo.remembered
def for_area(area: Area, kpi: str, gender: str = "T") -> pd.DataFrame:
    """One KPI for the area, its municipalities (when several) and its comparisons, by year.

    Columns ``name, role, period, value``; ``role`` is ``area``, ``member`` or
    ``comparison``. Rows come in that order, years ascending within each.
    """
    return _table(area, kpi, gender, counts=False)


@memo.remembered
def counts_for_area(area: Area, kpi: str, gender: str = "T") -> pd.DataFrame:
    """How many people a KPI stands for (a share × its denominator: approximate), for the
    rows of :func:`for_area`."""
    return _table(area, kpi, gender, counts=True)


def at(table: pd.DataFrame, period: int) -> pd.Series:
    """A :func:`for_area` table's values in one year, by name (in the table's order)."""
    chosen = table["period"].to_numpy() == period
    return pd.Series(
        table["value"].to_numpy()[chosen], index=table["name"].to_numpy()[chosen].tolist()
    )


def lacking(area: Area, kpi: str, gender: str = "T") -> list[str]:
    """The area's municipalities the series has no figure for in the KPI's latest year."""
    series = kolada.load()
    year = series.latest(kpi, gender=gender)
    return [
        regions.municipality_name(code)
        for code in area.municipalities
        if pd.isna(series.value(kpi, code, year, gender))
    ]
