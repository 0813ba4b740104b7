"""Kolada's series: the shipped files, one reader for them and a refresh, the choice between
the two, the v3 client (segments of at most 25 ids, paging), and figures for groups."""

from __future__ import annotations

import json
import math
import shutil

import pandas as pd
import pytest

from helpers.common.errors import FetchError
from helpers.config import paths, regions
from helpers.config.params import load_area
from helpers.fetch import kolada as kolada_api
from helpers.stats import comparisons, kolada, manifest, snapshot, sources
from http_replay import FIXTURES, ReplayServer, Reply
from raw_kolada import cell, municipalities, pooled_share, summed


def api(server: ReplayServer) -> kolada_api.KoladaApi:
    return kolada_api.KoladaApi.connect(
        f"{server.url}/kolada/v3", sleep=lambda s: None, progress=lambda m: None, retries=0
    )


# --- the shipped series ----------------------------------------------------------------------


def test_the_shipped_series_holds_what_its_provenance_says():
    assert cell("N01951", "0000", 2022) == 10_521_556
    ages = ("N01952", "N01953", "N01954", "N01955", "N01956", "N01957")
    assert cell("N01951", "1427", 2022) == 9160 == sum(cell(k, "1427", 2022) for k in ages)
    assert summed("N02201", municipalities(), 2022) == 5_251_774
    assert cell("N02201", "0000", 2022) == 5_251_816
    assert (cell("N02201", "1427", 2022), cell("N02202", "1427", 2022)) == (4076, 4387)
    assert round(cell("N02276", "1427", 2022) * 4076 / 100) == 1004
    assert round(cell("N02279", "1427", 2022) * 4387 / 100) == 1317
    assert cell("N02201", "1488", 2022) == 30_141
    assert [round(cell("N03920", "1427", y), 1) for y in (2010, 2018, 2020, 2022)] == [
        5.2,
        3.2,
        4.4,
        3.2,
    ]
    assert math.isnan(cell("N01951", "0330", 2001)) and cell("N01951", "0330", 2002) > 0
    assert manifest.verify(paths.KOLADA) == []


def test_every_kpi_of_the_registry_is_shipped_and_kolada_still_lists_the_unretired():
    shipped = pd.read_csv(paths.KOLADA / kolada.KPIS_FILE, dtype=str).set_index("kpi")
    registry = [kpi.id for kpi in snapshot.KOLADA_SERIES]
    assert registry == sorted(registry) and sorted(shipped.index) == registry
    listed = set(kolada.catalogue()["id"])  # Kolada's KPI list, March 2026
    retired = {kpi for kpi in registry if kpi not in listed}
    assert retired == {"N00914"}
    assert set(shipped.index[shipped["retired"] == "true"]) == retired
    values = pd.read_csv(paths.KOLADA / kolada.VALUES_FILE, dtype=str)
    for kpi in snapshot.KOLADA_SERIES:  # only the genders the report uses are shipped
        assert set(values.loc[values["kpi"] == kpi.id, "gender"]) == set(kpi.genders), kpi.id


def test_a_share_names_a_denominator_of_the_same_genders():
    for kpi in snapshot.KOLADA_SERIES:
        if kpi.denominator:
            total = snapshot.kolada_kpi(kpi.denominator)
            assert total.kind == "count" and set(kpi.genders) <= set(total.genders), kpi.id


def test_the_reader_gives_the_files_values():
    series = kolada.load()
    assert series.folder == paths.KOLADA and not series.refreshed
    assert series.value("N02235", "1427", 2022) == cell("N02235", "1427", 2022)
    assert series.value("N01982", "1427", 2022, "K") == cell("N01982", "1427", 2022, "K")
    assert math.isnan(series.value("N01951", "0330", 1995))
    assert series.latest("N02201") == 2022 and series.latest("N00914") == 2021
    assert series.latest("N01951", ["0330"]) == 2022
    assert series.years("N02201") == [2020, 2021, 2022]
    assert "N01951" in series.source(["N01951"], [2022]) and "(SCB)" in series.source(
        ["N01951"], [2022]
    )


