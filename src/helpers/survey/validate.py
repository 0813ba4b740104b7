"""Validate one survey export before the report: what ``lka validate FILE`` prints.

    >>> from helpers.config import paths
    >>> report = validate_file(paths.SURVEYS / "sotenas" / "2026" / "kompetensbehov-2026.xlsx",
    ...                        ["Sotenäs"])
    >>> report.ok, report.layout
    (True, 'microsoft_forms')
    >>> print(report.format().splitlines()[1])
    Format: Microsoft Forms

The report names the layout detected, how many responses count, and every problem with file,
sheet, column and row. Errors stop the report; warnings do not. A file that cannot be opened at
all gives a report with that one error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from helpers.common.errors import SurveyError
from helpers.survey.issues import ERROR, WARNING, Issue, grouped
from helpers.survey.read import SurveyData, inspect_survey, layout_title

NO_MUNICIPALITIES = (
    "inga kommunnamn angivna: varje svar på A1 räknas som 'Annan kommun'. Ange områdets "
    "kommuner (--municipality) eller validera med --area."
)


@dataclass
class ValidationReport:
    """The outcome of validating one file."""

    path: Path
    layout: str | None = None
    n_rows: int = 0
    n_responses: int = 0
    n_duplicates: int = 0
    n_incomplete: int = 0
    issues: list[Issue] = field(default_factory=list)
    mapped: bool = False
    #: Whether the report's analysis was tried on the file (``lka validate`` says so).
    analysis: str = ""
    #: The tidy answers, when the file could be read (for the report's analysis check).
    survey: SurveyData | None = field(default=None, repr=False)

    @property
    def errors(self) -> list[Issue]:
        """Problems that stop the report."""
        return [i for i in self.issues if i.severity == ERROR]

    @property
    def warnings(self) -> list[Issue]:
        """Problems the report can live with."""
        return [i for i in self.issues if i.severity == WARNING]

    @property
    def ok(self) -> bool:
        """True when the report can be made from the file."""
        return not self.errors

    def format(self) -> str:
        """The report as text for the broker (Swedish), one line per problem: the same problem
        on many rows is one line with how many rows and the first of them."""
        layout = layout_title(self.layout, self.mapped) if self.layout else "okänt"
        counts = (
            f"{self.n_responses} räknas (av {self.n_rows} rader; {self.n_duplicates} dubbletter "
            f"och {self.n_incomplete} ofullständiga borttagna)"
            if self.layout
            else "–"
        )
        lines = [
            f"Fil: {self.path}",
            f"Format: {layout}",
            f"Svar: {counts}",
            f"Problem: {len(self.errors)} fel, {len(self.warnings)} varningar",
        ]
        shown = grouped(self.errors + self.warnings)
        if len(shown) < len(self.issues):
            lines[-1] += f" (samma problem på flera rader sägs en gång: {len(shown)} rader nedan)"
        if self.analysis:
            lines.insert(3, f"Analys: {self.analysis}")
        lines += [f"  {line}" for line in shown]
        verdict = "OK: rapporten kan göras." if self.ok else "Rättas före rapporten: se felen ovan."
        return "\n".join([*lines, verdict])


def validate_file(
    path: Path, municipalities: list[str], mapping: Path | None = None
) -> ValidationReport:
    """Read ``path`` as ``read_survey`` would and report everything found, without raising."""
    path = Path(path)
    notes = []
    if not municipalities:
        notes.append(Issue(WARNING, path.name, None, None, None, NO_MUNICIPALITIES))
    try:
        survey = inspect_survey(path, municipalities=municipalities, mapping=mapping)
    except SurveyError as exc:
        issues = getattr(exc, "issues", None) or [
            Issue(ERROR, path.name, None, None, None, str(exc))
        ]
        return ValidationReport(path, issues=notes + list(issues))
    return ValidationReport(
        path,
        layout=survey.layout,
        n_rows=survey.n_rows,
        n_responses=len(survey.responses),
        n_duplicates=survey.n_duplicates,
        n_incomplete=survey.n_incomplete,
        issues=notes + survey.issues,
        mapped=survey.mapped,
        survey=survey,
    )
