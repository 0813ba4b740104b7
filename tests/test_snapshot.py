"""The list of what `make fetch` refreshes is complete and consistent."""

from __future__ import annotations

from helpers.stats import snapshot


def test_names_are_unique_and_files_follow_them():
    names = [spec.name for spec in snapshot.SCB_TABLES]
    assert len(names) == len(set(names))
    assert snapshot.scb_file("scb_commuting") == "scb_commuting.csv"
    assert snapshot.spec("scb_commuting").folder == "AM0210F"


def test_every_table_asks_for_time_and_contents_and_names_its_source():
    for spec in snapshot.SCB_TABLES:
        assert {"time", "contents"} <= set(spec.select), spec.name
        assert spec.table_id or spec.variables, f"{spec.name}: nothing to find it by"
        assert spec.title and spec.v1_path.count("/") == 3


def test_the_ckm_table_and_the_series_break_are_there():
    ckm = snapshot.spec("scb_population_ckm")
    assert ckm.table_id is None and ckm.first_period_from == "2025"
    assert ckm.select["civilstånd"] == ("SC",)
    series = {spec.series for spec in snapshot.SCB_TABLES if "employment" in spec.name}
    assert series == {"BAS", "RAMS"}


def test_the_kolada_series_registry():
    ids = [kpi.id for kpi in snapshot.KOLADA_SERIES]
    assert len(ids) == len(set(ids)) == 44 and ids == sorted(ids)
    assert len(snapshot.kolada_group("branch")) == 16
    assert {kpi.series for kpi in snapshot.kolada_group("employment_rate")} == {"BAS", "RAMS"}
    for kpi in snapshot.KOLADA_SERIES:
        assert kpi.kind in {"count", "share"} and "T" in kpi.genders, kpi.id
        assert kpi.kind == "share" or kpi.denominator is None, kpi.id
    assert snapshot.kolada_kpi("N03920").denominator is None  # population 18–64: not there
