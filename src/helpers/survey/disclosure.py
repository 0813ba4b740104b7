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

Dominance (magnitudes)
    A sum over employers (staff needing upskilling, planned hires, retirements) is hidden
    when one employer makes more than ``DOMINANCE`` (85 %) of it, whatever the number of
    employers: the (1, 85 %) rule. Otherwise one employer with 5 000 staff among 16 in a
    branch would show as "5 137, medel 321,1", which is that employer's own figure.

Secondary (complementary) suppression
    Where cells add up to a shown total (options of a single-choice question add up to the
    base; branches add up to the ``Totalt`` row), a hidden cell could be recovered, or
    narrowed, from the total and the cells shown. So every such line (a row with its total,
    or a column with its total row) whose total is shown and that holds a hidden cell must
    hide enough that no hidden value can be narrowed below the threshold's range:

    * counts: with ``S`` the sum of the ``h`` hidden cells, each of them can be anything
      from 1 to ``S − (h − 1)`` for a reader who knows the total; that upper end must be at
      least ``threshold`` (so a hidden 3 is never shown to be "1 to 4");
    * sums over employers: the hidden cells together must not be dominated by one employer
      (its share of ``S`` at most ``DOMINANCE``).

    The complementary cell is the one that makes the line safe at the least cost: among
    the cells large enough to do it alone, the smallest group (preferring non-zero cells);
    when none is, the largest cell, and the line is looked at again. When no other cell is
    left, the total is hidden. This repeats until every line is safe. It is checked line by
    line (no audit by linear programming across lines); the property tests in
    ``tests/test_disclosure.py`` attack every line of random tables.

Derived figures
    A figure computed from a protected table (a title's "70 %" of two options together, a
    year-on-year change) may be shown only if it reveals no hidden cell: :func:`combined`
    gives a share of several options only when they hold none of the table's hidden cells,
    or all of them (then the sum is total minus the cells shown, known anyway).

Marks
    :func:`mark` is the one place that says how a figure reads: a hidden figure as
    ``SUPPRESSED`` ("–"), a true zero as "0", and :func:`note` says both under the table.

Example::

    >>> table = pd.DataFrame({"option": ["Ja", "Nej"], "n": [3, 9], "base": [12, 12]})
    >>> protect_shares(table.assign(group="Totalt"), additive=True)[["option", "n", "share"]]
      option     n  share
    0     Ja  <NA>   <NA>
    1    Nej  <NA>   <NA>

("Ja" rests on 3 respondents; "Nej" is hidden too, since 12 − 9 would give the 3 back.)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

#: Default minimum number of respondents behind a shown survey figure (params may override).
THRESHOLD = 5
#: The dominance rule: a sum is hidden when one unit makes more than this share of it.
DOMINANCE = 0.85
#: How a suppressed figure reads (a zero reads "0"; missing data reads as ``text.MISSING``).
SUPPRESSED = "–"

_Cell = tuple[int, int]


def note(threshold: int = THRESHOLD, *, secondary: bool = False) -> str:
    """The note printed under every table or chart with suppressed survey figures: what the
    suppression mark means, and that a zero is a zero.

    >>> note()
    '– = färre än 5 svarande; uppgiften visas inte. En nolla betyder ingen.'
    """
    text = f"{SUPPRESSED} = färre än {threshold} svarande; uppgiften visas inte."
    if secondary:
        text += (
            f" Inte heller summor där en arbetsgivare står för mer än {round(DOMINANCE * 100)} %"
            ", eller celler som skulle avslöja en dold uppgift, visas."
        )
    return text + " En nolla betyder ingen."


def mark(value: object, hidden: bool, show: Callable[[object], str]) -> str:
    """How one survey figure reads: ``SUPPRESSED`` if hidden, else ``show(value)`` (a zero
    is shown as the zero it is, never as the suppression mark).

    >>> mark(0, False, str), mark(3, True, str)
    ('0', '–')
    """
    return SUPPRESSED if hidden else show(value)


def dominated(contributions: Iterable[object], share: float = DOMINANCE) -> bool:
    """True when one contribution is more than ``share`` of their sum (the (1, 85 %) rule).

    >>> dominated([5000, 40, 30, 25, 20, 22]), dominated([40, 30, 25, 20])
    (True, False)
    """
    values = [float(v) for v in contributions if not pd.isna(v) and float(v) > 0]
    total = sum(values)
    return bool(values) and max(values) > share * total


def largest(contributions: Iterable[object]) -> float:
    """The largest single contribution (0 for none): what :func:`suppression_mask` needs
    to judge a line of sums by the dominance rule.

    >>> largest([3, 40, 2]), largest([])
    (40.0, 0.0)
    """
    values = [float(v) for v in contributions if not pd.isna(v)]
    return max(values, default=0.0)


