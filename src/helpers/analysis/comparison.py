"""Year over year: this year's survey indicators set against last year's.

Both tables are the same indicator's output for two years (e.g. ``indicators``
tables, already through disclosure control). Changes are differences of shown figures:
counts in respondents, shares in procentenheter (stored as a difference of shares, 0.08 =
8 procentenheter, formatted by ``text.points``). A change is hidden when either year's
figure is hidden, so a comparison never gives back a suppressed number. With no previous
year, :func:`compare` returns ``None`` and the chapter prints :func:`no_previous_text`.

A change in a share is called a change only when it is larger than its uncertainty: the two
years are two different sets of respondents, so :func:`difference_interval` gives a 95 %
interval for the difference of two independent shares (Newcombe's hybrid score method, built
from each year's Wilson interval; it holds for the small groups of a local survey, where the
normal approximation does not), and ``significant`` is True when that interval leaves out 0.
:func:`by_size` orders the changes largest first, so the chapter shows the largest shifts.

    >>> now = pd.DataFrame({"question": ["E3"], "option": ["Ja"], "n": [5], "share": [0.25]})
    >>> change = compare(now, now.assign(n=10, share=0.5), years=(2026, 2025)).iloc[0]
    >>> int(change["n_change"]), float(change["share_change"]), bool(change["suppressed"])
    (-5, -0.25, False)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.analysis import indicators
from helpers.common import text

KEYS = ("question", "group", "option")
VALUES = ("n", "share")
#: The normal quantile of a two-sided 95 % interval.
Z95 = 1.959963984540054
#: How the report says a change is judged (method text of the comparison chapter).
METHOD_TEXT = (
    "Årets och förra årets svarande är inte samma arbetsgivare, så en skillnad mellan åren kan "
    "bero på slumpen i vilka som svarade. En förändring kallas därför förändring bara när den "
    "är större än osäkerheten: när ett 95-procentigt konfidensintervall för skillnaden mellan "
    "de två andelarna inte innehåller noll (Newcombes metod, som bygger på Wilsons intervall "
    "för varje års andel och håller också för få svarande). Andelen misslyckade rekryteringar "
    "räknas på tjänster men bedöms med antalet arbetsgivare som underlag, eftersom tjänsterna "
    "hos en arbetsgivare inte är oberoende av varandra. När många andelar jämförs kan "
    "någon enstaka skillnad se säker ut av en slump; en förändring som håller i sig flera år "
    "är säkrare."
)


def wilson_interval(share: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval for a share observed among ``n`` respondents.

    >>> [round(v, 3) for v in wilson_interval(0.5, 20)]
    [0.299, 0.701]
    """
    if n <= 0:
        raise ValueError("a share needs at least one respondent")
    z2 = z * z
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def difference_interval(
    share: float, n: float, previous_share: float, previous_n: float, z: float = Z95
) -> tuple[float, float]:
    """95 % interval of ``share - previous_share`` for two independent groups (Newcombe's
    hybrid score method, his method 10, from the two Wilson intervals).

    A fall from 60 % of 50 respondents to 48 % of 60 is within the uncertainty (the interval
    holds 0); from 60 % of 500 to 48 % of 600 it is not:

    >>> [round(v, 3) for v in difference_interval(0.48, 60, 0.6, 50)]
    [-0.293, 0.066]
    >>> [round(v, 3) for v in difference_interval(0.48, 600, 0.6, 500)]
    [-0.178, -0.061]
    """
    low1, high1 = wilson_interval(share, n, z)
    low2, high2 = wilson_interval(previous_share, previous_n, z)
    difference = share - previous_share
    low = difference - math.sqrt((share - low1) ** 2 + (high2 - previous_share) ** 2)
    high = difference + math.sqrt((high1 - share) ** 2 + (previous_share - low2) ** 2)
    return low, high


def no_previous_text(year: int | None = None) -> str:
    """What the chapter says when there is nothing to compare with.

    >>> no_previous_text(2025)
    'Jämförelsen med förra året börjar nästa år: 2025 är första året med enkäten för området.'
    """
    first = f"{text.year(year)} är första året" if year else "detta är första året"
    return f"Jämförelsen med förra året börjar nästa år: {first} med enkäten för området."


