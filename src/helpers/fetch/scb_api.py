"""SCB's Statistikdatabasen through PxWebApi v2: find a table, read its variables, fetch data.

Tables are named by what they are (:class:`TableSpec`): the old v1 path, the v2 id when known,
and the search words that find it through ``/tables`` when not. Variable codes are never
assumed: ``/metadata`` tells which variable is the region (``Region`` in most tables,
``Kommun`` in the commuting table), which is time and which the contents, and the others
are matched by their Swedish label (``kön``, ``ålder``, ``näringsgren`` ...). Data is always
asked for as json-stat2 (the default would be PX) and split into calls below the cell limit.
Calls keep to 30 per 10 s (lowered if ``/config`` says less); 429 and 403 (how the older v1
API says "too many calls") are retried after a pause.

    >>> expand("FROM(2022)", ["2020", "2021", "2022", "2023"])
    ['2022', '2023']
    >>> expand("TOP(2)", ["2020", "2021", "2022", "2023"], time=True)
    ['2022', '2023']
"""

from __future__ import annotations

import fnmatch
import math
import re
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from helpers.common.errors import FetchError
from helpers.fetch import jsonstat
from helpers.fetch.http_client import HttpClient, HttpStatusError, RateLimit
from helpers.stats.snapshot import TableSpec

BASE_URL = "https://statistikdatabasen.scb.se/api/v2"
#: Published limits of the v2 API (``GET /config`` may lower them).
MAX_CELLS = 150_000
CALLS_PER_WINDOW, WINDOW_SECONDS = 30, 10.0
#: Labels that mark a variable's total, used when a variable cannot be left out.
TOTAL_WORDS = ("totalt", "samtliga", "total", "alla")


@dataclass(frozen=True)
class Variable:
    """One variable of a table, as its metadata describes it."""

    code: str
    label: str
    values: list[str]
    texts: dict[str, str]
    elimination: bool = False
    elimination_code: str | None = None
    role: str | None = None


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: ``Kön`` and ``Kon`` compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def expand(expression: str, codes: Sequence[str], time: bool = False) -> list[str]:
    """The value codes a PxWeb selection expression picks from ``codes`` (in table order).

    ``*`` and ``?`` wildcards, ``TOP(n[,offset])`` (for time: the latest n),
    ``BOTTOM(n[,offset])``, ``FROM(x)``, ``TO(x)``, ``RANGE(x,y)``; anything else is a code.
    """
    codes = list(codes)
    match = re.fullmatch(r"\s*(TOP|BOTTOM|FROM|TO|RANGE)\((.*)\)\s*", expression, re.IGNORECASE)
    if match:
        kind, args = match.group(1).upper(), [a.strip() for a in match.group(2).split(",")]
        if kind in ("TOP", "BOTTOM"):
            count, offset = int(args[0]), int(args[1]) if len(args) > 1 else 0
            ordered = codes[::-1] if (kind == "TOP") == time else codes
            picked = set(ordered[offset : offset + count])
            return [code for code in codes if code in picked]
        try:
            start = codes.index(args[0]) if kind in ("FROM", "RANGE") else 0
            end = codes.index(args[-1]) if kind in ("TO", "RANGE") else len(codes) - 1
        except ValueError:
            return []
        return codes[start : end + 1]
    if "*" in expression or "?" in expression:
        return [code for code in codes if fnmatch.fnmatchcase(code, expression)]
    return [expression] if expression in codes else []


