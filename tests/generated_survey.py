"""An area whose survey is a freshly generated example export (for tests that recompute the
report's figures from what the generator says each respondent answered)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from example_surveys.answers import ExampleSurvey, generate
from example_surveys.exports import write_microsoft_forms
from helpers.config.params import Area, SurveyInput, load_area


def generated_area(
    folder: Path, n: int = 40, seed: int = 7, *, exclude_outside_area: bool = False
) -> tuple[Area, ExampleSurvey]:
    """Sotenäs with a generated Microsoft Forms export of ``n`` respondents as its survey,
    and the generated survey (each kept respondent's ``expected`` tidy answers)."""
    survey = generate("sotenas", 2026, n, seed=seed)
    path = folder / "2026" / "export.xlsx"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_microsoft_forms(survey, path)
    given = SurveyInput(
        file=path, invited=2 * n, example=True, exclude_outside_area=exclude_outside_area
    )
    return dataclasses.replace(load_area("sotenas"), survey=given), survey
