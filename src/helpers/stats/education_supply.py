"""Education supply in and near an area, and which occupational needs it answers.

Sources (``data/raw/education/``, see its PROVENANCE.md; ``data/processed/education/``):

- Yrkeshögskolan's (MYH) yearly results of the programme application rounds 2020–2024 and of
  the course rounds 2021–2024. Their workbooks differ by year, so they are parsed once, by
  ``make processed`` (``tools/processed/education.py``), into two tidy tables under
  ``data/processed/education/``, which this module reads.
- Arbetsförmedlingen's snapshot of vocational education offers by SSYK 4 (May 2025, CSV).
- ``education_area_ssyk.csv``: this project's table of which SSYK groups each of MYH's
  education areas trains for (``match_needs`` uses it).

``year`` is the year of the application round (programmes granted in the 2020 round start in
2021 or later). ``places`` are granted places over all granted intakes; where MYH does not
split a multi-municipality programme's places by municipality, ``places`` is <NA> and
``places_total`` holds the programme's total.

    >>> progs = yh_programmes(["1488", "1487"], near_codes=["1485"], years=[2024])
    >>> sorted(progs["where"].unique())
    ['i närheten', 'i området']
    >>> rounds("YH-kurs")
    [2021, 2022, 2023, 2024]
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from types import MappingProxyType

import pandas as pd

from helpers.common import memo
from helpers.common.errors import DataMissingError
from helpers.config import paths, regions, tables
from helpers.stats import occupations

IN_AREA = "i området"
NEAR = "i närheten"

OFFERS_FILE = "af_education_offers_by_ssyk4_2025-05.csv"
AREA_MAP_FILE = "education_area_ssyk.csv"
PROGRAMMES_CSV = "yh_programmes.csv"
COURSES_CSV = "yh_courses.csv"
MANIFEST = "manifest.json"
#: The processed table of each kind of education (``kind`` in ``education_supply``).
TABLES = {"YH-program": PROGRAMMES_CSV, "YH-kurs": COURSES_CSV}

COLUMNS = [
    "year",
    "reference",
    "name",
    "provider",
    "education_area",
    "county",
    "municipality",
    "municipality_code",
    "places",
    "places_total",
    "rounds",
    "yh_points",
    "several_municipalities",
]
#: The processed tables' columns of whole numbers ...
INT_COLUMNS = ["year", "rounds", "yh_points"]
#: ... and of places: MYH splits a multi-municipality programme's places in proportion
#: (28.57 + 21.43), so places are decimals, kept to two places.
PLACE_COLUMNS = ["places", "places_total"]
_OFFER_KINDS = {
    "aub": "Arbetsmarknadsutbildning",
    "folkhögskola": "Folkhögskola",
    "nationell yrkesutbildning": "Nationell yrkesutbildning",
    "gymnasial vuxenutbildning": "Gymnasial vuxenutbildning",
}


@cache
def _code_for(name: str) -> str | None:
    return regions.code_for(name)


def municipality_codes(names: pd.Series) -> pd.Series:
    """Municipality names → codes (helpers.config.regions); a district ("Bromma") gets none.

    >>> municipality_codes(pd.Series(["Trollhättan", "Bromma"])).tolist()
    ['1488', nan]
    """
    return names.map(lambda n: _code_for(n) if isinstance(n, str) and n.strip() else None)


@memo.remembered
def _derived(file_name: str) -> pd.DataFrame:
    path = paths.PROCESSED_EDUCATION / file_name
    table = tables.read_csv(
        path,
        columns=["year", "reference", "name", "education_area", "municipality_code", "places"],
        dtype={"reference": str, "municipality_code": str},
    )
    for column in (c for c in INT_COLUMNS if c in table.columns):
        table[column] = table[column].astype("Int64")
    for column in PLACE_COLUMNS:
        table[column] = table[column].astype("Float64")
    return table


def _select(
    table: pd.DataFrame,
    municipality_codes: Iterable[str],
    near_codes: Iterable[str],
    years: Iterable[int] | None,
    what: str,
) -> pd.DataFrame:
    area = [str(c) for c in municipality_codes]
    near = [str(c) for c in near_codes if str(c) not in area]
    available = sorted(int(y) for y in table["year"].unique())
    if years is not None:
        years = [int(y) for y in years]
        unknown = sorted(set(years) - set(available))
        if unknown:
            raise DataMissingError(f"{what}: no data for {unknown}; available years: {available}")
        table = table[table["year"].isin(years)]
    chosen = table[table["municipality_code"].isin(area + near)].copy()
    chosen["where"] = chosen["municipality_code"].map(lambda c: IN_AREA if c in area else NEAR)
    return chosen.reset_index(drop=True)


def rounds(kind: str) -> list[int]:
    """The application rounds the table of ``kind`` ("YH-program" or "YH-kurs") covers."""
    return sorted(int(year) for year in _derived(TABLES[kind])["year"].unique())


def yh_programmes(
    municipality_codes: list[str], near_codes: list[str], years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Granted YH programmes studied in the area or in the "near" municipalities.

    One row per programme and study municipality; ``where`` is "i området" or "i närheten"
    (a code in both lists counts as in the area). ``years`` (application rounds) defaults to
    all, 2020–2024. Columns: ``COLUMNS`` + where.

    >>> sotenas = yh_programmes(["1427"], near_codes=["1484"])  # none in Sotenäs itself
    >>> sorted(sotenas["name"]), set(sotenas["where"])
    (['Akvaponiingenjör', 'Gastronomiledare - framtidens mat och protein'], {'i närheten'})
    """
    return _select(_derived(PROGRAMMES_CSV), municipality_codes, near_codes, years, "YH programmes")


