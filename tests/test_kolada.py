"""Kolada v3: segments of at most 25 ids, paging, KPI ids, population-weighted groups."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.common.errors import FetchError
from helpers.config import params, regions
from helpers.fetch import kolada as kolada_api
from helpers.stats import kolada, snapshot
from http_replay import ReplayServer, Reply


def api(server: ReplayServer) -> kolada_api.KoladaApi:
    return kolada_api.KoladaApi.connect(
        f"{server.url}/kolada/v3", sleep=lambda s: None, progress=lambda m: None, retries=0
    )


def test_segments_hold_at_most_25_ids():
    ids = [f"{n:04d}" for n in range(60)]
    parts = kolada_api.segments(ids)
    assert [len(p.split(",")) for p in parts] == [25, 25, 10]
    assert ",".join(parts).split(",") == ids


def test_every_kpi_the_report_uses_is_in_the_shipped_catalogue():
    catalogue = set(kolada.catalogue()["id"])
    assert [kpi for kpi in snapshot.KOLADA_KPIS if kpi not in catalogue] == []
    assert "N00914" not in catalogue and "N00914" not in snapshot.KOLADA_KPIS  # retired


def test_two_pages_are_followed_by_next_url():
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/data/kpi/.*", Reply.file("kolada/data_page1.json"))
        server.add(
            "GET", "/kolada/v3/data/kpi/.*", Reply.file("kolada/data_page2.json"), query="page=2"
        )
        table = api(server).values(
            ["N01951", "N01982", "N03937"], ["1427", "1488", "0014", "0000"], [2023, 2024]
        )
        assert len(server.requests) == 2
    assert set(table["kpi"]) == {"N01951", "N01982", "N03937"}
    missing = table[
        (table.kpi == "N03937") & (table.municipality == "1427") & (table.period == 2024)
    ]
    assert missing["value"].isna().all() and missing["status"].tolist() == ["Saknas"]
    assert table["municipality"].map(len).eq(4).all()  # codes stay strings


def test_next_page_as_a_number_is_accepted_and_loops_are_stopped():
    first = {"values": [], "next_page": 2}
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi", Reply(200, json.dumps(first).encode()))
        server.add(
            "GET",
            "/kolada/v3/kpi",
            Reply(200, b'{"values": [{"id": "N1"}], "next_page": null}'),
            query="page=2",
        )
        assert api(server).catalogue() == {"N1"}
    looping = {"values": [], "next_url": "{base}/kolada/v3/kpi"}
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi", Reply(200, json.dumps(looping).encode()))
        with pytest.raises(FetchError, match="pekar tillbaka"):
            api(server).catalogue()


def test_an_answer_without_values_is_refused():
    with ReplayServer() as server:
        server.add("GET", "/kolada/v3/kpi", Reply(200, b'{"error": "gone"}'))
        with pytest.raises(FetchError, match="saknar 'values'"):
            api(server).catalogue()


def rows(kpi: str, values: dict[str, float], period: int = 2024) -> list[dict]:
    return [
        {
            "kpi": kpi,
            "municipality": m,
            "period": period,
            "gender": "T",
            "value": v,
            "count": 1,
            "status": "",
        }
        for m, v in values.items()
    ]


def test_weighted_mean_differs_from_koladas_unweighted_group_mean():
    rates = {"1488": 8.0, "1487": 5.0, "1427": 2.0}
    people = {"1488": 59000.0, "1487": 39500.0, "1427": 9000.0}
    table = kolada.as_table(rows("N03937", rates) + rows("N01951", people))
    result = kolada.weighted(
        table[table.kpi == "N03937"], kolada.population_weights(table), list(rates)
    )
    expected = sum(rates[m] * people[m] for m in rates) / sum(people.values())
    assert result["value"].item() == pytest.approx(expected)
    assert result["value"].item() != pytest.approx(sum(rates.values()) / 3)


def test_a_member_without_a_value_gives_no_group_value():
    table = kolada.as_table(
        rows("N03937", {"1488": 8.0, "1487": None}) + rows("N01951", {"1488": 1.0, "1487": 1.0})
    )
    result = kolada.weighted(
        table[table.kpi == "N03937"], kolada.population_weights(table), ["1488", "1487"]
    )
    assert result["value"].isna().all()


def test_comparisons_take_koladas_own_county_and_country_figures():
    area = params.load_area("trollhattan-vanersborg")
    fyrbodal = list(regions.FYRBODAL)
    rates = {code: float(i + 1) for i, code in enumerate(fyrbodal)}
    rates.update({"0014": 5.6, "0000": 5.9})
    people = {code: 1000.0 * (i + 1) for i, code in enumerate(fyrbodal)}
    table = kolada.as_table(rows("N03937", rates) + rows("N01951", people))
    result = kolada.for_comparisons(area, "N03937", table).set_index("comparison")["value"]
    tv = (rates["1488"] * people["1488"] + rates["1487"] * people["1487"]) / (
        people["1488"] + people["1487"]
    )
    assert result["Trollhättan och Vänersborg"] == pytest.approx(tv)
    assert result["Fyrbodal"] == pytest.approx(
        sum(rates[m] * people[m] for m in fyrbodal) / sum(people.values())
    )
    assert result["Västra Götalands län"] == 5.6 and result["Riket"] == 5.9
    single = kolada.for_comparisons(params.load_area("lysekil"), "N03937", table)
    assert single.iloc[0]["value"] == rates["1484"]


def test_load_values_reads_codes_as_strings(tmp_path):
    kolada.as_table(rows("N03937", {"0114": 4.5})).to_csv(
        tmp_path / "kolada_values.csv", index=False
    )
    values = kolada.load_values(tmp_path)
    assert values["municipality"].tolist() == ["0114"] and values["value"].tolist() == [4.5]
    assert kolada.load_values(tmp_path / "nothing") is None
    assert isinstance(values, pd.DataFrame)
