"""Kolada's key figures: the series behind the chapters on industry, population and education.

One long table, ``kpi, municipality, period, gender, value``, and a catalogue of its KPIs
(``kpi, title, description, unit, genders, first_period, last_period, publication_date,
retired``). Ids are Kolada's own, as text: a municipality ``1427``, a county ``0014``, Sweden
``0000``; gender ``T`` (total), ``K`` (women), ``M`` (men). A cell Kolada has no value for has
no row. The KPIs are those of ``snapshot.KOLADA_SERIES``.

The series ships in ``data/raw/kolada/`` (Kolada's figures as of autumn 2024); ``make fetch``
writes a refresh to ``data/external/kolada/`` with :func:`write`, and :func:`load` reads the
refresh when it is complete and checked (``stats.sources``), else the shipped copy: one reader
for both. It is read once per process (keyed by the files' size and time).

    >>> figures = load()
    >>> figures.value("N01951", "1427", 2022), figures.latest("N02201")
    (9160.0, 2022)
    >>> figures.source(["N02201"], [2022])
    'Kolada (RKA), nyckeltal N02201 2022 (SCB, Befolkningens arbetsmarknadsstatus, BAS)'
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from helpers.common import memo, text
from helpers.config import paths, regions, tables
from helpers.stats import snapshot, sources

RIKET = "0000"
VALUES_FILE = "kolada_values.csv"
KPIS_FILE = "kolada_kpis.csv"
COLUMNS = ["kpi", "municipality", "period", "gender", "value"]
KPI_COLUMNS = [
    "kpi",
    "title",
    "description",
    "unit",
    "genders",
    "first_period",
    "last_period",
    "publication_date",
    "retired",
]
#: The KPI whose rows show which municipalities, counties and years a series covers.
POPULATION_KPI = "N01951"


def kolada_id(county: str) -> str:
    """Kolada's id for a county (``'14'`` → ``'0014'``); Sweden is ``'0000'``.

    >>> kolada_id("14")
    '0014'
    """
    return county.zfill(4)


def number_text(value: float) -> str:
    """A value as the series files write it: a whole number without ``.0``, others as they are.

    >>> number_text(4076.0), number_text(21.859666)
    ('4076', '21.859666')
    """
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def unit(title: str) -> str:
    """``antal`` for a count, ``procent`` for a share (Kolada's titles end so).

    >>> unit("Invånare totalt, antal"), unit("Inpendling, andel (%)")
    ('antal', 'procent')
    """
    return "antal" if title.rstrip().endswith("antal") else "procent"


def as_table(rows: Iterable[dict[str, object]]) -> pd.DataFrame:
    """Rows as the series table: ids as text, no row without a value, no duplicates, sorted."""
    table = pd.DataFrame(list(rows), columns=COLUMNS)
    table["value"] = pd.to_numeric(table["value"], errors="coerce").astype(float)
    table = table.dropna(subset=["value"])
    table["period"] = table["period"].astype(int)
    for column in ("kpi", "municipality", "gender"):
        table[column] = table[column].astype(str)
    return (
        table.drop_duplicates(["kpi", "municipality", "period", "gender"], keep="last")
        .sort_values(["kpi", "municipality", "period", "gender"])
        .reset_index(drop=True)
    )


def write(values: pd.DataFrame, kpis: pd.DataFrame, folder: Path) -> None:
    """Write the series' two files into ``folder`` (``make fetch`` and the dump's script)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / VALUES_FILE, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in as_table(values.to_dict("records")).itertuples(index=False):
            writer.writerow(
                [row.kpi, row.municipality, row.period, row.gender, number_text(row.value)]
            )
    kpis[KPI_COLUMNS].sort_values("kpi").to_csv(
        folder / KPIS_FILE, index=False, lineterminator="\n"
    )


