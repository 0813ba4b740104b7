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


def test_kolada_kpis_are_unique_and_include_the_weight():
    assert len(snapshot.KOLADA_KPIS) == len(set(snapshot.KOLADA_KPIS))
    assert "N01951" in snapshot.KOLADA_KPIS
    assert {"N02210", "N02242"} <= set(snapshot.KOLADA_KPIS)
