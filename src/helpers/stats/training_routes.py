"""Which training routes lead to each occupation (SSYK 4), and which are required.

``data/raw/education/training_routes.csv`` is written by hand for this project from the
rules of the authorities that decide them (Skolverket's programme structure, MYH, the
examination ordinance, Socialstyrelsen's legitimation and protected title, Elsäkerhetsverket,
Transportstyrelsen, Arbetsmiljöverket, SS-EN ISO 9606); ``training_route_sources.csv`` names
each source key a row cites, and ``PROVENANCE.md`` says how the table was made.

One row per occupation and route, in the order a planner of adult education would try them
(the first usable route is the default). ``status``:

- ``krav``: the occupation is regulated or certified (``requirement`` says how), and this
  route leads to what is required: only these routes are recommended for it;
- ``väg``: a real route to an unregulated occupation;
- ``komplement``: a route that completes another (validation, a certificate course) but is
  not recommended on its own to train new staff.

    >>> [r.route for r in routes("5321")]
    ['yrkesvux', 'gymnasieprogram', 'larling', 'validering']
    >>> regulated("2221"), regulated("5120")
    (True, False)
    >>> routes("9999")
    ()
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from helpers.common.errors import InputFileError
from helpers.config import paths

ROUTES_FILE = "training_routes.csv"
SOURCES_FILE = "training_route_sources.csv"
HIGHER_EDUCATION_FILE = "higher_education.csv"

#: Route key → how it reads in the report (Swedish), in the order of the questionnaire's
#: levels from the shortest to the longest education.
ROUTE_NAMES = {
    "certifikat": "Certifikatskurs",
    "larling": "Lärlingsutbildning",
    "yrkesvux": "Yrkesvux (Komvux)",
    "gymnasieprogram": "Gymnasieprogram",
    "yh": "YH-utbildning",
    "hogskola": "Högskola",
    "validering": "Validering",
}
STATUSES = ("krav", "väg", "komplement")
COLUMNS = ["ssyk4", "occupation", "route", "status", "detail", "requirement", "source"]


@dataclass(frozen=True)
class Route:
    """One route to one occupation (a row of the table)."""

    ssyk4: str
    route: str
    status: str
    detail: str
    requirement: str
    sources: tuple[str, ...]

    @property
    def name(self) -> str:
        """The route's kind in Swedish ("Yrkesvux (Komvux)")."""
        return ROUTE_NAMES[self.route]


def _read(name: str, columns: list[str]) -> pd.DataFrame:
    path = paths.EDUCATION / name
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as exc:
        raise InputFileError(f"{path} saknas: se {path.parent / 'PROVENANCE.md'}") from exc
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputFileError(f"{path} saknar kolumnerna {', '.join(missing)}: lägg till dem")
    return table


@cache
def sources() -> dict[str, str]:
    """Source key → the source in words (``training_route_sources.csv``).

    >>> sources()["SOS-USK"][:40]
    'Socialstyrelsen, skyddad yrkestitel unde'
    """
    table = _read(SOURCES_FILE, ["key", "source"])
    return dict(zip(table["key"], table["source"], strict=True))


@cache
def _table() -> tuple[Route, ...]:
    table = _read(ROUTES_FILE, COLUMNS)
    known = sources()
    rows = []
    for number, row in enumerate(table.itertuples(index=False), start=2):
        keys = tuple(k.strip() for k in row.source.split(";") if k.strip())
        problems = []
        if not (len(row.ssyk4) == 4 and row.ssyk4.isdigit()):
            problems.append(f"ssyk4 {row.ssyk4!r} är inte en fyrsiffrig kod")
        if row.route not in ROUTE_NAMES:
            problems.append(f"vägen {row.route!r} är inte en av {', '.join(ROUTE_NAMES)}")
        if row.status not in STATUSES:
            problems.append(f"status {row.status!r} är inte en av {', '.join(STATUSES)}")
        if not keys or any(k not in known for k in keys):
            problems.append(f"källan {row.source!r} saknas i {SOURCES_FILE}")
        if problems:
            raise InputFileError(f"{ROUTES_FILE}, rad {number}: {'; '.join(problems)}")
        rows.append(Route(row.ssyk4, row.route, row.status, row.detail, row.requirement, keys))
    return tuple(rows)


def table() -> pd.DataFrame:
    """The whole route table as read (one row per occupation and route)."""
    return _read(ROUTES_FILE, COLUMNS)


def covered() -> frozenset[str]:
    """The SSYK 4 codes the table has routes for."""
    return frozenset(r.ssyk4 for r in _table())


def routes(ssyk4: str) -> tuple[Route, ...]:
    """The routes to one occupation in the table's order; () when it is not in the table."""
    return tuple(r for r in _table() if r.ssyk4 == str(ssyk4))


def regulated(ssyk4: str) -> bool:
    """Whether the occupation has a legal or certificate requirement (a ``krav`` route)."""
    return any(r.status == "krav" for r in routes(ssyk4))


def legal_routes(ssyk4: str) -> tuple[Route, ...]:
    """The routes that may be recommended to train new staff for the occupation: the
    ``krav`` routes of a regulated one, the ``väg`` routes of another.

    >>> [r.route for r in legal_routes("2221")]
    ['hogskola']
    """
    found = routes(ssyk4)
    wanted = "krav" if regulated(ssyk4) else "väg"
    return tuple(r for r in found if r.status == wanted)


def _higher_education() -> pd.DataFrame:
    """The short list of programmes (a few rows, read when a route is a university's)."""
    return _read(
        HIGHER_EDUCATION_FILE,
        ["institution", "municipality_code", "municipality", "ssyk4", "programme", "source"],
    )


def universities(ssyk4: str, municipality_codes: tuple[str, ...]) -> list[str]:
    """Universities in the given municipalities known to train for the occupation
    (``higher_education.csv``: a short list, not a register), as "name (municipality)".

    >>> universities("2221", ("1488",))
    ['Högskolan Väst (Trollhättan)']
    """
    table = _higher_education()
    rows = table[
        (table["ssyk4"] == str(ssyk4)) & table["municipality_code"].isin(municipality_codes)
    ]
    return [f"{r.institution} ({r.municipality})" for r in rows.itertuples()]
