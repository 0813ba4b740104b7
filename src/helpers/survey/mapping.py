"""Read an export through a mapping file: for tools whose layout is not detected by itself.

The analyst writes, per question id, which column holds it (header text or column letter) and,
where the tool's option labels differ from the standard ones, how they translate. The format is
documented with a worked example in ``docs/survey-mapping.md``::

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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl.utils import column_index_from_string

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
    Column,
    Plan,
    header_text,
)
from helpers.survey.questionnaire import Questionnaire
from helpers.survey.values import exact_label, label_key

_LETTER = re.compile(r"^[A-Z]{1,3}$")
_KEYS = {"column", "columns", "other", "labels"}


@dataclass(frozen=True)
class QuestionMapping:
    """Where one question is: a ``column``, or per option ``columns``; ``labels`` translate."""

    column: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    other: str | None = None
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MappingSpec:
    """A parsed mapping file."""

    source: str
    questions: dict[str, QuestionMapping]
    sheet: str | None = None
    header_row: int = 1
    separator: str | None = None
    contacts: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, raw: object, source: str) -> MappingSpec:
        """Check and parse the YAML content of a mapping file."""

        def bad(message: str) -> SurveyError:
            return SurveyError(f"mappningsfilen {source}: {message}")

        if not isinstance(raw, dict) or not isinstance(raw.get("questions"), dict):
            raise bad("den ska ha en nyckel 'questions' med fråge-id och kolumner.")
        questions = {}
        for qid, entry in raw["questions"].items():
            if isinstance(entry, str | int):
                questions[str(qid)] = QuestionMapping(column=str(entry))
                continue
            if not isinstance(entry, dict) or not set(entry) <= _KEYS:
                raise bad(f"{qid}: ange en kolumn eller några av nycklarna {sorted(_KEYS)}.")
            questions[str(qid)] = QuestionMapping(
                column=None if entry.get("column") is None else str(entry["column"]),
                columns={str(k): str(v) for k, v in (entry.get("columns") or {}).items()},
                other=None if entry.get("other") is None else str(entry["other"]),
                labels={str(k): str(v) for k, v in (entry.get("labels") or {}).items()},
            )
        header_row = raw.get("header_row", 1)
        if not isinstance(header_row, int) or header_row < 1:
            raise bad("header_row ska vara ett radnummer (1 eller mer).")
        return cls(
            source=source,
            questions=questions,
            sheet=raw.get("sheet"),
            header_row=header_row,
            separator=raw.get("separator"),
            contacts=tuple(str(c) for c in raw.get("contacts") or ()),
        )

    def plan(self, rows: list[list[object]], questionnaire: Questionnaire, log: IssueLog) -> Plan:
        """The column roles this mapping gives ``rows``; errors name the mapping entry."""
        if len(rows) < self.header_row:
            raise log.fail(
                f"mappningsfilen anger rubrikrad {self.header_row}, men bladet är kortare."
            )
        header = [header_text(h) for h in rows[self.header_row - 1]]
        roles: dict[int, Column] = {}
        labels: dict[str, dict[str, str]] = {}

        def place(ref: str, role: str, qid: str | None = None, option: str | None = None):
            index = self._find(ref, header)
            if index is None:
                log.error(f"mappningsfilen: kolumnen '{ref}' ({qid or 'kontakt'}) finns inte.")
                return
            roles[index] = Column(index, header[index], role, qid, option)

        for qid, entry in self.questions.items():
            if qid not in questionnaire or not questionnaire[qid].is_field:
                log.error(f"mappningsfilen: {qid} är ingen fråga i standardenkäten.")
                continue
            question = questionnaire[qid]
            for original, standard in entry.labels.items():
                if exact_label(standard, question.options) is None:
                    log.error(f"mappningsfilen: {qid}: '{standard}' är inget standardalternativ.")
                labels.setdefault(qid, {})[label_key(original)] = standard
            if entry.column is not None:
                role = (
                    CONTACT if question.contact else MULTI_CELL if question.type == "M" else FIELD
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
        columns = [roles.get(i, Column(i, h, IGNORED)) for i, h in enumerate(header)]
        return Plan("mapping", self.header_row, columns, self.separator, labels)

    @staticmethod
    def _find(ref: str, header: list[str]) -> int | None:
        if _LETTER.match(ref):
            index = column_index_from_string(ref) - 1
            return index if index < len(header) else None
        wanted = header_text(ref)
        for match in (lambda h: h == wanted, lambda h: label_key(h) == label_key(wanted)):
            found = [i for i, h in enumerate(header) if match(h)]
            if found:
                return found[0]
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
