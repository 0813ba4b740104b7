"""Kolada's v3 API: the KPI catalogue and data, paged and segmented, as the snapshot's table.

Kolada answers at most 25 ids per path segment and 5 000 rows per page; the client splits
ids into segments and follows ``next_url`` (some deployments say ``next_page``). Kolada
retires KPIs without notice, so ids are checked against ``/v3/kpi`` before asking for data.
What it returns is the snapshot's table (``helpers.stats.kolada.as_table``), so a fetched
snapshot and the shipped one are read the same way.

    >>> segments([str(n) for n in range(30)], 25)[1]
    '25,26,27,28,29'
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import pandas as pd

from helpers.common.errors import FetchError
from helpers.fetch.http_client import HttpClient, RateLimit
from helpers.stats.kolada import as_table

BASE_URL = "https://api.kolada.se/v3"
MAX_IDS = 25
PER_PAGE = 5000


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

    def catalogue(self) -> set[str]:
        """The ids of every KPI Kolada publishes now."""
        ids = set()
        for page in self.pages("/kpi", {"per_page": PER_PAGE}):
            ids.update(str(item["id"]) for item in page["values"] if "id" in item)
        if not ids:
            raise FetchError("Kolada: /kpi gav inga nyckeltal.")
        return ids

    def values(
        self, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
    ) -> pd.DataFrame:
        """Values for every KPI × municipality × year, one row per gender (T, K, M)."""
        rows: list[dict[str, Any]] = []
        year_segments = segments([str(y) for y in years])
        calls = [
            (k, m, y)
            for k in segments(list(kpis))
            for m in segments(list(municipalities))
            for y in year_segments
        ]
        for number, (kpi_part, muni_part, year_part) in enumerate(calls, start=1):
            self.client.progress(f"Kolada: nyckeltal del {number} av {len(calls)}")
            path = f"/data/kpi/{kpi_part}/municipality/{muni_part}/year/{year_part}"
            for page in self.pages(path, {"per_page": PER_PAGE}):
                rows.extend(tidy_rows(page["values"]))
        return as_table(rows)


def tidy_rows(values: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Kolada's nested ``values`` as flat rows (``value`` None stays missing)."""
    for item in values:
        for cell in item.get("values") or []:
            yield {
                "kpi": str(item.get("kpi")),
                "municipality": str(item.get("municipality")),
                "period": int(item.get("period")),
                "gender": str(cell.get("gender", "T")),
                "value": cell.get("value"),
                "count": cell.get("count"),
                "status": cell.get("status") or "",
            }
