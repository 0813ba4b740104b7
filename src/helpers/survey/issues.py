"""Problems found in a survey export, each with where it is: file, sheet, column and row.

Errors stop the report; warnings are listed by ``lka validate`` and do not. Messages are in
Swedish (the broker reads them) and pass through ``privacy.mask_text``, so a quoted answer never
carries an e-mail address or phone number into a log::

    >>> log = IssueLog("enkät.xlsx", "Form1")
    >>> log.warning("C2: 'ca tjugo' är inte ett tal", column="M", row=7)
    >>> log.issues[0].line()
    "Varning: enkät.xlsx, blad Form1, kolumn M, rad 7: C2: 'ca tjugo' är inte ett tal"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from helpers.common.errors import SurveyError
from helpers.survey.privacy import mask_text

ERROR = "error"
WARNING = "warning"
_WORDS = {ERROR: "Fel", WARNING: "Varning"}


@dataclass(frozen=True)
class Issue:
    """One problem; ``sheet``, ``column`` (letter) and ``row`` (sheet row) are None if unknown."""

    severity: str
    file: str
    sheet: str | None
    column: str | None
    row: int | None
    message: str

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

    def line(self) -> str:
        """The issue as one line: ``Fel: <where>: <message>``."""
        return f"{_WORDS[self.severity]}: {self.where()}: {self.message}"


@dataclass
class IssueLog:
    """Collects the issues of one file (and sheet) in the order they are found."""

    file: str
    sheet: str | None = None
    issues: list[Issue] = field(default_factory=list)

    def add(
        self, severity: str, message: str, column: str | None = None, row: int | None = None
    ) -> None:
        """Record an issue; one line, personal data masked (it may quote what was typed)."""
        text = " ".join(mask_text(message).split())
        self.issues.append(Issue(severity, self.file, self.sheet, column, row, text))

    def error(self, message: str, column: str | None = None, row: int | None = None) -> None:
        """Record a problem that stops the report."""
        self.add(ERROR, message, column, row)

    def warning(self, message: str, column: str | None = None, row: int | None = None) -> None:
        """Record a problem the report can live with."""
        self.add(WARNING, message, column, row)

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
    first = f"{issues[0].where()}: {issues[0].message}"
    if len(issues) > 1:
        first += f" (och {len(issues) - 1} fel till: kör lka validate på filen för att se alla)"
    error = SurveyError(first)
    error.issues = list(issues)
    return error
