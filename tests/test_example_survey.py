"""The example generator: deterministic, realistic, and the shipped files are its output."""

import re

import pytest

from example_surveys.answers import SHIPPED, generate, write_shipped
from helpers.config import paths
from helpers.survey.files import read_sheets
from helpers.survey.read import read_survey

C_ASKED = ["C2", "C3", "C4", "C5_1", "C6", "C7"]


@pytest.fixture(scope="module")
def survey():
    return generate("trollhattan-vanersborg", 2026, 80, seed=3, incomplete=2)


def test_same_seed_same_answers_other_seed_other_answers():
    a, b = generate("sotenas", 2026, 30, seed=1), generate("sotenas", 2026, 30, seed=1)
    assert [r.written for r in a.respondents] == [r.written for r in b.respondents]
    assert [r.expected for r in a.kept] == [r.expected for r in b.kept]
    c = generate("sotenas", 2026, 30, seed=2)
    assert [r.expected for r in a.kept] != [r.expected for r in c.kept]


def test_duplicates_and_incomplete_are_marked(survey):
    assert len(survey.kept) == 80 and len(survey.respondents) == 84
    assert sum(r.duplicate for r in survey.respondents) == 2
    incomplete = [r for r in survey.respondents if r.incomplete]
    assert len(incomplete) == 2 and all(
        set(r.written) <= {"A1", "A2", "A3", "A4"} for r in incomplete
    )
    submitted = [r.submitted for r in survey.respondents]
    assert submitted == sorted(submitted)


def test_skip_logic_and_vet_ej(survey):
    for r in survey.kept:
        if r.expected["C1"] == "Nej":
            assert all(r.expected[q] is None for q in C_ASKED)
        if r.expected["E6"] == "Nej":
            assert not {"G1", "G2", "G3", "G4"} & set(r.contacts)
    answers = [v for r in survey.kept for v in r.expected.values()]
    assert "Vet ej" in answers and "Nej" in [r.expected["C1"] for r in survey.kept]


def test_answers_depend_on_the_branch(survey):
    titles: dict[str, set[str]] = {}
    for r in survey.kept:
        typed = {str(r.expected[q]).lower() for q in ("C5_1", "C5_2", "C5_3", "C8_1_yrke")}
        titles.setdefault(r.expected["A2"], set()).update(typed - {"none"})
    assert {"undersköterskor", "undersköterska", "usk"} & titles["Vård och omsorg"]
    assert {"cnc-operatör", "cnc operatör", "mig-svetsare"} & titles["Tillverkning och utvinning"]
    assert not {"kock", "servitör"} & titles["Tillverkning och utvinning"]


def test_every_kind_of_mess_is_planted(survey):
    written = [v for r in survey.kept for v in r.written.values()]
    assert "10-15" in written and "Ganska svart" in written and "många" in written
    assert any(isinstance(v, str) and re.fullmatch(r"ca \d+", v) for v in written)
    assert any(isinstance(v, str) and "\u0308" in v for v in written)
    hired_more = [
        r
        for r in survey.kept
        if isinstance(r.expected["C3"], int) and r.expected["C3"] > (r.expected["C2"] or 0)
    ]
    assert len(hired_more) == 1
    free_text = " ".join(str(r.written.get("F1")) for r in survey.kept)
    other = " ".join(t for r in survey.kept for t in r.other.values())
    assert "@" in free_text and re.search(r"\d{3} \d{2}", free_text)
    assert any(r.contact.first in str(r.written.get("F1")) for r in survey.kept)
    assert "@" in other or re.search(r"\d{2} \d{2}", other)


def test_shipped_files_are_regenerated_byte_identically(tmp_path):
    written = write_shipped(tmp_path)
    assert len(written) == len(SHIPPED) == 3
    for path in written:
        shipped = paths.SURVEYS / path.relative_to(tmp_path)
        assert shipped.read_bytes() == path.read_bytes(), shipped


@pytest.mark.parametrize("entry", SHIPPED, ids=lambda e: f"{e[0]}-{e[1]}")
def test_shipped_files_carry_planted_data_that_never_leaks(entry):
    area, year, n, seed, _, name = entry
    example = generate(area, year, n, seed)
    path = paths.SURVEYS / area / str(year) / name
    raw = "\n".join(str(c) for sheet in read_sheets(path) for row in sheet.rows for c in row)
    planted = {p for p in example.planted() if p in raw}
    assert len(planted) > 50  # names, e-mail, phone and org numbers really are in the file
    survey = read_survey(path, municipalities=list(example.municipalities))
    tidy = survey.responses.to_csv() + survey.multi.to_csv() + survey.other_text.to_csv()
    tidy += "\n".join(i.line() for i in survey.issues)
    assert not [p for p in planted if p in tidy]


def test_readme_says_example_data():
    readme = (paths.SURVEYS / "README.md").read_text(encoding="utf-8")
    assert "EXAMPLE" in readme and "not real answers" in readme
    assert "python -m example_surveys.answers" in readme
