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
from helpers.stats import snapshot as snapshot_spec
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
    # A full fetch asks Kolada for the SCB answers' municipalities (1427, 1488) and gets the
    # answers recorded for 0330 and 1427: these tests do not read Kolada's figures.
    register_kolada(server, ids="[0-9,]+")
    server.add("GET", "/af/prognoser/yrkesbarometer.json", Reply.file("af/yrkesbarometer.json"))


#: What the recorded Kolada answers cover (tests/fixtures/http/README.md): Knivsta and Sotenäs,
#: their counties and Sweden, four years.
KOLADA_MUNICIPALITIES = ("0330", "1427")
KOLADA_YEARS = (2001, 2002, 2021, 2022)
KOLADA_IDS = "0330,1427,0003,0014,0000"


def register_kolada(server: ReplayServer, ids: str = KOLADA_IDS) -> None:
    """Kolada's answers: the KPI descriptions in two segments, the data of the first KPI
    segment in two pages, of the second in one. A request for other ids or years gets 404."""
    data = f"/kolada/v3/data/kpi/{{}},.*/municipality/{ids}/year/2001,2002,2021,2022"
    server.add("GET", "/kolada/v3/kpi/N00914,.*", Reply.file("kolada/v3_kpi_1.json"))
    server.add("GET", "/kolada/v3/kpi/N02226,.*", Reply.file("kolada/v3_kpi_2.json"))
    server.add("GET", data.format("N01951"), Reply.file("kolada/v3_data_1_page1.json"))
    server.add(
        "GET",
        data.format("N01951"),
        Reply.file("kolada/v3_data_1_page2.json"),
        query="page=2",
    )
    server.add("GET", data.format("N02228"), Reply.file("kolada/v3_data_2.json"))