@dataclass(frozen=True)
class Figures:
    """The series as read, immutable (read-only arrays and mappings), so one copy serves a
    whole kernel: ``parts`` holds, per KPI and gender, Kolada id → row and the rows ×
    ``periods`` array; ``kpis`` the catalogue, KPI id → field → text."""

    folder: Path
    periods: tuple[int, ...]
    parts: Mapping[tuple[str, str], tuple[Mapping[str, int], np.ndarray]] = field(repr=False)
    kpis: Mapping[str, Mapping[str, str]] = field(repr=False)

    @property
    def refreshed(self) -> bool:
        """True when the figures come from a ``make fetch`` refresh, not the shipped copy."""
        return self.folder != paths.KOLADA

    def rows(self, kpi: str, gender: str, ids: Sequence[str]) -> np.ndarray:
        """The values of ``ids`` (one row each, NaN where missing) × :attr:`periods`."""
        found = self.parts.get((kpi, gender))
        out = np.full((len(ids), len(self.periods)), np.nan)
        if found is not None:
            index, data = found
            for row, key in enumerate(ids):
                at = index.get(key)
                if at is not None:
                    out[row] = data[at]
        return out

    def wide(self, kpi: str, gender: str = "T") -> pd.DataFrame:
        """One KPI and gender: Kolada id × year (an empty table when the series lacks it)."""
        found = self.parts.get((kpi, gender))
        if found is None:
            return pd.DataFrame(columns=list(self.periods), dtype=float)
        index, data = found
        return pd.DataFrame(data.copy(), index=list(index), columns=list(self.periods))

    def long(self, kpi: str) -> pd.DataFrame:
        """Every row of one KPI, as the series file has them (``kpi, municipality, period,
        gender, value``)."""
        frames = []
        for (name, gender), (index, data) in self.parts.items():
            if name != kpi:
                continue
            table = pd.DataFrame(data, index=list(index), columns=list(self.periods))
            table = table.rename_axis("municipality").rename_axis("period", axis=1)
            rows = table.stack().rename("value").reset_index()
            frames.append(rows.assign(kpi=kpi, gender=gender))
        if not frames:
            return pd.DataFrame(columns=COLUMNS)
        return pd.concat(frames, ignore_index=True)[COLUMNS]

    def value(self, kpi: str, municipality: str, period: int, gender: str = "T") -> float:
        """One cell, or NaN when Kolada has no value for it."""
        found = self.parts.get((kpi, gender))
        if found is None or period not in self.periods:
            return math.nan
        index, data = found
        at = index.get(municipality)
        return math.nan if at is None else float(data[at, self.periods.index(period)])

    def latest(self, kpi: str, ids: Sequence[str] = (), gender: str = "T") -> int:
        """The latest year with a value for every id in ``ids`` (for any id when none given)."""
        if ids:
            present = ~np.isnan(self.rows(kpi, gender, list(ids))).any(axis=0)
        else:
            found = self.parts.get((kpi, gender))
            present = (
                ~np.isnan(found[1]).all(axis=0) if found else np.zeros(len(self.periods), bool)
            )
        years = [year for year, ok in zip(self.periods, present, strict=True) if ok]
        if not years:
            raise ValueError(f"Kolada-serien saknar värden för {kpi}")
        return max(years)

    def years(self, kpi: str, gender: str = "T") -> list[int]:
        """Every year the KPI has a value for some id."""
        found = self.parts.get((kpi, gender))
        if found is None:
            return []
        present = ~np.isnan(found[1]).all(axis=0)
        return [year for year, ok in zip(self.periods, present, strict=True) if ok]

    def title(self, kpi: str) -> str:
        """The KPI's title as Kolada words it."""
        return self.kpis[kpi]["title"] if kpi in self.kpis else kpi

    def producer(self, kpi: str) -> str:
        """Who produced the figures, from Kolada's description ("SCB", "Arbetsförmedlingen")."""
        if kpi not in self.kpis:
            return ""
        found = re.search(r"Källa:?\s*(.+?)\.?\s*$", self.kpis[kpi]["description"])
        if not found:
            return ""
        producer = found.group(1).replace(" - ", ", ").replace(" – ", ", ")
        return re.sub(r"\s*\((BAS|RAMS)\)$", r", \1", producer)

    def source(self, kpis: Sequence[str], years: Sequence[int]) -> str:
        """The source line: Kolada, the KPIs and years, and who produced the figures."""
        period = text.span(list(years))
        producers = list(dict.fromkeys(p for p in (self.producer(k) for k in kpis) if p))
        ids = text.join(list(dict.fromkeys(kpis)))
        line = f"Kolada (RKA), nyckeltal {ids} {period}".rstrip()
        if producers:
            line += f" ({'; '.join(producers)})"
        if self.refreshed:
            line += ", hämtade med make fetch"
        return line


