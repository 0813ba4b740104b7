"""What every survey layout shares: column roles, the reading plan and header parsing.

Question columns are matched by the question id that starts the header (``C4. Hur svårt ...``,
``C8_1_antal. ...``), never by position::

    >>> from helpers.survey.questionnaire import load_questionnaire
    >>> parse_header("C6. Vad var de främsta orsakerna? [För få sökande]", load_questionnaire())
    Ref(qid='C6', sub='För få sökande', unknown=None)
    >>> parse_header("C81antal", load_questionnaire()).qid
    'C8_1_antal'

A layout (one module per tool in this folder, listed in ``registry``) turns an export's rows
into a :class:`Plan`: one :class:`Column` per file column with its role, which
``survey.answers`` follows to read every row the same way whatever the tool.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from helpers.survey.issues import IssueLog
from helpers.survey.questionnaire import Question, Questionnaire
from helpers.survey.values import (
    CLOSE_ENOUGH,
    OTHER_WORDS,
    clean_text,
    closest_label,
    exact_label,
    label_key,
)

Rows = list[list[object]]

# Column roles.
FIELD = "field"  # one answer of a S, N, T or TL question (or of one field of a group)
MULTI_CELL = "multi_cell"  # every chosen option of a M question in one cell
OPTION = "option"  # one option of a M question, marked when chosen
OTHER = "other"  # typed "other" text of a question
CONTACT = "contact"  # a contact question of the questionnaire (A5, G1..G4)
IDENTITY = "identity"  # a tool column that identifies the respondent (e-mail, name, IP, ids)
SUBMITTED = "submitted"  # LimeSurvey's submit date: empty means an incomplete response
IGNORED = "ignored"  # tool metadata and unknown columns: never read

# Anything that looks like it names a person or machine goes to the contact file.
_IDENTITY_HINT = re.compile(
    r"e-?post|e-?mail|\bnamn\b|\bname\b|ip.?add?r|\btoken\b|telefon|phone|personnummer", re.I
)
# Quiz columns of Microsoft Forms and Google Forms: ignored without a warning.
_QUIZ = re.compile(r"^(points|feedback|poäng)\s*-|^(total points|quiz feedback|totalpoäng|score)")
_CODE = re.compile(r"^([A-Za-z]\d+[A-Za-z0-9_]*)\s*(?:\[([^\[\]]*)\])?$")
_TEXT = re.compile(r"^([A-Za-z]\d+(?:_[0-9A-Za-z]+)*)\s*(?:\[([^\[\]]*)\])?\s*[.:)]\s*(.*)$", re.S)
_TRAILING_BRACKET = re.compile(r"\s*\[([^\[\]]*)\]\s*$")
# 2026-02-03, 2026/2/3, 3.2.2026, 2/3/26, each maybe with a time; not an IP address.
_DATE_TEXT = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?:\d{2})?)(?=$|[ T,])"
)


@dataclass(frozen=True)
class Ref:
    """What a header names: a question id, a sub-label (option, row, field), or an unknown id."""

    qid: str | None
    sub: str | None = None
    unknown: str | None = None


@dataclass(frozen=True)
class Column:
    """One column of the export and what it holds."""

    index: int
    header: str
    role: str
    qid: str | None = None
    option: str | None = None

    @property
    def letter(self) -> str:
        """The column's Excel letter, for messages."""
        return get_column_letter(self.index + 1)


@dataclass
class Plan:
    """How to read an export: its layout, the rows above the answers (header rows, or the
    header row's number when a mapping file names it) and the role of every column."""

    layout: str
    header_rows: int
    columns: list[Column]
    separator: str | None = None  # multi-select cell separator; None: ";" if present, else ", "
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # mapping file: as written
    marks: str = "yesno"  # how an option column marks a choice: "yesno" or the option's "label"
    mapped: bool = False  # read through a mapping file
    finished: tuple[str, ...] = ()  # submitted-column values meaning finished; (): any value
    unplaced: frozenset[str] = frozenset()  # mapped questions whose column an error refused

    def questions(self) -> set[str]:
        """Ids of the questions that have at least one column."""
        return {c.qid for c in self.columns if c.qid and c.role not in (IGNORED, IDENTITY)}


