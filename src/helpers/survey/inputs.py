"""The survey files an area's params name, checked against each other and this year's answers.

What ``lka validate --area`` and the report (before any chapter runs) both refuse, each with
one line that says what to change in the params file:

* ``survey.previous`` that is this year's export again: the same content (checksum), or a file
  from this year's folder (``data/raw/surveys/<area>/<year>/``). The report would otherwise
  compare the survey with itself ("2026 svarade 57 arbetsgivare och 2026 57") and file its
  contacts under last year;
* ``survey.invited`` below the number of answers this year (a response rate over 100 %).

    >>> from helpers.config import paths
    >>> from helpers.config.params import SurveyInput
    >>> here = paths.SURVEYS / "sotenas"
    >>> given = SurveyInput(file=here / "2026" / "kompetensbehov-2026.xlsx",
    ...                     previous=here / "2025" / "kompetensbehov-2025.xlsx", invited=160)
    >>> problems(given, answered=60)
    []
    >>> problems(given, answered=161)[0][:60]
    'survey.invited (160) är mindre än antalet svar i årets enkät'
"""

from __future__ import annotations

from pathlib import Path

from helpers.common.errors import ParamsError
from helpers.common.text import number
from helpers.config import params, paths
from helpers.config.params import SurveyInput
from helpers.stats.manifest import sha256


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)


def previous_problem(survey: SurveyInput) -> str | None:
    """Why ``survey.previous`` cannot be last year's export; None when it can (or is not given)."""
    previous = survey.previous
    if previous is None:
        return None
    year, last = params.survey_year(survey.file), params.survey_year(previous)
    if year is not None and last is not None and last >= year:
        when = "samma år som årets enkät" if last == year else f"{last}, efter årets enkät"
        return (
            f"survey.previous ({_shown(previous)}) är från {when} ({year}): ange fjolårets "
            f"export ({year - 1}), eller ta bort 'previous' om det inte fanns någon enkät då."
        )
    same = previous.resolve() == survey.file.resolve() or (
        previous.stat().st_size == survey.file.stat().st_size
        and sha256(previous) == sha256(survey.file)
    )
    if same:
        return (
            f"survey.previous ({_shown(previous)}) är samma fil som survey.file (samma "
            "innehåll): ange fjolårets export, eller ta bort 'previous' om det inte fanns "
            "någon enkät då."
        )
    return None


def invited_problem(survey: SurveyInput, answered: int) -> str | None:
    """Why ``survey.invited`` cannot be right with ``answered`` answers; None when it can."""
    if survey.invited is None or survey.invited >= answered:
        return None
    return (
        f"survey.invited ({number(survey.invited)}) är mindre än antalet svar i årets enkät "
        f"({number(answered)}): rätta 'invited' till hur många arbetsgivare som bjöds in."
    )


def problems(survey: SurveyInput, *, answered: int) -> list[str]:
    """Everything :func:`previous_problem` and :func:`invited_problem` find."""
    found = (previous_problem(survey), invited_problem(survey, answered))
    return [problem for problem in found if problem]


def check(survey: SurveyInput, *, answered: int, where: str) -> None:
    """Stop the report (ParamsError, one line naming ``where``, the params file) on a problem."""
    if found := problems(survey, answered=answered):
        raise ParamsError(f"{where}: {found[0]}")
