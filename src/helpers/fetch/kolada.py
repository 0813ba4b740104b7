"""Kolada's v3 API: KPI descriptions and data, paged and segmented, into the series' files.

Kolada answers at most 25 ids per path segment and 5 000 items per page; the client splits
ids into segments and follows the absolute ``next_url`` (Kolada's v2 called it ``next_page``,
and some clients still read that: both work). Kolada retires KPIs without notice: a KPI
``/v3/kpi/{ids}`` no longer lists is not asked for, and its shipped rows are carried over (a
retired series does not change). An item's cell with ``"value": null`` is a figure Kolada
lacks: no row. What :func:`refresh` writes is read by ``helpers.stats.kolada`` exactly as the
shipped series is (the same files, written by ``stats.kolada.write``). The source of every
field of an answer is in ``tests/fixtures/http/README.md``.

    >>> segments([str(n) for n in range(30)], 25)[1]
    '25,26,27,28,29'
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.common.errors import FetchError
from helpers.fetch.http_client import HttpClient, RateLimit
from helpers.stats import kolada, snapshot

BASE_URL = "https://api.kolada.se/v3"
MAX_IDS = 25
PER_PAGE = 5000
#: The first year a refresh asks for (the series' earliest figures are for 1994).
FIRST_YEAR = 1994


def segments(ids: Sequence[str], size: int = MAX_IDS) -> list[str]:
    """Comma-joined path segments of at most ``size`` ids each.

    >>> segments([str(n) for n in range(30)], 25)[1]
    '25,26,27,28,29'
    """
    return [",".join(ids[start : start + size]) for start in range(0, len(ids), size)]


class KoladaApi:
    """Kolada's v3 API: KPI catalogue and data, paged and segmented."""

    def __init__(self, client: HttpClient):
        self.client = client

    @classmethod
    def connect(
        cls,
        base_url: str = BASE_URL,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> KoladaApi:
        """A client that keeps to a modest pace (Kolada publishes no limit: stay polite)."""
        rate = RateLimit(10, 1.0, clock=clock, sleep=sleep)
        return cls(HttpClient(base_url, name="Kolada", rate=rate, sleep=sleep, **options))

    def pages(self, path: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Every page of a listing, following ``next_url`` or ``next_page``."""
        url: str | None = self.client.url(path, params)
        seen = set()
        while url:
            if url in seen:
                raise FetchError(f"Kolada: sidan {url} pekar tillbaka på en tidigare sida.")
            seen.add(url)
            page = self.client.get_json(url)
            if not isinstance(page, dict) or not isinstance(page.get("values"), list):
                raise FetchError(f"Kolada: oväntat svar från {url} (saknar 'values').")
            yield page
            url = self._next(url, page)

    @staticmethod
    def _next(url: str, page: dict[str, Any]) -> str | None:
        following = page.get("next_url") or page.get("next_page")
        if not following:
            return None
        if isinstance(following, int) or str(following).isdigit():
            parts = urllib.parse.urlsplit(url)
            query = dict(urllib.parse.parse_qsl(parts.query))
            query["page"] = str(following)
            return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
        return urllib.parse.urljoin(url, str(following))

    def kpis(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Kolada's description of each KPI it still lists, by id (``/v3/kpi/{ids}``)."""
        found: dict[str, dict[str, Any]] = {}
        for part in segments(list(ids)):
            for page in self.pages(f"/kpi/{part}", {"per_page": PER_PAGE}):
                found.update({str(item["id"]): item for item in page["values"] if "id" in item})
        return found

    def values(
        self, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
    ) -> pd.DataFrame:
        """Values for every KPI × Kolada id × year, one row per gender (T, K, M) with a value."""
        rows: list[dict[str, Any]] = []
        calls = [
            (k, m, y)
            for k in segments(list(kpis))
            for m in segments(list(municipalities))
            for y in segments([str(year) for year in years])
        ]
        for number, (kpi_part, muni_part, year_part) in enumerate(calls, start=1):
            self.client.progress(f"Kolada: nyckeltal del {number} av {len(calls)}")
            path = f"/data/kpi/{kpi_part}/municipality/{muni_part}/year/{year_part}"
            for page in self.pages(path, {"per_page": PER_PAGE}):
                rows.extend(tidy_rows(page["values"]))
        return kolada.as_table(rows)


def tidy_rows(values: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Kolada's nested items as flat rows (a ``null`` value stays missing, and is dropped)."""
    for item in values:
        for cell in item.get("values") or []:
            yield {
                "kpi": str(item["kpi"]),
                "municipality": str(item["municipality"]),
                "period": int(item["period"]),
                "gender": str(cell.get("gender", "T")),
                "value": cell.get("value"),
            }


def kolada_ids(municipalities: Sequence[str], counties: Sequence[str]) -> list[str]:
    """The ids to ask for: the municipalities, their counties and Sweden (``0000``).

    >>> kolada_ids(["1427", "0330"], ["14", "03"])
    ['0330', '1427', '0003', '0014', '0000']
    """
    return [*sorted(municipalities), *(kolada.kolada_id(c) for c in sorted(counties)), kolada.RIKET]


def _catalogue_row(kpi: snapshot.Kpi, about: dict[str, Any], periods: pd.Series) -> dict:
    title = str(about.get("title") or kpi.label)
    return {
        "kpi": kpi.id,
        "title": title,
        "description": str(about.get("description") or ""),
        "unit": kolada.unit(title),
        "genders": " ".join(kpi.genders),
        "first_period": int(periods.min()),
        "last_period": int(periods.max()),
        "publication_date": str(about.get("publication_date") or ""),
        "retired": "false",
    }


def refresh(
    api: KoladaApi,
    folder: Path,
    municipalities: Sequence[str],
    counties: Sequence[str],
    years: Sequence[int],
    shipped: Path,
) -> list[str]:
    """Fetch the series' KPIs into ``folder`` (the two files); returns the retired KPIs.

    A KPI Kolada still lists but has no figures for at all is an error (a changed id or a
    broken answer), not a gap; a municipality or year without figures is a gap.
    """
    wanted = sorted(kpi.id for kpi in snapshot.KOLADA_SERIES)
    about = api.kpis(wanted)
    listed = [kpi for kpi in wanted if kpi in about]
    retired = [kpi for kpi in wanted if kpi not in about]
    fetched = api.values(listed, kolada_ids(municipalities, counties), years)
    keep = {(k.id, g) for k in snapshot.KOLADA_SERIES for g in k.genders}
    fetched = fetched[
        [(k, g) in keep for k, g in zip(fetched["kpi"], fetched["gender"], strict=True)]
    ]
    empty = [kpi for kpi in listed if kpi not in set(fetched["kpi"])]
    if empty:
        raise FetchError(f"Kolada: inga värden för {', '.join(empty)}.")
    old = kolada.load(shipped)
    carried = []
    catalogue = []
    for kpi in snapshot.KOLADA_SERIES:
        if kpi.id in retired:
            carried.append(old.long(kpi.id))
            catalogue.append({**old.kpis[kpi.id], "kpi": kpi.id, "retired": "true"})
        else:
            periods = fetched.loc[fetched["kpi"] == kpi.id, "period"]
            catalogue.append(_catalogue_row(kpi, about[kpi.id], periods))
    values = pd.concat([fetched, *carried], ignore_index=True)[kolada.COLUMNS]
    kolada.write(values, pd.DataFrame(catalogue), folder)
    return retired
