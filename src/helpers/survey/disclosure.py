"""Disclosure control for survey figures: the one place that decides what may be shown.

A survey figure resting on fewer than ``threshold`` respondents (default 5, set per area in
the params) is suppressed: its value becomes ``<NA>`` and the report shows
``text.MISSING`` ("–") with :func:`note` under the table.

Primary suppression
    A count of respondents ``n`` with ``0 < n < threshold`` is hidden. Zero is shown: it
    says nobody in the group chose the option, which a reader cannot tie to a person
    (the group's size is shown, or hidden, by its own rule). A share is shown only when
    its base is at least ``threshold`` and its numerator is shown. A group (row) whose base
    is hidden is hidden whole, because its shares and counts would give the base back.

Secondary suppression
    Where cells add up to a shown total (options of a single-choice question add up to the
    base; branches add up to the ``Totalt`` row), one hidden cell could be recovered as
    total minus the others. So in every such line (a row with its total, or a column with
    its total row) the number of hidden cells must never be exactly one: the smallest other
    non-zero cell is hidden too (in a column, the cell of the smallest group), or, when
    there is no other cell, the total. This repeats until no line has a single hidden cell.
    It protects against exact recovery, not against narrow intervals (no audit by linear
    programming); with respondent counts of a local survey that is the usual standard.

Example::

    >>> table = pd.DataFrame({"option": ["Ja", "Nej"], "n": [3, 9], "base": [12, 12]})
    >>> protect_shares(table.assign(group="Totalt"), additive=True)[["option", "n", "share"]]
      option     n  share
    0     Ja  <NA>   <NA>
    1    Nej  <NA>   <NA>

("Ja" rests on 3 respondents; "Nej" is hidden too, since 12 − 9 would give the 3 back.)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

#: Default minimum number of respondents behind a shown survey figure (params may override).
THRESHOLD = 5

_Cell = tuple[int, int]


def note(threshold: int = THRESHOLD, *, secondary: bool = False) -> str:
    """The note printed under every table or chart with suppressed survey figures.

    >>> note()
    '– = färre än 5 svarande; uppgiften visas inte.'
    """
    text = f"– = färre än {threshold} svarande; uppgiften visas inte."
    if secondary:
        text += " Inte heller summor eller celler som skulle avslöja en sådan uppgift visas."
    return text


def primary_mask(
    counts: pd.DataFrame | pd.Series, threshold: int = THRESHOLD
) -> pd.DataFrame | pd.Series:
    """True where a respondent count is shown to fewer than ``threshold`` (zero excluded).

    >>> primary_mask(pd.Series([0, 1, 4, 5])).tolist()
    [False, True, True, False]
    """
    values = counts.astype("Float64")
    return ((values > 0) & (values < threshold)).fillna(False).astype(bool)


def share(n: object, base: object, threshold: int = THRESHOLD) -> float | None:
    """A share that may be shown, or ``None``: base ≥ threshold and n not primary-suppressed.

    >>> share(6, 20), share(3, 20), share(6, 4)
    (0.3, None, None)
    """
    if pd.isna(n) or pd.isna(base) or base < threshold or base <= 0:
        return None
    if 0 < n < threshold:
        return None
    return float(n) / float(base)


def suppression_mask(
    counts: pd.DataFrame,
    threshold: int = THRESHOLD,
    *,
    total_row: Hashable | None = None,
    total_column: Hashable | None = None,
    part_columns: Sequence[Hashable] | None = None,
    additive_columns: Sequence[Hashable] | None = None,
    base_column: Hashable | None = None,
    respondent_columns: Sequence[Hashable] | None = None,
    whole_rows: bool = False,
) -> pd.DataFrame:
    """Which cells of a wide table of counts to hide (primary and secondary).

    ``counts``: rows are groups, columns are counts. ``total_row`` labels the row holding
    column totals (used for the columns in ``additive_columns``, default all); ``total_column``
    labels the column holding the total of ``part_columns`` in each row (default all other
    columns except ``base_column``); a hidden ``base_column`` cell hides its whole row.
    Primary suppression applies to ``respondent_columns`` (default all); other columns (such
    as positions sought) are hidden only with their row or as secondary cells. With
    ``whole_rows`` any hidden cell hides its row: for tables whose every figure rests on the
    row's respondents (sums, means, splits that add up within the row), and the row to hide
    next is the one with the smallest base.

    >>> t = pd.DataFrame({"n": [3, 8, 9, 20]}, index=["a", "b", "c", "Totalt"])
    >>> suppression_mask(t, total_row="Totalt")["n"].tolist()
    [True, True, False, False]
    """
    values = counts.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    columns = list(counts.columns)
    rows = list(counts.index)
    col = {c: j for j, c in enumerate(columns)}
    respondent = columns if respondent_columns is None else list(respondent_columns)
    primary = primary_mask(counts[respondent], threshold)
    mask = np.zeros(values.shape, dtype=bool)
    for c in respondent:
        mask[:, col[c]] = primary[c].to_numpy()
    base_j = col[base_column] if base_column is not None else None
    lines = _lines(
        rows, columns, total_row, total_column, part_columns, additive_columns, base_column
    )
    changed = True
    while changed:
        changed = _hide_rows(mask, base_j, whole_rows)
        for parts, total in lines:
            if _protect_line(values, mask, parts, total, base_j, whole_rows):
                # Hide the row at once, so the next line sees it and picks no other row.
                changed = _hide_rows(mask, base_j, whole_rows) or True
    return pd.DataFrame(mask, index=counts.index, columns=counts.columns)


def _lines(
    rows: list[object],
    columns: list[object],
    total_row: object | None,
    total_column: object | None,
    part_columns: list[object] | None,
    additive_columns: list[object] | None,
    base_column: object | None,
) -> list[tuple[list[_Cell], _Cell]]:
    """Every additive relation as (part cells, total cell), in integer positions."""
    lines: list[tuple[list[_Cell], _Cell]] = []
    if total_row is not None:
        t = rows.index(total_row)
        for c in additive_columns if additive_columns is not None else columns:
            j = columns.index(c)
            lines.append(([(i, j) for i in range(len(rows)) if i != t], (t, j)))
    if total_column is not None:
        t = columns.index(total_column)
        parts = (
            part_columns
            if part_columns is not None
            else [c for c in columns if c not in (total_column, base_column)]
        )
        js = [columns.index(c) for c in parts]
        for i in range(len(rows)):
            lines.append(([(i, j) for j in js], (i, t)))
    return lines


def _hide_rows(mask: np.ndarray, base_j: int | None, whole_rows: bool) -> bool:
    """Hide every row whose base is hidden (or, with whole_rows, any cell of which is)."""
    if whole_rows:
        rows = mask.any(axis=1) & ~mask.all(axis=1)
    elif base_j is not None:
        rows = mask[:, base_j] & ~mask.all(axis=1)
    else:
        return False
    mask[rows, :] = True
    return bool(rows.any())


def _protect_line(
    values: np.ndarray,
    mask: np.ndarray,
    parts: list[_Cell],
    total: _Cell,
    base_j: int | None,
    whole_rows: bool,
) -> bool:
    """Hide one more cell when exactly one cell of the line is hidden; True if it did."""
    cells = [c for c in [*parts, total] if not np.isnan(values[c])]
    if sum(mask[c] for c in cells) != 1:
        return False
    candidates = [c for c in parts if c in cells and not mask[c]]
    if not candidates:
        if mask[total] or np.isnan(values[total]):
            return False  # nothing left to hide: the line is one hidden cell alone
        mask[total] = True
        return True

    def key(cell: _Cell):
        size = values[cell[0], base_j] if base_j is not None else 0.0
        if whole_rows:  # the whole row goes: pick the smallest group
            return (size, values[cell], cell)
        # Prefer non-zero cells (hiding a zero protects little), then the smallest group.
        return (values[cell] == 0, size, values[cell], cell)

    mask[min(candidates, key=key)] = True
    return True


def suppress_counts(
    table: pd.DataFrame,
    columns: str | Iterable[str] = "n",
    threshold: int = THRESHOLD,
    *,
    total: Hashable | None = None,
    label_column: str | None = None,
) -> pd.DataFrame:
    """Hide counts below the threshold in a flat table, with secondary suppression.

    ``total`` names the row holding the sum of the other rows (its index label, or its value
    in ``label_column``); without it only primary suppression applies. Returns a copy with
    hidden values as ``<NA>`` and a boolean ``suppressed`` column (any of ``columns`` hidden).

    >>> t = pd.DataFrame({"bransch": ["Handel", "Bygg", "Vård", "Totalt"], "n": [3, 6, 9, 18]})
    >>> suppress_counts(t, total="Totalt", label_column="bransch")["n"].tolist()
    [<NA>, <NA>, 9, 18]
    """
    columns = [columns] if isinstance(columns, str) else list(columns)
    counts = table[columns].copy()
    total_row = None
    if total is not None:
        labels = table[label_column] if label_column else pd.Series(table.index, table.index)
        matches = labels.index[labels == total]
        if len(matches) != 1:
            raise ValueError(f"total row {total!r} must occur exactly once in the table")
        total_row = matches[0]
    counts.index = table.index
    mask = suppression_mask(counts, threshold, total_row=total_row)
    out = table.copy()
    for c in columns:
        out[c] = out[c].astype("Int64").mask(mask[c])
    out["suppressed"] = mask.any(axis=1).to_numpy()
    return out


def protect_shares(
    table: pd.DataFrame,
    *,
    additive: bool,
    group: str = "group",
    category: str = "option",
    n: str = "n",
    base: str = "base",
    total: Hashable | None = None,
    follow: Sequence[str] = (),
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Suppress a long table of counts and add the shares that may be shown.

    One row per (``group``, ``category``) with respondent count ``n`` and the group's
    ``base``. ``additive`` says the categories of a group add up to its base (single-choice
    questions); ``total`` labels the group that is the sum of the others (e.g. "Totalt").
    Columns in ``follow`` (e.g. staff summed over the same respondents) are hidden with
    their ``n``. Returns a copy with ``n``/``base``/``share`` as ``<NA>`` where hidden and a
    boolean ``suppressed`` column (the cell's count is hidden).

    >>> t = pd.DataFrame({"group": "Totalt", "option": ["Ja", "Nej"], "n": [5, 7], "base": 12})
    >>> protect_shares(t, additive=True)["share"].round(3).tolist()
    [0.417, 0.583]
    """
    groups = list(dict.fromkeys(table[group]))
    categories = list(dict.fromkeys(table[category]))
    wide = (
        table.pivot_table(index=group, columns=category, values=n, aggfunc="sum", sort=False)
        .reindex(index=groups, columns=categories)
        .fillna(0)
    )
    base_key = "\0base"  # cannot clash with an option label
    wide[base_key] = table.groupby(group, sort=False)[base].first().reindex(groups)
    mask = suppression_mask(
        wide,
        threshold,
        total_row=total if total in groups else None,
        total_column=base_key if additive else None,
        part_columns=categories,
        base_column=base_key,
    )
    hidden_n = np.array(
        [mask.at[g, c] for g, c in zip(table[group], table[category], strict=True)], bool
    )
    hidden_base = mask[base_key].reindex(table[group]).to_numpy(bool)
    out = table.copy()
    out[n] = out[n].astype("Int64").mask(hidden_n)
    out[base] = out[base].astype("Int64").mask(hidden_base)
    for c in follow:
        out[c] = out[c].mask(hidden_n)
    shown_base = out[base].astype("Float64")
    ratio = out[n].astype("Float64") / shown_base.where(shown_base >= threshold)
    out["share"] = ratio.astype("Float64")
    out["suppressed"] = hidden_n
    return out
