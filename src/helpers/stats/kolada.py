"""Kolada (RKA) key figures: the v3 API client, the snapshot table and weighted group values.

Kolada answers at most 25 ids per path segment and 5 000 rows per page; the client splits
ids into segments and follows ``next_url`` (some deployments say ``next_page``). Kolada
retires KPIs without notice, so ids are checked against ``/v3/kpi`` before asking for data.

Group values are never Kolada's own group means (``G96180`` "Fyrbodal (ovägt medel)" is the
*unweighted* mean of its members): an area or region of several municipalities gets the
population-weighted mean of its members' values; a county and Sweden get Kolada's own
figures for the county (``00NN``) and the country (``0000``), which are computed from totals.

    >>> values = pd.DataFrame({"kpi": ["N03937"] * 2, "municipality": ["1488", "1487"],
    ...                        "period": [2024, 2024], "value": [10.0, 6.0]})
    >>> weights = pd.DataFrame({"municipality": ["1488", "1487"], "period": [2024, 2024],
    ...                         "weight": [3.0, 1.0]})
    >>> weighted(values, weights, ["1488", "1487"])["value"].item()
    9.0
"""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.common.errors import FetchError
from helpers.config import paths, regions
from helpers.config.params import Area
from helpers.fetch.http_client import HttpClient, RateLimit

BASE_URL = "https://api.kolada.se/v3"
MAX_IDS = 25
PER_PAGE = 5000
RIKET = "0000"
#: Kolada's total population (31 Dec), the weight for group values.
POPULATION_KPI = "N01951"
VALUES_FILE = "kolada_values.csv"
CATALOGUE_FILE = "kolada_kpi_catalogue.csv"
COLUMNS = ["kpi", "municipality", "period", "gender", "value", "count", "status"]


def segments(ids: Sequence[str], size: int = MAX_IDS) -> list[str]:
    """Comma-joined path segments of at most ``size`` ids each.

    >>> segments([str(n) for n in range(30)], 25)[1]
    '25,26,27,28,29'
    """
    return [",".join(ids[start : start + size]) for start in range(0, len(ids), size)]


def kolada_id(county: str) -> str:
    """Kolada's id for a county (``'14'`` → ``'0014'``)."""
    return county.zfill(4)


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


def as_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as the snapshot table: codes as strings, numbers as floats, no duplicates."""
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["value"] = pd.to_numeric(table["value"], errors="coerce").astype(float)
    table["count"] = pd.to_numeric(table["count"], errors="coerce").astype("Int64")
    table["period"] = table["period"].astype(int)
    return (
        table.drop_duplicates(["kpi", "municipality", "period", "gender"])
        .sort_values(["kpi", "municipality", "period", "gender"])
        .reset_index(drop=True)
    )


def load_values(folder: Path | None = None) -> pd.DataFrame | None:
    """The fetched Kolada values in the snapshot, or None when there are none."""
    path = (folder or paths.PUBLIC) / VALUES_FILE
    if not path.exists():
        return None
    table = pd.read_csv(
        path,
        dtype={"kpi": str, "municipality": str, "gender": str, "status": str},
        keep_default_na=False,
        na_values={"value": [""], "count": [""]},
    )
    table["value"] = table["value"].astype(float)
    return table


def catalogue(folder: Path | None = None) -> pd.DataFrame:
    """Kolada's KPI catalogue in the snapshot: id, title, description, ..."""
    return _catalogue((folder or paths.PUBLIC) / CATALOGUE_FILE)


@lru_cache(maxsize=2)
def _catalogue(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str)


def title(kpi: str, folder: Path | None = None) -> str:
    """A KPI's title as Kolada words it (``N03937`` → "Öppet arbetslösa ...").

    >>> title("N01982")
    'Invånare 25-64 år med eftergymnasial utbildning, andel (%)'
    """
    table = catalogue(folder)
    match = table.loc[table["id"] == kpi, "title"]
    return str(match.iloc[0]) if len(match) else kpi


def weighted(values: pd.DataFrame, weights: pd.DataFrame, members: Sequence[str]) -> pd.DataFrame:
    """Population-weighted mean per KPI and period over ``members``.

    A period where any member lacks a value or a weight gives no value: a mean over part
    of the group would read as the group's.
    """
    part = values[values["municipality"].isin(members)]
    part = part.merge(weights, on=["municipality", "period"], how="left")
    rows = []
    for (kpi, period), group in part.groupby(["kpi", "period"], sort=True):
        complete = (
            set(group["municipality"]) == set(members)
            and group[["value", "weight"]].notna().all().all()
        )
        value = (
            (group["value"] * group["weight"]).sum() / group["weight"].sum()
            if complete
            else float("nan")
        )
        rows.append({"kpi": kpi, "period": period, "value": value})
    return pd.DataFrame(rows, columns=["kpi", "period", "value"])


def population_weights(table: pd.DataFrame) -> pd.DataFrame:
    """Kolada's total population per municipality and period, as weights."""
    population = table[(table["kpi"] == POPULATION_KPI) & (table["gender"] == "T")]
    return population[["municipality", "period", "value"]].rename(columns={"value": "weight"})


def for_comparisons(area: Area, kpi: str, table: pd.DataFrame, gender: str = "T") -> pd.DataFrame:
    """One KPI for the area and each comparison, by period: ``comparison, period, value``.

    Riket and the county take Kolada's own figures; one municipality its own value; an area
    or region of several municipalities the population-weighted mean of its members.
    """
    values = table[(table["kpi"] == kpi) & (table["gender"] == gender)]
    weights = population_weights(table)
    frames = []
    for comparison in area.comparisons:
        members = list(comparison.municipalities)
        own_id = None
        if set(members) == set(regions.all_codes()):
            own_id = RIKET
        elif set(members) == set(regions.county_members(area.county)):
            own_id = kolada_id(area.county)
        elif len(members) == 1:
            own_id = members[0]
        if own_id is not None:
            part = values.loc[values["municipality"] == own_id, ["kpi", "period", "value"]]
        else:
            part = weighted(values, weights, members)
        part = part.assign(comparison=comparison.name)[["comparison", "period", "value"]]
        frames.append(part)
    return pd.concat(frames, ignore_index=True)