class ScbApi:
    """A client for SCB's PxWebApi v2, on top of :class:`~helpers.fetch.http_client.HttpClient`."""

    def __init__(self, client: HttpClient, *, lang: str = "sv", max_cells: int = MAX_CELLS):
        self.client = client
        self.lang = lang
        self.max_cells = max_cells

    @classmethod
    def connect(
        cls,
        base_url: str = BASE_URL,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> ScbApi:
        """A client that keeps under SCB's published rate limit (options go to HttpClient)."""
        rate = RateLimit(CALLS_PER_WINDOW, WINDOW_SECONDS, clock=clock, sleep=sleep)
        # v1 answers 403 when called too often, and v2 may too: both are worth another try.
        statuses = frozenset({403, 429, 500, 502, 503, 504})
        client = HttpClient(
            base_url, name="SCB", rate=rate, retry_statuses=statuses, sleep=sleep, **options
        )
        return cls(client)

    def configure(self) -> dict[str, Any]:
        """Read ``/config`` and keep under the limits it states (never above the published)."""
        config = self.client.get_json("/config")
        cells = config.get("maxDataCells")
        if isinstance(cells, int) and cells > 0:
            self.max_cells = min(self.max_cells, cells)
        calls, window = config.get("maxCallsPerTimeWindow"), config.get("timeWindow")
        rate = self.client.rate
        # Stay within both the published limit and the one the server states.
        if (
            rate
            and isinstance(calls, int)
            and isinstance(window, int | float)
            and calls > 0
            and calls / window < rate.calls / rate.seconds
        ):
            rate.calls, rate.seconds = calls, float(window)
        return config

    def search(self, query: str) -> list[dict[str, Any]]:
        """Tables whose metadata matches ``query`` (first 100 hits), as ``/tables`` lists them."""
        answer = self.client.get_json(
            "/tables", {"query": query, "lang": self.lang, "pageSize": 100}
        )
        if not isinstance(answer, dict) or not isinstance(answer.get("tables"), list):
            raise FetchError(f"SCB: oväntat svar från /tables för sökningen '{query}'.")
        return answer["tables"]

    def resolve(self, spec: TableSpec) -> str:
        """The v2 table id: the known one, or the table ``/tables`` finds in the v1 folder."""
        if spec.table_id:
            return spec.table_id
        candidates = []
        for table in self.search(spec.query):
            folders = {step.get("id") for path in table.get("paths") or [] for step in path}
            names = [_fold(name) for name in table.get("variableNames") or []]
            if spec.folder not in folders or table.get("discontinued"):
                continue
            if not all(any(n.startswith(_fold(v)) for n in names) for v in spec.variables):
                continue
            first = str(table.get("firstPeriod") or "")
            if spec.first_period_from and first[:4] < spec.first_period_from:
                continue
            candidates.append(table)
        if not candidates:
            raise FetchError(
                f"SCB: hittade ingen tabell för {spec.title} ({spec.v1_path}) "
                f"genom sökningen '{spec.query}'."
            )
        # The most recently updated table in the folder is the one that continues the series.
        best = max(
            candidates, key=lambda t: (str(t.get("lastPeriod") or ""), str(t.get("updated") or ""))
        )
        return str(best["id"])

    def metadata(self, table_id: str) -> list[Variable]:
        """The table's variables from ``/tables/{id}/metadata`` (json-stat2)."""
        meta = self.client.get_json(f"/tables/{table_id}/metadata", {"lang": self.lang})
        try:
            ids, dimensions = meta["id"], meta["dimension"]
        except (KeyError, TypeError):
            raise FetchError(f"SCB: metadata för {table_id} saknar variabler.") from None
        roles = {dim: role for role, dims in (meta.get("role") or {}).items() for dim in dims}
        variables = []
        for code in ids:
            dimension = dimensions[code]
            category = dimension.get("category", {})
            index = category.get("index") or {}
            values = list(index) if isinstance(index, list) else sorted(index, key=index.get)
            extension = dimension.get("extension") or {}
            variables.append(
                Variable(
                    code=code,
                    label=str(dimension.get("label", code)),
                    values=values,
                    texts={k: str(v) for k, v in (category.get("label") or {}).items()},
                    elimination=bool(extension.get("elimination", False)),
                    elimination_code=extension.get("eliminationValueCode"),
                    role=roles.get(code),
                )
            )
        return variables

    @staticmethod
    def find(variables: list[Variable], key: str) -> Variable | None:
        """The variable a spec key names: a role (region/time/contents) or a label start."""
        role = {"region": "geo", "time": "time", "contents": "metric"}.get(key)
        if role:
            for variable in variables:
                if variable.role == role:
                    return variable
            fallback = {
                "geo": ("region", "kommun", "lan"),
                "time": ("tid", "ar"),
                "metric": ("contentscode", "tabellinnehall"),
            }[role]
            for variable in variables:
                if _fold(variable.code) in fallback or _fold(variable.label) in fallback:
                    return variable
            return None
        wanted = _fold(key)
        for variable in variables:
            if _fold(variable.label).startswith(wanted) or _fold(variable.code).startswith(wanted):
                return variable
        return None

    def selection(
        self, table_id: str, variables: list[Variable], wanted: Mapping[str, Sequence[str]]
    ) -> dict[str, list[str]]:
        """Variable code → value codes/expressions to send; checks every code exists."""
        chosen: dict[str, list[str]] = {}
        for key, values in wanted.items():
            variable = self.find(variables, key)
            if variable is None:
                raise FetchError(
                    f"SCB: tabell {table_id} har ingen variabel för '{key}' "
                    f"(variabler: {', '.join(v.code for v in variables)})."
                )
            for value in values:
                if not expand(value, variable.values, time=variable.role == "time"):
                    raise FetchError(
                        f"SCB: tabell {table_id}, variabel {variable.code}: "
                        f"värdet '{value}' finns inte."
                    )
            chosen[variable.code] = list(values)
        for variable in variables:
            if variable.code in chosen or variable.elimination:
                continue  # eliminated variables are summed by SCB
            if variable.elimination_code:
                chosen[variable.code] = [variable.elimination_code]
                continue
            totals = [
                c
                for c in variable.values
                if _fold(variable.texts.get(c, c)).startswith(TOTAL_WORDS)
            ]
            if len(totals) != 1:
                raise FetchError(
                    f"SCB: tabell {table_id} kräver ett val för variabeln "
                    f"{variable.code} ({variable.label})."
                )
            chosen[variable.code] = totals
        return chosen

    def _chunks(
        self, variables: list[Variable], chosen: dict[str, list[str]]
    ) -> Iterator[dict[str, list[str]]]:
        """Split the selection so no call asks for more than ``max_cells`` cells."""
        by_code = {v.code: v for v in variables}
        expanded = {
            code: [
                c
                for value in values
                for c in expand(value, by_code[code].values, time=by_code[code].role == "time")
            ]
            for code, values in chosen.items()
        }
        cells = math.prod(len(codes) for codes in expanded.values())
        if cells <= self.max_cells:
            yield chosen
            return
        largest = max(expanded, key=lambda code: len(expanded[code]))
        others = cells // len(expanded[largest])
        if others > self.max_cells:
            # Even one value of the largest variable is too much: split it fully and recurse.
            for code in expanded[largest]:
                yield from self._chunks(variables, {**chosen, largest: [code]})
            return
        step = max(1, self.max_cells // others)
        codes = list(dict.fromkeys(expanded[largest]))
        for start in range(0, len(codes), step):
            yield {**chosen, largest: codes[start : start + step]}

    def data(
        self,
        table_id: str,
        variables: list[Variable],
        chosen: dict[str, list[str]],
        progress_label: str = "",
    ) -> pd.DataFrame:
        """POST the selection (json-stat2), in as many calls as the cell limit needs."""
        parts = list(self._chunks(variables, chosen))
        frames = []
        for number, part in enumerate(parts, start=1):
            if len(parts) > 1:
                self.client.progress(
                    f"SCB: {progress_label or table_id} del {number} av {len(parts)}"
                )
            body = {
                "selection": [
                    {"variableCode": code, "valueCodes": values} for code, values in part.items()
                ]
            }
            payload = self.client.post_json(
                f"/tables/{table_id}/data", body, {"lang": self.lang, "outputFormat": "json-stat2"}
            )
            try:
                frames.append(jsonstat.decode(payload))
            except jsonstat.JsonStatError as error:
                raise FetchError(
                    f"SCB: svaret för tabell {table_id} är inte json-stat2 ({error})."
                ) from None
        return pd.concat(frames, ignore_index=True)

    def fetch(self, spec: TableSpec, regions: Sequence[str]) -> tuple[str, pd.DataFrame]:
        """Resolve, read metadata, select and fetch one table; columns named as the spec says.

        Returns the v2 table id and a tidy table: ``region``, ``year``, ``measure`` (+
        ``measure_text``), one column per selected variable (+ ``_text``), ``value``,
        ``status``, ``table_id`` and ``series``.
        """
        table_id = self.resolve(spec)
        try:
            variables = self.metadata(table_id)
        except HttpStatusError as error:
            if error.status != 404 or not spec.table_id:
                raise
            # A known id that SCB has retired: find the table that replaced it.
            table_id = self.resolve(replace(spec, table_id=None))
            variables = self.metadata(table_id)
        region = self.find(variables, "region")
        if region is None:
            raise FetchError(f"SCB: tabell {table_id} har ingen regionvariabel.")
        missing = [code for code in regions if code not in region.values]
        if missing:
            raise FetchError(f"SCB: tabell {table_id} saknar regionerna {', '.join(missing[:5])}.")
        chosen = self.selection(table_id, variables, {"region": list(regions), **spec.select})
        table = self.data(table_id, variables, chosen, progress_label=spec.name)
        names = {"region": "region", "time": "year", "contents": "measure", **spec.columns}
        renames: dict[str, str] = {}
        for key, name in names.items():
            variable = self.find(variables, key)
            if variable is not None and variable.code in table.columns:
                renames[variable.code] = name
                renames[f"{variable.code}_text"] = f"{name}_text"
        table = table.rename(columns=renames).drop(columns=["region_text"], errors="ignore")
        table["table_id"] = table_id
        table["series"] = spec.series
        return table_id, table
