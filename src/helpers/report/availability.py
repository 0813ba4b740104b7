"""What the statistics snapshot lacks, said in words where the figures would stand.

The shipped snapshot has no employment by industry, commuting, unemployment, Kolada values
or complete Yrkesbarometer; ``make fetch`` brings them. A chapter asks before it draws::

    if availability.check(rpt, "commuting"):
        rpt.show(industry.commuting_chart(rpt.area))

and, when the data is missing, the report says "Uppgifter om pendling saknas i underlaget."
instead of skipping the section silently; the build's output tells the broker to run
``make fetch`` (a command is no news to the politicians who read the report).

    >>> TOPICS["commuting"].what
    'Uppgifter om pendling saknas i underlaget.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd

from helpers.config import paths
from helpers.config.params import Area
from helpers.stats import kolada, snapshot

FIX = "Kör make fetch för att hämta dem."


class _Reporter(Protocol):
    area: Area

    def missing(self, what: str, how: str = "", *, fix: str = "") -> None: ...


@dataclass(frozen=True)
class Topic:
    """A statistic the report uses: the files it needs, the sentence when they are not, and
    what the broker can do about it."""

    what: str
    public: tuple[str, ...] = ()
    barometer: tuple[str, ...] = ()
    kpis: tuple[str, ...] = ()
    fix: str = FIX


_BAS = snapshot.scb_file("scb_employment_industry_bas")
_RAMS = snapshot.scb_file("scb_employment_industry_rams")
TOPICS: dict[str, Topic] = {
    "employment_by_industry": Topic(
        "Uppgifter om sysselsättning per bransch saknas i underlaget.", public=(_BAS,)
    ),
    "employment_trend": Topic(
        "Uppgifter om sysselsättningens utveckling över tid saknas i underlaget.",
        public=(_BAS, _RAMS),
    ),
    "day_night_population": Topic(
        "Uppgifter om dag- och nattbefolkning saknas i underlaget.", public=(_BAS,)
    ),
    "commuting": Topic(
        "Uppgifter om pendling saknas i underlaget.",
        public=(snapshot.scb_file("scb_commuting"), _BAS),
    ),
    "unemployment": Topic(
        "Uppgifter om arbetslöshet saknas i underlaget.",
        public=(snapshot.KOLADA_VALUES,),
        kpis=("N03937", kolada.POPULATION_KPI),
    ),
    "education_trend": Topic(
        "Uppgifter om utbildningsnivåns utveckling över tid saknas i underlaget.",
        public=(snapshot.KOLADA_VALUES,),
        kpis=("N01982", kolada.POPULATION_KPI),
    ),
    "kolada": Topic("Nyckeltal från Kolada saknas i underlaget.", public=(snapshot.KOLADA_VALUES,)),
    "barometer": Topic(
        "Den fullständiga Yrkesbarometern saknas i underlaget; här används ett "
        "ofullständigt utdrag.",
        barometer=(snapshot.BAROMETER_FULL,),
        fix="Kör make fetch för att hämta den fullständiga.",
    ),
}


def _kpis_present(folder: Path, kpis: tuple[str, ...], codes: Sequence[str]) -> bool:
    values = kolada.load_values(folder)
    if values is None:
        return False
    known = values[values["value"].notna() & (values["gender"] == "T")]
    for kpi in kpis:
        have = set(known.loc[known["kpi"] == kpi, "municipality"])
        if not have or not set(codes) <= have:
            return False
    return True


def available(
    topic: str, public: Path | None = None, barometer: Path | None = None, codes: Sequence[str] = ()
) -> bool:
    """True when the snapshot holds everything ``topic`` needs (for Kolada topics: a value
    for each municipality in ``codes``)."""
    need = TOPICS[topic]
    public = public or paths.PUBLIC
    barometer = barometer or paths.YRKESBAROMETER
    files = [public / name for name in need.public] + [barometer / n for n in need.barometer]
    if not all(path.exists() for path in files):
        return False
    return _kpis_present(public, need.kpis, codes) if need.kpis else True


def check(rpt: _Reporter, topic: str) -> bool:
    """True when ``topic`` is available for the report's area; otherwise the report says what
    is missing (the build's output says how to fetch it), and this returns False."""
    if available(topic, codes=rpt.area.municipalities):
        return True
    need = TOPICS[topic]
    rpt.missing(need.what, fix=need.fix)
    return False


def lacking() -> pd.DataFrame:
    """Every topic the snapshot lacks, with its sentence (for the method chapter)."""
    rows = [
        {"topic": name, "what": topic.what} for name, topic in TOPICS.items() if not available(name)
    ]
    return pd.DataFrame(rows, columns=["topic", "what"])
