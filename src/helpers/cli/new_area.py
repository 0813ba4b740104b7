"""Write the params file of a new area from its municipalities (``make new-area``).

The municipalities are given as ``regions.code_for`` understands them (code, name or its
file-name form); the area's name, slug and author follow from them unless given. The file is
what ``params.load_area(slug)`` reads back, with the survey block commented out for the
broker to fill in once the export is there::

    >>> settings = area_settings(["1488", "1487"])  # write_params also takes "vänersborg"
    >>> print(params_text("trollhattan-vanersborg", settings).splitlines()[2])
    name: "Trollhättan och Vänersborg"

Beside it goes the broker's comments file, ``params/<slug>-kommentarer.md``
(``report.comments``): every chapter's heading with nothing under it yet and, in a note,
how to fill it in; the params file names it (``comments:``), so what the broker writes
there is in the next report. An existing comments file holds the broker's words and is
never overwritten.

It never overwrites a params file unless asked to (``force=True``) and never leaves half a
file: the text goes to a temporary file that is renamed into place.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from helpers.common import text
from helpers.common.errors import ParamsError
from helpers.config import params, paths, regions
from helpers.report import comments

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WIDTH = 100


def area_settings(codes: Sequence[str], name: str | None = None) -> dict[str, Any]:
    """What the params file of an area made of these municipalities says, in its order.

    ``county`` and ``region`` come last, and only for an area outside the default region.

    >>> settings = area_settings(["1488", "1487"])
    >>> settings["name"], settings["author"]
    ('Trollhättan och Vänersborg', 'Kompetensmäklarna, Trollhättans kommun och Vänersborgs kommun')
    """
    names = [regions.municipality_name(code) for code in codes]
    brokers = "Kompetensmäklaren" if len(codes) == 1 else "Kompetensmäklarna"
    return {
        "name": _check_name(name) if name is not None else text.join(names),
        "municipalities": list(codes),
        "year": params.default_year(),
        "author": f"{brokers}, {_full_names(codes)}",
        **params.comparisons_outside_region(codes, params.read_defaults()),
    }


def write_params(
    codes_or_names: Sequence[str],
    *,
    name: str | None = None,
    slug: str | None = None,
    force: bool = False,
) -> Path:
    """Write ``params/<slug>.yaml`` for a new area; returns its path.

    The slug defaults to the municipalities' file-name forms joined by hyphens
    (``trollhattan-vanersborg``). Raises ``ParamsError`` for no municipality, an unknown or
    repeated one, a bad name or slug, and a params file that exists already (unless ``force``).
    """
    codes = _resolve(codes_or_names)
    settings = area_settings(codes, name)
    area_slug = _check_slug(slug, codes) if slug else "-".join(map(regions.area_slug, codes))
    target = paths.PARAMS / f"{area_slug}.yaml"
    if target.exists() and not force:
        raise ParamsError(
            f"{shown(target)} finns redan och skrivs inte över. "
            "Välj ett annat namn med --slug (make: SLUG=...) eller skriv över med --force "
            "(make: FORCE=1)."
        )
    notes = comments_file(area_slug)
    new_notes = write_comments_example(area_slug, settings["name"])
    try:
        write_atomically(target, params_text(area_slug, settings))
    except BaseException:
        if new_notes:
            notes.unlink(missing_ok=True)
        raise
    return target


def write_comments_example(slug: str, name: str) -> bool:
    """Write the area's example comments file (every chapter's heading, empty) unless it is
    there already: a broker's comments are never overwritten. True when it was written."""
    notes = comments_file(slug)
    if notes.exists():
        return False
    from helpers.build import execute  # the chapters' titles (imports nbformat: only here)

    titles = execute.chapter_titles(execute.chapter_paths())
    write_atomically(notes, comments.example(titles, name))
    return True


