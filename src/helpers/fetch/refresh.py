"""``make fetch``: refresh the statistics snapshot from SCB, Kolada and Arbetsförmedlingen.

Every source is fetched into a *staging copy* of its snapshot folder (SCB's tables:
``data/raw/public/``; the barometer: ``data/raw/yrkesbarometer/``; Kolada's series: its
refresh folder ``data/external/kolada/``, beside the shipped ``data/raw/kolada/``, which a
fetch never touches); the manifest is rewritten there, and
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


def fetch_kolada(settings: Settings, folder: Path) -> dict[str, dict[str, str]]:
    """The Kolada series (``snapshot.KOLADA_SERIES``) for every municipality, county and
    Sweden, every year from ``kolada_api.FIRST_YEAR``, into ``folder``."""
    api = kolada_api.KoladaApi.connect(
        settings.kolada_url, sleep=settings.sleep, clock=settings.clock, **settings.client_options()
    )  # type: ignore[arg-type]
    counties = sorted({regions.county_of(code) for code in settings.codes})
    if settings.municipalities is None:
        counties = sorted(regions.counties()["code"])
    years = settings.kolada_years or tuple(range(kolada_api.FIRST_YEAR, settings.today.year + 1))
    retired = kolada_api.refresh(
        api, folder, settings.codes, counties, years, shipped=kolada.SOURCE.shipped
    )
    if retired:
        settings.progress(
            f"Kolada: publicerar inte längre {', '.join(retired)}; behåller de levererade värdena."
        )
    fetched = pd.read_csv(folder / kolada.VALUES_FILE, usecols=["period"])
    common = {
        "years": _years(fetched, "period"),
        "origin": f"{settings.kolada_url}/data/kpi",
        "retrieved": settings.today.isoformat(),
    }
    note = (
        f"utgångna nyckeltal, värdena från det levererade underlaget: {', '.join(retired)}"
        if retired
        else ""
    )
    return {
        kolada.VALUES_FILE: {
            **common,
            "source": "Kolada (RKA), källa SCB och Arbetsförmedlingen",
            "table_id": "/v3/data/kpi",
            "note": note,
        },
        kolada.KPIS_FILE: {
            **common,
            "source": "Kolada (RKA), nyckeltalens beskrivningar",
            "table_id": "/v3/kpi",
            "origin": f"{settings.kolada_url}/kpi",
        },
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
    made: list[Path] = []  # parent folders a first refresh had to make (data/external/)
    swapped = False
    try:
        for folder in folders:
            copy = folder.parent / f".{folder.name}.staging-{os.getpid()}"
            if folder.exists():
                shutil.copytree(folder, copy)
            else:  # a first refresh: the folder appears only when everything succeeded
                made += [p for p in reversed(copy.parents) if not p.exists() and p not in made]
                copy.mkdir(parents=True)
            copies.append(copy)
        yield copies
        olds = []
        for folder, copy in zip(folders, copies, strict=True):
            old = folder.parent / f".{folder.name}.old-{os.getpid()}"
            if folder.exists():
                os.replace(folder, old)
                olds.append(old)
            os.replace(copy, folder)
        swapped = True
        for old in olds:
            shutil.rmtree(old)
    finally:
        for copy in copies:
            shutil.rmtree(copy, ignore_errors=True)
        if not swapped:  # leave no empty folder behind a failed first refresh
            for parent in reversed(made):
                if parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()


def run(
    only: str | None = None,
    settings: Settings | None = None,
    public: Path | None = None,
    barometer: Path | None = None,
    kolada_folder: Path | None = None,
) -> list[Fetched]:
    """Fetch the chosen sources (default all) and swap the refreshed snapshot in.

    SCB's tables go to ``public`` (``data/raw/public/``), the barometer to ``barometer``, and
    Kolada's series to ``kolada_folder`` (its refresh folder, ``data/external/kolada/``).
    """
    settings = settings or Settings()
    chosen = [only] if only else list(SOURCES)
    unknown = [name for name in chosen if name not in SOURCES]
    if unknown:
        raise FetchError(f"Okänd källa '{unknown[0]}'. Välj en av: {', '.join(SOURCES)}.")
    folders = [public or paths.PUBLIC, barometer or paths.YRKESBAROMETER]
    if "kolada" in chosen:
        folders.append(kolada_folder or kolada.SOURCE.refreshed)
    done: list[Fetched] = []
    with staged(folders) as copies:
        for source in chosen:
            index = {"scb": 0, "yrkesbarometer": 1, "kolada": 2}[source]
            target = copies[index]
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
            done.append(Fetched(source, {str(folders[index]): sorted(entries)}))
        settings.progress("Alla källor hämtade; byter till det nya underlaget.")
    return done
