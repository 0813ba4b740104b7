"""What the statistics snapshot lacks, said in words where the figures would stand.

The shipped snapshot has everything the chapters need but the complete Yrkesbarometer
(employment, commuting, unemployment and the trends come with Kolada's series in
``data/raw/kolada/``); ``make fetch`` brings the barometer. A chapter asks before it draws::

    if availability.check(rpt, "barometer"):
        ...

and, when the data is missing, the report says so in words instead of skipping the section
silently; the build's output tells the broker to run ``make fetch`` (a command is no news to
the politicians who read the report).

    >>> TOPICS["barometer"].what[:40]
    'Den fullständiga Yrkesbarometern saknas '
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pandas as pd

from helpers.config import paths
from helpers.config.params import Area
from helpers.stats import snapshot

FIX = "Kör make fetch (eller lka fetch) för att hämta dem."


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
    fix: str = FIX


TOPICS: dict[str, Topic] = {
    "barometer": Topic(
        "Den fullständiga Yrkesbarometern saknas i underlaget; här används ett "
        "ofullständigt utdrag.",
        barometer=(snapshot.BAROMETER_FULL,),
        fix="Kör make fetch (eller lka fetch) för att hämta den fullständiga.",
    ),
}


def available(topic: str, public: Path | None = None, barometer: Path | None = None) -> bool:
    """True when the snapshot holds every file ``topic`` needs."""
    need = TOPICS[topic]
    public = public or paths.PUBLIC
    barometer = barometer or paths.YRKESBAROMETER
    files = [public / name for name in need.public] + [barometer / n for n in need.barometer]
    return all(path.exists() for path in files)


def check(rpt: _Reporter, topic: str) -> bool:
    """True when ``topic`` is available for the report's area; otherwise the report says what
    is missing (the build's output says how to fetch it), and this returns False."""
    if available(topic):
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
