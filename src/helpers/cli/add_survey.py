"""``lka survey OMRÅDE FIL --invited N``: put a survey export in place and name it in params.

The broker never edits YAML for this step: the export is checked (as ``lka validate``
does), copied into ``data/raw/surveys/<area>/<year>/`` and the area's params file gets its
``survey:`` block, with the comments around it kept. An area without a params file (any
municipality, ``lka survey lysekil ...``) gets one first, as ``lka new-area`` writes it::

    >>> added = add_survey("lysekil", Path("export.xlsx"), invited=150)  # doctest: +SKIP
    >>> added.params.name, added.copied[0].parent.name  # doctest: +SKIP
    ('lysekil.yaml', '2026')

Nothing changes when a check fails: an export with errors, a different file already in
the export's place (``--force`` replaces it), or a params file that would not load
afterwards (the old text is put back and the copies removed).
"""

from __future__ import annotations

import filecmp
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers.cli import new_area
from helpers.common.errors import InputFileError, ReportError, SurveyError
from helpers.config import params, paths

_SUFFIXES = {".xlsx", ".csv"}
#: ``survey:`` keys kept when the export is replaced: those of the tool that made it, and the
#: area's choice to leave out respondents outside its municipalities.
_KEPT_KEYS = ("mapping", "sheet", "exclude_outside_area")
_BLOCK_START = re.compile(r"^survey\s*:")
_COMMENTED_BLOCK = re.compile(r"^#\s?survey\s*:")


@dataclass(frozen=True)
class SurveyAdded:
    """What ``lka survey`` did: the params file written, the exports copied, the checks."""

    params: Path
    created_params: bool
    copied: tuple[Path, ...]
    checks: tuple[str, ...]


def add_survey(
    area_name: str,
    export: Path,
    *,
    invited: int,
    previous: Path | None = None,
    force: bool = False,
) -> SurveyAdded:
    """Check ``export`` (and last year's ``previous``), copy them in, write the params entries.

    Raises ParamsError (unknown area), InputFileError (a missing or wrong file, a different
    file in its place) or SurveyError (the export has errors); nothing is changed then.
    """
    if invited <= 0:
        raise ReportError(f"--invited (make: INVITED=) ska vara antalet inbjudna, inte {invited}.")
    area = params.load_area(area_name)
    exports = [(export, area.year)] + ([(previous, area.year - 1)] if previous else [])
    checks = tuple(_checked(path, area.municipality_names) for path, _ in exports)
    targets = [(path, paths.SURVEYS / area.slug / str(year) / path.name) for path, year in exports]
    for source, target in targets:
        if target.exists() and not filecmp.cmp(source, target, shallow=False) and not force:
            raise InputFileError(
                f"{new_area.shown(target)} finns redan och är en annan fil. Byt namn på exporten "
                "eller ersätt filen med --force (make: FORCE=1)."
            )
    params_file = area.params_file or paths.PARAMS / f"{area.slug}.yaml"
    before = params_file.read_text(encoding="utf-8") if area.params_file else None
    text = before or new_area.params_text(area.slug, new_area.area_settings(area.municipalities))
    old = (yaml.safe_load(text) or {}).get("survey") or {}
    entries: dict[str, Any] = {
        "file": new_area.shown(targets[0][1]),
        "previous": new_area.shown(targets[1][1]) if previous else old.get("previous"),
        "invited": invited,
        **{key: old[key] for key in _KEPT_KEYS if old.get(key)},
    }
    copied = []
    notes = False
    try:
        if before is None:  # a params file written here names the area's comments file
            notes = new_area.write_comments_example(area.slug, area.name)
        for source, target in targets:
            if not target.exists() or not filecmp.cmp(source, target, shallow=False):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                copied.append(target)
        new_area.write_atomically(params_file, with_survey(text, entries))
        params.load_area(area.slug)
    except BaseException:
        if notes:
            new_area.comments_file(area.slug).unlink(missing_ok=True)
        if before is None:
            params_file.unlink(missing_ok=True)
        else:
            new_area.write_atomically(params_file, before)
        for target in copied:
            target.unlink(missing_ok=True)
        raise
    return SurveyAdded(params_file, before is None, tuple(copied), checks)


def _checked(path: Path, municipalities: list[str]) -> str:
    """The validator's text for one export; raises when it cannot be used."""
    from helpers.survey import validate

    if not path.is_file():
        raise InputFileError(f"{path}: filen finns inte. Ange exportfilen från enkätverktyget.")
    if path.suffix.lower() not in _SUFFIXES:
        raise InputFileError(
            f"{path}: en export ska vara .xlsx eller .csv, inte {path.suffix or 'utan ändelse'}."
        )
    result = validate.validate_file(path, municipalities)
    if not result.ok:
        first = result.errors[0]
        raise SurveyError(
            f"{first.where()}: {first.message} Exporten lades inte in "
            f"({len(result.errors)} fel i allt; alla visas av lka validate {path})."
        )
    return result.format()


def with_survey(text: str, entries: dict[str, Any]) -> str:
    """``text`` (a params file) with its ``survey:`` block, or the commented-out one that
    ``new-area`` writes, replaced by ``entries``; other lines are left as they are.

    >>> print(with_survey('name: "X"\\n# survey:\\n#   file: a.xlsx  # exporten\\n',
    ...                   {"file": "b.xlsx", "previous": None, "invited": 150}))
    name: "X"
    # Arbetsgivarenkäten (lka survey skrev de här raderna).
    survey:
      file: "b.xlsx"
      invited: 150
    <BLANKLINE>
    """
    kept: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if _BLOCK_START.match(line) or _COMMENTED_BLOCK.match(line):
            commented = line.startswith("#")
            index += 1
            while index < len(lines) and _in_block(lines[index], commented):
                index += 1
            while kept and kept[-1].startswith("#") and _about_survey(kept[-1]):
                kept.pop()  # the comment that explains the block goes with it
            continue
        kept.append(line)
        index += 1
    block = [
        "# Arbetsgivarenkäten (lka survey skrev de här raderna).",
        "survey:",
        *(f"  {key}: {new_area.quoted(value)}" for key, value in entries.items() if value),
    ]
    return "\n".join([*kept, *block]) + "\n"


def _in_block(line: str, commented: bool) -> bool:
    if commented:
        return re.match(r"^#\s{2,}\S", line) is not None
    return line.startswith((" ", "\t")) or not line.strip()


def _about_survey(comment: str) -> bool:
    return any(word in comment.lower() for word in ("enkät", "survey", "arbetsgivarenkät"))
