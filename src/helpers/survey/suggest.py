"""A mapping file to start from: what ``lka suggest-mapping FILE`` prints.

Every column of the export is listed with its letter, its header and its first distinct
values, and the standard question whose text is closest to the header is guessed. The
analyst edits the result (``docs/survey-mapping.md``) and checks it with ``lka validate``::

    >>> from pathlib import Path; import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "svar.csv"
    >>> _ = p.write_text("Kommun;Bransch;Har ni rekryterat?\\nSotenäs;Handel;Ja\\n", "utf-8")
    >>> for line in suggest_mapping(p).split("questions:")[1].splitlines()[1:]:
    ...     print(line.split("  #")[0], "#", line.rsplit("(", 1)[1])
      A1: "Kommun" # krävs; gissning)
      A2: "Bransch" # krävs; gissning)
      A3: "" # krävs; ingen gissning)
      C1: "Har ni rekryterat?" # krävs; gissning)

Values of columns that hold personal data (e-mail, names, the tool's respondent ids) are not
printed, and e-mail addresses and phone numbers in any value are masked.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from openpyxl.utils import get_column_letter

from helpers.survey.files import read_sheets
from helpers.survey.layouts.base import IDENTITY, identity_hint, parse_header
from helpers.survey.layouts.registry import detect_layout, layout_named
from helpers.survey.mapping import headers_of
from helpers.survey.privacy import mask_text
from helpers.survey.questionnaire import Question, Questionnaire, load_questionnaire
from helpers.survey.values import clean_text, label_key

#: Distinct values shown per column.
SHOWN_VALUES = 3
#: How alike a header and a question text must be (difflib ratio) to be guessed.
GUESS = 0.5


def suggest_mapping(path: Path, sheet: str | None = None) -> str:
    """A commented mapping file (YAML) for the export at ``path``."""
    questionnaire = load_questionnaire()
    sheets = read_sheets(Path(path))
    chosen = next((s for s in sheets if s.name == sheet), None) if sheet else None
    if chosen is None:
        filled = [s for s in sheets if s.rows]
        chosen = next((s for s in filled if detect_layout(s.rows, questionnaire)), filled[0])
    rows = chosen.rows
    found = detect_layout(rows, questionnaire, sure=True) if len(rows) >= 2 else None
    tool = layout_named(found) if found else None
    count = tool.header_rows if tool else 1
    headers = headers_of(rows, 1, count)
    meta = tool.meta(rows, questionnaire) if tool else {}
    data = rows[count:]
    lines = [
        f"# Utkast till mappningsfil för {Path(path).name} (lka suggest-mapping).",
        "# Rätta gissningarna, fyll i det som saknas och kontrollera med",
        f"#   lka validate {Path(path).name} --mapping DEN-HÄR-FILEN --municipality KOMMUN",
        "# Formatet beskrivs i docs/survey-mapping.md.",
        f"# Verktyg: {tool.title if tool else 'inget som känns igen'}.",
        "#",
        "# Filens kolumner:",
    ]
    for index, header in enumerate(headers):
        letter = get_column_letter(index + 1)
        private = meta.get(index) == IDENTITY or identity_hint(header)
        values = "personuppgifter, visas inte" if private else _first_values(data, index)
        shown = header if len(header) <= 70 else header[:67] + "..."
        lines.append(f"#   {letter:>3}  '{shown}': {values}")
    if chosen.name:
        lines.append(f"sheet: {chosen.name}")
    if count == 2:
        lines.append("header_rows: 2")
    lines.append("questions:")
    guesses = _guesses(headers, questionnaire)
    for question in questionnaire.fields():
        guessed = guesses.get(question.id)
        if guessed is None and not question.required:
            continue
        reference = _reference(headers, guessed) if guessed is not None else ""
        need = "krävs; " if question.required else ""
        how = "gissning" if guessed is not None else "ingen gissning"
        lines.append(f'  {question.id}: "{reference}"  # {_label(question)} ({need}{how})')
    return "\n".join(lines) + "\n"


def _first_values(rows: list[list[object]], index: int) -> str:
    seen: list[str] = []
    for row in rows:
        text = clean_text(row[index]) if index < len(row) else None
        if text is not None and text not in seen:
            seen.append(text)
        if len(seen) > SHOWN_VALUES:
            break
    if not seen:
        return "(tom)"
    shown = [mask_text(v if len(v) <= 40 else v[:37] + "...") for v in seen[:SHOWN_VALUES]]
    more = " ..." if len(seen) > SHOWN_VALUES else ""
    return ", ".join(shown) + more


def _label(question: Question) -> str:
    return re.sub(r"^\S+\.\s*", f"{question.id} ", question.text, count=1)


def _bare(text: str) -> str:
    """A header or question text without its id, bracketed option and case."""
    return label_key(re.sub(r"^[A-Za-z]\d+[\w]*\s*[.:)]\s*|\s*\[.*\]$", "", text))


def _guesses(headers: list[str], questionnaire: Questionnaire) -> dict[str, int]:
    """Question id -> index of the column most like it (an id in the header decides)."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        ref = parse_header(header, questionnaire) if header else None
        if ref is not None and ref.qid and questionnaire[ref.qid].is_field:
            found.setdefault(ref.qid, index)
    best: dict[str, tuple[float, int]] = {}
    for question in questionnaire.fields():
        if question.id in found:
            continue
        target = _bare(question.text)
        for index, header in enumerate(headers):
            if not header or index in found.values():
                continue
            ratio = _likeness(_bare(header), target)
            if ratio >= GUESS and ratio > best.get(question.id, (0.0, -1))[0]:
                best[question.id] = (ratio, index)
    taken: dict[int, tuple[float, str]] = {}
    for qid, (ratio, index) in best.items():  # one column goes to its closest question only
        if ratio > taken.get(index, (0.0, ""))[0]:
            taken[index] = (ratio, qid)
    found.update({qid: index for index, (_, qid) in taken.items()})
    return found


def _likeness(header: str, question: str) -> float:
    """How alike a header and a question text are (0–1): the closer of their spelling and of
    the header's words all being found in the question (``Kommun`` in A1's text)."""
    ratio = difflib.SequenceMatcher(None, header, question).ratio()
    stems = [word[:6] for word in re.findall(r"\w+", header) if len(word) >= 4]
    if stems and all(stem in question for stem in stems):
        ratio = max(ratio, min(0.95, 0.6 + 0.1 * len(stems)))
    return ratio


def _reference(headers: list[str], index: int) -> str:
    """The header text, or the column letter when the header is blank or not unique."""
    header = headers[index]
    if header and headers.count(header) == 1 and '"' not in header:
        return header
    return get_column_letter(index + 1)
