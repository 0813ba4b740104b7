"""`make fetch` against a local server replaying recorded SCB, Kolada and Arbetsförmedlingen
answers: the stored tables equal the expected ones, and every failure leaves the snapshot
byte for byte as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.common.errors import FetchError
from helpers.config import paths
from helpers.fetch import refresh
from helpers.stats import manifest
from http_replay import FIXTURES, ReplayServer, Reply

SCB_TABLES = {
    "TAB638": "scb_population",
    "TAB9901": "scb_population_ckm",
    "TAB3981": "scb_education_level",
    "TAB3785": "scb_employment_industry_bas",
    "TAB900": "scb_employment_industry_rams",
    "TAB1828": "scb_commuting",
}


def register_success(server: ReplayServer) -> None:
    """Every route of a fetch that goes well."""
    scb = "/scb/api/v2"
    server.add("GET", f"{scb}/config", Reply.file("scb/config.json"))
    server.add("GET", f"{scb}/tables", Reply.file("scb/tables_search_population.json"))
    for table in SCB_TABLES:
        server.add(
            "GET", f"{scb}/tables/{table}/metadata", Reply.file(f"scb/metadata_{table}.json")
        )
        server.add("POST", f"{scb}/tables/{table}/data", Reply.file(f"scb/data_{table}.json"))
    server.add("GET", "/kolada/v3/kpi", Reply.file("kolada/kpi.json"))
    server.add("GET", "/kolada/v3/data/kpi/.*", Reply.file("kolada/data_empty.json"))
    server.add("GET", "/kolada/v3/data/kpi/N01951,.*", Reply.file("kolada/data_page1.json"))
    server.add(
        "GET", "/kolada/v3/data/kpi/N01951,.*", Reply.file("kolada/data_page2.json"), query="page=2"
    )
    server.add("GET", "/af/prognoser/yrkesbarometer.json", Reply.file("af/yrkesbarometer.json"))


@pytest.fixture
def snapshot(tmp_path: Path) -> tuple[Path, Path]:
    """A small snapshot with real files and manifests, in its own folder."""
    raw = tmp_path / "data" / "raw"
    public, barometer = raw / "public", raw / "yrkesbarometer"
    public.mkdir(parents=True)
    barometer.mkdir()
    for name in ("municipalities.csv", "counties.csv", "PROVENANCE.md"):
        shutil.copy(paths.PUBLIC / name, public / name)
    for name in ("PROVENANCE.md", "jobtech_county_concept_ids.json"):
        shutil.copy(paths.YRKESBAROMETER / name, barometer / name)
    manifest.update(public, {name: {"source": "test"} for name in manifest.files(public)})
    manifest.update(barometer, {name: {"source": "test"} for name in manifest.files(barometer)})
    return public, barometer


def digest(folder: Path) -> dict[str, str]:
    """Checksums of every file in the snapshot's parent folder (leftovers would show too)."""
    return {
        str(path.relative_to(folder.parent)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.parent.rglob("*"))
        if path.is_file()
    }


def settings(server: ReplayServer, slept: list[float] | None = None, **options) -> refresh.Settings:
    record = slept if slept is not None else []
    values = {
        "municipalities": ("1427", "1488"),
        "kolada_years": (2023, 2024),
        "retries": 2,
        "backoff": 0.001,
        "timeout": 5.0,
        "sleep": record.append,
        "progress": lambda message: None,
        **options,
    }
    return refresh.Settings.for_base_url(server.url, **values)


def expected(name: str) -> pd.DataFrame:
    return pd.read_csv(FIXTURES / "expected" / name, dtype=str, keep_default_na=False)


def stored(folder: Path, name: str, columns: list[str]) -> pd.DataFrame:
    table = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    return table[columns]


