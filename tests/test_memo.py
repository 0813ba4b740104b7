"""Tables remembered per area: computed once, handed out as copies, another area recomputed."""

from __future__ import annotations

import dataclasses

import pandas as pd

from helpers.common import memo
from helpers.config.params import load_area
from helpers.stats import aggregate


def counting():
    calls = []

    @memo.per_area
    def table(area, scale=1):
        calls.append(area.slug)
        return pd.DataFrame({"x": [len(area.municipalities) * scale]})

    return table, calls


def test_a_table_is_computed_once_per_area_and_arguments():
    table, calls = counting()
    sotenas, lysekil = load_area("sotenas"), load_area("lysekil")
    assert table(sotenas)["x"].tolist() == [1]
    table(sotenas)
    table(load_area("sotenas"))  # the same settings read again: the same area
    assert calls == ["sotenas"]
    assert table(sotenas, scale=2)["x"].tolist() == [2]
    table(lysekil)
    assert calls == ["sotenas", "sotenas", "lysekil"]


def test_another_area_by_the_same_name_is_computed_anew():
    table, calls = counting()
    sotenas = load_area("sotenas")
    table(sotenas)
    wider = dataclasses.replace(sotenas, municipalities=("1427", "1484"))
    assert table(wider)["x"].tolist() == [2]
    assert calls == ["sotenas", "sotenas"]


def test_a_caller_that_changes_its_copy_changes_nobody_elses():
    table, _ = counting()
    sotenas = load_area("sotenas")
    first = table(sotenas)
    first.loc[0, "x"] = 99
    assert table(sotenas)["x"].tolist() == [1]


def test_only_the_last_areas_are_kept(monkeypatch):
    monkeypatch.setattr(memo, "KEPT", 1)
    table, calls = counting()
    sotenas, lysekil = load_area("sotenas"), load_area("lysekil")
    table(sotenas), table(lysekil), table(sotenas)
    assert calls == ["sotenas", "lysekil", "sotenas"]


def test_a_table_remembered_by_its_own_key():
    calls = []

    @memo.remembered(key=lambda survey, scale=1: (survey, scale))
    def table(survey, scale=1):
        calls.append(survey)
        return pd.DataFrame({"x": [scale]})

    survey, other = object(), object()
    table(survey), table(survey), table(other), table(survey, scale=2)
    assert calls == [survey, other, survey]
    table.cache_clear()
    table(survey)
    assert len(calls) == 4


def test_the_statistics_give_the_same_figures_remembered():
    area = load_area("sotenas")
    aggregate.post_secondary_share.cache_clear()
    fresh = aggregate.post_secondary_share(area)
    assert aggregate.post_secondary_share(area).equals(fresh)
