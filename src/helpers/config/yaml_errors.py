"""A params file that is not valid YAML, said as one Swedish line: the line and the likely slip.

PyYAML says what its parser expected ("while parsing a block mapping ... expected <block
end>, but found '<block mapping start>'"); a broker needs to know which line to look at and
what was most likely done, such as a ``# `` left before ``survey:`` when the lines under it
were uncommented::

    >>> text = "name: Sotenäs\\n# survey:\\n  file: enkät.xlsx\\n"
    >>> try:
    ...     yaml.safe_load(text)
    ... except yaml.YAMLError as error:
    ...     print(explain(error, text))
    rad 3: raden hör till 'survey:' på rad 2, som är bortkommenterad: ta bort '# ' framför 'survey:'
"""

from __future__ import annotations

import re

import yaml

_COMMENTED_KEY = re.compile(r"^\s*#\s?(\s*)([\w-]+):")
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([\w-]+):(?![\s/]|$)(\S+)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _above(lines: list[str], index: int) -> int | None:
    """The index of the nearest non-blank line above ``index``."""
    for above in range(index - 1, -1, -1):
        if lines[above].strip():
            return above
    return None


def _content_above(lines: list[str], index: int) -> int | None:
    """The index of the nearest line above ``index`` that is neither blank nor a comment."""
    for above in range(index - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            return above
    return None


def _commented_parent(lines: list[str], index: int) -> tuple[int, str] | None:
    """A ``# key:`` comment above an indented line, less indented than it: the block's
    parent key that was left commented out."""
    indent = _indent(lines[index])
    above = _above(lines, index)
    while above is not None and lines[above].lstrip().startswith("#"):
        match = _COMMENTED_KEY.match(lines[above])
        if match and len(match.group(1)) < indent and _indent(lines[above]) < indent:
            return above, match.group(2)
        above = _above(lines, above)
    return None


def _slip(error: yaml.YAMLError, lines: list[str]) -> tuple[int, str]:
    """The line (0-based) to look at and what is most likely wrong on it."""
    problem = str(getattr(error, "problem", "") or "")
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    index = min(mark.line, len(lines) - 1) if mark else 0
    index = max(index, 0)
    line = lines[index] if lines else ""
    if "'\\t'" in problem:
        return index, "ett tabbtecken: dra in med mellanslag, inte tabb"
    for candidate in (index, context.line if context else None, _above(lines, index)):
        if candidate is None or candidate >= len(lines):
            continue
        if found := _NO_SPACE.match(lines[candidate]):
            key, value = found.groups()
            return candidate, f"det saknas ett mellanslag efter kolon: skriv '{key}: {value}'"
    if "quoted scalar" in str(getattr(error, "context", "")) and context:
        return context.line, "ett citattecken som börjar här stängs aldrig"
    if "flow sequence" in str(getattr(error, "context", "")) and context:
        return context.line, (
            "listan som börjar här (inom [ ]) saknar ett komma eller sin avslutande ]"
        )
    if (parent := _commented_parent(lines, index)) is not None:
        row, key = parent
        return index, (
            f"raden hör till '{key}:' på rad {row + 1}, som är bortkommenterad: "
            f"ta bort '# ' framför '{key}:'"
        )
    above = _content_above(lines, index)
    if above is not None and _indent(line) > _indent(lines[above]):
        return index, (
            f"raden är indragen mer än rad {above + 1} ovanför: ta bort mellanslagen i början "
            "(eller ge raden ovanför ett kolon utan värde, om raden hör till den)"
        )
    if "mapping values are not allowed" in problem:
        key, _, value = line.strip().partition(": ")
        return index, f"värdet innehåller ': ': sätt det inom citattecken, {key}: \"{value}\""
    return index, "kontrollera indrag, kolon och citattecken på raden"


def explain(error: yaml.YAMLError, text: str) -> str:
    """``rad N: what is most likely wrong`` for a YAML ``error`` in ``text``."""
    index, slip = _slip(error, text.splitlines())
    return f"rad {index + 1}: {slip}"