@pytest.fixture
def snapshot(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A small snapshot with real files and manifests, in its own tree: the public and the
    barometer folder, and where Kolada's refresh goes (``data/external/kolada``, not there yet).
    """
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
    return public, barometer, tmp_path / "data" / "external" / "kolada"


def digest(folder: Path) -> dict[str, str]:
    """Checksums of every file in the tree's data folder (leftovers would show too)."""
    data = next(parent for parent in folder.parents if parent.name == "data")
    return {
        str(path.relative_to(data)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data.rglob("*"))
        if path.is_file()
    }


def folders(data: Path) -> list[str]:
    """Every folder under the data folder (a first refresh that failed must leave none)."""
    return sorted(str(path.relative_to(data)) for path in data.rglob("*") if path.is_dir())


def settings(server: ReplayServer, slept: list[float] | None = None, **options) -> refresh.Settings:
    record = slept if slept is not None else []
    values = {
        "municipalities": ("1427", "1488"),
        "kolada_years": KOLADA_YEARS,
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
    public, barometer, external = snapshot
    with ReplayServer() as server:
        register_success(server)
        done = refresh.run(
            settings=settings(server), public=public, barometer=barometer, kolada_folder=external
        )
    assert [item.source for item in done] == ["scb", "kolada", "yrkesbarometer"]
    for table_id, name in SCB_TABLES.items():
        want = expected(f"{name}.csv")
        got = stored(public, f"{name}.csv", list(want.columns))
        pd.testing.assert_frame_equal(got, want, check_dtype=False)
        assert set(pd.read_csv(public / f"{name}.csv", dtype=str)["table_id"]) == {table_id}
    assert (barometer / "yrkesbarometer.json").read_bytes() == (
        FIXTURES / "af" / "yrkesbarometer.json"
    ).read_bytes()
    assert manifest.verify(public) == [] and manifest.verify(barometer) == []
    assert manifest.verify(external) == []
    rows = manifest.read(public)
    assert rows["scb_commuting.csv"]["table_id"].startswith("TAB1828")
    assert rows["scb_employment_industry_rams.csv"]["note"].startswith("RAMS till 2018")
    assert rows["counties.csv"]["source"] == "test"  # untouched entries keep their fields
    assert "kolada_values.csv" not in rows  # Kolada's series goes to its own folder
    assert manifest.read(external)["kolada_values.csv"]["table_id"] == "/v3/data/kpi"


def test_suppressed_cell_is_stored_as_missing_with_its_status(snapshot):
    public, barometer, _ = snapshot
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


def kolada_settings(server: ReplayServer, **options) -> refresh.Settings:
    return settings(
        server, municipalities=KOLADA_MUNICIPALITIES, kolada_years=KOLADA_YEARS, **options
    )


def fetch_kolada(snapshot: tuple[Path, Path, Path], server: ReplayServer) -> None:
    refresh.run("kolada", kolada_settings(server), *snapshot)


def series_rows(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "kolada_values.csv", dtype=str, keep_default_na=False)


def test_kolada_refresh_stores_the_answers_in_the_series_format(snapshot):
    """Two pages followed by next_url, KPI ids in segments of at most 25, the municipalities,
    counties and years asked for, and every row as the expected table (written from the dump's
    CSVs, not through the package) has it."""
    public, barometer, external = snapshot
    with ReplayServer() as server:
        register_kolada(server)
        fetch_kolada(snapshot, server)
        calls = [r for r in server.requests if r.path.startswith("/kolada/v3/")]
    described = [c.path.split("/")[4] for c in calls if c.path.startswith("/kolada/v3/kpi/")]
    data = [c for c in calls if c.path.startswith("/kolada/v3/data/")]
    asked = sorted(kpi.id for kpi in snapshot_spec.KOLADA_SERIES)
    assert described == [",".join(asked[:25]), ",".join(asked[25:])]
    segments = [c.path.split("/")[5] for c in data if "page=2" not in c.query]
    listed = [kpi for kpi in asked if kpi != "N00914"]  # retired: not in Kolada's list
    assert segments == [",".join(listed[:25]), ",".join(listed[25:])]
    assert {c.path.split("/")[7] for c in data} == {KOLADA_IDS}
    assert {c.path.split("/")[9] for c in data} == {"2001,2002,2021,2022"}
    assert [c.query for c in data].count("per_page=5000&page=2") == 1
    got = series_rows(external)
    fetched = got[got["kpi"] != "N00914"].reset_index(drop=True)
    pd.testing.assert_frame_equal(fetched, expected("kolada_v3_values.csv"))
    assert manifest.verify(external) == []


def test_a_kpi_with_missing_municipalities_and_a_null_value(snapshot):
    """Knivsta (formed 2003) has no figures for 2001 (no item, and one item with "value":
    null): no row, and the rest of its figures are there; the commuting KPIs have no
    county or Sweden figures at all."""
    _, _, external = snapshot
    with ReplayServer() as server:
        register_kolada(server)
        fetch_kolada(snapshot, server)
    got = series_rows(external)
    got = got[got["kpi"] != "N00914"]  # retired: carried over, every year
    knivsta = got[got["municipality"] == "0330"]
    assert set(knivsta["period"]) == {"2002", "2021", "2022"}
    assert not (
        (got["kpi"] == "N01951") & (got["period"] == "2001") & (got["municipality"] == "0330")
    ).any()
    commuting = got[got["kpi"] == "N02276"]
    assert set(commuting["municipality"]) == {"0330", "1427"}
    assert (got["value"] != "").all()


def test_a_retired_kpi_keeps_its_shipped_rows(snapshot):
    _, _, external = snapshot
    with ReplayServer() as server:
        register_kolada(server)
        fetch_kolada(snapshot, server)
    got = series_rows(external)
    rams = got[got["kpi"] == "N00914"].reset_index(drop=True)
    shipped = series_rows(paths.KOLADA)
    shipped = shipped[shipped["kpi"] == "N00914"].reset_index(drop=True)
    pd.testing.assert_frame_equal(rams, shipped)
    catalogue = pd.read_csv(external / "kolada_kpis.csv", dtype=str).set_index("kpi")
    assert catalogue.at["N00914", "retired"] == "true"
    assert catalogue.at["N02267", "retired"] == "false"
    assert catalogue.at["N02267", "first_period"] == "2021"  # the years that were asked for
    assert "N00914" in manifest.read(external)["kolada_values.csv"]["note"]


@pytest.mark.parametrize(
    "failure",
    [Reply.file("scb/problem_503.json", 503), Reply(200, b'{"values": [{"kpi": "N02228", "mun')],
    ids=["503", "cut-off body"],
)
def test_a_failure_halfway_leaves_no_refresh(snapshot, failure):
    """The first KPI segment's two pages arrive, the second segment fails: nothing is kept,
    not even the folder, and the shipped series is what the report reads."""
    public, barometer, external = snapshot
    data = snapshot[0].parents[1]
    before, tree = digest(public), folders(data)
    with ReplayServer() as server:
        register_kolada(server)
        server.add("GET", "/kolada/v3/data/kpi/N02228,.*", failure)
        with pytest.raises(FetchError) as error:
            refresh.run("kolada", kolada_settings(server, retries=1), *snapshot)
        pages = [r for r in server.requests if r.path.startswith("/kolada/v3/data/kpi/N01951")]
    assert len(pages) == 2  # the first segment was fetched in full before the failure
    assert "Kolada" in str(error.value) and "oförändrat" in str(error.value)
    assert digest(public) == before and folders(data) == tree
    assert not external.exists()


def test_a_failed_refresh_keeps_the_earlier_one(snapshot):
    _, _, external = snapshot
    with ReplayServer() as server:
        register_kolada(server)
        fetch_kolada(snapshot, server)
    before = digest(external / "kolada_values.csv")
    with ReplayServer() as server:
        register_kolada(server)
        server.add("GET", "/kolada/v3/data/kpi/N02228,.*", Reply.file("scb/problem_503.json", 503))
        with pytest.raises(FetchError):
            refresh.run("kolada", kolada_settings(server, retries=0), *snapshot)
    assert digest(external / "kolada_values.csv") == before
    assert manifest.verify(external) == []


def test_only_one_source_touches_nothing_else(snapshot):
    public, barometer, external = snapshot
    before = digest(public) | digest(barometer)
    with ReplayServer() as server:
        register_kolada(server)
        fetch_kolada(snapshot, server)
        assert not [r for r in server.requests if r.path.startswith(("/scb", "/af"))]
    after = digest(public) | digest(barometer)
    assert {k: v for k, v in after.items() if k.startswith("raw/")} == {
        k: v for k, v in before.items() if k.startswith("raw/")
    }
    assert sorted(manifest.files(external)) == ["kolada_kpis.csv", "kolada_values.csv"]


def test_429_then_success_waits_and_goes_on(snapshot):
    public, barometer, _ = snapshot
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
    public, barometer, _ = snapshot
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
    external: Path,
    server: ReplayServer,
    source_word: str,
    only: str | None = None,
    **options,
) -> str:
    data = public.parents[1]
    before, tree = digest(public), folders(data)
    with pytest.raises(FetchError) as failure:
        refresh.run(only, settings(server, **options), public, barometer, external)
    message = str(failure.value)
    assert source_word in message and "oförändrat" in message
    assert digest(public) == before and folders(data) == tree
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
        server.add("GET", "/kolada/v3/kpi/N00914,.*", Reply.file("kolada/kpi_malformed.json"))
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
    public, barometer, _ = snapshot
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
    public, barometer, _ = snapshot
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
