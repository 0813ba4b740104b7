"""Read an export through a mapping file: for tools whose layout is not detected by itself.

The analyst writes, per question id, which column holds it (header text or column letter) and,
where the tool's option labels differ from the standard ones, how they translate. The format is
documented with a worked example in ``docs/survey-mapping.md``::

    header_rows: 2                     # SurveyMonkey: question text above, option below
    submitted: {column: Status, values: [Complete]}
    questions:
      A1: Kommun                       # header text
      C2: H                            # column letter
      A2:
        column: Bransch
        labels: {Industri: Tillverkning och utvinning}
      C6:                              # one column per option
        columns: {För få sökande: "Orsak 1", Annat: "Orsak annat"}
        other: "Orsak annat, fritext"

    >>> spec = MappingSpec.from_dict({"questions": {"A1": "Kommun", "C2": "H"}}, "m.yaml")
    >>> spec.questions["C2"].column
    'H'

When the file is also recognised as a tool's export, the tool's own columns keep their roles
(e-mail and name to the contact file, LimeSurvey's submit date), and its header rows, cell
separator and option marks are the mapping's defaults: a mapping only says what the tool
could not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl.utils import column_index_from_string, get_column_letter

from helpers.common.errors import SurveyError
from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    CONTACT,
    FIELD,
    IDENTITY,
    IGNORED,
    MULTI_CELL,
    OPTION,
    OTHER,
    SUBMITTED,
    Column,
    Layout,
    Plan,
    Rows,
    header_text,
)
from helpers.survey.layouts.surveymonkey import is_marker
from helpers.survey.questionnaire import Question, Questionnaire
from helpers.survey.values import CLOSE_ENOUGH, closest_label, exact_label, label_key

_LETTER = re.compile(r"^[A-Z]{1,3}$")
_KEYS = {"column", "columns", "other", "labels"}
_TOP_KEYS = {
    "sheet",
    "header_row",
    "header_rows",
    "separator",
    "contacts",
    "submitted",
    "questions",
}


@dataclass(frozen=True)
class QuestionMapping:
    """Where one question is: a ``column``, or per option ``columns``; ``labels`` translate."""

    column: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    other: str | None = None
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Submitted:
    """The column that says whether a response was finished, and the values that mean it was
    (none given: any non-blank value)."""

    column: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class MappingSpec:
    """A parsed mapping file.

    ``header_row`` is the (first) header row, 0 for a file without headers; ``header_rows``
    how many header rows there are. None means: as the recognised tool has it, else 1.
    """

    source: str
    questions: dict[str, QuestionMapping]
    sheet: str | None = None
    header_row: int | None = None
    header_rows: int | None = None
    separator: str | None = None
    contacts: tuple[str, ...] = ()
    submitted: Submitted | None = None

    @classmethod
    def from_dict(cls, raw: object, source: str) -> MappingSpec:
        """Check and parse the YAML content of a mapping file."""

        def bad(message: str) -> SurveyError:
            return SurveyError(f"mappningsfilen {source}: {message}")

        if not isinstance(raw, dict) or not isinstance(raw.get("questions"), dict):
            raise bad("den ska ha en nyckel 'questions' med fråge-id och kolumner.")
        if unknown := sorted(set(map(str, raw)) - _TOP_KEYS):
            raise bad(
                f"okänd nyckel {', '.join(unknown)}; möjliga är {', '.join(sorted(_TOP_KEYS))}."
            )
        questions = {}
        for qid, entry in raw["questions"].items():
            if isinstance(entry, str) or _is_int(entry):
                questions[str(qid)] = QuestionMapping(column=str(entry))
                continue
            if not isinstance(entry, dict) or not set(entry) <= _KEYS:
                raise bad(f"{qid}: ange en kolumn eller några av nycklarna {sorted(_KEYS)}.")
            questions[str(qid)] = QuestionMapping(
                column=_text(entry.get("column"), f"{qid}.column", bad),
                columns=_pairs(entry.get("columns"), f"{qid}.columns", bad),
                other=_text(entry.get("other"), f"{qid}.other", bad),
                labels=_pairs(entry.get("labels"), f"{qid}.labels", bad),
            )
        header_row = raw.get("header_row")
        if header_row is not None and (not _is_int(header_row) or header_row < 0):
            raise bad(
                "header_row ska vara ett radnummer (1 eller mer), eller 0 när filen saknar "
                "rubrikrad."
            )
        header_rows = raw.get("header_rows")
        if header_rows is not None and (not _is_int(header_rows) or not 1 <= header_rows <= 2):
            raise bad("header_rows ska vara 1 eller 2 (antalet rubrikrader).")
        if header_row == 0 and header_rows is not None:
            raise bad("header_row: 0 betyder att filen saknar rubrikrad; ta bort header_rows.")
        return cls(
            source=source,
            questions=questions,
            sheet=_text(raw.get("sheet"), "sheet", bad),
            header_row=header_row,
            header_rows=header_rows,
            separator=_text(raw.get("separator"), "separator", bad),
            contacts=_texts(raw.get("contacts"), "contacts", bad),
            submitted=_submitted(raw.get("submitted"), bad),
        )

    def plan(
        self,
        rows: Rows,
        questionnaire: Questionnaire,
        log: IssueLog,
        tool: Layout | None = None,
    ) -> Plan:
        """The column roles this mapping gives ``rows``; errors name the mapping entry.

        ``tool`` is the layout the file was recognised as, if any: its own columns keep
        their roles and its header rows, separator and marks are the defaults.
        """
        first = 1 if self.header_row is None else self.header_row
        count = self.header_rows or (tool.header_rows if tool and self.header_row is None else 1)
        if first == 0:
            count = 0
        if len(rows) < first + count - 1:
            raise log.fail(
                f"mappningsfilen anger rubrikrad {first + count - 1}, men bladet är kortare."
            )
        header = headers_of(rows, first, count)
        table = _Headers(header, two_rows=count == 2)
        roles: dict[int, Column] = {}
        if tool is not None and first <= 1:
            for index, role in tool.meta(rows, questionnaire).items():
                roles[index] = Column(index, header[index], role)
        labels: dict[str, dict[str, str]] = {}
        claimed: dict[int, str] = {}
        unplaced: set[str] = set()

        def place(ref: str, role: str, qid: str | None = None, option: str | None = None) -> None:
            what = qid or "kontakt"
            found = table.find(ref)
            if isinstance(found, str):
                log.error(f"mappningsfilen: {what}: {found}")
                unplaced.add(what)
                return
            if len(found) != 1:
                letters = ", ".join(get_column_letter(i + 1) for i in found)
                log.error(
                    f"mappningsfilen: {what}: rubriken '{ref}' finns i flera kolumner ({letters});"
                    " ange kolumnbokstaven."
                )
                unplaced.add(what)
                return
            claim(found[0], role, qid, option)

        def claim(index: int, role: str, qid: str | None, option: str | None = None) -> None:
            what = qid or "kontakt"
            if index in claimed and claimed[index] != what:
                log.error(
                    f"mappningsfilen: kolumn {get_column_letter(index + 1)} ('{header[index]}') är "
                    f"angiven för både {claimed[index]} och {what}; en kolumn kan bara höra till "
                    "en fråga."
                )
                unplaced.add(what)
                return
            claimed[index] = what
            roles[index] = Column(index, header[index], role, qid, option)

        for qid, entry in self.questions.items():
            if qid not in questionnaire or not questionnaire[qid].is_field:
                log.error(f"mappningsfilen: {qid} är ingen fråga i standardenkäten.")
                continue
            question = questionnaire[qid]
            for original, standard in entry.labels.items():
                if exact_label(standard, question.options) is None:
                    log.error(f"mappningsfilen: {qid}: '{standard}' är inget standardalternativ.")
                labels.setdefault(qid, {})[original] = standard
            if entry.column is not None:
                block = table.block(entry.column) if question.type == "M" else []
                if len(block) > 1:
                    for index in block:
                        option = _option_of(table.subs[index], question, entry.labels, log)
                        if option is not None:
                            claim(index, OPTION, qid, option)
                else:
                    role = (
                        CONTACT
                        if question.contact
                        else MULTI_CELL
                        if question.type == "M"
                        else FIELD
                    )
                    place(entry.column, role, qid)
            for option, ref in entry.columns.items():
                standard = exact_label(option, question.options)
                if standard is None:
                    log.error(f"mappningsfilen: {qid}: '{option}' är inget standardalternativ.")
                    continue
                place(ref, OPTION, qid, standard)
            if entry.other is not None:
                place(entry.other, OTHER, qid)
        for ref in self.contacts:
            place(ref, IDENTITY)
        if self.submitted is not None:
            place(self.submitted.column, SUBMITTED)
        columns = [roles.get(i, Column(i, h, IGNORED)) for i, h in enumerate(header)]
        return Plan(
            tool.name if tool else "mapping",
            first + count - 1,
            columns,
            self.separator or (tool.separator if tool else None),
            labels,
            marks=tool.marks if tool and count == tool.header_rows else "yesno",
            mapped=True,
            finished=self.submitted.values if self.submitted else (),
            unplaced=frozenset(unplaced),
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object, key: str, bad) -> str | None:  # noqa: ANN001  (a local error factory)
    """A column, sheet or separator: text, or a number YAML read from it (column 7, sheet 2)."""
    if value is None:
        return None
    if isinstance(value, str) or _is_int(value):
        return str(value)
    raise bad(f"{key} ska vara en rubrik eller kolumnbokstav som text, inte {type_name(value)}.")


def _texts(value: object, key: str, bad) -> tuple[str, ...]:  # noqa: ANN001
    """A list of columns (one column alone is a list of one)."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(str(_text(item, key, bad)) for item in items)