def _complete(folder: Path) -> list[str]:
    """What a refresh lacks: a KPI of the registry, or a municipality, county or Sweden."""
    catalogue = pd.read_csv(folder / KPIS_FILE, dtype=str)
    lacking = [k.id for k in snapshot.KOLADA_SERIES if k.id not in set(catalogue["kpi"])]
    problems = [f"nyckeltalet {kpi} saknas" for kpi in lacking]
    with open(folder / VALUES_FILE, encoding="utf-8", newline="") as handle:
        covered = {
            row["municipality"] for row in csv.DictReader(handle) if row["kpi"] == POPULATION_KPI
        }
    wanted = {*regions.all_codes(), *(kolada_id(c) for c in regions.counties()["code"]), RIKET}
    absent = sorted(wanted - covered)
    if absent:
        problems.append(f"{len(absent)} kommuner, län eller riket saknas, t.ex. {absent[0]}")
    return problems


SOURCE = sources.register(
    sources.Source(
        "kolada",
        "Kolada (RKA), kommunala nyckeltal",
        paths.KOLADA,
        paths.KOLADA_EXTERNAL,
        (VALUES_FILE, KPIS_FILE),
        check=_complete,
    )
)


def load(folder: Path | None = None) -> Figures:
    """The series: from ``folder``, or the one ``stats.sources`` chooses (refresh or shipped)."""
    chosen = folder or sources.folder(SOURCE.name)
    values = chosen / VALUES_FILE
    stat = values.stat()
    return _read(chosen, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=2)
def _read(folder: Path, _size: int, _mtime: int) -> Figures:
    """Read once per process and file version; immutable, so it is shared, not copied."""
    values = tables.read_csv(
        folder / VALUES_FILE,
        columns=["kpi", "municipality", "period", "gender", "value"],
        # (a refresh that lacks a municipality is told by _complete, and not read)
        dtype={"kpi": str, "municipality": str, "gender": str, "period": int, "value": float},
    )
    table = (
        values.set_index(["kpi", "gender", "municipality", "period"])["value"]
        .unstack("period")
        .sort_index()
    )
    parts = {}
    for (kpi, gender), part in table.groupby(level=[0, 1], sort=False):
        data = part.to_numpy(dtype=float)
        data.setflags(write=False)
        ids = part.index.get_level_values(2)
        index = MappingProxyType({str(key): row for row, key in enumerate(ids)})
        parts[(str(kpi), str(gender))] = (index, data)
    catalogue = tables.read_csv(
        folder / KPIS_FILE, columns=["kpi", "title", "unit"], dtype=str, keep_default_na=False
    )
    kpis = {row["kpi"]: MappingProxyType(dict(row)) for row in catalogue.to_dict("records")}
    return Figures(
        folder,
        tuple(int(year) for year in table.columns),
        MappingProxyType(parts),
        MappingProxyType(kpis),
    )


def catalogue(folder: Path | None = None) -> pd.DataFrame:
    """Kolada's whole KPI list (March 2026, ``data/raw/public/``): id, title, description, ..."""
    return _catalogue((folder or paths.PUBLIC) / "kolada_kpi_catalogue.csv")


@memo.remembered
def _catalogue(path: Path) -> pd.DataFrame:
    return tables.read_csv(path, columns=["id", "title"], dtype=str)