def test_fetch_stores_the_expected_tables(snapshot):
    public, barometer = snapshot
    with ReplayServer() as server:
        register_success(server)
        done = refresh.run(settings=settings(server), public=public, barometer=barometer)
    assert [item.source for item in done] == ["scb", "kolada", "yrkesbarometer"]
    for table_id, name in SCB_TABLES.items():
        want = expected(f"{name}.csv")
        got = stored(public, f"{name}.csv", list(want.columns))
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        assert set(pd.read_csv(public / f"{name}.csv", dtype=str)["table_id"]) == {table_id}
    kolada = expected("kolada_values.csv")
    pd.testing.assert_frame_equal(stored(public, "kolada_values.csv", list(kolada.columns)), kolada)
    assert (barometer / "yrkesbarometer.json").read_bytes() == (
        FIXTURES / "af" / "yrkesbarometer.json"
    ).read_bytes()
    assert manifest.verify(public) == [] and manifest.verify(barometer) == []
    rows = manifest.read(public)
    assert rows["scb_commuting.csv"]["table_id"].startswith("TAB1828")
    assert rows["scb_employment_industry_rams.csv"]["note"].startswith("RAMS till 2018")
    assert rows["kolada_values.csv"]["note"] == "utgångna nyckeltal: N02834"
    assert rows["counties.csv"]["source"] == "test"  # untouched entries keep their fields


def test_suppressed_cell_is_stored_as_missing_with_its_status(snapshot):
    public, barometer = snapshot
    with ReplayServer() as server:
        register_success(server)
        refresh.run("scb", settings(server), public, barometer)
    table = pd.read_csv(
        public / "scb_employment_industry_bas.csv", dtype=str, keep_default_na=False
    )
    cell = table[
        (table.region == "1427")
        & (table.industry == "US")
        & (table.sex == "2")
        & (table.measure == "000002XI")
        & (table.year == "2024")
    ]
    assert cell["value"].tolist() == [""] and cell["status"].tolist() == [".."]
    # The total is published, but the hidden cell is never worked out from it.
    assert (table["status"] == "..").sum() == 1


def test_kolada_pages_and_segments(snapshot):
    public, barometer = snapshot
    with ReplayServer() as server:
        register_success(server)
        refresh.run("kolada", settings(server), public, barometer)
        data_calls = [r for r in server.requests if r.path.startswith("/kolada/v3/data/")]
    kpi_segments = [call.path.split("/")[5] for call in data_calls if "page=2" not in call.query]
    assert kpi_segments == (FIXTURES / "expected" / "kolada_segments.txt").read_text().split()
    assert all(len(segment.split(",")) <= 25 for segment in kpi_segments)
    assert {call.path.split("/")[7] for call in data_calls} == {"1427,1488,0014,0000"}
    assert sum("page=2" in call.query for call in data_calls) == 1
    values = pd.read_csv(public / "kolada_values.csv", dtype=str)
    assert {"N01951", "N01982", "N03937"} == set(values["kpi"])  # page 1 and page 2


def test_only_one_source_touches_nothing_else(snapshot):
    public, barometer = snapshot
    before = digest(barometer)
    with ReplayServer() as server:
        register_success(server)
        refresh.run("kolada", settings(server), public, barometer)
        assert not [r for r in server.requests if r.path.startswith(("/scb", "/af"))]
    assert sorted(manifest.files(public)) == [
        "PROVENANCE.md",
        "counties.csv",
        "kolada_values.csv",
        "municipalities.csv",
    ]
    assert {k: v for k, v in digest(barometer).items() if "yrkesbarometer/" in k} == {
        k: v for k, v in before.items() if "yrkesbarometer/" in k
    }


def test_429_then_success_waits_and_goes_on(snapshot):
    public, barometer = snapshot
    slept: list[float] = []
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "POST",
            "/scb/api/v2/tables/TAB638/data",
            Reply.file("scb/problem_429.json", 429, headers={"Retry-After": "0.01"}),
            Reply.file("scb/data_TAB638.json"),
        )
        refresh.run("scb", settings(server, slept), public, barometer)
        calls = [r for r in server.requests if r.path.endswith("TAB638/data")]
    assert len(calls) == 2
    assert 0.01 in slept  # Retry-After was honoured
    pd.testing.assert_frame_equal(
        stored(public, "scb_population.csv", list(expected("scb_population.csv").columns)),
        expected("scb_population.csv"),
        check_dtype=False,
    )


