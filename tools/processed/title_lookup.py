"""Arbetsförmedlingen's occupation taxonomy → ``data/processed/classifications/`` title lookup.

``helpers.stats.occupations`` codes the survey's free-text job titles with a versioned lookup:
one row per normalised key (occupation names of both taxonomy versions and their "/"-parts,
SSYK group labels and their single-word occupations, job titles, qualified names' heads,
unambiguous keywords) → SSYK 4 group, with the rule below for keys that point at several
groups. It is built here from the taxonomy files in ``data/raw/classifications/``;
``python -m processed title_lookup`` rebuilds it with its manifest, and a test checks the
rebuild is byte-identical. Bump ``occupations.LOOKUP_VERSION`` when sources or rules change::

    >>> table = build_lookup()
    >>> table.set_index("key").loc["undersköterska", ["ssyk4", "source", "alternatives"]].tolist()
    ['5321', 'occupation-name-head', '5323 (1)']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from helpers.config import paths
from helpers.stats.occupations import (
    GROUPS_FILE,
    LOOKUP_FILE,
    LOOKUP_VERSION,
    MANIFEST_FILE,
    base_forms,
    normalize,
    taxonomy_concepts,
    title_key,
)
from processed.common import checksums, csv_bytes, sha256, shown, write_manifest

NAMES_2024_FILE = "jobtech_occupation_names_with_titles_ssyk__androjon.json"
TITLES_FILE = "jobtech_job_titles_to_occupation_names__androjon.json"
KEYWORDS_FILE = "jobtech_keyword-concepts-with-relations.json"
#: The taxonomy files the lookup is built from (their checksums go in the manifest).
LOOKUP_SOURCES = (GROUPS_FILE, NAMES_2024_FILE, TITLES_FILE, KEYWORDS_FILE)
BUILT_BY = "make processed (python -m processed title_lookup, tools/processed/title_lookup.py)"
RULE = (
    "strongest source tier wins; within it the SSYK 4 group with most distinct taxonomy "
    "entries; tie → lowest code"
)

#: Where a lookup key came from, strongest first. A key found in an earlier tier ignores the
#: later ones; see ``build_lookup``.
TIERS = (
    "occupation-name",  # occupation names in the current taxonomy (Dec 2025)
    "ssyk4-group",  # the SSYK 4 group's own label ("Personliga assistenter")
    "occupation-name-2024",  # names only in the Oct 2024 taxonomy (probably retired since)
    "job-title",  # job titles (synonyms), through the occupation names they point to
    "ssyk4-group-part",  # one occupation of a group label ("Kallskänkor" of "Kockar och ...")
    "occupation-name-head",  # the part of a current name before its qualifier ("Kock, fartyg")
    "occupation-name-2024-head",  # the same for names only in the 2024 taxonomy
    "keyword",  # keywords whose occupation names all fall in one group ("Frissa")
)


def _label_parts(label: str) -> list[str]:
    # "Servitör/Servitris" names two titles; keep the whole label as well.
    parts = [label] + [p.strip() for p in label.split("/")] if "/" in label else [label]
    return [p for p in dict.fromkeys(parts) if p]


def _head(label: str) -> str:
    # "Kock, à la carte" → "Kock"; "Skötare (inom psykiatrisk vård)" → "Skötare".
    return re.split(r"[,(]", label, maxsplit=1)[0].strip()


def _label_words(label: str) -> set[str]:
    """The words of a group label with their base forms: "Undersköterskor, ..." → undersköterska."""
    words = set()
    for word in normalize(label).split():
        words.add(word)
        words.update(base_forms(word))
    return words


def build_lookup(folder: Path | None = None) -> pd.DataFrame:
    """Build the title lookup from the taxonomy files in ``folder`` (default: the project's).

    Rule for a key that points at several SSYK 4 groups, recorded in the output:
    the key's strongest source tier (``TIERS``) decides; within it the group supported by
    the most distinct taxonomy entries wins (for a job title: the number of its occupation
    names in each group); a tie goes to the lowest code. ``support`` counts the winner's
    entries, ``alternatives`` lists the other groups of the same tier as "code (entries)".

    The head of a qualified name ("Undersköterska" of "Undersköterska, hemtjänst, ...") and
    one occupation of a group label ("Kallskänkor" of "Kockar och kallskänkor") are keys only
    when they are one word that occurs in fewer than three group labels: "Chef", "Lärling" or
    "Maskinoperatör" alone say too little to pick a group.

    Columns: key, label (one source label of the winner), ssyk4, ssyk4_label, source (tier),
    support, alternatives. Sorted by key, so a rebuild from the same files is identical.
    """
    folder = folder or paths.CLASSIFICATIONS
    groups = taxonomy_concepts(GROUPS_FILE, folder)
    names_2024 = taxonomy_concepts(NAMES_2024_FILE, folder)
    titles = taxonomy_concepts(TITLES_FILE, folder)
    keywords = taxonomy_concepts(KEYWORDS_FILE, folder)

    group_label = {g["ssyk_code_2012"]: g["preferred_label"] for g in groups}
    label_words = {code: _label_words(label) for code, label in group_label.items()}
    word_groups = Counter(word for words in label_words.values() for word in words)
    code_of_group_id = {g["id"]: g["ssyk_code_2012"] for g in groups}
    name_code: dict[str, str] = {}  # occupation-name id → SSYK 4
    name_label: dict[str, str] = {}
    for group in groups:
        for name in group.get("narrower", []):
            name_code[name["id"]] = group["ssyk_code_2012"]
            name_label[name["id"]] = name["preferred_label"]
    current_ids = set(name_code)
    for name in names_2024:  # the current taxonomy's code wins where the two disagree
        if name["id"] not in current_ids and name.get("ssyk"):
            name_code[name["id"]] = code_of_group_id[name["ssyk"][0]["id"]]
            name_label[name["id"]] = name["preferred_label"]

    # evidence[key][tier][code] = {(entry id, source label)}
    evidence: dict[str, dict[str, dict[str, set]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )

    def add(label: str, tier: str, code: str, entry: str) -> None:
        key = title_key(label)
        if key:
            evidence[key][tier][code].add((entry, label))

    for code, label in group_label.items():
        add(label, "ssyk4-group", code, code)
        # The occupations are the first comma segment ("Kockar och kallskänkor"); what follows
        # a comma, or "inom"/"för", qualifies them ("Butikssäljare, dagligvaror").
        first = label.split(",")[0]
        parts = [] if re.search(r"\b(inom|för|i|vid|m\.fl)\b", first) else first.split(" och ")
        for part in (p.strip() for p in parts if p.strip() != label.strip()):
            # "Installations- och serviceelektriker": the elided "Installations-" is no title.
            if (
                part
                and " " not in part
                and not part.endswith("-")
                and title_key(part) in label_words[code]
                and word_groups[title_key(part)] < 3
            ):
                add(part, "ssyk4-group-part", code, code)
    for name_id, label in name_label.items():
        current = name_id in current_ids
        for part in _label_parts(label):
            add(
                part,
                "occupation-name" if current else "occupation-name-2024",
                name_code[name_id],
                name_id,
            )
            head = _head(part)
            code = name_code[name_id]
            if (
                head != part
                and title_key(head) in label_words[code]
                and word_groups[title_key(head)] < 3
            ):
                tier = "occupation-name-head" if current else "occupation-name-2024-head"
                add(head, tier, code, name_id)

    links: set[tuple[str, str]] = set()  # (job title, occupation-name id)
    for title in titles:
        links.update((title["preferred_label"], rel["id"]) for rel in title.get("related", []))
    for name in names_2024:
        links.update((t["preferred_label"], name["id"]) for t in name.get("title", []))
    for title, name_id in links:
        if name_id in name_code:
            for part in _label_parts(title):
                add(part, "job-title", name_code[name_id], name_id)

    for keyword in keywords:
        ids = [r["id"] for r in keyword.get("related", []) if r.get("type") == "occupation-name"]
        codes = {name_code[i] for i in ids if i in name_code}
        if len(codes) == 1:  # a keyword spread over several groups says nothing about one
            code = codes.pop()
            for name_id in ids:
                add(keyword["preferred_label"], "keyword", code, name_id)

    rows = []
    for key, tiers in evidence.items():
        tier = next(t for t in TIERS if t in tiers)
        support = {code: len({entry for entry, _ in found}) for code, found in tiers[tier].items()}
        ranked = sorted(support, key=lambda code: (-support[code], code))
        winner = ranked[0]
        rows.append(
            {
                "key": key,
                "label": min(label for _, label in tiers[tier][winner]),
                "ssyk4": winner,
                "ssyk4_label": group_label[winner],
                "source": tier,
                "support": support[winner],
                "alternatives": "; ".join(f"{code} ({support[code]})" for code in ranked[1:]),
            }
        )
    return pd.DataFrame(rows).sort_values("key", ignore_index=True)


def rebuild(folder: Path | None = None, out_dir: Path | None = None) -> Path:
    """Build the lookup from the taxonomy files in ``folder`` and write it with its manifest
    (version, row count, checksums of the lookup and its sources, the rule) to ``out_dir``
    (default ``data/processed/classifications/``)."""
    folder = folder or paths.CLASSIFICATIONS
    out_dir = out_dir or paths.PROCESSED_CLASSIFICATIONS
    out_dir.mkdir(parents=True, exist_ok=True)
    table = build_lookup(folder)
    target = out_dir / LOOKUP_FILE.name
    target.write_bytes(csv_bytes(table))
    manifest = {
        "version": LOOKUP_VERSION,
        "file": target.name,
        "rows": len(table),
        "sha256": sha256(target),
        "built_by": BUILT_BY,
        "rule": RULE,
        "tiers": list(TIERS),
        "sources": checksums(folder / name for name in LOOKUP_SOURCES),
    }
    write_manifest(out_dir / MANIFEST_FILE.name, manifest)
    return target


def main() -> None:
    """Rebuild the lookup from the project's taxonomy files and say what was written."""
    target = rebuild()
    table = pd.read_csv(target, dtype=str, keep_default_na=False)
    counts = Counter(table["source"])
    tiers = ", ".join(f"{tier} {counts[tier]}" for tier in TIERS)
    print(f"wrote {shown(target)} ({len(table)} keys: {tiers})")
