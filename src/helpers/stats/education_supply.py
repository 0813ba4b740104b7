"""Education supply in and near an area, and which occupational needs it answers.

Sources (``data/raw/education/``, see its PROVENANCE.md):

- Yrkeshögskolan's (MYH) yearly results of the programme application rounds 2020–2024 and of
  the course rounds 2021–2024 (xlsx). Their layouts differ by year (headers on row 1 or row 6,
  renamed and reordered columns, places per municipality only in some years), so they are
  parsed once into two tidy tables under ``derived/`` by ``python -m helpers.stats.education_supply
  --rebuild`` (reading the xlsx takes about 3 s; a test checks the rebuild matches).
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
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import openpyxl
import pandas as pd

from helpers.common import memo
from helpers.common.errors import DataMissingError, InputFileError
from helpers.config import paths, regions
from helpers.stats import occupations

IN_AREA = "i området"
NEAR = "i närheten"

PROGRAMME_FILES = {year: f"myh_resultat-ansokningsomgang-{year}.xlsx" for year in range(2020, 2025)}
COURSE_FILES = {
    2021: "myh_resultat-juni-2021-for-korta-utbildningar-kurser-och-kurspaket.xlsx",
    2022: "myh_resultat-2022-for-kurser-inom-yh.xlsx",
    2023: "myh_resultat-2023-for-kurser-inom-yh.xlsx",
    2024: "myh_resultat-2024-for-kurser-inom-yh.xlsx",
}
OFFERS_FILE = "af_education_offers_by_ssyk4_2025-05.csv"
AREA_MAP_FILE = "education_area_ssyk.csv"
DERIVED = paths.EDUCATION / "derived"
PROGRAMMES_CSV = "yh_programmes.csv"
COURSES_CSV = "yh_courses.csv"
MANIFEST = "manifest.json"

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
_INTS = ["year", "rounds", "yh_points"]
# MYH splits a multi-municipality programme's places in proportion (28.57 + 21.43), so places
# are decimals, kept to two places.
_PLACES = ["places", "places_total"]
_OFFER_KINDS = {
    "aub": "Arbetsmarknadsutbildning",
    "folkhögskola": "Folkhögskola",
    "nationell yrkesutbildning": "Nationell yrkesutbildning",
    "gymnasial vuxenutbildning": "Gymnasial vuxenutbildning",
}

# MYH's column names over the years → ours.
_RENAME = {
    "Diarienummer": "reference",
    "Utbildningsnamn": "name",
    "Utbildningsanordnare administrativ enhet": "provider",
    "Anordnare namn": "provider",
    "Utbildningsområde": "education_area",
    "Län": "county",
    "Kommun": "municipality",
    "YH-poäng": "yh_points",
    "Beviljade utbildningsomgångar": "rounds",
    "Beviljade platser totalt": "places",
    "Totalt antal beviljade platser": "places",
    "Flera studiekommuner": "several",
    "Flera kommuner": "several",
    "Beslut": "decision",
}
_SEVERAL = ("flera kommuner", 'se "lista flera kommuner"')


# --- reading MYH's workbooks ----------------------------------------------------------------


def _sheet(path: Path, sheet: str) -> pd.DataFrame:
    """One sheet as text/number cells, headers found on whichever of the first rows has them."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise InputFileError(f"{path} is missing (see {path.parent / 'PROVENANCE.md'})") from exc
    try:
        if sheet not in book.sheetnames:
            raise InputFileError(f"{path.name}: no sheet {sheet!r} (sheets: {book.sheetnames})")
        rows = list(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()
    for number, row in enumerate(rows[:12]):
        if row and {"Diarienummer", "Utbildningsnamn"} <= {str(c).strip() for c in row if c}:
            header = [str(c).strip() if c is not None else "" for c in row]
            body_start = number + 1
            break
    else:
        raise InputFileError(
            f"{path.name}, sheet {sheet!r}: no header row with Diarienummer "
            "and Utbildningsnamn in the first 12 rows"
        )
    keep = [i for i, name in enumerate(header) if name]
    body = [[row[i] if i < len(row) else None for i in keep] for row in rows[body_start:]]
    table = pd.DataFrame(body, columns=[header[i] for i in keep], dtype=object)
    table = table.dropna(how="all")
    return table.rename(columns={k: v for k, v in _RENAME.items() if k in table.columns})


def _clean_text(series: pd.Series) -> pd.Series:
    return series.map(lambda v: " ".join(str(v).split()) if v is not None and v == v else None)


def _granted(table: pd.DataFrame) -> pd.DataFrame:
    if "decision" not in table.columns:  # the June 2021 course list has granted rows only
        return table
    return table[table["decision"].astype(str).str.strip() == "Beviljad"]


@cache
def _code_for(name: str) -> str | None:
    return regions.code_for(name)


def _municipality_codes(names: pd.Series) -> pd.Series:
    # Names join to codes in helpers.config.regions; MYH sometimes writes a district ("Bromma"),
    # which stays without a code.
    return names.map(lambda n: _code_for(n) if isinstance(n, str) and n.strip() else None)


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    for column in COLUMNS:
        if column not in table.columns:
            table[column] = None
    table = table[COLUMNS].copy()
    for column in ("reference", "name", "provider", "education_area", "county", "municipality"):
        table[column] = _clean_text(table[column])
    table["municipality_code"] = _municipality_codes(table["municipality"])
    for column in _INTS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    for column in _PLACES:
        table[column] = pd.to_numeric(table[column], errors="coerce").round(2).astype("Float64")
    table["several_municipalities"] = table["several_municipalities"].astype(bool)
    return table.sort_values(["year", "reference", "municipality"], ignore_index=True)


def _is_several(series: pd.Series) -> pd.Series:
    return series.astype(str).str.strip().str.casefold().isin(_SEVERAL)


def parse_programmes(folder: Path | None = None) -> pd.DataFrame:
    """All granted YH programmes 2020–2024 from MYH's workbooks, one row per municipality.

    Tabell 3 lists every application with its decision; Tabell 4 gives, for the 2020–2022
    rounds, every application per study municipality with its places, and for 2023–2024 only
    the municipalities of multi-municipality programmes (places then only in Tabell 3, for the
    whole programme).
    """
    folder = folder or paths.EDUCATION
    frames = []
    for year, name in PROGRAMME_FILES.items():
        path = folder / name
        apps = _granted(_sheet(path, "Tabell 3"))
        per_place = _granted(_sheet(path, "Tabell 4"))
        base = apps.drop(columns=["county", "municipality", "places", "several"], errors="ignore")
        if "places" in per_place.columns:  # 2020–2022: places per study municipality
            located = per_place[["reference", "county", "municipality", "places"]]
            rows = base.merge(located, on="reference", how="left", validate="one_to_many")
            rows["places_total"] = rows.groupby("reference")["places"].transform("sum")
        else:  # 2023–2024
            single = apps[~_is_several(apps["municipality"])]
            located = pd.concat(
                [
                    single[["reference", "county", "municipality", "places"]],
                    per_place[["reference", "county", "municipality"]],
                ]
            )
            rows = base.merge(located, on="reference", how="left", validate="one_to_many")
            totals = apps.set_index("reference")["places"]
            rows["places_total"] = rows["reference"].map(totals)
        rows["several_municipalities"] = (
            rows.groupby("reference")["reference"].transform("size") > 1
        )
        if rows["municipality"].isna().any():
            missing = rows.loc[rows["municipality"].isna(), "reference"].tolist()
            raise InputFileError(
                f"{name}: granted programmes without a study municipality in "
                f"Tabell 3 or 4: {missing[:5]}"
            )
        rows["year"] = year
        frames.append(_tidy(rows))
    return pd.concat(frames, ignore_index=True)


def parse_courses(folder: Path | None = None) -> pd.DataFrame:
    """All granted YH courses and course packages 2021–2024, one row per municipality.

    The first sheet lists applications (places for the whole course); "Lista flera kommuner"
    gives the municipalities of courses run in several, whose places MYH does not split.
    """
    folder = folder or paths.EDUCATION
    frames = []
    for year, name in COURSE_FILES.items():
        path = folder / name
        book = openpyxl.load_workbook(path, read_only=True)
        first = book.sheetnames[0]
        book.close()
        apps = _granted(_sheet(path, first))
        multi = _sheet(path, "Lista flera kommuner")[["reference", "county", "municipality"]]
        several = _is_several(apps["municipality"])
        base = apps.drop(columns=["county", "municipality"])
        located = pd.concat(
            [
                apps.loc[~several, ["reference", "county", "municipality"]],
                multi[multi["reference"].isin(apps.loc[several, "reference"])],
            ]
        )
        rows = base.merge(located, on="reference", how="left", validate="one_to_many")
        rows["places_total"] = rows["places"]
        rows["several_municipalities"] = rows["reference"].isin(apps.loc[several, "reference"])
        rows.loc[rows["several_municipalities"], "places"] = None
        rows["year"] = year
        frames.append(_tidy(rows))
    return pd.concat(frames, ignore_index=True).drop(columns=["rounds"])


# --- the derived tables ---------------------------------------------------------------------


def _csv_bytes(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def rebuild(folder: Path | None = None, out_dir: Path | None = None) -> dict[str, Path]:
    """Parse MYH's workbooks into ``derived/yh_programmes.csv`` and ``yh_courses.csv``.

    Writes a manifest with the source files' checksums. ``python -m helpers.stats.education_supply
    --rebuild`` runs it on the project's files.
    """
    folder = folder or paths.EDUCATION
    out_dir = out_dir or DERIVED
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for file_name, table in (
        (PROGRAMMES_CSV, parse_programmes(folder)),
        (COURSES_CSV, parse_courses(folder)),
    ):
        (out_dir / file_name).write_bytes(_csv_bytes(table))
        written[file_name] = out_dir / file_name
    sources = sorted([*PROGRAMME_FILES.values(), *COURSE_FILES.values()])
    manifest = {
        "built_by": "python -m helpers.stats.education_supply --rebuild",
        "files": {
            name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in written.items()
        },
        "sources": {
            name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in sources
        },
        # Municipality names are joined to codes through helpers.config.regions' official list.
        "municipality_codes_from": {
            "public/municipalities.csv": hashlib.sha256(
                (paths.PUBLIC / "municipalities.csv").read_bytes()
            ).hexdigest()
        },
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return written


@memo.remembered
def _derived(file_name: str) -> pd.DataFrame:
    path = DERIVED / file_name
    try:
        table = pd.read_csv(path, dtype={"reference": str, "municipality_code": str})
    except FileNotFoundError as exc:
        raise InputFileError(
            f"{path} is missing: run `python -m helpers.stats.education_supply --rebuild`"
        ) from exc
    for column in (c for c in _INTS if c in table.columns):
        table[column] = table[column].astype("Int64")
    for column in _PLACES:
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
    course_years = None if years is None else [y for y in years if y in COURSE_FILES]
    courses = yh_courses(municipality_codes, near_codes, course_years).assign(kind="YH-kurs")
    return pd.concat([programmes, courses], ignore_index=True)


@memo.remembered
def _offers() -> pd.DataFrame:
    path = paths.EDUCATION / OFFERS_FILE
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as exc:
        raise InputFileError(f"{path} is missing (see {path.parent / 'PROVENANCE.md'})") from exc
    table = table.drop(columns=["beskrivning"]).drop_duplicates()
    table["municipality_code"] = _municipality_codes(table["ort"])
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
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as exc:
        raise InputFileError(f"{path} is missing") from exc


@cache
def _keywords() -> Mapping[str, tuple[frozenset[str], frozenset[str]]]:
    """Each SSYK 4 group's distinctive label words and stems, for matching education names.

    Words: those of six letters or more, with their singular forms, that occur in fewer than
    three group labels ("svetsare", "undersköterskor", "undersköterska"); words cut short by a
    hyphen ("Installations- och") are left out. Stems: such a word ending in "-are" without
    it, if five letters or more remain ("svets", "snick"), which name the trade in words like
    "svetsautomation" or "snickeri".
    """
    words_of: dict[str, set[str]] = {}
    for code, label in zip(
        occupations.ssyk_labels()["ssyk4"], occupations.ssyk_labels()["label"], strict=True
    ):
        whole = re.sub(r"\w+-(?=\s)", " ", label)
        words = set()
        for word in occupations.normalize(whole).split():
            if len(word) >= 6:
                words.add(word)
                words.update(f for f in occupations.base_forms(word) if len(f) >= 6)
        words_of[code] = words
    counts: dict[str, int] = {}
    for words in words_of.values():
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    result = {}
    for code, words in words_of.items():
        distinct = frozenset(w for w in words if counts[w] < 3)
        stems = frozenset(w[:-3] for w in distinct if w.endswith("are") and len(w) >= 8)
        result[code] = (distinct, stems)
    return MappingProxyType(result)


Tokens = tuple[tuple[str, frozenset[str]], ...]


def _tokens(name: str) -> Tokens:
    """An education name's words, each with its possible base forms (made once per name:
    every need is matched against every name)."""
    return tuple(
        (token, frozenset({token, *occupations.base_forms(token)}))
        for token in occupations.normalize(name).split()
    )


def _name_matches_keywords(tokens: Tokens, words: frozenset[str], stems: frozenset[str]) -> bool:
    for token, forms in tokens:
        if forms & words or any(token.endswith(w) for w in words):
            return True
        if any(stem in token for stem in stems):
            return True
    return False


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
    code: str,
    supply: pd.DataFrame,
    name_tokens: list[Tokens],
    prefixes: dict[str, tuple],
    keywords: dict[str, tuple[frozenset[str], frozenset[str]]],
) -> tuple[str, bool, bool, int, str]:
    """One need against every education: (match, education_nearby, in_area, n, educations)."""
    try:
        code = occupations.taxonomy_code(code)
    except KeyError:
        return (NONE, False, False, 0, "")
    words, stems = keywords.get(code, (frozenset(), frozenset()))
    field = [
        isinstance(a, str) and any(code.startswith(p) for p in prefixes.get(a, ()))
        for a in supply["education_area"]
    ]
    related = [isinstance(c, str) and c[:3] == code[:3] for c in supply["coded"]]
    same = [
        c == code or _name_matches_keywords(tokens, words, stems)
        for c, tokens in zip(supply["coded"], name_tokens, strict=True)
    ]
    level = pd.Series(NONE, index=supply.index, dtype=object)
    level[field] = FIELD
    level[related] = RELATED
    level[same] = SAME
    best = next((lv for lv in _LEVELS if (level == lv).any()), NONE)
    chosen = supply[level == best] if best != NONE else supply.iloc[0:0]
    educations = _describe(chosen)
    return (
        best,
        best in (SAME, RELATED),
        bool((chosen["where"] == IN_AREA).any()),
        len(educations),
        "; ".join(educations),
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
       ``occupations.code_titles`` ("Specialistutbildad undersköterska ..." → 5321), or its name
       contains a distinctive word of the group's label ("Välfärdsteknologi för
       undersköterskor" → the Undersköterskor groups) or the stem of one ("Specialist inom
       svetsautomation" → Svetsare och gasskärare); see ``_keywords``;
    2. "närliggande yrke": its name codes to the same SSYK 3 group;
    3. "samma utbildningsområde": its MYH education area trains for the need's SSYK group by
       ``education_area_ssyk.csv`` (broad: a hint, not an education for the occupation).

    Added columns: ``match`` (the strongest level found, or "ingen"), ``education_nearby``
    (True for levels 1–2), ``in_area`` (a best-level education is in the area itself, not only
    near it), ``n_educations`` (distinct educations at that level) and ``educations`` (them,
    as "name (kind years; provider, municipality)").
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
    keywords = _keywords()

    tokens_of = {name: _tokens(name) for name in unique_names}
    name_tokens = [tokens_of[name] for name in names]
    results = [
        _match_one(str(code), supply, name_tokens, prefixes, keywords) for code in needs["ssyk4"]
    ]
    added = pd.DataFrame(
        results,
        columns=["match", "education_nearby", "in_area", "n_educations", "educations"],
        index=needs.index,
    )
    return pd.concat([needs, added], axis=1)


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.stats.education_supply --rebuild``: re-parse MYH's workbooks."""
    parser = argparse.ArgumentParser(prog="python -m helpers.stats.education_supply")
    parser.add_argument("--rebuild", action="store_true", help="rebuild derived/*.csv")
    args = parser.parse_args(argv)
    if not args.rebuild:
        parser.print_help()
        return 0
    for path in rebuild().values():
        print(f"wrote {path} ({len(pd.read_csv(path))} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