def combined(
    table: pd.DataFrame,
    options: Iterable[str],
    *,
    group: str | None = None,
    category: str = "option",
    n: str = "n",
    base: str = "base",
    raw: pd.Series | None = None,
    threshold: int = THRESHOLD,
) -> dict[str, object]:
    """The count and share of several options of one protected table taken together.

    ``table`` is the output of :func:`protect_shares` (its ``suppressed`` column and hidden
    ``n``); ``raw`` the counts before suppression (indexed as ``table``). The sum is shown
    only if the options hold none of the line's hidden cells or all of them, else it would
    give back a hidden cell (a title "70 %" beside a shown "52 %" and two hidden cells).

    >>> t = pd.DataFrame({"option": ["a", "b", "c", "d"], "n": [11, 31, 14, 4], "base": 60})
    >>> shown = protect_shares(t.assign(group="Totalt"), additive=True)
    >>> combined(shown, ["a", "b"], raw=t["n"])["share"] is None
    True
    >>> round(combined(shown, ["b", "c"], raw=t["n"])["share"], 3)
    0.75
    """
    rows = table if group is None else table[table["group"] == group]
    chosen = rows[category].isin(list(options))
    hidden = rows["suppressed"].astype(bool)
    bases = rows[base].dropna()
    if bases.empty or (chosen & hidden).any() and not (hidden <= chosen).all():
        return {"n": None, "base": None, "share": None, "suppressed": True}
    counts = (raw if raw is not None else rows[n]).reindex(rows.index)
    total = int(counts[chosen].astype("Int64").sum())
    shown_base = int(bases.iloc[0])
    if 0 < total < threshold or shown_base < threshold:
        return {"n": None, "base": shown_base, "share": None, "suppressed": True}
    return {"n": total, "base": shown_base, "share": total / shown_base, "suppressed": False}


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
    dominated: pd.DataFrame | None = None,
    largest: pd.DataFrame | None = None,
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

    ``dominated`` (booleans, same shape, missing cells False) marks sums hidden by the
    dominance rule; ``largest`` (same shape, NaN where not a sum) holds each sum's largest
    single contribution, so that lines of sums are made safe by the dominance rule rather
    than by counts (see the module's docstring).

    >>> t = pd.DataFrame({"n": [3, 8, 9, 20]}, index=["a", "b", "c", "Totalt"])
    >>> suppression_mask(t, total_row="Totalt")["n"].tolist()
    [True, True, False, False]
    >>> t = pd.DataFrame({"n": [3, 1, 9, 30, 43]}, index=["a", "b", "c", "d", "Totalt"])
    >>> suppression_mask(t, total_row="Totalt")["n"].tolist()  # 3 + 1 would give 1 to 3
    [True, True, True, False, False]
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
    if dominated is not None:
        extra = dominated.reindex(index=counts.index, columns=counts.columns)
        mask |= extra.astype("boolean").fillna(False).to_numpy(bool)
    biggest = (
        largest.reindex(index=counts.index, columns=counts.columns)
        .astype("Float64")
        .to_numpy(dtype=float, na_value=np.nan)
        if largest is not None
        else np.full(values.shape, np.nan)
    )
    base_j = col[base_column] if base_column is not None else None
    counted = {col[c] for c in respondent}
    lines = _lines(
        rows, columns, total_row, total_column, part_columns, additive_columns, base_column
    )
    changed = True
    while changed:
        changed = _hide_rows(mask, base_j, whole_rows)
        for parts, total in lines:
            rule = "sum" if not np.isnan(biggest[total]) else "count" if total[1] in counted else ""
            if _protect_line(
                values, mask, parts, total, base_j, whole_rows, threshold, rule, biggest
            ):
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
    threshold: int = THRESHOLD,
    rule: str = "count",
    biggest: np.ndarray | None = None,
) -> bool:
    """Hide one more cell of a line that is not safe yet (see the module's docstring);
    True if it did. ``rule``: "count" (respondents), "sum" (the dominance rule, with
    ``biggest``) or "" (other figures: at least two hidden cells)."""
    cells = [c for c in [*parts, total] if not np.isnan(values[c])]
    hidden = [c for c in cells if mask[c]]
    if not hidden:
        return False
    if len(hidden) >= 2:
        if mask[total] or np.isnan(values[total]):
            return False  # the total is hidden too: the line says nothing about its parts
        if _safe(values, biggest, hidden, threshold, rule):
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

    enough = [c for c in candidates if _safe(values, biggest, [*hidden, c], threshold, rule)]
    if enough:
        chosen = min(enough, key=key)
    else:  # no one cell makes the line safe: take the largest and look again
        chosen = max(candidates, key=lambda c: (values[c], -key(c)[-1][0], -key(c)[-1][1]))
    mask[chosen] = True
    return True


def _safe(
    values: np.ndarray,
    biggest: np.ndarray | None,
    hidden: list[_Cell],
    threshold: int,
    rule: str,
) -> bool:
    """Whether the hidden cells of a line with a shown total keep each of them wide enough:
    counts can each be 1 to S − (h − 1), which must reach the threshold; sums must not be
    dominated by one unit."""
    if len(hidden) < 2:
        return False
    together = float(sum(values[c] for c in hidden))
    if rule == "sum" and biggest is not None:
        top = max((biggest[c] for c in hidden if not np.isnan(biggest[c])), default=0.0)
        return top <= DOMINANCE * together  # all zero: nothing to dominate, as a shown 0
    if rule == "count":
        return together - (len(hidden) - 1) >= threshold
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
