"""Arbetsförmedlingen's Yrkesbarometer: the occupational outlook per county, as a table.

The barometer rates about 219 occupations for Sweden (``lan`` ``"00"``) and each of the 21
counties, twice a year: recruitment situation (brist/balans/paradox/överskott), job
opportunities (små/medelstora/stora) and a five-year outlook (öka/vara oförändrad/minska).
**Its finest level is the county**: a municipality's report can only quote its county.

The snapshot holds the complete file once ``make fetch`` has stored it
(``yrkesbarometer.json``); until then a real but partial copy (46 occupations, round 2025-2)
is read, and :attr:`Barometer.complete` is False so the report says which occupations it
covers.

    >>> barometer = load()
    >>> barometer.complete, barometer.round
    (False, '2025-2')
    >>> sorted(barometer.county("14").columns)[:3]
    ['jobbmojligheter', 'lan', 'omgang']
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.common import memo
from helpers.common.errors import InputFileError
from helpers.config import paths, tables

URL = "https://data.arbetsformedlingen.se/prognoser/yrkesbarometer.json"
#: The complete file as ``make fetch`` stores it.
FULL_FILE = "yrkesbarometer.json"
#: The partial copy shipped with the project (the first 1 000 rows of round 2025-2).
PARTIAL_FILE = "yrkesbarometer_2025-2_first1000rows.json"
#: About how many occupations a complete round rates (Arbetsförmedlingen's own figure).
OCCUPATIONS_IN_FULL_ROUND = 219
REQUIRED = (
    "yb_yrke",
    "lan",
    "ssyk",
    "rekryteringssituation",
    "prognos",
    "jobbmojligheter",
    "omgang",
)
COLUMNS = [
    "ssyk4",
    "yb_yrke",
    "lan",
    "rekryteringssituation",
    "prognos",
    "jobbmojligheter",
    "omgang",
    "yrkesomrade",
    "yb_concept_id",
]
RIKET = "00"


def validate(records: Any) -> list[dict[str, Any]]:
    """The barometer's records, or ValueError saying what is wrong with them."""
    if not isinstance(records, list) or not records:
        raise ValueError("expected a non-empty JSON list of occupation × county records")
    for number, record in enumerate(records):
        missing = [key for key in REQUIRED if not isinstance(record, dict) or key not in record]
        if missing:
            raise ValueError(f"record {number} lacks {', '.join(missing)}")
    return records


def table(records: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per barometer occupation × county × SSYK 4 code (the ``ssyk`` list split)."""
    frame = pd.DataFrame(validate(records))
    for column in COLUMNS:
        if column not in frame.columns and column != "ssyk4":
            frame[column] = None
    frame["ssyk4"] = frame["ssyk"].astype(str).str.split(",")
    frame = frame.explode("ssyk4")
    frame["ssyk4"] = frame["ssyk4"].str.strip()
    frame = frame[frame["ssyk4"].str.fullmatch(r"\d{4}")]
    frame["lan"] = frame["lan"].astype(str).str.zfill(2)
    # No assessment (null) stays missing, never "balans" by default.
    frame = frame[COLUMNS].astype({c: "str" for c in ("ssyk4", "yb_yrke", "lan", "omgang")})
    return frame.reset_index(drop=True)


@dataclass(frozen=True)
class Barometer:
    """One round of the barometer as the snapshot holds it."""

    table: pd.DataFrame
    complete: bool
    round: str
    file: Path

    @property
    def source(self) -> str:
        """The source line for charts and tables that use it."""
        return f"Arbetsförmedlingen, Yrkesbarometern omgång {self.round} (länsnivå)" + (
            "" if self.complete else "; ofullständigt underlag"
        )

    def county(self, county: str) -> pd.DataFrame:
        """The rows for one county (``"14"``), one per occupation × SSYK 4 code."""
        return self.table[self.table["lan"] == county.zfill(2)].reset_index(drop=True)

    def occupations(self, county: str | None = None) -> list[str]:
        """The barometer occupations covered (for a county: those with an assessment there)."""
        rows = self.table if county is None else self.county(county)
        if county is not None:
            rows = rows[rows["rekryteringssituation"].notna()]
        return sorted(rows["yb_yrke"].unique())

    def occupational_areas(self) -> list[str]:
        """The occupational areas (yrkesområden) the snapshot covers."""
        return sorted(self.table["yrkesomrade"].dropna().unique())

    def copy(self) -> Barometer:
        """The same round with a table of its own (what ``memo`` hands out)."""
        return dataclasses.replace(self, table=memo.copied(self.table))


def load(folder: Path | None = None) -> Barometer:
    """The complete barometer when fetched, otherwise the shipped partial copy.

    Read once per file version: a report asks for it in several chapters.
    """
    folder = folder or paths.YRKESBAROMETER
    full = folder / FULL_FILE
    path = full if full.exists() else folder / PARTIAL_FILE
    stat = path.stat()
    return _read(path, path == full, stat.st_mtime_ns, stat.st_size)


@memo.remembered
def _read(path: Path, complete: bool, _mtime_ns: int, _size: int) -> Barometer:
    try:
        frame = table(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as error:  # JSON, UTF-8 and record errors alike
        raise InputFileError(
            f"{tables.shown(path)}: filen går inte att läsa som Yrkesbarometern "
            f"({str(error)[:120]}; filen är skadad eller ändrad). {tables.restore_hint(path)}"
        ) from None
    rounds = sorted(frame["omgang"].dropna().unique())
    return Barometer(table=frame, complete=complete, round=rounds[-1] if rounds else "", file=path)
