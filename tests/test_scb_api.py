"""SCB PxWebApi v2: resolving tables, reading variables, selections, splitting by cells."""

from __future__ import annotations

import json

import pytest

from helpers.common.errors import FetchError
from helpers.fetch import scb_api
from helpers.fetch.scb_api import ScbApi, expand
from helpers.stats import snapshot
from helpers.stats.snapshot import TableSpec
from http_replay import FIXTURES, ReplayServer, Reply

YEARS = ["2020", "2021", "2022", "2023"]


@pytest.mark.parametrize(
    "expression, time, wanted",
    [
        ("*", False, YEARS),
        ("202?", False, YEARS),
        ("2022", False, ["2022"]),
        ("1999", False, []),
        ("TOP(2)", True, ["2022", "2023"]),
        ("top(1,1)", True, ["2022"]),
        ("TOP(2)", False, ["2020", "2021"]),
        ("BOTTOM(1)", True, ["2020"]),
        ("FROM(2021)", True, ["2021", "2022", "2023"]),
        ("TO(2021)", True, ["2020", "2021"]),
        ("RANGE(2021,2022)", True, ["2021", "2022"]),
        ("FROM(1999)", True, []),
    ],
)
def test_selection_expressions(expression, time, wanted):
    assert expand(expression, YEARS, time=time) == wanted


def api(server: ReplayServer, **options) -> ScbApi:
    return ScbApi.connect(
        f"{server.url}/scb/api/v2",
        sleep=lambda s: None,
        progress=lambda m: None,
        retries=1,
        backoff=0.0,
        **options,
    )


def test_a_known_id_needs_no_search():
    assert ScbApi(None).resolve(snapshot.spec("scb_population")) == "TAB638"  # type: ignore[arg-type]


def test_an_unknown_id_is_found_in_its_folder():
    """The CKM table: the same folder as TAB638, starting 2025; skips other folders and
    discontinued tables."""
    with ReplayServer() as server:
        server.add("GET", "/scb/api/v2/tables", Reply.file("scb/tables_search_population.json"))
        found = api(server).resolve(snapshot.spec("scb_population_ckm"))
        assert "query=" in server.requests[0].query and "lang=sv" in server.requests[0].query
    assert found == "TAB9901"


def test_no_match_is_a_clear_error():
    spec = TableSpec(
        name="x", title="Något", v1_path="AM/AM0210/AM0210F/ArRegPend1", query="pendling"
    )
    with ReplayServer() as server:
        server.add("GET", "/scb/api/v2/tables", Reply.file("scb/tables_search_population.json"))
        with pytest.raises(FetchError, match="hittade ingen tabell för Något"):
            api(server).resolve(spec)


def test_a_retired_id_falls_back_to_search():
    spec = TableSpec(
        name="x",
        title="Folkmängd",
        v1_path="BE/BE0101/BE0101A/BefolkningNy",
        table_id="TAB0001",
        query="folkmängd",
        first_period_from="2025",
        select={"contents": ("*",), "civilstånd": ("SC",), "ålder": ("*",), "time": ("*",)},
    )
    with ReplayServer() as server:
        server.add("GET", "/scb/api/v2/tables", Reply.file("scb/tables_search_population.json"))
        server.add(
            "GET", "/scb/api/v2/tables/TAB9901/metadata", Reply.file("scb/metadata_TAB9901.json")
        )
        server.add("POST", "/scb/api/v2/tables/TAB9901/data", Reply.file("scb/data_TAB9901.json"))
        table_id, table = api(server).fetch(spec, ["1427", "1488"])
    assert table_id == "TAB9901" and set(table["region"]) == {"1427", "1488"}


def metadata(name: str) -> list[scb_api.Variable]:
    with ReplayServer() as server:
        server.add(
            "GET", f"/scb/api/v2/tables/{name}/metadata", Reply.file(f"scb/metadata_{name}.json")
        )
        return api(server).metadata(name)


