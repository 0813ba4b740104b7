"""The HTTP client against a local replay server: retries, back-off, time-outs, limits."""

from __future__ import annotations

import pytest

from helpers.common.errors import FetchError
from helpers.fetch.http_client import HttpClient, HttpStatusError, RateLimit
from http_replay import ReplayServer, Reply


def client(server: ReplayServer, slept: list[float], **options) -> HttpClient:
    values = {
        "retries": 2,
        "backoff": 0.5,
        "timeout": 5.0,
        "sleep": slept.append,
        "progress": lambda message: None,
        **options,
    }
    return HttpClient(f"{server.url}/api", name="Testkällan", **values)


def test_json_body_and_query_parameters():
    slept: list[float] = []
    with ReplayServer() as server:
        server.add("GET", "/api/config", Reply.file("scb/config.json"))
        answer = client(server, slept).get_json("/config", {"lang": "sv"})
        assert server.requests[0].query == "lang=sv"
    assert answer["maxDataCells"] == 150000 and slept == []


def test_post_sends_json():
    with ReplayServer() as server:
        server.add("POST", "/api/data", Reply(200, b'{"ok": true}'), body='"variableCode"')
        answer = client(server, []).post_json("/data", {"selection": [{"variableCode": "Tid"}]})
    assert answer == {"ok": True}


def test_429_waits_as_told_then_succeeds():
    slept: list[float] = []
    messages: list[str] = []
    with ReplayServer() as server:
        server.add(
            "GET",
            "/api/x",
            Reply.file("scb/problem_429.json", 429, headers={"Retry-After": "3"}),
            Reply(200, b"{}"),
        )
        client(server, slept, progress=messages.append).get_json("/x")
        assert len(server.requests) == 2
    assert slept == [3.0]
    assert "429" in messages[0] and "försök 2 av 3" in messages[0]


def test_5xx_backs_off_exponentially_and_gives_up_with_one_message():
    slept: list[float] = []
    with ReplayServer() as server:
        server.add("GET", "/api/x", Reply.file("scb/problem_503.json", 503))
        with pytest.raises(FetchError, match=r"^Testkällan: .*svarade 503, även efter 3 försök"):
            client(server, slept).get_json("/x")
        assert len(server.requests) == 3
    assert slept == [0.5, 1.0]


def test_other_errors_are_not_retried():
    with ReplayServer() as server:
        server.add("GET", "/api/x", Reply(404, b'{"title": "Not Found"}'))
        with pytest.raises(HttpStatusError) as failure:
            client(server, []).get_json("/x")
        assert len(server.requests) == 1
    assert failure.value.status == 404 and "Not Found" in str(failure.value)


def test_403_is_retried_when_the_source_uses_it_for_rate_limits():
    slept: list[float] = []
    with ReplayServer() as server:
        server.add("GET", "/api/x", Reply.file("scb/problem_403.json", 403), Reply(200, b"[]"))
        statuses = frozenset({403, 429, 503})
        assert client(server, slept, retry_statuses=statuses).get_json("/x") == []
    assert slept == [0.5]


def test_timeout():
    with ReplayServer() as server:
        server.add("GET", "/api/slow", Reply(200, b"{}", delay=1.0))
        with pytest.raises(FetchError, match="svarade inte inom 0.1 s, även efter 2 försök"):
            client(server, [], timeout=0.1, retries=1).get_json("/slow")


def test_malformed_body():
    with ReplayServer() as server:
        server.add("GET", "/api/kpi", Reply.file("kolada/kpi_malformed.json"))
        with pytest.raises(FetchError, match="inte giltig JSON"):
            client(server, []).get_json("/kpi")


def test_unreachable_server():
    unreachable = HttpClient(
        "http://127.0.0.1:9",
        name="Ingen",
        retries=1,
        sleep=lambda s: None,
        progress=lambda m: None,
        timeout=1.0,
    )
    with pytest.raises(FetchError, match="^Ingen: .*kunde inte nås"):
        unreachable.get_json("/x")


def test_rate_limit_keeps_to_the_window():
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limit = RateLimit(3, 10.0, clock=lambda: now[0], sleep=sleep)
    for moment in (0.0, 1.0, 2.0):
        now[0] = moment
        assert limit.wait() == 0.0
    now[0] = 4.0
    assert limit.wait() == pytest.approx(6.0)  # the 4th call waits until the 1st leaves
    assert slept == [pytest.approx(6.0)]
    now[0] = 30.0
    assert limit.wait() == 0.0


def test_absolute_urls_are_followed_as_given():
    plain = HttpClient("https://api.kolada.se/v3", name="Kolada")
    assert plain.url("https://api.kolada.se/v3/data/kpi/N1?page=2", {"per_page": 5000}) == (
        "https://api.kolada.se/v3/data/kpi/N1?page=2&per_page=5000"
    )
