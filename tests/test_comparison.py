"""Year over year on hand-made indicator tables."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import comparison


def indicator(n: list, share: list, suppressed: list, options=("Ja", "Nej")) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "question": "C1",
            "group": "Totalt",
            "option": list(options),
            "n": pd.array(n, dtype="Int64"),
            "share": pd.array(share, dtype="Float64"),
            "suppressed": suppressed,
        }
    )


def test_no_previous_year_gives_none_and_a_sentence():
    now = indicator([12, 8], [0.6, 0.4], [False, False])
    assert comparison.compare(now, None) is None
    assert comparison.compare(now, now.iloc[0:0]) is None
    assert comparison.no_previous_text(2025).startswith(
        "Jämförelsen med förra året börjar nästa år"
    )
    assert "2025 är första året" in comparison.no_previous_text(2025)


def test_changes_in_counts_and_procentenheter():
    now = indicator([12, 8], [0.6, 0.4], [False, False])
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    table = comparison.compare(now, then, years=(2025, 2024)).set_index("option")
    assert table.loc["Ja", "n_change"] == 2
    assert table.loc["Ja", "share_change"] == pytest.approx(0.1)
    assert table.loc["Nej", "share_change"] == pytest.approx(-0.1)
    assert not table["suppressed"].any()


def test_change_is_hidden_when_either_year_is_hidden():
    now = indicator([12, pd.NA], [0.6, pd.NA], [False, True])
    then = indicator([pd.NA, 10], [pd.NA, 0.5], [True, False])
    table = comparison.compare(now, then).set_index("option")
    assert table["suppressed"].all()
    assert table["n_change"].isna().all() and table["share_change"].isna().all()
    assert table.loc["Ja", "n_current"] == 12  # this year's figure itself is still shown


def test_rows_in_one_year_only_have_no_change():
    now = indicator([12, 8, 5], [0.48, 0.32, 0.2], [False] * 3, options=("Ja", "Nej", "Vet ej"))
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    table = comparison.compare(now, then).set_index("option")
    assert pd.isna(table.loc["Vet ej", "share_change"])
    assert pd.isna(table.loc["Vet ej", "n_previous"])


def test_duplicate_keys_are_refused():
    now = indicator([1, 2], [0.1, 0.2], [False, False], options=("Ja", "Ja"))
    with pytest.raises(ValueError, match="duplicate"):
        comparison.compare(now, now)


def test_largest_change_skips_hidden_rows():
    now = indicator([12, 8], [0.7, 0.3], [False, True])
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    table = comparison.compare(now, then)
    row = comparison.largest_change(table)
    assert row["option"] == "Ja" and row["share_change"] == pytest.approx(0.2)
    assert comparison.largest_change(None) is None


def test_to_display_names_the_years_and_writes_procentenheter():
    now = indicator([12, 8], [0.6, 0.4], [False, False])
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    shown = comparison.to_display(comparison.compare(now, then, years=(2025, 2024)))
    assert "Andel, 2025" in shown.columns and "Andel, förändring" in shown.columns
    assert shown["Andel, förändring"].tolist() == [
        "+10,0 procentenheter",
        "\u221210,0 procentenheter",
    ]


def test_count_changes_stay_whole_numbers():
    now = indicator([12, 8], [0.6, 0.4], [False, False])
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    table = comparison.compare(now, then)
    assert str(table["n_change"].dtype) == "Int64"
    assert comparison.to_display(table)["Antal, förändring"].tolist() == ["2", "\u22122"]


def test_difference_interval_matches_newcombe_1998():
    # Newcombe (1998), Statistics in Medicine 17:873, table II, method 10:
    # 56/70 vs 48/80 gives 0.0524 to 0.3339; 9/10 vs 3/10 gives 0.1705 to 0.8090.
    low, high = comparison.difference_interval(56 / 70, 70, 48 / 80, 80)
    assert (round(low, 4), round(high, 4)) == (0.0524, 0.3339)
    low, high = comparison.difference_interval(0.9, 10, 0.3, 10)
    assert (round(low, 4), round(high, 4)) == (0.1705, 0.8090)


def with_base(n: list, base: int, suppressed: list, options=("Ja", "Nej")) -> pd.DataFrame:
    table = indicator(n, [None if v is pd.NA else v / base for v in n], suppressed, options)
    return table.assign(base=pd.array([base] * len(n), dtype="Int64"))


def test_a_change_is_significant_only_when_its_interval_leaves_out_zero():
    # −12 procentenheter between 50 and 60 respondents (the headline): not certain.
    then = with_base([30, 20], 50, [False, False])
    now = with_base([29, 31], 60, [False, False])
    table = comparison.compare(now, then).set_index("option")
    assert table.loc["Ja", "share_change"] == pytest.approx(29 / 60 - 0.6)
    assert not table["significant"].any()
    assert table.loc["Ja", "share_change_low"] < 0 < table.loc["Ja", "share_change_high"]
    assert comparison.largest_change(table.reset_index(), significant=True) is None
    # The same shares among ten times as many respondents: certain.
    then = with_base([300, 200], 500, [False, False])
    now = with_base([290, 310], 600, [False, False])
    table = comparison.compare(now, then).set_index("option")
    assert table["significant"].all()
    assert table.loc["Ja", "share_change_high"] < 0


def test_hidden_rows_have_no_interval_and_are_never_significant():
    then = with_base([45, 5], 50, [False, False])
    now = with_base([pd.NA, pd.NA], 60, [True, True])
    table = comparison.compare(now, then)
    assert table["share_change_low"].isna().all() and not table["significant"].any()


def test_by_size_puts_the_largest_shift_first_whatever_its_sign():
    now = with_base([10, 30, 20], 60, [False] * 3, options=("a", "b", "c"))
    then = with_base([12, 12, 36], 60, [False] * 3, options=("a", "b", "c"))
    ordered = comparison.by_size(comparison.compare(now, then))
    assert ordered["option"].tolist() == ["b", "c", "a"]
