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
    assert disclosure.note() == "– = färre än 5 svarande; uppgiften visas inte."
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
    assert out.loc[out["group"] == "c", "n"].tolist() == [10, 10]
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
        assert sum(mask.at[r, c] for r, c in line) != 1, (counts, mask)
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
