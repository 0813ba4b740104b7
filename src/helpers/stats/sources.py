"""Statistics sources: where each one's shipped copy and its refresh live, and which is read.

A source ships in ``data/raw/<name>/`` (immutable input, with PROVENANCE.md and a manifest)
and ``make fetch`` writes its refresh to ``data/external/<name>/`` in the same files. A loader
asks :func:`folder` which to read: the refresh when it is complete and checked (every file
there, every checksum as its manifest says, and the source's own check content), otherwise
the shipped copy. :func:`problems` says what is wrong with a refresh that is not used.

A source registers itself where its loader is defined::

    SOURCE = sources.register(sources.Source("kolada", "Kolada (RKA)", paths.KOLADA,
                                              paths.KOLADA_EXTERNAL, (VALUES_FILE, KPIS_FILE),
                                              check=_complete))

    >>> from helpers.stats import kolada
    >>> get("kolada").files
    ('kolada_values.csv', 'kolada_kpis.csv')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.stats import manifest

#: How a reader cites each file the report reads, without its years (the manifests give
#: them, and a refresh may change them): the one place that names the files for a reader.
#: Files that make one source for a reader share its citation.
CITATIONS = {
    "af_job_ads_2024_by_ssyk4_municipality.csv": "Arbetsförmedlingen, platsannonser",
    "af_education_offers_by_ssyk4_2025-05.csv": "Arbetsförmedlingen, yrkesutbildningar per yrke",
    "counties.csv": "SCB, kommuner och län",
    "municipalities.csv": "SCB, kommuner och län",
    "jobtech_municipality_concept_ids.csv": "Arbetsförmedlingen, JobTech Taxonomy",
    "kolada_values.csv": "Kolada (RKA), nyckeltal från SCB och Arbetsförmedlingen",
    "kolada_kpis.csv": "Kolada (RKA), nyckeltal från SCB och Arbetsförmedlingen",
    "kolada_kpi_catalogue.csv": "Kolada (RKA), nyckeltalens beskrivningar",
    "kolada_municipalities.csv": "Kolada (RKA), kommuner och kommungrupper",
    "kolada_municipality_groups.csv": "Kolada (RKA), kommuner och kommungrupper",
    "municipal_panel_2002_2022.csv": "SCB, kommunal statistik i sammanställning",
    "scb_birth_region_age_sex_2019.csv": "SCB, inrikes och utrikes födda",
    "scb_education_level_age_sex_2019.csv": "SCB, befolkningens utbildningsnivå",
    "scb_population_age_sex_2019.csv": "SCB, befolkningsstatistik",
    "yrkesbarometer_2025-2_first1000rows.csv": "Arbetsförmedlingen, Yrkesbarometern (utdrag)",
    "yrkesbarometer_regional_opportunities_outlook_2025.csv": (
        "Arbetsförmedlingen, Yrkesbarometern, bedömningar per län"
    ),
    "yh_programmes.csv": "Myndigheten för yrkeshögskolan, beviljade YH-utbildningar",
    "yh_courses.csv": "Myndigheten för yrkeshögskolan, beviljade YH-kurser och kurspaket",
    "ssyk_title_lookup_v1.csv": "Arbetsförmedlingen, yrkestaxonomin (SSYK 2012)",
}


def citation(file: str, years: str = "", fallback: str = "") -> str:
    """How a reader cites ``file`` with its ``years`` (a hyphen between years reads as a
    dash); ``fallback`` (a manifest's source) for a file without a citation of its own.

    >>> citation("af_job_ads_2024_by_ssyk4_municipality.csv", "2024")
    'Arbetsförmedlingen, platsannonser 2024'
    >>> citation("kolada_values.csv", "1994-2022")
    'Kolada (RKA), nyckeltal från SCB och Arbetsförmedlingen 1994–2022'
    >>> citation("ny_fil.csv", "", fallback="SCB, något nytt")
    'SCB, något nytt'
    """
    name = CITATIONS.get(file, fallback or file)
    years = re.sub(r"(?<=\d)-(?=\d{4})", "–", years.strip())
    return f"{name} {years}" if years else name


def _nothing_more(folder: Path) -> list[str]:
    return []


@dataclass(frozen=True)
class Source:
    """A statistics source: its shipped folder, its refresh folder and the files both hold.

    ``check(folder)`` lists what a refresh lacks beyond its files and checksums (a KPI, a
    municipality); an empty list means it is complete.
    """

    name: str
    title: str
    shipped: Path
    refreshed: Path
    files: tuple[str, ...]
    check: Callable[[Path], list[str]] = _nothing_more


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Add a source to the registry (a second registration of the same name replaces it)."""
    _SOURCES[source.name] = source
    return source


def get(name: str) -> Source:
    """The registered source called ``name``."""
    try:
        return _SOURCES[name]
    except KeyError:
        known = ", ".join(sorted(_SOURCES)) or "inga"
        raise KeyError(f"okänd statistikkälla '{name}' (registrerade: {known})") from None


def names() -> list[str]:
    """The registered sources' names."""
    return sorted(_SOURCES)


def problems(source: Source, folder: Path | None = None) -> list[str]:
    """What keeps ``folder`` (default: the source's refresh) from being read; [] if nothing."""
    folder = folder or source.refreshed
    if not folder.is_dir():
        return [f"{folder} finns inte"]
    missing = [f"{name} saknas" for name in source.files if not (folder / name).is_file()]
    if missing:
        return missing
    return list(_checked(source, folder, _stamp(folder)))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when any file in the folder changes (names, sizes, modification times)."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.iterdir())
        if path.is_file()
    )


@lru_cache(maxsize=8)
def _checked(source: Source, folder: Path, _stamp: object) -> tuple[str, ...]:
    return (*manifest.verify(folder), *source.check(folder))


def folder(name: str) -> Path:
    """The folder to read ``name`` from: its refresh when complete and checked, else shipped."""
    source = get(name)
    if source.refreshed.is_dir() and not problems(source):
        return source.refreshed
    return source.shipped
