"""Disclosure control: primary and secondary suppression on hand-made tables."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.survey import disclosure


def _hidden(mask: pd.DataFrame) -> set[tuple]:
    return {(r, c) for r in mask.index for c in mask.columns if mask.at[r, c]}


def test_note_names_the_threshold():
    assert (
        disclosure.note()
        == "– = färre än 5 svarande; uppgiften visas inte. En nolla betyder ingen."
    )
    assert disclosure.note(3).startswith("– = färre än 3 svarande")
    assert "summor" in disclosure.note(secondary=True)


def test_primary_hides_one_to_four_but_not_zero():
    counts = pd.Series([0, 1, 4, 5, 12])
    assert disclosure.primary_mask(counts).tolist() == [False, True, True, False, False]
    assert disclosure.primary_mask(counts, threshold=3).tolist() == [
        False,
        True,
        False,
        False,
        False,
    ]


def test_share_needs_base_and_numerator_at_threshold():
    assert disclosure.share(6, 20) == pytest.approx(0.3)
    assert disclosure.share(0, 20) == 0.0
    assert disclosure.share(3, 20) is None  # numerator rests on 3 respondents
    assert disclosure.share(4, 4) is None  # base below the threshold
    assert disclosure.share(pd.NA, 20) is None
    assert disclosure.share(3, 20, threshold=3) == pytest.approx(0.15)


def test_single_choice_row_hides_a_second_cell_next_to_a_shown_base():
    # Ja 3 is hidden; the base 12 is shown, so 12 − 9 would give it back: Nej goes too.
    table = pd.DataFrame({"group": "Totalt", "option": ["Ja", "Nej"], "n": [3, 9], "base": 12})
    out = disclosure.protect_shares(table, additive=True)
    assert out["suppressed"].tolist() == [True, True]
    assert out["n"].isna().all() and out["share"].isna().all()
    assert out["base"].tolist() == [12, 12]


def test_secondary_prefers_a_non_zero_cell():
    table = pd.DataFrame(
        {"group": "Totalt", "option": ["Ja", "Nej", "Vet ej"], "n": [3, 0, 8], "base": 11}
    )
    out = disclosure.protect_shares(table, additive=True)
    assert out["suppressed"].tolist() == [True, False, True]
    assert out["n"].tolist()[1] == 0
    assert out["share"].tolist()[1] == 0.0


def test_multi_select_rows_are_not_additive():
    # One respondent may choose several options: 20 − 9 says nothing about the hidden 3.
    table = pd.DataFrame({"group": "Totalt", "option": ["A", "B"], "n": [3, 9], "base": 20})
    out = disclosure.protect_shares(table, additive=False)
    assert out["suppressed"].tolist() == [True, False]
    assert out["share"].tolist()[1] == pytest.approx(0.45)


def test_branch_column_hides_the_next_smallest_branch():
    t = pd.DataFrame({"bransch": ["Handel", "Bygg", "Vård", "Totalt"], "n": [3, 6, 9, 18]})
    out = disclosure.suppress_counts(t, total="Totalt", label_column="bransch")
    assert out["n"].tolist()[2:] == [9, 18]
    assert out["n"].isna().tolist() == [True, True, False, False]
    assert out["suppressed"].tolist() == [True, True, False, False]


def test_total_is_hidden_when_there_is_no_other_cell():
    counts = pd.DataFrame({"x": [2], "total": [9]})
    mask = disclosure.suppression_mask(
        counts, total_column="total", part_columns=["x"], respondent_columns=["x"]
    )
    assert _hidden(mask) == {(0, "x"), (0, "total")}


def test_small_group_is_hidden_whole_and_protected_down_the_columns():
    # Branch b has 3 respondents: its row goes (zeros too), and a (smallest other) follows,
    # because every column adds up to Totalt.
    table = pd.DataFrame(
        {
            "group": ["a", "a", "b", "b", "c", "c", "Totalt", "Totalt"],
            "option": ["Ja", "Nej"] * 4,
            "n": [5, 2, 3, 0, 10, 10, 18, 12],
            "base": [7, 7, 3, 3, 20, 20, 30, 30],
        }
    )
    out = disclosure.protect_shares(table, additive=True, total="Totalt")
    hidden = dict(
        zip(zip(out["group"], out["option"], strict=True), out["suppressed"], strict=True)
    )
    assert hidden[("b", "Ja")] and hidden[("b", "Nej")]
    assert hidden[("a", "Ja")] and hidden[("a", "Nej")]
    assert out.loc[out["group"] == "b", "base"].isna().all()
    assert out.loc[out["group"] == "a", "base"].isna().all()
    # "Nej" of a and b add up to 12 - 10 = 2: a hidden 2 would be narrowed to 0-2, so c's
    # "Nej" goes too (and with it c's row, whose base would give it back).
    assert out.loc[out["group"] == "c", "n"].isna().all()
    assert out.loc[out["group"] == "Totalt", "share"].round(2).tolist() == [0.6, 0.4]


def test_follow_columns_are_hidden_with_their_count():
    table = pd.DataFrame(
        {"group": "Totalt", "option": ["A", "B"], "n": [2, 7], "base": 9, "staff": [40, 15]}
    )
    out = disclosure.protect_shares(table, additive=False, follow=["staff"])
    assert out["staff"].isna().tolist() == [True, False]


def test_non_respondent_columns_only_go_with_their_row():
    # Positions sought (3) are not respondents; the employers (6) are enough to show them.
    counts = pd.DataFrame(
        {"employers": [6, 2, 8, 16], "sought": [3, 1, 9, 13]}, index=["a", "b", "c", "Totalt"]
    )
    mask = disclosure.suppression_mask(
        counts, total_row="Totalt", base_column="employers", respondent_columns=["employers"]
    )
    assert _hidden(mask) == {
        ("b", "employers"),
        ("b", "sought"),
        ("a", "employers"),
        ("a", "sought"),
    }


def test_threshold_is_a_parameter():
    t = pd.DataFrame({"n": [3, 9]})
    assert disclosure.suppress_counts(t, threshold=3)["n"].tolist() == [3, 9]
    assert disclosure.suppress_counts(t, threshold=10)["suppressed"].tolist() == [True, True]


def test_total_label_must_exist_once():
    with pytest.raises(ValueError, match="Totalt"):
        disclosure.suppress_counts(pd.DataFrame({"n": [1]}), total="Totalt")


def _lines(rows, columns):
    """Every column (with its total row) and every row (with its sum column)."""
    return [[(r, c) for r in rows] for c in columns] + [[(r, c) for c in columns] for r in rows]


VARIANTS = [  # (total_column, base_column, whole_rows)
    ("sum", None, False),  # a cross table with both margins
    ("sum", "sum", False),  # a single-choice question by group, as protect_shares builds it
    (None, "c0", True),  # one row per group, every figure resting on the group (c0)
]


#: Inner cells as survey tables have them: many zeros and small counts, some large ones.
COUNTS = st.sampled_from([0, 0, 1, 2, 3, 4, 5, 7, 12, 30])
TABLES = st.integers(1, 5).flatmap(
    lambda n_cols: st.lists(
        st.lists(COUNTS, min_size=n_cols, max_size=n_cols), min_size=1, max_size=5
    )
)


@pytest.mark.parametrize(("total_column", "base_column", "whole_rows"), VARIANTS)
@settings(max_examples=150, deadline=None)
@given(inner=TABLES)
def test_any_table_never_leaves_one_hidden_cell_in_a_line(
    total_column, base_column, whole_rows, inner
):
    n_rows, n_cols = len(inner), len(inner[0])
    rows = [f"r{i}" for i in range(n_rows)] + ["Totalt"]
    cols = [f"c{j}" for j in range(n_cols)] + ["sum"]
    data = [row + [sum(row)] for row in inner]
    data.append([sum(col) for col in zip(*data, strict=True)])
    counts = pd.DataFrame(data, index=rows, columns=cols)
    mask = disclosure.suppression_mask(
        counts,
        total_row="Totalt",
        total_column=total_column,
        base_column=base_column,
        whole_rows=whole_rows,
    )
    primary = disclosure.primary_mask(counts)
    assert not (primary & ~mask).any().any(), "every primary cell is hidden"
    lines = _lines(rows, cols) if total_column else _lines(rows, cols)[: len(cols)]
    for line in lines:
        hidden = [cell for cell in line if mask.at[cell]]
        assert len(hidden) != 1, (counts, mask)
        total = line[-1]  # the line's total: the Totalt row or the sum column
        if hidden and not mask.at[total] and (whole_rows is False or total[1] == "c0"):
            together = sum(counts.at[cell] for cell in hidden)
            # each hidden count can be 1 .. S - (h - 1): the range reaches the threshold
            assert together - (len(hidden) - 1) >= 5, (counts, mask, line)
    if base_column:
        hidden_base = mask[base_column]
        assert mask[hidden_base].all(axis=1).all(), "a hidden base hides its row"
    if whole_rows:
        assert (mask.all(axis=1) | ~mask.any(axis=1)).all(), "rows are hidden whole"


def test_whole_rows_hide_the_smallest_group_entirely():
    # Hires split by horizon add up within the row, so a partly hidden row could be
    # completed from its own total: with whole_rows the next-smallest group goes whole.
    counts = pd.DataFrame(
        {
            "employers": [2, 5, 6, 13],
            "hires": [8, 5, 14, 27],
            "soon": [8, 5, 8, 21],
            "later": [0, 0, 6, 6],
        },
        index=["a", "b", "c", "Totalt"],
    )
    mask = disclosure.suppression_mask(
        counts,
        total_row="Totalt",
        additive_columns=["hires", "soon", "later"],
        base_column="employers",
        respondent_columns=["employers"],
        whole_rows=True,
    )
    assert mask.loc["a"].all() and mask.loc["b"].all()
    assert not mask.loc[["c", "Totalt"]].any().any()


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(COUNTS, min_size=1, max_size=6))
def test_no_hidden_count_of_a_line_can_be_narrowed_below_the_threshold(cells):
    """Attack a one-line table (options adding up to a shown base) by enumeration: every
    assignment of the hidden cells that matches the total and the suppression rule (hidden
    cells are not zero unless there was nothing else to hide) is a value a reader cannot
    exclude. Each primary-hidden cell must keep at least one possible value at or above the
    threshold: the reader cannot tell it was small, let alone which small value it was."""
    import itertools

    counts = pd.DataFrame({"n": [*cells, sum(cells)]}, index=[*range(len(cells)), "Totalt"])
    mask = disclosure.suppression_mask(counts, total_row="Totalt")["n"]
    if mask["Totalt"]:
        return  # the total is hidden: nothing to subtract from
    hidden = [i for i in range(len(cells)) if mask[i]]
    if not hidden:
        return
    known = sum(c for i, c in enumerate(cells) if not mask[i])
    left = sum(cells) - known
    possible = {i: set() for i in hidden}
    for values in itertools.product(range(left + 1), repeat=len(hidden)):
        if sum(values) == left:
            for i, v in zip(hidden, values, strict=True):
                possible[i].add(v)
    for i in hidden:
        assert len(possible[i]) > 1, (cells, mask.tolist())
        if 0 < cells[i] < 5:
            assert max(possible[i]) >= 5, (cells, mask.tolist(), possible[i])


def test_dominance_hides_a_sum_one_employer_makes():
    """Issue 17, item 10: one employer with 5 000 staff among 16 must not show as
    "5 137, medel 321,1"; the sum of the others is fine."""
    from helpers.analysis import indicators

    staff = [5000, 10, 12, 8, 9, 11, 7, 10, 6, 12, 9, 8, 10, 11, 7, 7] + [20] * 10 + [30] * 10
    responses = pd.DataFrame(
        {
            "A2": ["Tillverkning"] * 16 + ["Handel"] * 10 + ["Vård"] * 10,
            "D5": staff,
        },
        index=[f"r{i}" for i in range(36)],
    )
    table = indicators.staff_to_upskill(responses, by="A2").set_index("group")
    assert sum(staff[:16]) == 5137
    assert pd.isna(table.at["Tillverkning", "total"]) and pd.isna(table.at["Tillverkning", "mean"])
    # Totalt is 5 637, 89 % one employer: hidden too; and Handel + Vård could give
    # Tillverkning back from a shown Totalt, so the protection holds either way.
    shown = table["total"].dropna()
    assert 5137 not in shown.tolist() and 5637 not in shown.tolist()
    assert not any(round(v, 1) == 321.1 for v in table["mean"].dropna())


def test_dominance_needs_a_complement_the_employer_does_not_dominate():
    counts = pd.DataFrame(
        {"employers": [16, 10, 10, 36], "total": [5137, 200, 300, 5637]},
        index=["a", "b", "c", "Totalt"],
    )
    largest = pd.DataFrame({"total": [5000.0, 30.0, 40.0, 5000.0]}, index=counts.index)
    dominated = pd.DataFrame({"total": [True, False, False, False]}, index=counts.index)
    largest.loc["Totalt", "total"] = 1000.0  # pretend Totalt is not dominated
    mask = disclosure.suppression_mask(
        counts,
        total_row="Totalt",
        base_column="employers",
        respondent_columns=["employers"],
        dominated=dominated,
        largest=largest,
        whole_rows=True,
    )
    hidden = mask["total"]
    assert hidden["a"] and hidden.sum() >= 2
    if not hidden["Totalt"]:
        together = counts["total"][hidden].sum()
        assert disclosure.DOMINANCE * together >= 5000  # a + b + c: 5 637, 89 %: all three