@dataclass(frozen=True)
class Layout:
    """One survey tool's export layout.

    ``detect`` tells how sure it is that the tool wrote the rows: 0 (not this tool), 1 (a
    weak sign, such as dates in the first column) or 2 (the tool's own columns); the registry
    takes the surest, the first registered on a tie. ``meta`` gives the roles of the tool's
    own columns (identity, submit date, ignored) by index; :meth:`plan` every column's role
    (``plan_columns`` for a tool whose header is not one row of headings). ``header_rows``,
    ``separator`` (of a multi-select cell) and ``marks`` (how an option column marks a
    choice) are what a mapping file inherits from the tool it was written for; ``looks_for``
    says in Swedish what the tool's export is recognised by.
    """

    name: str
    title: str
    detect: Callable[[Rows, Questionnaire], int]
    meta: Callable[[Rows, Questionnaire], dict[int, str]]
    looks_for: str
    header_rows: int = 1
    separator: str | None = None
    marks: str = "yesno"
    plan_columns: Callable[[Rows, Questionnaire, IssueLog], Plan] | None = None

    def plan(self, rows: Rows, questionnaire: Questionnaire, log: IssueLog) -> Plan:
        """The role of every column: with one header row, ``meta`` gives the tool's own
        columns' roles and every other column is read as a question column."""
        if self.plan_columns is not None:
            return self.plan_columns(rows, questionnaire, log)
        meta = self.meta(rows, questionnaire)
        header = [header_text(h) for h in rows[0]]
        columns = [
            Column(i, h, meta[i]) if i in meta else question_column(i, h, None, questionnaire, log)
            for i, h in enumerate(header)
        ]
        return Plan(self.name, 1, columns, self.separator, marks=self.marks)


def identity_hint(header: str) -> bool:
    """True when a header names a person or machine (e-mail, name, IP address, phone)."""
    return bool(_IDENTITY_HINT.search(header))


def header_text(value: object) -> str:
    """A header cell as clean text (NFC, single spaces, trimmed), '' if blank."""
    text = clean_text(value)
    return " ".join(text.split()) if text else ""


def _codes(questionnaire: Questionnaire) -> dict[str, str]:
    codes = {}
    for question in questionnaire:
        codes[question.id.upper()] = question.id
        # LimeSurvey question codes cannot hold "_": C8_1_antal is coded C81antal.
        codes[question.id.replace("_", "").upper()] = question.id
    return codes


def parse_header(text: str, questionnaire: Questionnaire) -> Ref | None:
    """The question a header names, or None if it names none.

    ``Ref.unknown`` is set when the header starts like a question id that the questionnaire
    does not have (``H1. ...``).
    """
    text = header_text(text)
    codes = _codes(questionnaire)
    if m := _CODE.match(text):
        qid = codes.get(m[1].upper())
        return Ref(qid, m[2]) if qid else None  # a bare word such as "seed" is metadata
    if m := _TEXT.match(text):
        qid = codes.get(m[1].upper())
        if qid is None:
            return Ref(None, unknown=m[1])
        sub = m[2]
        if sub is None and (bracket := _TRAILING_BRACKET.search(m[3])):
            sub = bracket[1]
        return Ref(qid, sub)
    return None


def has_id(value: object, questionnaire: Questionnaire) -> bool:
    """True when a header cell names a question of the questionnaire."""
    ref = parse_header(header_text(value), questionnaire)
    return ref is not None


