"""The one cache: computed once per key, handed out as copies, the last KEPT keys kept."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import area_survey
from helpers.common import memo
from helpers.config import regions
from helpers.config.params import load_area
from helpers.stats import aggregate, comparisons, scb, yrkesbarometer


def counting():
    calls = []

    @memo.remembered
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
    assert table(sotenas, 2)["x"].tolist() == [2]  # given by position: another key, same table
    table(lysekil)
    assert calls == ["sotenas", "sotenas", "sotenas", "lysekil"]
    assert table.cache_info() == (2, 4, memo.KEPT, 4)


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
    first["y"] = 1
    first.attrs["base"] = "changed"
    again = table(sotenas)
    assert again.to_dict("list") == {"x": [1]} and again.attrs == {}


@pytest.mark.parametrize(
    "shared",
    [
        lambda: scb.population(),  # the whole snapshot table, as it is read
        lambda: regions.municipalities(),
        lambda: aggregate.population_indicators(load_area("sotenas")),
        lambda: comparisons.for_area(load_area("sotenas"), "N02201"),
        lambda: yrkesbarometer.load().table,
    ],
    ids=["scb", "regions", "aggregate", "kolada", "barometer"],
)
def test_the_packages_cached_tables_are_handed_out_as_copies(shared):
    before = shared().copy(deep=True)
    mine = shared()
    mine.iloc[0, 0] = mine.iloc[1, 0]
    mine.iloc[-1] = mine.iloc[0]
    mine["extra"] = 1
    pd.testing.assert_frame_equal(shared(), before)


def test_the_areas_survey_is_read_once_and_handed_out_as_copies():
    area = load_area("sotenas")
    first = area_survey.load(area)
    misses = area_survey._load.cache_info().misses
    first.responses.loc[:, "C1"] = "Nej"
    first.previous.responses["C1"] = "Nej"
    second = area_survey.load(load_area("sotenas"))
    assert area_survey._load.cache_info().misses == misses
    assert (second.responses["C1"] != "Nej").any()
    assert (second.previous.responses["C1"] != "Nej").any()
    assert second.key == first.key
    # tables computed from the survey are remembered by what it was read from
    assert area_survey.key_indicators(second).equals(area_survey.key_indicators(second.copy()))


def test_only_the_last_keys_are_kept(monkeypatch):
    monkeypatch.setattr(memo, "KEPT", 1)
    table, calls = counting()
    sotenas, lysekil = load_area("sotenas"), load_area("lysekil")
    table(sotenas), table(lysekil), table(sotenas)
    assert calls == ["sotenas", "lysekil", "sotenas"]


def test_a_table_remembered_by_its_own_key():
    calls = []

    @memo.remembered(key=lambda codes, scale=1: (tuple(codes), scale))
    def table(codes, scale=1):
        calls.append(list(codes))
        return pd.DataFrame({"x": [scale]})

    table(["1427"]), table(["1427"]), table(["1484"]), table(["1427"], scale=2)
    assert calls == [["1427"], ["1484"], ["1427"]]
    table.cache_clear()
    table(["1427"])
    assert len(calls) == 4


def test_only_tables_are_remembered():
    @memo.remembered
    def lookup():
        return {"1427": "Sotenäs"}

    with pytest.raises(TypeError, match="functools.cache"):
        lookup()


def test_the_statistics_give_the_same_figures_remembered():
    area = load_area("sotenas")
    aggregate.population_indicators.cache_clear()
    fresh = aggregate.population_indicators(area)
    assert aggregate.population_indicators(area).equals(fresh)


def test_no_table_is_cached_any_other_way():
    """functools caches only lookups of immutable values (memo's docstring lists them), and
    memo itself depends on nothing of the package (it sits at the top of the imports)."""
    package = Path(memo.__file__).parents[1]
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef) or node.returns is None:
                continue
            decorators = {ast.unparse(d).split("(")[0].split(".")[-1] for d in node.decorator_list}
            returns = ast.unparse(node.returns)
            if decorators & {"cache", "lru_cache"} and (
                "DataFrame" in returns or "Series" in returns
            ):
                found.append(f"{path.relative_to(package)}:{node.name}")
    assert found == []
    imports = ast.parse(Path(memo.__file__).read_text("utf-8")).body
    modules = [n.module for n in imports if isinstance(n, ast.ImportFrom)]
    assert not [m for m in modules if m and m.startswith("helpers")]
