"""Exports that real survey tools wrote (tests/fixtures/real_exports, sources and licences in
its README), each read through its mapping file: validated, and built into a report (slow)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, make_tree, run_cli
from helpers.survey.read import read_survey
from helpers.survey.validate import validate_file

FOLDER = ROOT / "tests" / "fixtures" / "real_exports"
EXPORTS = sorted(p for p in FOLDER.iterdir() if p.suffix in (".csv", ".xlsx"))
#: What each file is read as: the tool, respondents counted, unfinished ones left out.
EXPECTED = {
    "surveymonkey_star_wars.csv": ("SurveyMonkey (med mappningsfil)", 39, 0),
    "surveymonkey_masculinity.csv": ("okänt verktyg (med mappningsfil)", 40, 0),
    "limesurvey_artifact_survey.xlsx": ("LimeSurvey (med mappningsfil)", 124, 133),
    "google_forms_r_community_2019_es.xlsx": ("Google Forms (med mappningsfil)", 338, 0),
}


def test_every_export_has_its_source_licence_and_checksum_in_the_readme():
    readme = (FOLDER / "README.md").read_text("utf-8")
    assert {p.name for p in EXPORTS} == set(EXPECTED)
    for path in EXPORTS:
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{path.name}`"))
        assert re.search(r"\| (CC BY 4\.0|Apache 2\.0) \|", row), path.name
        assert re.search(r"commit `[0-9a-f]{40}`", row), path.name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"{digest}  {path.name}" in readme, path.name
        assert path.with_suffix(".yaml").is_file()


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.stem)
def test_each_export_validates_through_its_mapping(path):
    result = validate_file(path, ["Sotenäs"], mapping=path.with_suffix(".yaml"))
    layout, counted, unfinished = EXPECTED[path.name]
    text = result.format()
    assert result.ok, text
    assert f"Format: {layout}" in text
    assert (result.n_responses, result.n_incomplete) == (counted, unfinished)
    # one line per problem, however many rows it is on
    assert len(text.splitlines()) < 40


def test_surveymonkey_second_header_row_is_no_respondent_and_options_come_from_it():
    path = FOLDER / "surveymonkey_star_wars.csv"
    survey = read_survey(path, municipalities=["Sotenäs"], mapping=path.with_suffix(".yaml"))
    assert "Response" not in survey.responses["A2"].dropna().tolist()
    # C6 is mapped option by option to the film columns D..I; respondent 1 saw all six films
    assert len(survey.responses["C6"].iloc[0]) == 6
    # the old metadata header RespondentID is the tool's identity column: contacts only
    assert "RespondentID" in survey.contacts.columns


def test_without_mapping_the_pandas_index_is_not_taken_for_microsoft_forms():
    result = validate_file(FOLDER / "surveymonkey_masculinity.csv", ["Sotenäs"])
    (error,) = result.errors
    assert "Microsoft Forms-exporten" not in error.message
    assert error.message.startswith("okänt format")
    assert "Hittade: 98 kolumner, de första '', 'StartDate', 'EndDate', 'q0001'" in error.message
    assert "docs/okant-format.md" in error.message


@pytest.fixture(scope="module")
def real_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A scratch project with one area per real export; each built into a report (HTML)."""
    tree = make_tree(tmp_path_factory.mktemp("real"))
    (tree / "real").mkdir()
    built = {}
    for path in EXPORTS:
        shutil.copy(path, tree / "real")
        shutil.copy(path.with_suffix(".yaml"), tree / "real")
        slug = path.stem.replace("_", "-")
        (tree / "params" / f"{slug}.yaml").write_text(
            f'name: Sotenäs\nmunicipalities: ["1427"]\nyear: 2026\nsurvey:\n'
            f"  file: real/{path.name}\n  mapping: real/{path.stem}.yaml\n",
            encoding="utf-8",
        )
        validated = run_cli(tree, "validate", "--area", slug)
        assert validated.returncode == 0, validated.stdout
        assert "Analys: rapportens enkätdelar byggdes utan fel" in validated.stdout
        result = run_cli(tree, "report", slug, "--no-pdf", timeout=600)
        built[path.name] = (result, tree / "reports" / slug / "2026-utkast")  # --no-pdf: a draft
    return built


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_export_that_validates_builds_a_report(real_reports, name):
    result, folder = real_reports[name]
    assert result.returncode == 0, result.stderr
    page = next(folder.glob("*.html")).read_text("utf-8")
    for leftover in ("&lt;NA&gt;", "<NA>", ">nan<", "Traceback"):
        assert leftover not in page
    figures = json.loads((folder / "key_figures.json").read_text("utf-8"))["figures"]
    failure = figures["failure_rate"]["value"]  # None when hidden (too few answers) or missing
    assert failure is None or 0 <= failure <= 1