def comments_file(slug: str) -> Path:
    """Where a new area's comments file goes: beside its params file.

    >>> comments_file("lysekil").relative_to(paths.ROOT).as_posix()
    'params/lysekil-kommentarer.md'
    """
    return paths.PARAMS / f"{slug}-kommentarer.md"


def params_text(slug: str, settings: dict[str, Any]) -> str:
    """The params file's text: the settings, the colour commented out, the comments file,
    the survey commented out."""
    defaults = params.read_defaults()
    folder = shown(paths.SURVEYS / slug)
    year = settings["year"]
    lines = [
        f"# {_full_names(settings['municipalities'])}. Skriven av lka new-area.",
        "# Kommunkoder är text: skriv dem alltid inom citattecken.",
        *(
            f"{key}: {quoted(value)}"
            for key, value in settings.items()
            if key not in ("county", "region")
        ),
        *_comparison_lines(settings, defaults),
        f"# colour: {quoted(defaults['colour'])}  # rapportens färg, om inte standardfärgen",
        "# Kompetensmäklarens egna kommentarer, överst i kapitlen: skriv dem i den här filen.",
        f"comments: {quoted(shown(comments_file(slug)))}",
        f"# Arbetsgivarenkäten: lägg in exporten med make survey MUNI={slug} FILE=... INVITED=...",
        f"# (eller lka survey), eller lägg den i {folder}/{year}/ och ta bort '# ' framför",
        "# raderna survey, file, invited och de andra som gäller, och fyll i dem.",
        "# survey:",
        *(f"#   {key}: {value}  # {note}" for key, value, note in _survey_keys(folder, year)),
    ]
    return "\n".join(lines) + "\n"


def _survey_keys(folder: str, year: int) -> list[tuple[str, str, str]]:
    """Every key of a params file's ``survey:`` block: key, an example value, what it is."""
    return [
        ("file", f"{folder}/{year}/kompetensbehov-{year}.xlsx", "exporten (.xlsx eller .csv)"),
        (
            "previous",
            f"{folder}/{year - 1}/kompetensbehov-{year - 1}.xlsx",
            "fjolårets, om den finns",
        ),
        ("invited", "150", "hur många arbetsgivare som bjöds in"),
        ("example", "false", "true bara för påhittade exempelsvar"),
        ("mapping", f"{folder}/mapping.yaml", "andra verktyg: docs/survey-mapping.md"),
        ("sheet", "Svar", "bladet, om det inte hittas av sig självt"),
        ("exclude_outside_area", "false", "true: svar från andra kommuner räknas inte"),
    ]


def _comparison_lines(settings: dict[str, Any], defaults: dict[str, Any]) -> list[str]:
    """``county`` and ``region``, for an area outside the default region; else nothing."""
    if "region" not in settings:
        return []
    region = settings["region"]
    prefix = "  municipalities: ["
    codes = textwrap.wrap(
        ", ".join(quoted(code) for code in region["municipalities"]),
        width=_WIDTH - 1,  # the closing bracket
        initial_indent=prefix,
        subsequent_indent=" " * len(prefix),
    )
    return [
        f"# Utanför {defaults['region']['name']}: jämförs med {region['name']} i stället.",
        f"county: {quoted(settings['county'])}",
        "region:",
        f"  name: {quoted(region['name'])}",
        *codes[:-1],
        codes[-1] + "]",
    ]


def _resolve(codes_or_names: Sequence[str]) -> tuple[str, ...]:
    if not codes_or_names:
        raise ParamsError(
            "Ange minst en kommun (kod eller namn), t.ex. "
            'make new-area CODES="1484 1485" NAME="Lysekil och Uddevalla".'
        )
    found, unknown = municipalities_in(codes_or_names)
    if unknown:
        hints = "".join(regions.did_you_mean(given) for given in unknown)
        raise ParamsError(
            f"Okänd kommun: {', '.join(repr(given) for given in unknown)}.{hints} Ange en "
            "kommunkod med fyra siffror (t.ex. 1427) eller ett kommunnamn (t.ex. lysekil, "
            '"Lilla Edet"); alla 290 finns i '
            f"{shown(paths.PUBLIC / 'municipalities.csv')}."
        )
    codes: list[str] = []
    for _, code in found:
        if code in codes:
            same = [other for other, other_code in found if other_code == code]
            raise ParamsError(
                f"{regions.municipality_name(code)} ({code}) anges mer än en gång "
                f"({', '.join(repr(other) for other in same)}). Ange varje kommun en gång."
            )
        codes.append(code)
    return tuple(codes)


