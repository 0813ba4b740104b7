"""What the chapters built on Kolada's series say about their figures: the source line, and
the years the series lacks for a municipality of the area (a municipality formed later, like
Knivsta in 2003, or a cell SCB does not publish), said under the chart instead of a gap that
goes unexplained.

    >>> from helpers.config.params import load_area
    >>> gaps(load_area("0330"), "N01951")
    ['Kolada har inga uppgifter om Knivsta för 1994–2001.']
    >>> source(["N01951"], [2022], "andel av invånarna")
    'Kolada (RKA), nyckeltal N01951 2022 (SCB); bearbetning: andel av invånarna'
"""

from __future__ import annotations

import pandas as pd

from helpers.common import text
from helpers.config.params import Area
from helpers.stats import kolada


def source(kpis: list[str], years: list[int], processing: str = "") -> str:
    """A chart's source line: Kolada's KPIs and years, and what the report computed."""
    line = kolada.load().source(kpis, years)
    return f"{line}; bearbetning: {processing}" if processing else line


def gaps(area: Area, kpi: str, years: list[int] | None = None, gender: str = "T") -> list[str]:
    """One note per municipality of the area that lacks figures in some of ``years`` (default:
    every year the series has the KPI for anyone)."""
    series = kolada.load()
    wanted = series.years(kpi, gender) if years is None else years
    notes = []
    for code, name in zip(area.municipalities, area.municipality_names, strict=True):
        absent = [y for y in wanted if pd.isna(series.value(kpi, code, y, gender))]
        if absent:
            runs = [text.span(run) for run in _runs(absent)]
            notes.append(f"Kolada har inga uppgifter om {name} för {text.join(runs)}.")
    return notes


def _runs(years: list[int]) -> list[list[int]]:
    """Consecutive years together: [1994, 1995, 2010] → [[1994, 1995], [2010]]."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return runs