def test_403_rate_limit_is_retried(snapshot):
    public, barometer = snapshot
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "GET",
            "/scb/api/v2/tables/TAB3785/metadata",
            Reply.file("scb/problem_403.json", 403),
            Reply.file("scb/metadata_TAB3785.json"),
        )
        refresh.run("scb", settings(server), public, barometer)
    assert (public / "scb_employment_industry_bas.csv").exists()


def assert_fails_unchanged(
    public: Path,
    barometer: Path,
    server: ReplayServer,
    source_word: str,
    only: str | None = None,
    **options,
) -> str:
    before = digest(public) | digest(barometer)
    with pytest.raises(FetchError) as failure:
        refresh.run(only, settings(server, **options), public, barometer)
    message = str(failure.value)
    assert source_word in message and "oförändrat" in message
    assert digest(public) | digest(barometer) == before
    return message


def test_persistent_403_fails_and_leaves_the_snapshot(snapshot):
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "POST", "/scb/api/v2/tables/TAB1828/data", Reply.file("scb/problem_403.json", 403)
        )
        message = assert_fails_unchanged(*snapshot, server, "SCB")
        assert "403" in message and "3 försök" in message


def test_timeout_fails_and_leaves_the_snapshot(snapshot):
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "GET",
            "/af/prognoser/yrkesbarometer.json",
            Reply.file("af/yrkesbarometer.json", delay=1.0),
        )
        message = assert_fails_unchanged(
            *snapshot, server, "Arbetsförmedlingen", timeout=0.2, retries=1
        )
        assert "svarade inte inom 0.2 s" in message


def test_malformed_body_fails_and_leaves_the_snapshot(snapshot):
    with ReplayServer() as server:
        register_success(server)
        server.add("GET", "/kolada/v3/kpi", Reply.file("kolada/kpi_malformed.json"))
        message = assert_fails_unchanged(*snapshot, server, "Kolada")
        assert "inte giltig JSON" in message


def test_truncated_barometer_fails_and_leaves_the_snapshot(snapshot):
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "GET",
            "/af/prognoser/yrkesbarometer.json",
            Reply.file("af/yrkesbarometer_truncated.json"),
        )
        assert_fails_unchanged(*snapshot, server, "Arbetsförmedlingen")


def test_a_late_failure_keeps_the_earlier_sources_out_too(snapshot):
    """SCB and Kolada succeed, the barometer fails: nothing of the three is kept."""
    with ReplayServer() as server:
        register_success(server)
        server.add(
            "GET", "/af/prognoser/yrkesbarometer.json", Reply.file("scb/problem_503.json", 503)
        )
        assert_fails_unchanged(*snapshot, server, "Arbetsförmedlingen")
        assert any(r.path.endswith("TAB1828/data") for r in server.requests)


def test_a_swap_cut_off_between_renames_is_recovered(snapshot):
    public, barometer = snapshot
    before = digest(public)
    os.replace(public, public.parent / f".{public.name}.old-123")
    refresh.recover([public, barometer])
    assert digest(public) == before


def test_unknown_source_is_refused(snapshot):
    with pytest.raises(FetchError, match="Okänd källa"):
        refresh.run("bolagsverket", refresh.Settings(), *snapshot)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LKA_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "helpers.cli.main", "fetch", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=root,
    )


def test_cli_fetch(snapshot):
    public, barometer = snapshot
    root = public.parents[2]
    with ReplayServer() as server:
        register_success(server)
        result = run_cli(
            root, "--only", "yrkesbarometer", "--base-url", server.url, "--retries", "0"
        )
        assert result.returncode == 0, result.stderr
        assert "yrkesbarometer.json" in result.stdout
        assert "Arbetsförmedlingen: Yrkesbarometern" in result.stderr  # progress
        assert manifest.verify(barometer) == []

        server.add(
            "GET", "/af/prognoser/yrkesbarometer.json", Reply.file("scb/problem_503.json", 503)
        )
        before = digest(public) | digest(barometer)
        failed = run_cli(
            root, "--only", "yrkesbarometer", "--base-url", server.url, "--retries", "0"
        )
    assert failed.returncode == 5
    assert failed.stderr.strip().splitlines()[-1].startswith("Fel: Arbetsförmedlingen:")
    assert "Traceback" not in failed.stderr
    assert digest(public) | digest(barometer) == before