def municipalities_in(given: Sequence[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The municipalities named in ``given`` as (what was written, code), and what names none.

    Codes and names may come one per argument or several in one (``make new-area
    CODES="1484 1485"``), separated by spaces or commas; a name may have spaces of its own
    ("Lilla Edet", typed with or without quotes): the longest run of words that names a
    municipality is taken.

    >>> found, unknown = municipalities_in(["1484 Lilla Edet", "Upplands Väsby,Orust"])
    >>> found
    [('1484', '1484'), ('Lilla Edet', '1462'), ('Upplands Väsby', '0114'), ('Orust', '1421')]
    >>> municipalities_in(["Lila Edet Orust"])
    ([('Orust', '1421')], ['Lila Edet'])
    """
    found: list[tuple[str, str]] = []
    unknown: list[str] = []
    for part in " ".join(given).split(","):
        words = part.split()
        start = 0
        while start < len(words):
            named = _longest_name(words, start)
            if named is not None:
                end, code = named
                found.append((" ".join(words[start:end]), code))
            else:  # unknown words, up to the next word that begins a name
                end = start + 1
                while end < len(words) and not _starts_apart(words, start, end):
                    end += 1
                unknown.append(" ".join(words[start:end]))
            start = end
    return found, unknown


def _starts_apart(words: list[str], start: int, end: int) -> bool:
    """Whether ``words[end]`` begins something of its own after the unknown ``words[start]``:
    a name, or a code (digits never belong to a name)."""
    return words[start].isdigit() or words[end].isdigit() or _longest_name(words, end) is not None


def _longest_name(words: list[str], start: int) -> tuple[int, str] | None:
    """(end, code) of the longest run of ``words`` from ``start`` that names a municipality."""
    for end in range(len(words), start, -1):
        if (code := regions.code_for(" ".join(words[start:end]))) is not None:
            return end, code
    return None


def _check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or "\n" in cleaned:
        raise ParamsError(
            f"Områdets namn {name!r} duger inte: det ska vara en rad text, "
            't.ex. "Trollhättan och Vänersborg".'
        )
    return cleaned


def _check_slug(slug: str, codes: tuple[str, ...]) -> str:
    if not _SLUG.match(slug) or slug == "defaults":
        raise ParamsError(
            f"Filnamnet {slug!r} duger inte: använd små bokstäver a–z, siffror och "
            "bindestreck, t.ex. trollhattan-vanersborg."
        )
    other = regions.code_for(slug)
    if other is not None and other not in codes:
        # make report MUNI=<slug> would build this area instead of that municipality.
        raise ParamsError(
            f"Filnamnet {slug!r} är namnet på {regions.municipality_name(other)} ({other}), "
            "som inte ingår i området. Välj ett annat med --slug (make: SLUG=...)."
        )
    return slug


def _full_names(codes: Sequence[str]) -> str:
    return text.join([regions.municipality_full_name(code) for code in codes])


def shown(path: Path) -> str:
    """A path as the user writes it: relative to the project folder when inside it."""
    return str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)


def quoted(value: object) -> str:
    """A YAML value, strings in double quotes (JSON is valid YAML): ``"1427"``, ``2026``."""
    return json.dumps(value, ensure_ascii=False)


def write_atomically(target: Path, content: str) -> None:
    """Write ``content`` to ``target`` through a temporary file beside it, then rename."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
