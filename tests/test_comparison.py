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
    assert shown["Andel, förändring"].tolist() == ["+10,0 procentenheter", "-10,0 procentenheter"]


def test_count_changes_stay_whole_numbers():
    now = indicator([12, 8], [0.6, 0.4], [False, False])
    then = indicator([10, 10], [0.5, 0.5], [False, False])
    table = comparison.compare(now, then)
    assert str(table["n_change"].dtype) == "Int64"
    assert comparison.to_display(table)["Antal, förändring"].tolist() == ["2", "-2"]