def is_int(value: object) -> bool:
    """True for a whole number, or text that is one (a respondent id)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return True
    return isinstance(value, str) and value.strip().isdigit()


def is_date(value: object) -> bool:
    """True for a date or date-time, or text that reads as one."""
    if isinstance(value, datetime | date):
        return True
    return isinstance(value, str) and bool(_DATE_TEXT.match(value.strip()))


def values_in(rows: list[list[object]], index: int) -> list[object]:
    """The non-blank values of column ``index`` in ``rows``."""
    return [r[index] for r in rows if index < len(r) and header_text(r[index])]


def question_column(
    index: int, header: str, sub: str | None, questionnaire: Questionnaire, log: IssueLog
) -> Column:
    """The role of a non-metadata column from its header (and SurveyMonkey's second row)."""
    letter = get_column_letter(index + 1)
    short = header if len(header) <= 60 else header[:57] + "..."
    ref = parse_header(header, questionnaire)
    if ref is None or ref.qid is None:
        if not header:
            return Column(index, header, IGNORED)
        if _IDENTITY_HINT.search(header):
            return Column(index, header, IDENTITY)
        if not _QUIZ.match(header.casefold()):
            what = (
                f"frågan {ref.unknown} finns inte i standardenkäten"
                if ref
                else ("rubriken börjar inte med ett fråge-id")
            )
            log.warning(f"kolumnen '{short}' används inte: {what}.", column=letter)
        return Column(index, header, IGNORED)
    question = questionnaire[ref.qid]
    sub = ref.sub if ref.sub is not None else sub
    if question.contact:
        return Column(index, header, CONTACT, question.id)
    if question.type == "group":
        fieldq = _group_field(question, sub, questionnaire)
        if fieldq is None:
            log.warning(
                f"kolumnen '{short}' används inte: den anger inte vilket fält av {question.id} "
                "den gäller.",
                column=letter,
            )
            return Column(index, header, IGNORED)
        question = fieldq
        sub = None
    if question.type == "M":
        return _option_column(index, header, sub, question, log)
    if sub is None:
        return Column(index, header, FIELD, question.id)
    if question.other and label_key(sub) in OTHER_WORDS:
        return Column(index, header, OTHER, question.id)
    log.warning(
        f"kolumnen '{short}' används inte: {question.id} har ingen delfråga '{sub}'.",
        column=letter,
    )
    return Column(index, header, IGNORED)


def _group_field(group: Question, sub: str | None, questionnaire: Questionnaire):
    """The field of a group question a sub-label names.

    ``C5[SQ002]`` and ``C5. ... [Yrke 2]`` name C5_2; for C8, whose fields have a slot and a
    part, ``C8[1_antal]``, ``C8. ... [Yrke 1 – antal]`` and the array cell ``C8[SQ001_SQ002]``
    (slot 1, second part) name C8_1_antal.
    """
    if sub is None:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", sub)]
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", sub)]
    by_id = {f.id: f for f in questionnaire.group_fields(group.id)}
    if not numbers:
        return None
    if f"{group.id}_{numbers[0]}" in by_id:
        return by_id[f"{group.id}_{numbers[0]}"]
    slot = [f for f in by_id.values() if f.id.startswith(f"{group.id}_{numbers[0]}_")]
    parts = [f.id.rsplit("_", 1)[1] for f in slot]
    named = [w for w in words if w in parts]
    if named:
        return by_id[f"{group.id}_{numbers[0]}_{named[-1]}"]
    if len(numbers) >= 2 and 1 <= numbers[1] <= len(slot):
        return slot[numbers[1] - 1]
    return None


def _option_column(index: int, header: str, sub: str | None, question: Question, log: IssueLog):
    letter = get_column_letter(index + 1)
    if sub is None:
        return Column(index, header, MULTI_CELL, question.id)
    if label := exact_label(sub, question.options):
        return Column(index, header, OPTION, question.id, label)
    if label_key(sub) in OTHER_WORDS or "please specify" in sub.casefold():
        return Column(index, header, OTHER, question.id)
    if m := re.fullmatch(r"(?:SQ)?0*(\d+)", sub.strip(), re.I):
        number = int(m[1])
        if 1 <= number <= len(question.options):
            return Column(index, header, OPTION, question.id, question.options[number - 1])
    best, ratio = closest_label(sub, question.options)
    if best is not None and ratio >= CLOSE_ENOUGH:
        log.warning(
            f"{question.id}: alternativet '{sub}' är inget standardalternativ: tolkat som "
            f"'{best}'.",
            column=letter,
        )
        return Column(index, header, OPTION, question.id, best)
    hint = f" Närmast: '{best}'." if best else ""
    log.warning(
        f"{question.id}: alternativet '{sub}' är inget standardalternativ; kolumnen används "
        f"inte.{hint}",
        column=letter,
    )
    return Column(index, header, IGNORED)
