"""Sweden's municipalities and counties by official code, and the comparison areas.

Codes are always strings with their leading zeros (``"0114"``, county ``"01"``): the one
place that reads the official code list, so names are joined to codes here and nowhere else.

    >>> municipality_name("1427")
    'Sotenäs'
    >>> county_of("1427")
    '14'
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType

import pandas as pd

from helpers.common import memo, text
from helpers.common.errors import InputFileError
from helpers.config import paths, tables

#: Fyrbodal's 14 municipalities (Kolada group G96180), the region both first areas belong to.
FYRBODAL = (
    "1421",
    "1427",
    "1430",
    "1435",
    "1438",
    "1439",
    "1460",
    "1461",
    "1484",
    "1485",
    "1486",
    "1487",
    "1488",
    "1492",
)
RIKET = "00"
#: Sweden's municipalities and counties: the code lists must have exactly these many.
MUNICIPALITIES = 290
COUNTIES = 21


@memo.remembered
def municipalities() -> pd.DataFrame:
    """All 290 municipalities: code, name (short, as SCB's tables write it), county code."""
    table = tables.read_csv(
        paths.PUBLIC / "municipalities.csv",
        columns=[
            "municipality_code",
            "municipality_name",
            "municipality_name_short",
            "county_code",
        ],
        rows=MUNICIPALITIES,
        units=("municipality_code", MUNICIPALITIES),
        dtype=str,
    )
    if not table["municipality_code"].str.fullmatch(r"\d{4}").all():
        raise InputFileError(
            f"{tables.shown(paths.PUBLIC / 'municipalities.csv')}: en kommunkod är inte fyra "
            f"siffror (filen är skadad eller ändrad). "
            f"{tables.restore_hint(paths.PUBLIC / 'municipalities.csv')}"
        )
    return table.rename(
        columns={
            "municipality_code": "code",
            "municipality_name_short": "name",
            "municipality_name": "full_name",
            "county_code": "county",
        }
    )


@memo.remembered
def counties() -> pd.DataFrame:
    """The 21 counties: code (two digits), name ("Västra Götalands län")."""
    table = tables.read_csv(
        paths.PUBLIC / "counties.csv",
        columns=["county_code", "county_name", "county_name_short"],
        rows=COUNTIES,
        units=("county_code", COUNTIES),
        dtype=str,
    )
    return table.rename(
        columns={"county_code": "code", "county_name": "name", "county_name_short": "short_name"}
    )


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFC", name).casefold().strip()
    return folded.removesuffix(" kommun").replace(" ", "-")


@cache
def _codes() -> frozenset[str]:
    return frozenset(municipalities()["code"])


def is_municipality(code: str) -> bool:
    """True when ``code`` is one of the 290 official municipality codes."""
    return code in _codes()


@cache
def _names() -> tuple[Mapping[str, str], Mapping[str, tuple[str, ...]]]:
    """Every way ``code_for`` finds a municipality by name, built once (read-only): the name
    keys (name, full name, full name without genitive s; the first municipality wins) and the
    ASCII file-name forms, which two municipalities can share."""
    by_key: dict[str, str] = {}
    by_slug: dict[str, tuple[str, ...]] = {}
    for row in municipalities().itertuples():
        for key in (_key(row.name), _key(row.full_name), _key(row.full_name).removesuffix("s")):
            by_key.setdefault(key, row.code)
        by_slug[slug(row.name)] = (*by_slug.get(slug(row.name), ()), row.code)
    return MappingProxyType(by_key), MappingProxyType(by_slug)


@cache
def _by_code() -> Mapping[str, Mapping[str, str]]:
    """Each municipality's name, full name and county by its code (read-only)."""
    rows = municipalities().set_index("code").to_dict(orient="index")
    return MappingProxyType({code: MappingProxyType(row) for code, row in rows.items()})


def _about(code: str, column: str) -> str:
    return str(_by_code()[code][column])


def municipality_name(code: str) -> str:
    """The municipality's short name, as the report and SCB's tables write it."""
    return _about(code, "name")


def municipality_full_name(code: str) -> str:
    """The municipality's official name: ``'1427'`` → ``'Sotenäs kommun'``."""
    return _about(code, "full_name")


def county_of(code: str) -> str:
    """The two-digit county code of a municipality."""
    return _about(code, "county")


def county_name(county: str) -> str:
    """``'14'`` → ``'Västra Götalands län'``."""
    match = counties().loc[counties()["code"] == county, "name"]
    if match.empty:
        raise KeyError(county)
    return str(match.iloc[0])


def county_members(county: str) -> list[str]:
    """The municipality codes of a county."""
    return sorted(municipalities().loc[municipalities()["county"] == county, "code"])


def all_codes() -> list[str]:
    """Every municipality code in Sweden (290)."""
    return sorted(municipalities()["code"])


def code_for(name_or_code: str) -> str | None:
    """Find a municipality by code, by name (any case, with or without "kommun") or by the
    name's file-name form (the report folder's name, "amal" for Åmål).

    >>> code_for("lysekil"), code_for("1484"), code_for("Trollhättans kommun"), code_for("amal")
    ('1484', '1484', '1488', '1492')
    """
    text = name_or_code.strip()
    if is_municipality(text):
        return text
    by_key, by_slug = _names()
    if (code := by_key.get(_key(text))) is not None:
        return code
    if text[-5:-4] == "-" and is_municipality(text[-4:]):  # "habo-0305", see area_slug
        return text[-4:]
    matches = by_slug.get(slug(text), ())
    return matches[0] if len(matches) == 1 else None


def area_slug(code: str) -> str:
    """The report folder name of one municipality: its name in ASCII, with the code added
    where two names fold to the same letters (Håbo and Habo)."""
    name = slug(municipality_name(code))
    twins = [c for c in all_codes() if slug(municipality_name(c)) == name]
    return name if len(twins) == 1 else f"{name}-{code}"


def slug(name: str) -> str:
    """A file-name-safe form of a name: ``slug("Trollhättan") == "trollhattan"``."""
    ascii_form = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(ascii_form.lower().split())


def closest(name: str, others: Iterable[str] = (), n: int = 3) -> list[str]:
    """The municipality names (and ``others``, e.g. params-file names) that look most like
    ``name``, closest first: a typo's likely meaning.

    >>> closest("Strömstadt"), closest("trollhatan-vanersborg", ["trollhattan-vanersborg"])
    (['Strömstad'], ['trollhattan-vanersborg'])
    """
    known = {_key(known): known for known in [*municipalities()["name"], *others]}
    found = difflib.get_close_matches(_key(name), list(known), n=n, cutoff=0.75)
    return [known[key] for key in found]


def did_you_mean(name: str, others: Iterable[str] = ()) -> str:
    """`` Menade du Strömstad?`` for an unknown ``name`` (see :func:`closest`); else ``""``.

    >>> did_you_mean("Munkedall"), did_you_mean("xyz")
    (' Menade du Munkedal?', '')
    """
    found = closest(name, others)
    return f" Menade du {text.join(found, 'eller')}?" if found else ""
