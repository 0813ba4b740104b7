"""Issue 17, item 8: last year's export and ``invited`` checked against this year's survey,
by ``lka validate --area`` and by the report before any chapter runs (one line each)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from helpers.build import pipeline
from helpers.common.errors import ParamsError
from helpers.config import paths
from helpers.config.params import SurveyInput, load_area
from helpers.survey import inputs

THIS_YEAR = paths.SURVEYS / "sotenas" / "2026" / "kompetensbehov-2026.xlsx"
LAST_YEAR = paths.SURVEYS / "sotenas" / "2025" / "kompetensbehov-2025.xlsx"


def test_the_shipped_example_passes():
    survey = load_area("sotenas").survey
    assert survey is not None and inputs.problems(survey, answered=60) == []


def test_previous_that_is_this_years_file_again(tmp_path: Path):
    copy = tmp_path / "fjol.xlsx"
    shutil.copyfile(THIS_YEAR, copy)
    survey = load_area("sotenas").survey
    for previous in (THIS_YEAR, copy):  # the same path, or the same content elsewhere
        given = dataclasses.replace(survey, previous=previous)
        (problem,) = inputs.problems(given, answered=60)
        assert "är samma fil som survey.file" in problem or "samma år" in problem
    (problem,) = inputs.problems(dataclasses.replace(survey, previous=copy), answered=60)
    assert problem.startswith(f"survey.previous ({copy}) är samma fil som survey.file")


def test_previous_from_this_years_folder_even_if_another_file(tmp_path: Path, monkeypatch):
    surveys = tmp_path / "surveys"
    monkeypatch.setattr(paths, "SURVEYS", surveys)
    (surveys / "x" / "2026").mkdir(parents=True)
    this, other = surveys / "x" / "2026" / "a.xlsx", surveys / "x" / "2026" / "b.xlsx"
    shutil.copyfile(THIS_YEAR, this)
    shutil.copyfile(LAST_YEAR, other)  # different content, but filed under this year
    (problem,) = inputs.problems(SurveyInput(file=this, previous=other), answered=1)
    assert "från samma år som årets enkät (2026)" in problem and "(2025)" in problem


def test_invited_below_the_answers():
    survey = dataclasses.replace(load_area("sotenas").survey, invited=59)
    (problem,) = inputs.problems(survey, answered=60)
    assert problem.startswith("survey.invited (59) är mindre än antalet svar i årets enkät (60)")
    assert inputs.problems(dataclasses.replace(survey, invited=60), answered=60) == []


def test_the_report_stops_before_any_chapter_and_writes_no_contacts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(paths, "CONTACTS", tmp_path / "contacts")
    area = load_area("sotenas")
    for survey in (
        dataclasses.replace(area.survey, previous=THIS_YEAR),
        dataclasses.replace(area.survey, invited=10),
    ):
        with pytest.raises(ParamsError, match=r"^params/sotenas.yaml: survey\.") as error:
            pipeline._import_survey(dataclasses.replace(area, survey=survey))
        assert "\n" not in str(error.value)
    assert not (tmp_path / "contacts").exists()


def test_validate_refuses_both_with_one_line_each(tree: Path):
    params = tree / "params" / "sotenas.yaml"
    text = params.read_text("utf-8")
    params.write_text(text.replace("2025/kompetensbehov-2025", "2026/kompetensbehov-2026"))
    result = run_cli(tree, "validate", "--area", "sotenas")
    assert result.returncode == 3
    (line,) = [line for line in result.stdout.splitlines() if line.strip().startswith("Fel:")]
    assert "survey.previous (data/raw/surveys/sotenas/2026/kompetensbehov-2026.xlsx)" in line
    params.write_text(text.replace("invited: 160", "invited: 10"))
    result = run_cli(tree, "validate", "--area", "sotenas")
    assert result.returncode == 3
    (line,) = [line for line in result.stdout.splitlines() if line.strip().startswith("Fel:")]
    assert "survey.invited (10) är mindre än antalet svar i årets enkät (60)" in line
