"""MYH's yearly workbooks → ``data/processed/education/yh_programmes.csv`` and ``yh_courses.csv``.

Yrkeshögskolan's (MYH) results of the programme application rounds 2020–2024 and of the
course rounds 2021–2024 (``data/raw/education/``, see its PROVENANCE.md) differ by year:
headers on row 1 or row 6, renamed and reordered columns, places per municipality only in
some years. They are parsed here once into two tidy tables (reading the workbooks takes about
3 s), which ``helpers.stats.education_supply`` reads; ``python -m processed education``
rebuilds them, and a test checks the rebuild matches the committed tables byte for byte.

    >>> sorted(PROGRAMME_FILES), sorted(COURSE_FILES)
    ([2020, 2021, 2022, 2023, 2024], [2021, 2022, 2023, 2024])
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from helpers.common.errors import InputFileError
from helpers.config import paths
from helpers.stats.education_supply import (
    COLUMNS,
    COURSES_CSV,
    INT_COLUMNS,
    MANIFEST,
    PLACE_COLUMNS,
    PROGRAMMES_CSV,
    municipality_codes,
)
from processed.common import checksums, csv_bytes, sha256, shown, write_manifest

#: The workbook of each application round (the year the programmes or courses were granted).
PROGRAMME_FILES = {year: f"myh_resultat-ansokningsomgang-{year}.xlsx" for year in range(2020, 2025)}
COURSE_FILES = {
    2021: "myh_resultat-juni-2021-for-korta-utbildningar-kurser-och-kurspaket.xlsx",
    2022: "myh_resultat-2022-for-kurser-inom-yh.xlsx",
    2023: "myh_resultat-2023-for-kurser-inom-yh.xlsx",
    2024: "myh_resultat-2024-for-kurser-inom-yh.xlsx",
}
BUILT_BY = "make processed (python -m processed education, tools/processed/education.py)"

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


def _tidy(table: pd.DataFrame) -> pd.DataFrame:
    for column in COLUMNS:
        if column not in table.columns:
            table[column] = None
    table = table[COLUMNS].copy()
    for column in ("reference", "name", "provider", "education_area", "county", "municipality"):
        table[column] = _clean_text(table[column])
    table["municipality_code"] = municipality_codes(table["municipality"])
    for column in INT_COLUMNS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    for column in PLACE_COLUMNS:
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


# --- the processed tables ------------------------------------------------------------------


def rebuild(folder: Path | None = None, out_dir: Path | None = None) -> dict[str, Path]:
    """Parse MYH's workbooks in ``folder`` into ``yh_programmes.csv`` and ``yh_courses.csv``.

    Writes them to ``out_dir`` (default ``data/processed/education/``) with a manifest of
    their checksums and those of the workbooks and the municipality list they come from.
    """
    folder = folder or paths.EDUCATION
    out_dir = out_dir or paths.PROCESSED_EDUCATION
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for file_name, table in (
        (PROGRAMMES_CSV, parse_programmes(folder)),
        (COURSES_CSV, parse_courses(folder)),
    ):
        (out_dir / file_name).write_bytes(csv_bytes(table))
        written[file_name] = out_dir / file_name
    sources = sorted([*PROGRAMME_FILES.values(), *COURSE_FILES.values()])
    manifest = {
        "built_by": BUILT_BY,
        "files": {name: sha256(path) for name, path in written.items()},
        "sources": checksums(folder / name for name in sources),
        # Municipality names are joined to codes through helpers.config.regions' official list.
        "municipality_codes_from": checksums([paths.PUBLIC / "municipalities.csv"]),
    }
    write_manifest(out_dir / MANIFEST, manifest)
    return written


def main() -> None:
    """Rebuild the two tables from the project's workbooks and say what was written."""
    for path in rebuild().values():
        print(f"wrote {shown(path)} ({len(pd.read_csv(path))} rows)")
