"""Checks of a read survey: missing questions, impossible answers and duplicate submissions.

Errors (the report cannot be made): a required question (A1, A2, A3, C1) has no column, or
two columns claim the same question. Everything else is a warning: an optional question that
is missing, an answer to a question that was not asked (C2 when C1 = Nej), more hired than
sought (C3 > C2; the answer is kept as given and ``analysis.indicators`` leaves such employers out
of the failure rate), a required question left unanswered.

Duplicate submissions, the same respondent twice:

* every answer identical, from the same e-mail address or token recorded by the tool, or with
  at least ``MIN_ANSWERS_FOR_DUPLICATE`` answered questions (so two near-empty answers from
  different employers are not taken for one): the first is kept;
* the same e-mail address or token with different answers: the later submission is kept,
  because it holds the respondent's corrected answers.

    >>> from helpers.survey.answers import Answers
    >>> a = Answers(2, values={"C1": "Ja", "C2": 3, "C3": 5})
    >>> from helpers.survey.issues import IssueLog, question_label
    >>> log = IssueLog("x.xlsx")
    >>> from helpers.survey.questionnaire import load_questionnaire
    >>> check_answers(a, load_questionnaire(), log); print(log.issues[0].message)
    5 anställda men bara 3 sökta (C2); svaret räknas inte i andelen misslyckade rekryteringar.
    >>> log.issues[0].question
    'C3 (Hur många av dem lyckades ni anställa med den kompetens ni sökte?)'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from helpers.survey.answers import Answers
from helpers.survey.issues import IssueLog, question_label
from helpers.survey.layouts.base import FIELD, MULTI_CELL, OPTION, OTHER, Plan
from helpers.survey.questionnaire import Question, Questionnaire

MIN_ANSWERS_FOR_DUPLICATE = 8


def check_columns(plan: Plan, questionnaire: Questionnaire, log: IssueLog) -> None:
    """Errors for missing required questions and doubled columns; a warning for the rest."""
    present = plan.questions()
    for question in questionnaire.fields():
        # a question the mapping file names but could not place has its error already
        if question.required and question.id not in present | plan.unplaced:
            log.error(
                "frågan saknas i filen och krävs för rapporten. Lägg till kolumnen, eller ange den "
                "i mappningsfilen.",
                question=question,
            )
    missing = [
        q
        for q in questionnaire.fields()
        if not q.required and not q.contact and q.id not in present
    ]
    if missing:
        log.warning(
            f"de här frågorna saknas i filen och redovisas inte: {_listed(missing, questionnaire)}."
        )
    claims: Counter = Counter()
    letters: dict[tuple, list[str]] = {}
    for column in plan.columns:
        if column.role in (FIELD, MULTI_CELL, OPTION, OTHER):
            key = (column.qid, column.role, column.option)
            claims[key] += 1
            letters.setdefault(key, []).append(column.letter)
    for key, count in claims.items():
        if count > 1:
            what = f"{key[0]} ({key[2]})" if key[2] else key[0]
            log.error(
                f"kolumnerna {' och '.join(letters[key])} hör båda till {what}; ta bort eller "
                "byt namn på den ena.",
                question=questionnaire[key[0]],
            )


def _listed(questions: list[Question], questionnaire: Questionnaire) -> str:
    """Questions by number and text; the fields of one question (C8_1_yrke ...) as the
    question they belong to (C8), once."""
    shown: list[str] = []
    for question in questions:
        named = questionnaire[question.group] if question.group else question
        label = question_label(named)
        if label not in shown:
            shown.append(label)
    return ", ".join(shown)


def check_answers(answers: Answers, questionnaire: Questionnaire, log: IssueLog) -> None:
    """Warnings for one respondent's impossible or unexpected answers."""
    values = answers.values
    sought, hired = values.get("C2"), values.get("C3")
    if isinstance(sought, int) and isinstance(hired, int) and hired > sought:
        log.warning(
            f"{hired} anställda men bara {sought} sökta (C2); svaret räknas inte i andelen "
            "misslyckade rekryteringar.",
            column=answers.columns.get("C3"),
            row=answers.row,
            question=questionnaire["C3"],
            kind="more_hired",
        )
    for question in questionnaire.fields():
        for condition, wanted in question.asked_if:
            given = values.get(condition)
            if given is not None and given != wanted and values.get(question.id) is not None:
                log.warning(
                    f"besvarad fast {condition} = {given}; frågan ställs bara "
                    f"när {condition} = {wanted}.",
                    column=answers.columns.get(question.id),
                    row=answers.row,
                    question=question,
                    kind="not_asked",
                )
        if question.required and question.id in answers.columns and values.get(question.id) is None:
            log.warning(
                "inte besvarad.",
                column=answers.columns.get(question.id),
                row=answers.row,
                question=question,
                kind="unanswered",
            )


def _content(answers: Answers) -> tuple:
    return tuple(sorted((k, repr(v)) for k, v in answers.values.items() if v is not None)) + tuple(
        sorted(answers.other.items())
    )


def find_duplicates(rows: Sequence[Answers], log: IssueLog) -> list[bool]:
    """Which rows to keep: False for the dropped copy of each duplicate submission."""
    keep = [True] * len(rows)
    by_content: dict[tuple, int] = {}
    by_identity: dict[str, int] = {}
    for index, answers in enumerate(rows):
        content = _content(answers)
        answered = sum(v is not None for v in answers.values.values())
        same = by_content.get(content)
        earlier = next((by_identity[i] for i in answers.identity if i in by_identity), None)
        if same is not None and (answered >= MIN_ANSWERS_FOR_DUPLICATE or same == earlier):
            keep[index] = False
            log.warning(
                f"dubblett: alla svar är samma som på rad {rows[same].row}; svaret räknas en gång.",
                row=answers.row,
            )
            continue
        if earlier is not None:
            keep[earlier] = False
            log.warning(
                f"dubblett: samma svarande som på rad {answers.row} (samma e-post eller token i "
                "verktyget); det senare svaret används.",
                row=rows[earlier].row,
            )
        by_content.setdefault(content, index)
        for identity in answers.identity:
            by_identity[identity] = index
    return keep