def yh_courses(
    municipality_codes: list[str], near_codes: list[str], years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Granted YH courses and course packages (2021–2024), like ``yh_programmes``."""
    return _select(_derived(COURSES_CSV), municipality_codes, near_codes, years, "YH courses")


def education_supply(
    municipality_codes: list[str], near_codes: list[str], years: Iterable[int] | None = None
) -> pd.DataFrame:
    """Programmes and courses together, ``kind`` = "YH-program" or "YH-kurs"."""
    programmes = yh_programmes(municipality_codes, near_codes, years).assign(kind="YH-program")
    course_years = None if years is None else [y for y in years if y in rounds("YH-kurs")]
    courses = yh_courses(municipality_codes, near_codes, course_years).assign(kind="YH-kurs")
    return pd.concat([programmes, courses], ignore_index=True)


@memo.remembered
def _offers() -> pd.DataFrame:
    path = paths.EDUCATION / OFFERS_FILE
    table = tables.read_csv(
        path,
        columns=["ssyk4", "utbildningstyp", "utbildningsnamn", "ort", "beskrivning"],
        dtype=str,
        keep_default_na=False,
    )
    table = table.drop(columns=["beskrivning"]).drop_duplicates()
    table["municipality_code"] = municipality_codes(table["ort"])
    return table


def vocational_offers(
    ssyk4_codes: Iterable[str],
    municipality_codes: list[str] | None = None,
    near_codes: list[str] | None = None,
) -> pd.DataFrame:
    """Vocational education offers for the given SSYK 4 groups (Arbetsförmedlingen, May 2025).

    Columns: ssyk4, ssyk4_label, kind (Arbetsmarknadsutbildning, Folkhögskola, ...), name,
    town, municipality_code (when the town is a municipality's name; villages and city
    districts such as "Ljungskile" or "Bromma" stay <NA>), url, where. With
    ``municipality_codes`` only offers in the area or near it are kept and ``where`` says
    which; without, all towns are returned and ``where`` is <NA>.
    The snapshot is illustrative (licence unknown, not an official register).
    """
    codes = {occupations.taxonomy_code(c) for c in ssyk4_codes}
    table = _offers()[_offers()["ssyk4"].isin(codes)]
    result = pd.DataFrame(
        {
            "ssyk4": table["ssyk4"],
            "ssyk4_label": table["ssyk4"].map(occupations.ssyk4_label),
            "kind": table["utbildningstyp"].map(lambda k: _OFFER_KINDS.get(k, k)),
            "name": table["utbildningsnamn"].str.strip(),
            "town": table["ort"],
            "municipality_code": table["municipality_code"],
            "url": table["url"],
            "where": pd.NA,
        }
    )
    if municipality_codes is not None:
        area = [str(c) for c in municipality_codes]
        near = [str(c) for c in (near_codes or []) if str(c) not in area]
        result = result[result["municipality_code"].isin(area + near)].copy()
        result["where"] = result["municipality_code"].map(lambda c: IN_AREA if c in area else NEAR)
    return result.sort_values(["ssyk4", "town", "name"], ignore_index=True)


# --- matching needs with supply -------------------------------------------------------------

SAME = "samma yrke"
RELATED = "närliggande yrke"
FIELD = "samma utbildningsområde"
NONE = "ingen"
_LEVELS = (SAME, RELATED, FIELD)


@memo.remembered
def area_map() -> pd.DataFrame:
    """MYH education area → SSYK prefixes it trains for (``education_area_ssyk.csv``)."""
    path = paths.EDUCATION / AREA_MAP_FILE
    return tables.read_csv(
        path, columns=["education_area", "ssyk_prefix"], dtype=str, keep_default_na=False
    )


#: The questionnaire's skill areas (D3) → MYH's education areas whose programmes and courses
#: teach them (a judgement made for this project, like ``education_area_ssyk.csv``). Areas
#: left out (Yrkessvenska, Engelska, Ledarskap ...) have no YH education area of their own.
SKILL_EDUCATION_AREAS = MappingProxyType(
    {
        "Digitala verktyg och IT-system": ("Data/IT",),
        "Automation och produktionsteknik": ("Teknik och tillverkning",),
        "Kvalitet och ständiga förbättringar": ("Teknik och tillverkning",),
        "Hållbarhet och energi": ("Teknik och tillverkning", "Samhällsbyggnad och byggteknik"),
        "Försäljning och kundbemötande": ("Ekonomi, administration och försäljning",),
        "Ekonomi och administration": ("Ekonomi, administration och försäljning",),
        "Vård- och omsorgskompetens": ("Hälso- och sjukvård samt socialt arbete",),
    }
)


def match_skills(areas: Iterable[str], supply: pd.DataFrame) -> dict[str, tuple]:
    """For each skill area (D3): its YH education areas and the YH courses (short courses and
    course packages, the YH form for staff already at work; not the long programmes) in
    them in ``supply`` (``education_supply`` rows), as "name (kind years; provider, place)".

    >>> table = education_supply(["1487"], near_codes=[])  # Vänersborg
    >>> fields, found = match_skills(["Vård- och omsorgskompetens"], table)[
    ...     "Vård- och omsorgskompetens"]
    >>> fields, any("Välfärdsteknologi för undersköterskor" in e for e in found)
    (('Hälso- och sjukvård samt socialt arbete',), True)
    """
    supply = supply.copy()
    for column in ("education_area", "provider", "municipality", "town", "year"):
        if column not in supply.columns:
            supply[column] = pd.NA
    courses = supply[supply["kind"] == "YH-kurs"]
    result = {}
    for area in areas:
        fields = SKILL_EDUCATION_AREAS.get(area, ())
        rows = courses[courses["education_area"].isin(list(fields))]
        result[area] = (fields, _describe(rows))
    return result


def _describe(rows: pd.DataFrame) -> list[str]:
    """One text per education: "name (kind years; provider, place)", sorted by name."""
    items: dict[tuple, set] = {}
    for row in rows.itertuples():
        place = row.municipality if isinstance(row.municipality, str) else row.town
        place = place if isinstance(place, str) else ""
        label = (row.kind, row.name, row.provider if isinstance(row.provider, str) else "", place)
        items.setdefault(label, set())
        if pd.notna(row.year):
            items[label].add(int(row.year))
    parts = []
    for (kind, name, provider, place), years in sorted(items.items(), key=lambda i: i[0][1]):
        who = ", ".join(p for p in (provider, place) if p)
        when = " " + ", ".join(str(y) for y in sorted(years)) if years else ""
        parts.append(f"{name} ({kind}{when}; {who})")
    return parts


def _match_one(
    code: str, supply: pd.DataFrame, prefixes: dict[str, tuple]
) -> tuple[str, bool, bool, int, str, list[str], list[str]]:
    """One need against every education: (match, education_nearby, in_area, n, educations,
    the same-occupation YH educations, the same-occupation other offers)."""
    try:
        code = occupations.taxonomy_code(code)
    except KeyError:
        return (NONE, False, False, 0, "", [], [])
    field = [
        isinstance(a, str) and any(code.startswith(p) for p in prefixes.get(a, ()))
        for a in supply["education_area"]
    ]
    related = [isinstance(c, str) and c[:3] == code[:3] for c in supply["coded"]]
    same = [c == code for c in supply["coded"]]
    level = pd.Series(NONE, index=supply.index, dtype=object)
    level[field] = FIELD
    level[related] = RELATED
    level[same] = SAME
    best = next((lv for lv in _LEVELS if (level == lv).any()), NONE)
    chosen = supply[level == best] if best != NONE else supply.iloc[0:0]
    educations = _describe(chosen)
    exact = supply[level == SAME]
    yh = exact["kind"].isin(list(TABLES))
    return (
        best,
        best in (SAME, RELATED),
        bool((chosen["where"] == IN_AREA).any()),
        len(educations),
        "; ".join(educations),
        _describe(exact[yh]),
        _describe(exact[~yh]),
    )


def match_needs(needs: pd.DataFrame, supply: pd.DataFrame) -> pd.DataFrame:
    """For each needed occupation: is there an education for it in or near the area, and which.

    ``needs`` has a column ``ssyk4`` (other columns are kept). ``supply`` is education rows
    with ``kind``, ``name``, ``where`` and optionally ``education_area``, ``provider``,
    ``municipality``/``town``, ``year``, ``ssyk4``: ``education_supply(...)``, optionally
    concatenated with ``vocational_offers(..., municipality_codes=...)``.

    Rule, strongest level first, per need and education:

    1. "samma yrke": the education is for the same SSYK 4 group: its ``ssyk4`` says so (the
       Arbetsförmedlingen offers), or its name codes to that group with
       ``occupations.code_titles`` ("Specialistutbildad undersköterska ..." → 5321). Words
       in a name are not matched on their own: "Finsnickare" is no education for
       construction carpenters (7111), nor a welding-automation programme for welders;
    2. "närliggande yrke": its name codes to the same SSYK 3 group;
    3. "samma utbildningsområde": its MYH education area trains for the need's SSYK group by
       ``education_area_ssyk.csv`` (broad: a hint, not an education for the occupation).

    Added columns: ``match`` (the strongest level found, or "ingen"), ``education_nearby``
    (True for levels 1–2), ``in_area`` (a best-level education is in the area itself, not only
    near it), ``n_educations`` (distinct educations at that level), ``educations`` (them,
    as "name (kind years; provider, municipality)"), and the level-1 educations split into
    YH (``yh_educations``) and other offers (``other_educations``), as lists.
    """
    if "ssyk4" not in needs.columns:
        raise ValueError("needs must have a column 'ssyk4'")
    supply = supply.reset_index(drop=True).copy()
    for column in ("education_area", "provider", "municipality", "town", "year", "ssyk4"):
        if column not in supply.columns:
            supply[column] = pd.NA
    names = supply["name"].fillna("").astype(str)
    unique_names = sorted(set(names))
    coded = occupations.code_titles(unique_names)
    code_of_name = dict(zip(unique_names, coded["ssyk4"].astype(object), strict=True))
    by_name = names.map(code_of_name)
    # An education's own SSYK 4 (Arbetsförmedlingen's offers) wins over its coded name.
    supply["coded"] = [
        given if isinstance(given, str) and given else (coded if isinstance(coded, str) else None)
        for given, coded in zip(supply["ssyk4"], by_name, strict=True)
    ]
    prefixes = area_map().groupby("education_area")["ssyk_prefix"].apply(tuple).to_dict()
    results = [_match_one(str(code), supply, prefixes) for code in needs["ssyk4"]]
    added = pd.DataFrame(
        results,
        columns=[
            "match",
            "education_nearby",
            "in_area",
            "n_educations",
            "educations",
            "yh_educations",
            "other_educations",
        ],
        index=needs.index,
    )
    return pd.concat([needs, added], axis=1)
