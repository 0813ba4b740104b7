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

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from helpers.stats import manifest


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
