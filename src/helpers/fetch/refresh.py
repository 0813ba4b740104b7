"""``make fetch``: refresh the statistics snapshot from SCB, Kolada and Arbetsförmedlingen.

Every source is fetched into a *staging copy* of the snapshot folders
(``data/raw/public/``, ``data/raw/yrkesbarometer/``); the manifest is rewritten there, and
only when every chosen source has succeeded are the copies swapped in (two renames per
folder). A failed or partial fetch throws the copies away: the old snapshot stays byte for
byte as it was, and the error names the source that failed. No key, no account.

    $ lka fetch                       # everything
    $ lka fetch --only kolada         # one source
    $ lka fetch --base-url http://127.0.0.1:8000   # a local replay server (tests)

With ``--base-url`` the three sources are looked for under ``/scb/api/v2``, ``/kolada/v3``
and ``/af/prognoser/yrkesbarometer.json`` of that server.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.common.errors import FetchError
from helpers.config import paths, regions
from helpers.fetch import kolada as kolada_api
from helpers.fetch import scb_api
from helpers.fetch.http_client import HttpClient, stderr_progress
from helpers.stats import kolada, manifest, snapshot, yrkesbarometer

SOURCES = ("scb", "kolada", "yrkesbarometer")
SOURCE_NAMES = {
    "scb": "SCB",
    "kolada": "Kolada",
    "yrkesbarometer": "Arbetsförmedlingen (Yrkesbarometern)",
}


@dataclass
class Settings:
    """Where to fetch from and how patiently; tests shorten the waits and the region list."""

    scb_url: str = scb_api.BASE_URL
    kolada_url: str = kolada_api.BASE_URL
    barometer_url: str = yrkesbarometer.URL
    #: Municipalities to fetch (default: all 290, so any area's report works).
    municipalities: tuple[str, ...] | None = None
    kolada_years: tuple[int, ...] | None = None
    timeout: float = 60.0
    retries: int = 4
    backoff: float = 2.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    progress: Callable[[str], None] = stderr_progress
    today: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def for_base_url(cls, base_url: str, **options: object) -> Settings:
        """All three sources under one server (a local replay server in tests)."""
        base = base_url.rstrip("/")
        return cls(
            scb_url=f"{base}/scb/api/v2",
            kolada_url=f"{base}/kolada/v3",
            barometer_url=f"{base}/af/prognoser/yrkesbarometer.json",
            **options,
        )  # type: ignore[arg-type]

    @property
    def codes(self) -> tuple[str, ...]:
        return self.municipalities or tuple(regions.all_codes())

    def client_options(self) -> dict[str, object]:
        return {
            "timeout": self.timeout,
            "retries": self.retries,
            "backoff": self.backoff,
            "progress": self.progress,
        }


@dataclass(frozen=True)
class Fetched:
    """What one source stored: snapshot folder → file names."""

    source: str
    files: dict[str, list[str]]


def _years(table: pd.DataFrame, column: str = "year") -> str:
    years = sorted(str(y) for y in table[column].dropna().unique())
    if not years:
        return ""
    return years[0] if len(years) == 1 else f"{years[0]}-{years[-1]}"


def fetch_scb(settings: Settings, public: Path) -> dict[str, dict[str, str]]:
    """Every table in :data:`snapshot.SCB_TABLES`, one CSV each; returns manifest entries."""
    api = scb_api.ScbApi.connect(
        settings.scb_url, sleep=settings.sleep, clock=settings.clock, **settings.client_options()
    )  # type: ignore[arg-type]
    api.configure()
    entries = {}
    for number, spec in enumerate(snapshot.SCB_TABLES, start=1):
        settings.progress(f"SCB: {spec.title} ({number} av {len(snapshot.SCB_TABLES)})")
        table_id, table = api.fetch(spec, settings.codes)
        if table.empty:
            raise FetchError(f"SCB: tabell {table_id} gav inga värden.")
        name = snapshot.scb_file(spec.name)
        table.to_csv(public / name, index=False)
        entries[name] = {
            "source": f"SCB, {spec.title[0].lower()}{spec.title[1:]}",
            "table_id": f"{table_id} ({spec.v1_path})",
            "years": _years(table),
            "origin": f"{settings.scb_url}/tables/{table_id}/data",
            "retrieved": settings.today.isoformat(),
            "note": spec.note,
        }
    return entries


def _kolada_ids(settings: Settings) -> list[str]:
    counties = sorted({regions.county_of(code) for code in settings.codes})
    if settings.municipalities is None:
        counties = sorted(regions.counties()["code"])
    return [*settings.codes, *(kolada.kolada_id(c) for c in counties), kolada.RIKET]


def fetch_kolada(settings: Settings, public: Path) -> dict[str, dict[str, str]]:
    """The KPIs in :data:`snapshot.KOLADA_KPIS` that Kolada still publishes."""
    api = kolada_api.KoladaApi.connect(
        settings.kolada_url, sleep=settings.sleep, clock=settings.clock, **settings.client_options()
    )  # type: ignore[arg-type]
    published = api.catalogue()
    kpis = [kpi for kpi in snapshot.KOLADA_KPIS if kpi in published]
    retired = [kpi for kpi in snapshot.KOLADA_KPIS if kpi not in published]
    if retired:
        settings.progress(f"Kolada: publicerar inte längre {', '.join(retired)}; hoppar över.")
    if kolada.POPULATION_KPI not in kpis:
        raise FetchError(
            f"Kolada: befolkningen ({kolada.POPULATION_KPI}) saknas i /kpi; "
            "utan den kan gruppvärden inte vägas."
        )
    last = settings.today.year - 1
    years = settings.kolada_years or tuple(range(last - snapshot.KOLADA_YEARS + 1, last + 1))
    table = api.values(kpis, _kolada_ids(settings), years)
    if table.empty:
        raise FetchError("Kolada: inga värden för de valda nyckeltalen.")
    table.to_csv(public / snapshot.KOLADA_VALUES, index=False)
    return {
        snapshot.KOLADA_VALUES: {
            "source": "Kolada (RKA), kommunala nyckeltal",
            "table_id": "/v3/data/kpi",
            "years": _years(table, "period"),
            "origin": f"{settings.kolada_url}/data/kpi",
            "retrieved": settings.today.isoformat(),
            "note": f"utgångna nyckeltal: {', '.join(retired)}" if retired else "",
        }
    }


def fetch_barometer(settings: Settings, folder: Path) -> dict[str, dict[str, str]]:
    """The complete Yrkesbarometer file, stored as fetched once it reads as the barometer."""
    client = HttpClient(
        settings.barometer_url,
        name="Arbetsförmedlingen",
        sleep=settings.sleep,
        **settings.client_options(),
    )  # type: ignore[arg-type]
    settings.progress("Arbetsförmedlingen: Yrkesbarometern")
    body = client.get_bytes("")
    try:
        parsed = yrkesbarometer.validate(json.loads(body.decode("utf-8-sig")))
        rounds = sorted({str(r.get("omgang")) for r in parsed if r.get("omgang")})
    except (UnicodeDecodeError, ValueError) as error:
        raise FetchError(
            f"Arbetsförmedlingen: {settings.barometer_url} gav ingen läsbar "
            f"yrkesbarometer ({error})."
        ) from None
    (folder / snapshot.BAROMETER_FULL).write_bytes(body)
    return {
        snapshot.BAROMETER_FULL: {
            "source": "Arbetsförmedlingen, Yrkesbarometern (CC0)",
            "years": ", ".join(rounds),
            "origin": settings.barometer_url,
            "retrieved": settings.today.isoformat(),
        }
    }


def _leftovers(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.parent.glob(f".{folder.name}.{kind}-*"))


def recover(folders: Sequence[Path]) -> None:
    """Undo a swap that was cut off between its two renames, and drop stale staging copies."""
    for folder in folders:
        olds = _leftovers(folder, "old")
        if not folder.exists() and olds:
            os.replace(olds[-1], folder)
        for stale in _leftovers(folder, "old") + _leftovers(folder, "staging"):
            shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def staged(folders: Sequence[Path]) -> Iterator[list[Path]]:
    """Copies of ``folders`` to write into; swapped in only if the block ends without error."""
    recover(folders)
    copies: list[Path] = []
    try:
        for folder in folders:
            copy = folder.parent / f".{folder.name}.staging-{os.getpid()}"
            shutil.copytree(folder, copy)
            copies.append(copy)
        yield copies
        olds = []
        for folder, copy in zip(folders, copies, strict=True):
            old = folder.parent / f".{folder.name}.old-{os.getpid()}"
            os.replace(folder, old)
            os.replace(copy, folder)
            olds.append(old)
        for old in olds:
            shutil.rmtree(old)
    finally:
        for copy in copies:
            shutil.rmtree(copy, ignore_errors=True)


def run(
    only: str | None = None,
    settings: Settings | None = None,
    public: Path | None = None,
    barometer: Path | None = None,
) -> list[Fetched]:
    """Fetch the chosen sources (default all) and swap the refreshed snapshot in."""
    settings = settings or Settings()
    chosen = [only] if only else list(SOURCES)
    unknown = [name for name in chosen if name not in SOURCES]
    if unknown:
        raise FetchError(f"Okänd källa '{unknown[0]}'. Välj en av: {', '.join(SOURCES)}.")
    folders = [public or paths.PUBLIC, barometer or paths.YRKESBAROMETER]
    done: list[Fetched] = []
    with staged(folders) as (public_copy, barometer_copy):
        for source in chosen:
            target = barometer_copy if source == "yrkesbarometer" else public_copy
            fetcher = {"scb": fetch_scb, "kolada": fetch_kolada, "yrkesbarometer": fetch_barometer}[
                source
            ]
            try:
                entries = fetcher(settings, target)
            except FetchError as error:
                raise FetchError(
                    f"{error} Hämtningen avbröts; underlaget är oförändrat."
                ) from error
            except (KeyError, TypeError, ValueError) as error:  # an answer in a shape we
                raise FetchError(  # did not expect
                    f"{SOURCE_NAMES[source]}: oväntat svar ({type(error).__name__}: {error})."
                    " Hämtningen avbröts; underlaget är oförändrat."
                ) from error
            manifest.update(target, entries)
            folder = folders[1] if source == "yrkesbarometer" else folders[0]
            done.append(Fetched(source, {str(folder): sorted(entries)}))
        settings.progress("Alla källor hämtade; byter till det nya underlaget.")
    return done