def _pairs(value: object, key: str, bad) -> dict[str, str]:  # noqa: ANN001
    """``{option: column}`` or ``{label in the file: standard label}``."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad(f"{key} ska vara par som 'text i filen: standardtext', inte {type_name(value)}.")
    return {str(_text(k, key, bad)): str(_text(v, key, bad)) for k, v in value.items()}


def type_name(value: object) -> str:
    """What YAML made of a value, in the broker's words.

    >>> type_name([1]), type_name({}), type_name(True), type_name(1.5)
    ('en lista', 'en tabell med nycklar', 'ett sant/falskt-värde', 'ett decimaltal')
    """
    if isinstance(value, bool):
        return "ett sant/falskt-värde"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "en tabell med nycklar"
    if isinstance(value, float):
        return "ett decimaltal"
    return f"{type(value).__name__}"


def _submitted(raw: object, bad) -> Submitted | None:  # noqa: ANN001  (a local error factory)
    if raw is None:
        return None
    if isinstance(raw, str | int):
        return Submitted(str(raw))
    if isinstance(raw, dict) and raw.get("column") is not None and set(raw) <= {"column", "values"}:
        values = _texts(raw.get("values"), "submitted.values", bad)
        return Submitted(str(_text(raw["column"], "submitted.column", bad)), values)
    raise bad(
        "submitted: ange en kolumn, eller 'column' och 'values' (värden som betyder inskickat)."
    )


def headers_of(rows: Rows, first: int, count: int) -> list[str]:
    """The header of every column: the first row's text carried over blank cells, with the
    second row's option in brackets (``Fråga [Alternativ]``) when there are two."""
    width = max((len(r) for r in rows), default=0)
    if count == 0:
        return [""] * width
    top = [header_text(h) for h in rows[first - 1]] + [""] * width
    if count == 1:
        return top[:width]
    sub = [header_text(h) for h in rows[first]] + [""] * width
    headers, current = [], ""
    for i in range(width):
        current = top[i] or current
        headers.append(f"{current} [{sub[i]}]" if sub[i] and not is_marker(sub[i]) else current)
    return headers


