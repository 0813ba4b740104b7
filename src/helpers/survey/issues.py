"""Problems found in a survey export, each with where it is: file, sheet, column and row.

Errors stop the report; warnings are listed by ``lka validate`` and do not. Messages are in
Swedish (the broker reads them) and pass through ``privacy.mask_text``, so a quoted answer never
carries an e-mail address or phone number into a log. An issue about one question names it by
its number and text::

    >>> from helpers.survey.questionnaire import load_questionnaire
    >>> log = IssueLog("enkät.xlsx", "1")
    >>> log.warning("'ca 20' är ingen exakt siffra", column="M", row=7,
    ...             question=load_questionnaire()["C2"], kind="number")
    >>> print(log.issues[0].text())
    C2 (Hur många personer försökte ni rekrytera?): 'ca 20' är ingen exakt siffra
    >>> log.issues[0].where()
    'enkät.xlsx, blad 1, kolumn M, rad 7'

The same problem on many rows (one issue per row) is told once by :func:`grouped`, with how
many rows and the first of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from helpers.common.errors import SurveyError
from helpers.survey.privacy import mask_text

ERROR = "error"
WARNING = "warning"
_WORDS = {ERROR: "Fel", WARNING: "Varning"}
#: Rows listed by number in a grouped issue before "med flera".
FIRST_ROWS = 5

if TYPE_CHECKING:  # pragma: no cover
    from helpers.survey.questionnaire import Question


@dataclass(frozen=True)
class Issue:
    """One problem; ``sheet``, ``column`` (letter) and ``row`` (sheet row) are None if unknown.

    ``sheet`` is the sheet's number in the workbook ("1" for the first tab), never its name: a
    tab may be named after a person, and ``lka validate`` prints no personal data.
    """

    severity: str
    file: str
    sheet: str | None
    column: str | None
    row: int | None
    message: str
    question: str | None = None  # "C2 (Hur många personer försökte ni rekrytera?)"
    kind: str | None = None  # what went wrong, for grouping: "label", "number", ...
    value: str | None = None  # the answer it is about, when the message quotes one

    def where(self) -> str:
        """``enkät.xlsx, blad Form1, kolumn M, rad 7``: the parts that are known."""
        parts = [self.file]
        if self.sheet:
            parts.append(f"blad {self.sheet}")
        if self.column:
            parts.append(f"kolumn {self.column}")
        if self.row is not None:
            parts.append(f"rad {self.row}")
        return ", ".join(parts)

    def text(self) -> str:
        """The message, after the question it is about."""
        return f"{self.question}: {self.message}" if self.question else self.message

    def line(self) -> str:
        """The issue as one line: ``Fel: <where>: <message>``."""
        return f"{_WORDS[self.severity]}: {self.where()}: {self.text()}"


def question_label(question: Question) -> str:
    """A question as the broker knows it: ``C2 (Hur många personer försökte ni rekrytera?)``."""
    text = (
        question.text.split(". ", 1)[1]
        if question.text.startswith(question.id + ".")
        else question.text
    )
    return f"{question.id} ({text})"


@dataclass
class IssueLog:
    """Collects the issues of one file (and sheet) in the order they are found."""

    file: str
    sheet: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        severity: str,
        message: str,
        column: str | None = None,
        row: int | None = None,
        question: Question | None = None,
        kind: str | None = None,
        value: str | None = None,
    ) -> None:
        """Record an issue; one line, personal data masked (it may quote what was typed)."""
        text = " ".join(mask_text(message).split())
        label = question_label(question) if question is not None else None
        shown = " ".join(mask_text(value).split()) if value is not None else None
        self.issues.append(
            Issue(severity, self.file, self.sheet, column, row, text, label, kind, shown)
        )

    def error(self, message: str, *where: object, **about: object) -> None:
        """Record a problem that stops the report (the rest as for :meth:`add`)."""
        self.add(ERROR, message, *where, **about)

    def warning(self, message: str, *where: object, **about: object) -> None:
        """Record a problem the report can live with (the rest as for :meth:`add`)."""
        self.add(WARNING, message, *where, **about)

    def fail(self, message: str, column: str | None = None, row: int | None = None) -> SurveyError:
        """Record an error and return it as a ``SurveyError`` for the caller to raise."""
        self.error(message, column, row)
        return survey_error([self.issues[-1]])


def errors(issues: Iterable[Issue]) -> list[Issue]:
    """The issues that stop the report."""
    return [i for i in issues if i.severity == ERROR]


def survey_error(issues: list[Issue]) -> SurveyError:
    """One ``SurveyError`` for a list of errors: the first one's place and message, and how
    many more. No "Fel:" word: the command line puts it before every error it prints.

    The issues ride along as ``error.issues`` so ``validate_file`` can list them all.
    """
    first = f"{issues[0].where()}: {issues[0].text()}"
    if len(issues) > 1:
        first += f" (och {len(issues) - 1} fel till: kör lka validate på filen för att se alla)"
    error = SurveyError(first)
    error.issues = list(issues)
    return error


#: How a group of issues of one kind with different answers reads (``grouped``).
KIND_SUMMARIES = {
    "label": "svar som inte är något standardalternativ räknas inte",
    "number": "svar som inte är ett tal (eller orimliga tal) räknas inte eller tolkas",
}
#: Answers named in a grouped line before "med flera".
FIRST_VALUES = 4


def grouped(issues: Iterable[Issue]) -> list[str]:
    """One line per problem: issues of the same kind about the same question and column are
    told once, with how many rows and the first of them (a problem repeated on every row is
    one line, not 440); different answers are listed with their counts.

        >>> a, b = (Issue(WARNING, "x.csv", None, "F", r, "'N/A' är inget standardalternativ",
        ...               "C1 (Har ni ...?)", "label", "N/A") for r in (3, 4))
        >>> where, what = grouped([a, b])[0].split(": C1 ")
        >>> where
        'Varning: x.csv, kolumn F, 2 rader (rad 3 och 4)'
        >>> what
        "(Har ni ...?): 'N/A' är inget standardalternativ"
    """
    groups: dict[tuple, list[Issue]] = {}
    for issue in issues:
        key = (issue.severity, issue.sheet, issue.column, issue.question, issue.kind)
        groups.setdefault(key if issue.kind else (id(issue),), []).append(issue)
    lines = []
    for members in groups.values():
        first = members[0]
        rows = sorted({i.row for i in members if i.row is not None})
        if len(members) == 1 or not rows:
            lines.append(first.line())
            continue
        messages = {i.message for i in members}
        if len(messages) == 1:
            text = first.text()
        else:
            counts: dict[str, int] = {}
            for issue in members:
                counts[issue.value or issue.message] = (
                    counts.get(issue.value or issue.message, 0) + 1
                )
            ordered = sorted(counts, key=lambda v: -counts[v])
            named = ", ".join(f"'{v}' ({counts[v]})" for v in ordered[:FIRST_VALUES])
            more = (
                f" och {len(ordered) - FIRST_VALUES} andra" if len(ordered) > FIRST_VALUES else ""
            )
            summary = KIND_SUMMARIES.get(first.kind or "", first.message)
            text = f"{first.question}: {summary}: {named}{more}" if first.question else summary
        lines.append(f"{_WORDS[first.severity]}: {_where_rows(first, rows)}: {text}")
    return lines


def _where_rows(first: Issue, rows: list[int]) -> str:
    shown = [str(r) for r in rows[:FIRST_ROWS]]
    listed = (
        ", ".join(shown) + " med flera"
        if len(rows) > FIRST_ROWS
        else (", ".join(shown[:-1]) + " och " + shown[-1])
    )
    where = Issue(first.severity, first.file, first.sheet, first.column, None, "").where()
    return f"{where}, {len(rows)} rader (rad {listed})"