def test_variables_are_read_from_metadata_never_assumed():
    commuting = metadata("TAB1828")
    assert ScbApi.find(commuting, "region").code == "Kommun"
    bas = metadata("TAB3785")
    assert ScbApi.find(bas, "näringsgren").code == "SNI2007"
    assert ScbApi.find(bas, "kön").code == "Kon"
    assert ScbApi.find(bas, "time").code == "Tid"
    assert ScbApi.find(bas, "contents").code == "ContentsCode"
    assert ScbApi.find(bas, "ålder") is None


def test_selection_fills_what_cannot_be_left_out():
    bas = metadata("TAB3785")
    wanted = {"region": ["1427"], "time": ["TOP(1)"], "contents": ["*"]}
    chosen = ScbApi(None).selection("TAB3785", bas, wanted)  # type: ignore[arg-type]
    # Födelseregion cannot be left out: its total is chosen. SNI2007 and Kon can: SCB sums.
    assert chosen == {
        "Region": ["1427"],
        "Tid": ["TOP(1)"],
        "ContentsCode": ["*"],
        "Fodelseregion": ["tot"],
    }


def test_selection_refuses_unknown_codes():
    population = metadata("TAB638")
    with pytest.raises(FetchError, match="värdet '9999' finns inte"):
        ScbApi(None).selection("TAB638", population, {"region": ["9999"]})  # type: ignore[arg-type]


def test_a_required_variable_without_a_total_is_an_error():
    variables = [
        scb_api.Variable("Region", "region", ["1427"], {}, role="geo"),
        scb_api.Variable("Bransch", "bransch", ["A", "B"], {"A": "a", "B": "b"}),
    ]
    with pytest.raises(FetchError, match="kräver ett val för variabeln Bransch"):
        ScbApi(None).selection("TABX", variables, {"region": ["1427"]})  # type: ignore[arg-type]


def small_answer(regions: list[str]) -> bytes:
    return json.dumps(
        {
            "version": "2.0",
            "class": "dataset",
            "id": ["Region", "Tid"],
            "size": [len(regions), 1],
            "dimension": {
                "Region": {"category": {"index": {r: i for i, r in enumerate(regions)}}},
                "Tid": {"category": {"index": {"2024": 0}}},
            },
            "value": [int(r) for r in regions],
        }
    ).encode()


def test_calls_are_split_below_the_cell_limit():
    variables = [
        scb_api.Variable("Region", "region", ["1427", "1487", "1488"], {}, role="geo"),
        scb_api.Variable("Tid", "år", ["2024"], {}, role="time"),
    ]
    with ReplayServer() as server:
        server.add(
            "POST",
            "/scb/api/v2/tables/TABX/data",
            Reply(200, small_answer(["1427", "1487"])),
            body='"1427"',
        )
        server.add(
            "POST",
            "/scb/api/v2/tables/TABX/data",
            Reply(200, small_answer(["1488"])),
            body='"1488"',
        )
        client = api(server)
        client.max_cells = 2
        table = client.data("TABX", variables, {"Region": ["*"], "Tid": ["2024"]})
        bodies = [json.loads(r.body) for r in server.requests]
        queries = [r.query for r in server.requests]
    assert table["Region"].tolist() == ["1427", "1487", "1488"]
    assert table["value"].tolist() == [1427.0, 1487.0, 1488.0]
    assert [b["selection"][0]["valueCodes"] for b in bodies] == [["1427", "1487"], ["1488"]]
    assert all("outputFormat=json-stat2" in q for q in queries)


def test_config_can_only_lower_the_limits():
    with ReplayServer() as server:
        config = json.loads((FIXTURES / "scb" / "config.json").read_text())
        config.update(maxDataCells=1000, maxCallsPerTimeWindow=10, timeWindow=10)
        server.add("GET", "/scb/api/v2/config", Reply(200, json.dumps(config).encode()))
        client = api(server)
        client.configure()
    assert client.max_cells == 1000
    assert (client.client.rate.calls, client.client.rate.seconds) == (10, 10.0)


def test_not_json_stat_is_a_fetch_error():
    variables = [scb_api.Variable("Region", "region", ["1427"], {}, role="geo")]
    with ReplayServer() as server:
        server.add("POST", "/scb/api/v2/tables/TABX/data", Reply(200, b'{"columns": []}'))
        with pytest.raises(FetchError, match="inte json-stat2"):
            api(server).data("TABX", variables, {"Region": ["1427"]})