class _Headers:
    """Finds the columns a mapping entry names, by letter or by header text."""

    def __init__(self, header: list[str], two_rows: bool) -> None:
        self.header = header
        self.two_rows = two_rows
        self.tops = [h.split(" [", 1)[0] if two_rows else h for h in header]
        self.subs = [
            h[len(t) + 2 : -1] if two_rows and h != t else ""
            for h, t in zip(header, self.tops, strict=True)
        ]

    def find(self, ref: str) -> list[int] | str:
        """The indices of the columns ``ref`` names, or why there are none."""
        if _LETTER.match(ref):
            index = column_index_from_string(ref) - 1
            if index < len(self.header):
                return [index]
            last = get_column_letter(len(self.header))
            return f"kolumn {ref} finns inte; filen har kolumnerna A–{last}."
        wanted = header_text(ref)
        for match in (lambda h: h == wanted, lambda h: label_key(h) == label_key(wanted)):
            found = [i for i, h in enumerate(self.header) if match(h)]
            if found:
                return found
        best, ratio = closest_label(wanted, [h for h in self.header if h])
        hint = f" Närmast: '{best}'." if best is not None and ratio >= 0.6 else ""
        return f"kolumnen '{ref}' finns inte.{hint}"

    def block(self, ref: str) -> list[int]:
        """With two header rows: every column under the question text ``ref``."""
        if not self.two_rows or _LETTER.match(ref):
            return []
        key = label_key(header_text(ref))
        return [i for i, t in enumerate(self.tops) if t and label_key(t) == key]


def _option_of(sub: str, question: Question, labels: dict[str, str], log: IssueLog) -> str | None:
    """The standard option an option column's label (SurveyMonkey's second row) stands for."""
    translated = {label_key(k): v for k, v in labels.items()}.get(label_key(sub), sub)
    if standard := exact_label(translated, question.options):
        return standard
    best, ratio = closest_label(sub, list(labels))
    if best is not None and ratio >= CLOSE_ENOUGH:
        log.warning(
            f"mappningsfilen: alternativet '{sub}' i filen tolkas som '{best}' i labels.",
            question=question,
        )
        return exact_label(labels[best], question.options)
    log.error(
        f"mappningsfilen: {question.id}: alternativet '{sub}' är inget standardalternativ; "
        "översätt det under labels."
    )
    return None


def load_mapping(path: Path) -> MappingSpec:
    """Read a mapping file (YAML); raises ``SurveyError`` with one line if it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise SurveyError(f"mappningsfilen {path} finns inte.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (rad {where.line + 1})" if where is not None else ""
        raise SurveyError(f"mappningsfilen {path.name} är ingen giltig YAML{line}.") from None
    return MappingSpec.from_dict(raw, path.name)