def test_writing_and_reading_back_is_lossless(tmp_path):
    rows = [
        {"kpi": "N01951", "municipality": "0114", "period": 2022, "gender": "T", "value": 47820.0},
        {"kpi": "N02276", "municipality": "0114", "period": 2022, "gender": "T", "value": 61.2345},
        {"kpi": "N02276", "municipality": "0114", "period": 2021, "gender": "T", "value": None},
    ]
    catalogue = pd.read_csv(paths.KOLADA / kolada.KPIS_FILE, dtype=str)
    kolada.write(pd.DataFrame(rows), catalogue, tmp_path)
    text = (tmp_path / kolada.VALUES_FILE).read_text().splitlines()
    assert text == [
        "kpi,municipality,period,gender,value",
        "N01951,0114,2022,T,47820",
        "N02276,0114,2022,T,61.2345",
    ]
    series = kolada.load(tmp_path)
    assert series.value("N01951", "0114", 2022) == 47820
    assert math.isnan(series.value("N02276", "0114", 2021))


# --- which folder is read ------------------------------------------------------------------


@pytest.fixture
def source(tmp_path, monkeypatch):
    """The Kolada source with its refresh folder in tmp_path (the shipped one is the real)."""
    chosen = sources.Source(
        "kolada",
        kolada.SOURCE.title,
        paths.KOLADA,
        tmp_path / "external" / "kolada",
        kolada.SOURCE.files,
        check=kolada.SOURCE.check,
    )
    monkeypatch.setitem(sources._SOURCES, "kolada", chosen)
    return chosen


def refresh_copy(source: sources.Source) -> None:
    source.refreshed.mkdir(parents=True)
    for name in source.files:
        shutil.copy(source.shipped / name, source.refreshed / name)
    manifest.update(source.refreshed, {name: {"source": "test"} for name in source.files})


def test_a_complete_checked_refresh_is_read(source):
    assert sources.folder("kolada") == paths.KOLADA  # none yet
    refresh_copy(source)
    assert sources.problems(source) == []
    assert sources.folder("kolada") == source.refreshed
    assert kolada.load().refreshed and "make fetch" in kolada.load().source(["N01951"], [2022])


def test_a_changed_file_sends_the_reader_back_to_the_shipped_series(source):
    refresh_copy(source)
    with open(source.refreshed / kolada.VALUES_FILE, "a") as handle:
        handle.write("N01951,9999,2022,T,1\n")
    assert "kontrollsumman" in " ".join(sources.problems(source))
    assert sources.folder("kolada") == paths.KOLADA


def test_a_refresh_lacking_a_kpi_or_municipalities_is_not_read(source):
    refresh_copy(source)
    values = pd.read_csv(source.refreshed / kolada.VALUES_FILE, dtype=str)
    values = values[values["municipality"] != "2584"]  # Kiruna gone
    values.to_csv(source.refreshed / kolada.VALUES_FILE, index=False)
    catalogue = pd.read_csv(source.refreshed / kolada.KPIS_FILE, dtype=str)
    catalogue[catalogue["kpi"] != "N02235"].to_csv(source.refreshed / kolada.KPIS_FILE, index=False)
    manifest.update(source.refreshed, {})
    found = sources.problems(source)
    assert "nyckeltalet N02235 saknas" in found
    assert any("2584" in problem for problem in found)
    assert sources.folder("kolada") == paths.KOLADA


# --- the v3 client ---------------------------------------------------------------------------


def test_segments_hold_at_most_25_ids():
    ids = [f"{n:04d}" for n in range(60)]
    parts = kolada_api.segments(ids)
    assert [len(p.split(",")) for p in parts] == [25, 25, 10]
    assert ",".join(parts).split(",") == ids


