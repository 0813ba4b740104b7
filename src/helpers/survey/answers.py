"""Turn one row of an export into typed answers, following the layout's ``Plan``.

Whatever the tool, a row becomes the same ``Answers``: single choice as the standard label,
multi-select as a frozenset of standard labels, numbers as int, free text masked; typed "other"
text apart; contact data apart. Problems go to the ``IssueLog`` with column and row::

    >>> from helpers.survey.questionnaire import load_questionnaire
    >>> from helpers.survey.layouts.base import Column, Plan, FIELD, MULTI_CELL
    >>> from helpers.survey.issues import IssueLog
    >>> plan = Plan("microsoft_forms", 1, [Column(0, "C2", FIELD, "C2"),
    ...                                    Column(1, "D8", MULTI_CELL, "D8")], ";")
    >>> a = read_row(["ca 12", "Kostnaden;Språkhinder;"], 2, plan, load_questionnaire(),
    ...              IssueLog("x.xlsx"))
    >>> a.values["C2"], sorted(a.values["D8"])
    (12, ['Kostnaden', 'Språkhinder'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    CONTACT,
    FIELD,
    IDENTITY,
    MULTI_CELL,
    OPTION,
    OTHER,
    SUBMITTED,
    Column,
    Plan,
)
from helpers.survey.privacy import mask_text, quoted
from helpers.survey.questionnaire import Question, Questionnaire
from helpers.survey.values import (
    CLOSE_ENOUGH,
    YES,
    Choice,
    clean_text,
    closest_label,
    exact_label,
    is_chosen,
    label_key,
    match_option,
    parse_number,
    split_multi,
    strip_other_prefix,
)

_PERSON_HEADER = re.compile(r"\bnamn\b|\bname\b", re.I)
#: What anonymous forms write in their e-mail column: not an identity.
ANONYMOUS = frozenset({"anonymous", "anonym", "anonymt"})


@dataclass
class Answers:
    """One respondent's answers: ``values`` by question id (None = not answered)."""

    row: int
    values: dict[str, object] = field(default_factory=dict)
    other: dict[str, str] = field(default_factory=dict)
    contacts: dict[str, str] = field(default_factory=dict)
    identity: tuple[str, ...] = ()  # e-mail or token the tool recorded, for duplicates
    submitted: bool | None = None
    columns: dict[str, str] = field(default_factory=dict)  # question id -> column letter

    @property
    def empty(self) -> bool:
        """True when the respondent answered nothing at all."""
        return all(v is None for v in self.values.values()) and not self.other


def read_row(
    cells: list[object], row: int, plan: Plan, questionnaire: Questionnaire, log: IssueLog
) -> Answers:
    """The typed answers of one data row (``row`` is its number in the sheet)."""
    answers = Answers(row)
    by_question: dict[str, list[Column]] = {}
    for column in plan.columns:
        value = cells[column.index] if column.index < len(cells) else None
        if column.role == CONTACT:
            if text := clean_text(value):
                answers.contacts[column.qid] = text
        elif column.role == IDENTITY:
            if text := clean_text(value):
                answers.contacts[column.header] = text
        elif column.role == SUBMITTED:
            text = clean_text(value)
            finished = {label_key(v) for v in plan.finished}
            answers.submitted = text is not None and (not finished or label_key(text) in finished)
        elif column.qid is not None and column.role in (FIELD, MULTI_CELL, OPTION, OTHER):
            by_question.setdefault(column.qid, []).append(column)
            answers.columns.setdefault(column.qid, column.letter)
    answers.identity = tuple(
        text.casefold()
        for header, text in answers.contacts.items()
        if re.search(r"mail|e-post|token", header, re.I) and text.casefold() not in ANONYMOUS
    )
    names = [answers.contacts.get("G2", "")]
    names += [t for h, t in answers.contacts.items() if _PERSON_HEADER.search(h)]
    companies = [answers.contacts.get("G1", "")]

    def mask(text: str) -> str:
        return mask_text(text, names=names, companies=companies)

    for question in questionnaire.fields():
        if question.contact:
            continue
        columns = by_question.get(question.id, [])
        value, other = _read_question(question, columns, cells, row, plan, log)
        answers.values[question.id] = (
            mask(value) if isinstance(value, str) and (question.type in ("T", "TL")) else value
        )
        if other:
            answers.other[question.id] = mask(other)
    return answers


