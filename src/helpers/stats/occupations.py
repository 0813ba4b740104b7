"""Offline coding of free-text job titles to SSYK 2012 level 4 (the survey's bristyrken).

Employers write job titles as they say them: "MIG-svetsare", "undersköterskor", "CNC operatör".
This module codes them without a network, in four steps:

1. A **versioned lookup** (``data/processed/classifications/ssyk_title_lookup_v1.csv``) built
   from Arbetsförmedlingen's occupation taxonomy: every occupation name, SSYK group label, job
   title and occupation keyword, normalised, with the SSYK 4 group it belongs to. One row per
   normalised key; when a key points at several groups the choice is made by the rule in its
   manifest and the losers are kept in ``alternatives``. ``make processed`` builds it
   (``tools/processed/title_lookup.py``); a test checks the rebuild is byte-identical.
2. **Normalised matching** of each title: case, Unicode NFC, hyphens and spaces ("CNC-operatör"
   = "CNC operatör" = "cncoperatör"), counts ("2 st") and bracketed remarks removed; then
   Swedish plural and definite forms ("svetsarna", "undersköterskan", "kocken"); then a title
   naming several occupations ("kock/servitör") is coded by its first part; then compounds
   (the longest known title at the end of the word: "fartygssvetsare" → "svetsare"); then
   fuzzy matches (the first words of a longer text, or a close spelling: "svettsare").
3. An **override file** kept by the analyst (``params/ssyk_overrides.csv``) that wins over all
   of it and is reused next year.
4. A **summary** for the method chapter: the share of mentions coded, and coded automatically.

Codes are the taxonomy's level-4 groups (400). The taxonomy merges some SCB codes (manager
levels 1/2, e.g. 1211 + 1212 → 1210; 5321 + 5322 → 5321; 5323 + 5324 → 5323): an SCB code
given in the override file or to ``ssyk4_label`` is mapped to the taxonomy group it falls in.

    >>> coded = code_titles(["MIG-svetsare", "undersköterskan", "fartygssvetsare", "vet ej"])
    >>> list(coded["ssyk4"])
    ['7212', '5321', '7212', <NA>]
    >>> list(coded["method"])
    ['exact', 'inflection', 'compound', 'uncoded']
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from helpers.common.errors import InputFileError, ParamsError
from helpers.config import paths, tables

#: Bump when the lookup's sources or build rules change; the file name carries it, so a report
#: can say which lookup coded its titles and last year's file stays readable.
LOOKUP_VERSION = "1"
LOOKUP_FILE = paths.PROCESSED_CLASSIFICATIONS / f"ssyk_title_lookup_v{LOOKUP_VERSION}.csv"
MANIFEST_FILE = (
    paths.PROCESSED_CLASSIFICATIONS / f"ssyk_title_lookup_v{LOOKUP_VERSION}.manifest.json"
)
DEFAULT_OVERRIDES = paths.SSYK_OVERRIDES

GROUPS_FILE = "jobtech_ssyk-level-4-groups-with-related-occupations.json"
SCB_FILE = "ssyk2012_scb_codes_en_with_jobtech_sv.csv"
#: Every value of the ``method`` column, strongest first.
METHODS = ("override", "exact", "inflection", "compound", "fuzzy", "uncoded")
#: Methods that count as "coded automatically" (no analyst involved).
AUTOMATIC = ("exact", "inflection", "compound", "fuzzy")

_MIN_HEAD = 4  # shortest known title accepted as the head of a compound ("kock")
_MIN_FUZZY = 7  # shortest text tried for a close spelling
_FUZZY_CUTOFF = 0.88

# Plural and definite endings of Swedish occupation nouns → the base form's ending. Each rule
# is tried; only forms that are known titles are used, longest first.
_ENDINGS = (
    ("orna", "a"),  # undersköterskorna
    ("or", "a"),  # undersköterskor, kassörskor
    ("an", "a"),  # undersköterskan
    ("arna", "are"),  # svetsarna, lärarna
    ("arna", ""),  # kockarna
    ("ar", ""),  # kockar, lärlingar
    ("erna", ""),  # montörerna, servitriserna
    ("er", ""),  # montörer, servitriser, assistenter
    ("en", ""),  # kocken, montören, assistenten
    ("na", ""),  # elektrikerna, biträdena
    ("n", ""),  # svetsaren, elektrikern, biträden
    ("et", "e"),  # biträdet
    ("männen", "man"),
    ("mannen", "man"),
    ("män", "man"),  # brandmän
)

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_COUNT = re.compile(
    r"(?<!\w)\d+(?:\s*[-–]\s*\d+)?(?:\s*(?:st|stycken|personer|pers)\.?)?(?![\w-])", re.IGNORECASE
)
_ETC = re.compile(r"(?<!\w)(?:m\.?\s?fl|etc|osv)\.?(?!\w)")
_NON_WORD = re.compile(r"[^\w+#]+|_")
_PARTS = re.compile(r"\s*(?:/|,|;|&|\boch\b|\beller\b|\bsamt\b|\s\+\s)\s*", re.IGNORECASE)


# --- normalisation ------------------------------------------------------------------------


def normalize(text: object) -> str:
    """The comparable form of a title: NFC, lower case, words separated by single spaces.

    Hyphens, slashes and punctuation become spaces; bracketed remarks, counts ("2 st") and
    "m.fl." are dropped. Missing values give "".

    >>> normalize("  MIG-Svetsare (2 st) ")
    'mig svetsare'
    """
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return ""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    folded = _PAREN.sub(" ", folded)
    folded = _COUNT.sub(" ", folded)
    folded = _ETC.sub(" ", folded)
    return " ".join(_NON_WORD.sub(" ", folded).split())


def title_key(text: str) -> str:
    """The lookup's key of a title: its normalised form without spaces, so that "cnc operatör",
    "cnc-operatör" and "cncoperatör" meet.

    >>> title_key("CNC-operatör")
    'cncoperatör'
    """
    return normalize(text).replace(" ", "")


def base_forms(word: str) -> list[str]:
    """Possible singular indefinite forms of a Swedish occupation noun, longest first.

    Only candidates: the caller keeps those that are known titles.

    >>> "undersköterska" in base_forms("undersköterskorna")
    True
    """
    forms = {word[: -len(end)] + base for end, base in _ENDINGS if word.endswith(end)}
    forms.discard(word)
    return sorted((f for f in forms if len(f) >= 3), key=lambda f: (-len(f), f))


# --- the taxonomy ----------------------------------------------------------------------------


def taxonomy_concepts(name: str, folder: Path | None = None) -> list[dict]:
    """The concepts of one taxonomy download in ``data/raw/classifications/`` (``data.concepts``).

    >>> len(taxonomy_concepts(GROUPS_FILE))
    400
    """
    folder = folder or paths.CLASSIFICATIONS
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))["data"]["concepts"]
    except FileNotFoundError:
        raise InputFileError(
            f"{tables.shown(path)}: filen saknas. {tables.restore_hint(path)}"
        ) from None
    except (ValueError, KeyError, TypeError) as exc:  # JSON and UTF-8 errors are ValueErrors
        raise InputFileError(
            f"{tables.shown(path)}: ingen nedladdning av JobTechs taxonomi (data.concepts "
            f"saknas: {str(exc)[:80]}; filen är skadad eller ändrad). {tables.restore_hint(path)}"
        ) from None


# --- SSYK groups and labels -----------------------------------------------------------------


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    groups = taxonomy_concepts(GROUPS_FILE)
    return dict(sorted((g["ssyk_code_2012"], g["preferred_label"]) for g in groups))


def ssyk_labels() -> pd.DataFrame:
    """The taxonomy's 400 SSYK 4 groups: ``ssyk4`` and Swedish ``label``, sorted by code.

    >>> ssyk_labels().iloc[0].tolist()
    ['0110', 'Officerare']
    """
    return pd.DataFrame(list(_labels().items()), columns=["ssyk4", "label"])


@cache
def _scb_to_taxonomy() -> Mapping[str, str]:
    table = tables.read_csv(
        paths.CLASSIFICATIONS / SCB_FILE,
        columns=["level", "ssyk_code", "jobtech_group_code"],
        dtype=str,
        encoding="utf-8-sig",
    )
    level4 = table[(table["level"] == "4") & table["jobtech_group_code"].notna()]
    pairs = zip(level4["ssyk_code"], level4["jobtech_group_code"], strict=True)
    return MappingProxyType(dict(pairs))


def taxonomy_code(code: str) -> str:
    """The taxonomy group of an SSYK 4 code; SCB codes the taxonomy merges map to their group.

    >>> taxonomy_code("5322"), taxonomy_code("1212"), taxonomy_code("7212")
    ('5321', '1210', '7212')
    """
    code = str(code).strip()
    if code in _labels():
        return code
    mapped = _scb_to_taxonomy().get(code)
    if mapped in _labels():
        return mapped
    raise KeyError(f"{code!r} is not an SSYK 2012 level-4 code")


def ssyk4_label(code: str) -> str:
    """The Swedish name of an SSYK 4 group as the taxonomy writes it.

    >>> ssyk4_label("7212")
    'Svetsare och gasskärare'
    """
    return _labels()[taxonomy_code(code)]


# --- the matcher ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    ssyk4: str
    method: str
    matched: str  # the lookup label (or override title) that decided
    alternatives: str = ""


@dataclass(frozen=True)
class _Index:
    entries: Mapping[str, tuple[str, str, str]]  # key → (ssyk4, label, alternatives)
    by_initial: Mapping[str, tuple[str, ...]]  # first letter → keys, for close spellings


@cache
def _index() -> _Index:
    table = tables.read_csv(
        LOOKUP_FILE,
        columns=["key", "ssyk4", "label", "alternatives"],
        dtype=str,
        keep_default_na=False,
    )
    entries = {
        key: (code, label, alt)
        for key, code, label, alt in zip(
            table["key"], table["ssyk4"], table["label"], table["alternatives"], strict=True
        )
    }
    initials: dict[str, list[str]] = defaultdict(list)
    for key in entries:
        initials[key[0]].append(key)
    by_initial = {k: tuple(v) for k, v in initials.items()}
    return _Index(MappingProxyType(entries), MappingProxyType(by_initial))


def _exact(key: str, entries: Mapping) -> _Hit | None:
    """The key itself, or one of its base forms, is a known title."""
    if key in entries:
        code, label, alt = entries[key]
        return _Hit(code, "exact", label, alt)
    for form in base_forms(key):
        if form in entries:
            code, label, alt = entries[form]
            return _Hit(code, "inflection", label, alt)
    return None


def _compound(key: str, entries: Mapping) -> _Hit | None:
    """The longest known title at the end of the key (or of one of its base forms)."""
    best = ""
    for form in [key, *base_forms(key)]:
        for start in range(2, len(form) - _MIN_HEAD + 1):
            if form[start:] in entries:
                best = max(best, form[start:], key=len)
                break  # the longest head of this form
    if not best:
        return None
    code, label, alt = entries[best]
    return _Hit(code, "compound", label, alt)


def _direct(key: str, entries: Mapping) -> _Hit | None:
    return _exact(key, entries) or _compound(key, entries)


def _close_spelling(key: str, index: _Index) -> _Hit | None:
    if len(key) < _MIN_FUZZY:
        return None
    best: tuple[float, str] | None = None
    for form in [key, *base_forms(key)]:
        pool = [k for k in index.by_initial.get(form[0], ()) if abs(len(k) - len(form)) <= 1]
        for match in difflib.get_close_matches(form, pool, n=1, cutoff=_FUZZY_CUTOFF):
            ratio = difflib.SequenceMatcher(None, form, match).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, match)
    if best is None:
        return None
    code, label, alt = index.entries[best[1]]
    return _Hit(code, "fuzzy", label, alt)


@lru_cache(maxsize=4096)
def _code_text(text: str) -> _Hit | None:
    """Code one normalised text (no overrides, no parts); None when nothing matches."""
    index = _index()
    hit = _direct(text.replace(" ", ""), index.entries)
    if hit is not None:
        return hit
    # The rest is "fuzzy": only part of the text, or a close spelling, decided.
    words = text.split()
    for size in range(len(words) - 1, 0, -1):  # the first words: "undersköterska natt"
        hit = _direct("".join(words[:size]), index.entries)
        if hit is not None:
            return _Hit(hit.ssyk4, "fuzzy", hit.matched, hit.alternatives)
    return _close_spelling(text.replace(" ", ""), index)


def _code_title(title: str, text: str) -> _Hit | None:
    """Code one title: whole-text match first, then its parts, then the rest of the rules.

    A title naming several occupations ("kockar och servitörer", "kock/servitör") is coded
    to its first part that codes; the other parts' groups go to ``alternatives``. This is
    tried before compounds so that "kockochservitör" does not become "servitör".
    """
    hit = _exact(text.replace(" ", ""), _index().entries)
    if hit is not None:
        return hit
    parts = [p for p in (normalize(part) for part in _PARTS.split(title)) if p]
    if len(parts) >= 2:
        found = [h for h in map(_code_text, parts) if h is not None]
        if found:
            others = sorted({h.ssyk4 for h in found[1:]} - {found[0].ssyk4})
            return _Hit(found[0].ssyk4, "fuzzy", found[0].matched, "; ".join(others))
    return _code_text(text)


# --- overrides ----------------------------------------------------------------------------------


def read_overrides(path: Path | None = None) -> pd.DataFrame:
    """The analyst's override file: columns title, ssyk4 (taxonomy code), comment, key.

    Lines starting with ``#`` are comments. Either ``,`` or ``;`` separates columns (Excel
    in Swedish saves with ``;``). A three-digit code is read as having lost its leading zero.
    SCB codes the taxonomy merges are mapped to its group (5322 → 5321).
    """
    path = path or DEFAULT_OVERRIDES
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ParamsError(f"override file {path} does not exist") from exc
    lines = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise ParamsError(f"{path}: no header line 'title,ssyk4,comment'")
    delimiter = ";" if lines[0][1].count(";") > lines[0][1].count(",") else ","
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in lines)), delimiter=delimiter))
    header = [h.strip().lower() for h in rows[0]]
    if header[:2] != ["title", "ssyk4"]:
        raise ParamsError(
            f"{path}, line {lines[0][0]}: the header must be 'title,ssyk4,comment', "
            f"found {','.join(rows[0])!r}"
        )
    records = []
    seen: dict[str, tuple[str, int]] = {}
    for (number, _), row in zip(lines[1:], rows[1:], strict=True):
        row = [*row, "", ""]
        title, code, comment = row[0].strip(), row[1].strip(), row[2].strip()
        key = title_key(title)
        if not key:
            raise ParamsError(f"{path}, line {number}: the title is empty")
        if re.fullmatch(r"\d{3}", code):
            code = code.zfill(4)
        try:
            code = taxonomy_code(code)
        except KeyError:
            raise ParamsError(
                f"{path}, line {number}: {code!r} for {title!r} is not an SSYK 2012 level-4 "
                "code; write the four digits of a group in ssyk_labels()"
            ) from None
        if key in seen and seen[key][0] != code:
            raise ParamsError(
                f"{path}, line {number}: {title!r} is already coded {seen[key][0]} on line "
                f"{seen[key][1]}; keep one of the two rows"
            )
        seen[key] = (code, number)
        records.append({"title": title, "ssyk4": code, "comment": comment, "key": key})
    return pd.DataFrame(records, columns=["title", "ssyk4", "comment", "key"])


@lru_cache(maxsize=8)
def _override_map(path: Path, mtime: float) -> Mapping[str, tuple[str, str]]:
    table = read_overrides(path)
    pairs = zip(table["ssyk4"], table["title"], strict=True)
    return MappingProxyType(dict(zip(table["key"], pairs, strict=True)))


def _overrides_for(path: Path | None) -> Mapping[str, tuple[str, str]]:
    if path is None:
        if not DEFAULT_OVERRIDES.exists():
            return MappingProxyType({})
        path = DEFAULT_OVERRIDES
    path = Path(path)
    if not path.exists():
        raise ParamsError(f"override file {path} does not exist")
    return _override_map(path.resolve(), path.stat().st_mtime)


# --- public API ---------------------------------------------------------------------------


def code_titles(titles: Iterable[str], overrides: Path | None = None) -> pd.DataFrame:
    """Code free-text job titles to SSYK 4, one output row per title, in the given order.

    ``overrides`` is the analyst's override file; None means the project's
    ``params/ssyk_overrides.csv`` (no overrides if it does not exist). An override matches the
    title's normalised form or its singular (so "elektriker" also covers "elektrikerna").

    The output keeps the index of a Series passed as ``titles`` (so it joins back to the
    survey's rows); other iterables get a RangeIndex.

    Columns: ``title`` (as given), ``normalized``, ``ssyk4`` (4-digit string, <NA> when
    uncoded), ``ssyk4_label``, ``method`` (one of ``METHODS``), ``matched`` (the taxonomy label
    or override title that decided, for review), ``alternatives`` (other SSYK 4 groups the
    matched title could also mean, or other parts of a multi-part title; "" if none).

    >>> code_titles(["CNC operatör"])[["ssyk4", "method"]].values.tolist()
    [['7223', 'exact']]
    """
    override_map = _overrides_for(overrides)
    index = titles.index if isinstance(titles, pd.Series) else None
    titles = list(titles)
    rows = []
    for title in titles:
        text = normalize(title)
        hit: _Hit | None = None
        if text:
            key = text.replace(" ", "")
            for form in [key, *base_forms(key)]:
                if form in override_map:
                    code, written = override_map[form]
                    hit = _Hit(code, "override", written)
                    break
            if hit is None:
                hit = _code_title(str(title), text)
        if hit is None:
            rows.append((title, text, pd.NA, pd.NA, "uncoded", "", ""))
        else:
            rows.append(
                (
                    title,
                    text,
                    hit.ssyk4,
                    _labels()[hit.ssyk4],
                    hit.method,
                    hit.matched,
                    hit.alternatives,
                )
            )
    table = pd.DataFrame(
        rows,
        columns=[
            "title",
            "normalized",
            "ssyk4",
            "ssyk4_label",
            "method",
            "matched",
            "alternatives",
        ],
    )
    table["title"] = pd.Series([*titles], dtype=object)
    for column in ("ssyk4", "ssyk4_label"):
        table[column] = table[column].astype("string")
    if index is not None:
        table.index = index
    return table


def coding_summary(coded: pd.DataFrame) -> dict:
    """How well a set of mentions was coded, for the method chapter.

    A *mention* is a row of ``code_titles`` output with a non-empty normalised title.
    ``share_coded`` = mentions with a code / mentions (overrides included);
    ``share_automatic`` = mentions coded without an override / mentions. Shares are NaN when
    there are no mentions. ``by_method`` counts mentions per method.

    >>> coding_summary(code_titles(["svetsare", "qwzx"]))["share_automatic"]
    0.5
    """
    mentions = coded[coded["normalized"].fillna("").str.len() > 0]
    n = len(mentions)
    by_method = {m: int((mentions["method"] == m).sum()) for m in METHODS}
    automatic = sum(by_method[m] for m in AUTOMATIC)
    total = automatic + by_method["override"]
    return {
        "mentions": n,
        "coded": total,
        "coded_automatically": automatic,
        "overridden": by_method["override"],
        "uncoded": by_method["uncoded"],
        "share_coded": total / n if n else math.nan,
        "share_automatic": automatic / n if n else math.nan,
        "by_method": by_method,
        "lookup_version": LOOKUP_VERSION,
    }


def coding_rate(coded: pd.DataFrame) -> float:
    """The share of mentions coded automatically (no override): ``share_automatic`` above."""
    return coding_summary(coded)["share_automatic"]