def test_two_pages_are_followed_by_next_url_and_null_values_are_dropped():
    listed = sorted(kpi.id for kpi in snapshot.KOLADA_SERIES if kpi.id != "N00914")
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/data/kpi/.*", Reply.file("kolada/v3_data_1_page1.json"))
        server.add(
            "GET",
            "/kolada/v3/data/kpi/.*",
            Reply.file("kolada/v3_data_1_page2.json"),
            query="page=2",
        )
        table = api(server).values(
            listed[:25], ["0330", "1427", "0003", "0014", "0000"], [2001, 2002, 2021, 2022]
        )
        assert len(server.requests) == 2
    expected = pd.read_csv(FIXTURES / "expected" / "kolada_v3_values.csv", dtype=str)
    expected = expected[expected["kpi"].isin(listed[:25])].reset_index(drop=True)
    assert len(table) == len(expected)
    assert table["municipality"].tolist() == expected["municipality"].tolist()  # codes as text
    knivsta = table[(table.kpi == "N01951") & (table.municipality == "0330")]
    assert 2001 not in set(knivsta["period"])  # "value": null in the answer: no row
    assert table["value"].notna().all()


def test_next_page_as_a_number_is_accepted_and_loops_are_stopped():
    first = {"values": [], "next_page": 2}
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi/N1", Reply(200, json.dumps(first).encode()))
        server.add(
            "GET",
            "/kolada/v3/kpi/N1",
            Reply(200, b'{"values": [{"id": "N1"}], "next_page": null}'),
            query="page=2",
        )
        assert list(api(server).kpis(["N1"])) == ["N1"]
    looping = {"values": [], "next_url": "{base}/kolada/v3/kpi/N1"}
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi/N1", Reply(200, json.dumps(looping).encode()))
        with pytest.raises(FetchError, match="pekar tillbaka"):
            api(server).kpis(["N1"])


def test_an_answer_without_values_is_refused():
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi/N1", Reply(200, b'{"error": "gone"}'))
        with pytest.raises(FetchError, match="saknar 'values'"):
            api(server).kpis(["N1"])


# --- figures for groups ----------------------------------------------------------------------


def test_kolada_publishes_the_county_and_sweden_and_pooling_gives_the_same():
    """Pooled from the 49 municipalities with their denominators, Västra Götaland's figures
    are Kolada's own for the county (which SCB computed from totals)."""
    series = kolada.load()
    members = regions.county_members("14")
    for kpi, year, gender, places in (
        ("N00914", 2021, "T", 3),
        ("N00914", 2005, "K", 3),
        ("N02267", 2022, "M", 1),  # BAS rates are published with one decimal
        ("N02235", 2022, "T", 1),
        ("N02252", 2022, "T", 2),
    ):
        pooled = comparisons.pooled(series, kpi, members, gender)[year]
        assert pooled == pytest.approx(cell(kpi, "0014", year, gender), abs=10**-places), kpi
    day = comparisons.pooled(series, "N02201", members)[2022]
    assert day == summed("N02201", members, 2022)


def test_a_share_without_a_denominator_is_never_pooled():
    series = kolada.load()
    assert comparisons.pooled(series, "N03920", ["1488", "1487"]).isna().all()
    assert comparisons.pooled(series, "N01982", ["1488", "1487"]).isna().all()
    assert comparisons.own_id(["1488", "1487"]) is None


def test_a_group_with_a_member_missing_in_a_year_gets_no_figure_that_year():
    series = kolada.load()
    uppsala = regions.county_members("03")
    without_county = [code for code in uppsala if code != "0380"]  # not the county's own set
    population = comparisons.pooled(series, "N01951", without_county)
    assert math.isnan(population[2001])  # Knivsta did not exist yet
    assert population[2022] == summed("N01951", without_county, 2022)


def test_the_area_table_has_the_area_its_municipalities_and_comparisons():
    area = load_area("trollhattan-vanersborg")
    table = comparisons.for_area(area, "N02276")
    latest = comparisons.at(table, 2022)
    assert list(latest.index) == [
        "Trollhättan och Vänersborg",
        "Trollhättan",
        "Vänersborg",
        "Fyrbodal",
        "Västra Götalands län",
        "Riket",
    ]
    codes = ["1488", "1487"]
    assert latest["Trollhättan och Vänersborg"] == pytest.approx(
        pooled_share("N02276", "N02201", codes, 2022)
    )
    assert latest["Trollhättan"] == cell("N02276", "1488", 2022)
    # Kolada has no commuting figure for a county or Sweden: pooled from the municipalities
    assert latest["Riket"] == pytest.approx(
        pooled_share("N02276", "N02201", municipalities(), 2022)
    )