def compare(
    current: pd.DataFrame,
    previous: pd.DataFrame | None,
    *,
    keys: Sequence[str] = KEYS,
    values: Sequence[str] = VALUES,
    years: tuple[int, int] | None = None,
    base: str = "base",
) -> pd.DataFrame | None:
    """Change per row between two years' indicator tables; ``None`` without a previous year.

    Rows are matched on ``keys`` (rows in only one year get no change). For each of
    ``values`` the result has ``<v>_current``, ``<v>_previous`` and ``<v>_change``.
    ``suppressed`` is True where any compared figure is hidden in either year. When both
    tables have ``base`` (the respondents a share is counted among) and ``share`` is
    compared, the result also has ``base_current``, ``base_previous``, the 95 % interval of
    the share's change (``share_change_low``, ``share_change_high``) and ``significant``
    (the interval leaves out 0; False where there is no shown change).

    >>> now = pd.DataFrame({"option": ["Ja"], "share": [0.6]})
    >>> then = pd.DataFrame({"option": ["Ja"], "share": [0.5]})
    >>> round(float(compare(now, then, keys=["option"], values=["share"])["share_change"][0]), 3)
    0.1
    """
    if previous is None or previous.empty:
        return None
    keys = [k for k in keys if k in current and k in previous]
    values = [v for v in values if v in current and v in previous]
    if not keys or not values:
        raise ValueError("the two tables share no key or value columns to compare")
    for name, table in (("current", current), ("previous", previous)):
        if table.duplicated(keys).any():
            raise ValueError(f"the {name} table has duplicate rows for keys {keys}")
    left = _side(current, keys, values, "current")
    right = _side(previous, keys, values, "previous")
    table = left.merge(right, on=keys, how="outer", sort=False)
    hidden = pd.Series(False, index=table.index)
    for v in values:
        now, then = table[f"{v}_current"], table[f"{v}_previous"]
        both = now.notna() & then.notna()
        for which in ("current", "previous"):
            hidden |= table[f"hidden_{v}_{which}"].fillna(False).astype(bool)
        change = (now.astype("Float64") - then.astype("Float64")).where(both.to_numpy())
        whole = pd.api.types.is_integer_dtype(now) and pd.api.types.is_integer_dtype(then)
        table[f"{v}_change"] = change.astype("Int64") if whole else change
    columns = list(keys) + [f"{v}_{s}" for v in values for s in ("current", "previous", "change")]
    tested = "share" in values and base in current and base in previous
    if tested:
        bases = (
            left[[*keys]]
            .assign(base_current=current[base].to_numpy())
            .merge(
                right[[*keys]].assign(base_previous=previous[base].to_numpy()), on=keys, how="outer"
            )
        )
        table = table.merge(bases, on=keys, how="left", sort=False)
        columns += ["base_current", "base_previous"]
    table = table[columns].assign(suppressed=hidden.astype(bool).to_numpy())
    if tested:
        table = _with_intervals(table)
    table.attrs.update(current.attrs)
    table.attrs["years"] = years
    return table


def _with_intervals(table: pd.DataFrame) -> pd.DataFrame:
    """The share change's 95 % interval and whether it leaves out 0, per shown change."""
    lows, highs = [], []
    for row in table.itertuples(index=False):
        figures = (row.share_current, row.base_current, row.share_previous, row.base_previous)
        usable = not row.suppressed and not any(pd.isna(v) for v in figures)
        if usable and min(row.base_current, row.base_previous) > 0:
            low, high = difference_interval(*(float(v) for v in figures))
        else:
            low, high = math.nan, math.nan
        lows.append(low)
        highs.append(high)
    low = pd.array(lows, dtype="Float64")
    high = pd.array(highs, dtype="Float64")
    significant = ((low > 0) | (high < 0)).fillna(False).astype(bool)
    return table.assign(share_change_low=low, share_change_high=high, significant=significant)


def by_size(table: pd.DataFrame, column: str = "share_change") -> pd.DataFrame:
    """The rows ordered by the size of their change, largest first; rows without a shown
    change last (in their own order).

    >>> t = pd.DataFrame({"option": ["a", "b", "c"], "share_change": [0.02, None, -0.07]})
    >>> by_size(t)["option"].tolist()
    ['c', 'a', 'b']
    """
    # Rounded, so mirrored changes (Ja +0.2, Nej −0.2) tie and keep their order.
    size = table[column].astype("Float64").abs().round(9).fillna(-1.0).to_numpy(dtype=float)
    order = sorted(range(len(table)), key=lambda i: (-size[i], i))
    return table.iloc[order].reset_index(drop=True)


def _side(table: pd.DataFrame, keys: list[str], values: list[str], which: str) -> pd.DataFrame:
    """Key and value columns renamed for one year, with a hidden flag per value."""
    out = table[keys].copy()
    flag = (
        table["suppressed"].astype(bool)
        if "suppressed" in table
        else pd.Series(False, index=table.index)
    )
    for v in values:
        out[f"{v}_{which}"] = table[v]
        # Suppressed rows hide all their figures; a count is never missing unless hidden.
        out[f"hidden_{v}_{which}"] = (flag | (table[v].isna() & (v == "n"))).astype(bool)
    return out


def largest_change(
    table: pd.DataFrame | None,
    column: str = "share_change",
    *,
    group: str | None = "Totalt",
    significant: bool = False,
) -> pd.Series | None:
    """The shown row with the largest absolute change (``group`` restricts rows; None = all);
    with ``significant``, only among changes larger than their uncertainty.

    >>> t = pd.DataFrame({"group": "Totalt", "share_change": [0.02, -0.07], "suppressed": False})
    >>> float(largest_change(t)["share_change"])
    -0.07
    >>> float(largest_change(t.assign(significant=[True, False]), significant=True)["share_change"])
    0.02
    """
    if table is None or column not in table:
        return None
    rows = table[~table["suppressed"].astype(bool)] if "suppressed" in table else table
    if significant:
        flags = rows["significant"] if "significant" in rows else pd.Series(False, rows.index)
        rows = rows[flags.astype(bool)]
    if group is not None and "group" in rows:
        rows = rows[rows["group"] == group]
    rows = rows.dropna(subset=[column])
    if rows.empty:
        return None
    # Rounded, so mirrored changes (Ja +0.2, Nej −0.2) tie and the first row wins.
    return rows.loc[rows[column].astype(float).abs().round(9).idxmax()]


def to_display(table: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A Swedish copy: columns named by year (or "i år"/"förra året"), changes in procentenheter."""
    years = table.attrs.get("years")
    now, then = (text.year(years[0]), text.year(years[1])) if years else ("i år", "förra året")
    headers = {}
    for column in table.columns:
        stem, _, which = column.rpartition("_")
        label = indicators.DISPLAY_NAMES.get(stem, stem)
        if which == "current":
            headers[column] = f"{label}, {now}"
        elif which == "previous":
            headers[column] = f"{label}, {then}"
        elif which == "change":
            headers[column] = f"{label}, förändring"
    return indicators.to_display(table, {**headers, **(names or {})})