def _cell(cells: list[object], column: Column) -> object:
    return cells[column.index] if column.index < len(cells) else None


def _translate(text: str, question: Question, plan: Plan) -> tuple[str, str | None]:
    """The standard label for a mapping file's or the questionnaire's other way of writing it,
    and a note when a near-miss of a mapping file's label was taken for it."""
    key = label_key(text)
    labels = plan.labels.get(question.id, {})
    exact = {label_key(written): standard for written, standard in labels.items()}
    if key in exact:
        return exact[key], None
    alias = next((label for alias, label in question.aliases if label_key(alias) == key), None)
    if alias is not None:
        return alias, None
    if exact_label(text, question.options) is None:
        best, ratio = closest_label(text, list(labels))
        if best is not None and ratio >= CLOSE_ENOUGH:
            return labels[best], (
                f"'{text}' finns inte i mappningsfilens labels: tolkat som '{best}' "
                f"('{labels[best]}')"
            )
    return text, None


def _choice(
    value: object, question: Question, plan: Plan, log: IssueLog, column: Column, row: int
) -> Choice:
    text = clean_text(value) or ""  # a number stored as a number (4.0) reads as "4"
    translated, note = _translate(text, question, plan)
    if note:
        log.warning(
            note, column.letter, row, question, kind="fuzzy_label", value=quoted(text, note)
        )
    choice = match_option(translated, question.options, question.other)
    if choice.note:
        log.warning(
            choice.note,
            column.letter,
            row,
            question,
            kind="label",
            value=quoted(text, choice.note),
        )
    return choice


def _read_question(
    question: Question,
    columns: list[Column],
    cells: list[object],
    row: int,
    plan: Plan,
    log: IssueLog,
) -> tuple[object, str | None]:
    """The value of one question from its columns, and typed other text."""
    others = [
        strip_other_prefix(t)
        for c in columns
        if c.role == OTHER
        if (t := clean_text(_cell(cells, c)))
    ]
    if question.type == "M":
        return _read_multi(question, columns, cells, row, plan, log, others)
    main = next((c for c in columns if c.role == FIELD), None)
    raw = _cell(cells, main) if main else None
    if question.type == "N":
        number, note = parse_number(raw, question.max)
        if note:
            text = clean_text(raw)
            log.warning(note, main.letter, row, question, kind="number", value=quoted(text, note))
        return number, None
    if question.type in ("T", "TL"):
        return clean_text(raw), None
    label, other_text = None, None
    if clean_text(raw) is not None:
        choice = _choice(raw, question, plan, log, main, row)
        label, other_text = choice.label, choice.other_text
    if others and question.other and label in (None, question.other):
        label = question.other
        other_text = "; ".join([other_text] * bool(other_text) + others)
    return label, other_text


def _read_multi(
    question: Question,
    columns: list[Column],
    cells: list[object],
    row: int,
    plan: Plan,
    log: IssueLog,
    others: list[str],
) -> tuple[object, str | None]:
    chosen: set[str] = set()
    typed: list[str] = list(others)
    answered = bool(others)
    for column in columns:
        value = _cell(cells, column)
        if column.role == MULTI_CELL and (text := clean_text(value)) is not None:
            answered = True
            separator = plan.separator or (";" if ";" in text else ", ")
            known = list(question.options) + list(plan.labels.get(question.id, {}))
            for item in split_multi(text, known, separator):
                choice = _choice(item, question, plan, log, column, row)
                if choice.label:
                    chosen.add(choice.label)
                if choice.other_text:
                    typed.append(choice.other_text)
        elif column.role == OPTION:
            state = is_chosen(value, column.option, plan.marks)
            if state is None:
                continue
            answered = True
            if state:
                chosen.add(column.option)
                text = clean_text(value) or ""
                typed_here = label_key(text) not in YES | {label_key(column.option)}
                # SurveyMonkey may put typed text in the other option's own column.
                if column.option == question.other and typed_here:
                    typed.append(strip_other_prefix(text))
    if typed and question.other:
        chosen.add(question.other)
    if not answered:
        return None, None
    return frozenset(chosen), "; ".join(typed) or None
