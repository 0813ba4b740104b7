"""Year over year: this year's survey indicators set against last year's.

Both tables are the same indicator's output for two years (e.g. ``indicators``
tables, already through disclosure control). Changes are differences of shown figures:
counts in respondents, shares in procentenheter (stored as a difference of shares, 0.08 =
8 procentenheter, formatted by ``text.points``). A change is hidden when either year's
figure is hidden, so a comparison never gives back a suppressed number. With no previous
year, :func:`compare` returns ``None`` and the chapter prints :func:`no_previous_text`.

    >>> now = pd.DataFrame({"question": ["E3"], "option": ["Ja"], "n": [5], "share": [0.25]})
    >>> change = compare(now, now.assign(n=10, share=0.5), years=(2026, 2025)).iloc[0]
    >>> int(change["n_change"]), float(change["share_change"]), bool(change["suppressed"])
    (-5, -0.25, False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.analysis import indicators
from helpers.common import text

KEYS = ("question", "group", "option")
VALUES = ("n", "share")


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
) -> pd.DataFrame | None:
    """Change per row between two years' indicator tables; ``None`` without a previous year.

    Rows are matched on ``keys`` (rows in only one year get no change). For each of
    ``values`` the result has ``<v>_current``, ``<v>_previous`` and ``<v>_change``.
    ``suppressed`` is True where any compared figure is hidden in either year.

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
    table = table[columns].assign(suppressed=hidden.astype(bool).to_numpy())
    table.attrs.update(current.attrs)
    table.attrs["years"] = years
    return table


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
    table: pd.DataFrame | None, column: str = "share_change", *, group: str | None = "Totalt"
) -> pd.Series | None:
    """The shown row with the largest absolute change (``group`` restricts rows; None = all).

    >>> t = pd.DataFrame({"group": "Totalt", "share_change": [0.02, -0.07], "suppressed": False})
    >>> float(largest_change(t)["share_change"])
    -0.07
    """
    if table is None or column not in table:
        return None
    rows = table[~table["suppressed"].astype(bool)] if "suppressed" in table else table
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
