"""read_survey: the same answers from every tool give the same tidy, personal-data-free tables."""

import re

import pandas as pd
import pytest

from example_surveys.answers import generate
from example_surveys.exports import write_all_layouts
from helpers.common.errors import SurveyError
from helpers.config import paths
from helpers.survey.questionnaire import load_questionnaire
from helpers.survey.read import inspect_survey, read_survey

MAPPING = paths.ROOT / "docs" / "examples" / "survey-mapping.yaml"
MUNICIPALITIES = ["Sotenäs"]


@pytest.fixture(scope="module")
def example():
    return generate("sotenas", 2026, 40, seed=11, duplicates=2, incomplete=3)


@pytest.fixture(scope="module")
def exports(example, tmp_path_factory):
    return write_all_layouts(example, tmp_path_factory.mktemp("layouts"))


@pytest.fixture(scope="module")
def surveys(exports):
    return {
        name: read_survey(
            path, municipalities=MUNICIPALITIES, mapping=MAPPING if name == "mapping" else None
        )
        for name, path in exports.items()
    }


def expected_responses(example) -> pd.DataFrame:
    """The known answers as the tidy contract types them."""
    q = load_questionnaire(MUNICIPALITIES)
    columns = {}
    for qid in q.analysis_ids():
        values = [r.expected[qid] for r in example.kept]
        kind = q[qid].type
        if kind == "N":
            columns[qid] = pd.array(values, dtype="Int64")
        elif kind == "M":
            columns[qid] = pd.Series(values, dtype=object)
        else:
            columns[qid] = pd.array(values, dtype="string")
    return pd.DataFrame(columns)


def by_position(survey, table: pd.DataFrame) -> pd.DataFrame:
    """A long table with respondent keys replaced by the respondent's position."""
    position = {key: i for i, key in enumerate(survey.responses.index)}
    out = table.assign(respondent=table["respondent"].map(position))
    return out.sort_values(list(out.columns)).reset_index(drop=True)


def test_every_layout_is_detected(surveys):
    assert {name: s.layout for name, s in surveys.items()} == {
        "microsoft_forms": "microsoft_forms",
        "google_forms": "google_forms",
        "google_forms_xlsx": "google_forms",
        "google_forms_cp1252": "google_forms",
        "surveymonkey": "surveymonkey",
        "limesurvey": "limesurvey",
        "limesurvey_texts": "limesurvey",
        "mapping": "mapping",
    }


def test_every_layout_gives_the_known_answers(surveys, example):
    expected = expected_responses(example)
    for name, survey in surveys.items():
        got = survey.responses.reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, obj=name)


def test_every_layout_gives_the_same_long_tables(surveys):
    first = surveys["microsoft_forms"]
    multi, other = by_position(first, first.multi), by_position(first, first.other_text)
    assert len(multi) > 100 and len(other) > 3
    for name, survey in surveys.items():
        pd.testing.assert_frame_equal(by_position(survey, survey.multi), multi, obj=name)
        pd.testing.assert_frame_equal(by_position(survey, survey.other_text), other, obj=name)


def test_other_text_is_the_known_masked_text(surveys, example):
    survey = surveys["surveymonkey"]
    got = {(p, q): t for p, q, t in by_position(survey, survey.other_text).itertuples(index=False)}
    expected = {(i, q): t for i, r in enumerate(example.kept) for q, t in r.expected_other.items()}
    assert got == expected


def test_multi_long_table_matches_the_sets(surveys):
    survey = surveys["google_forms"]
    q = load_questionnaire(MUNICIPALITIES)
    rebuilt = {}
    for key, qid, option in survey.multi.itertuples(index=False):
        rebuilt.setdefault((key, qid), set()).add(option)
    for qid in (i for i in q.analysis_ids() if q[i].type == "M"):
        for key, chosen in survey.responses[qid].items():
            assert rebuilt.get((key, qid), set()) == (set(chosen) if chosen is not None else set())


def test_counts(surveys, example):
    for name, survey in surveys.items():
        lime = name.startswith("limesurvey")
        assert survey.n_duplicates == 2, name
        assert survey.n_incomplete == (3 if lime else 0), name
        assert survey.n_rows == len(example.kept) + 2 + (3 if lime else 0), name
        assert len(survey.responses) == len(example.kept)


def test_tidy_contract(surveys):
    survey = surveys["limesurvey"]
    responses = survey.responses
    q = load_questionnaire(MUNICIPALITIES)
    assert list(responses.columns) == q.analysis_ids()
    assert responses.index.name == "respondent" and responses.index.is_unique
    assert all(re.fullmatch(r"r-[0-9a-f]{8}", key) for key in responses.index)
    assert responses["A2"].dtype == "string" and responses["F1"].dtype == "string"
    assert responses["C2"].dtype == "Int64" and responses["C8_1_antal"].dtype == "Int64"
    assert responses["B5"].dtype == object
    assert all(isinstance(v, frozenset) or v is None for v in responses["C6"])
    assert responses["C6"].isna().any() and not responses["C6"].isna().all()
    assert list(survey.multi.columns) == ["respondent", "question", "option"]
    assert list(survey.other_text.columns) == ["respondent", "question", "text"]
    assert set(survey.multi["option"]) <= {o for i in q.analysis_ids() for o in q.options(i)}


def test_keys_are_random_on_every_read(exports):
    a = read_survey(exports["microsoft_forms"], municipalities=MUNICIPALITIES)
    b = read_survey(exports["microsoft_forms"], municipalities=MUNICIPALITIES)
    assert not set(a.responses.index) & set(b.responses.index)


def test_planted_personal_data_never_reaches_the_tidy_tables(surveys, example):
    planted = example.planted()
    assert len(planted) > 100
    for name, survey in surveys.items():
        cells = [
            str(v)
            for table in (survey.responses, survey.multi, survey.other_text)
            for column in table.columns
            for v in table[column].tolist()
        ]
        cells += [str(v) for v in survey.responses.index]
        cells += [issue.line() for issue in survey.issues]
        text = "\n".join(cells)
        assert not [p for p in planted if p in text], name
        assert not re.search(r"@|\d{3}[- ]\d{2} ?\d{2}", text.replace("[e-post]", "")), name


def test_personal_data_is_in_the_contact_table(surveys, example):
    survey = surveys["microsoft_forms"]
    contacts = survey.contacts.to_csv()
    for respondent in example.kept:
        for value in respondent.contacts.values():
            assert value in contacts
        if respondent.tool_identified:
            assert respondent.contact.email in contacts and respondent.contact.name in contacts
    assert list(survey.contacts["respondent"]) == list(survey.responses.index)
    assert {"A5", "G1", "G2", "G3", "G4"} <= set(survey.contacts.columns)


def test_warnings_do_not_stop_but_are_kept(surveys):
    lines = [i.line() for i in surveys["google_forms"].issues]
    assert any("'10-15' är ett intervall: räknat som 13" in line for line in lines)
    assert any("C3 (Hur många" in line and "sökta (C2)" in line for line in lines)
    assert any("dubblett" in line for line in lines)
    assert all(line.startswith("Varning: ") for line in lines)


def test_errors_stop_with_one_line(exports, tmp_path):
    path = tmp_path / "dubbel.csv"
    text = exports["google_forms"].read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    # Two columns for C4 and no A2: errors; read_survey names the first and counts the rest.
    header = header.replace("A2. Inom", "X2. Inom").replace("C1. Har", "C4. Har")
    path.write_text(header + "\n" + rest, encoding="utf-8")
    with pytest.raises(SurveyError) as caught:
        read_survey(path, municipalities=MUNICIPALITIES)
    message = str(caught.value)
    assert "\n" not in message and message.startswith("dubbel.csv: A2 (Inom vilken bransch")
    assert "fel till" in message
    found = inspect_survey(path, municipalities=MUNICIPALITIES)
    assert sum(i.severity == "error" for i in found.issues) >= 3  # A2, C1, doubled C4


def test_sheet_is_chosen_by_content_or_name(exports, tmp_path):
    import openpyxl

    workbook = openpyxl.load_workbook(exports["google_forms_xlsx"])
    notes = workbook.create_sheet("Anteckningar", 0)
    notes.append(["Det här bladet är inga svar"])
    path = tmp_path / "flera-blad.xlsx"
    workbook.save(path)
    assert read_survey(path, municipalities=MUNICIPALITIES).layout == "google_forms"
    assert read_survey(path, municipalities=MUNICIPALITIES, sheet="formulärsvar 1").n_rows > 0
    with pytest.raises(SurveyError, match="bladet 'Svar' finns inte; filen har 2 blad") as caught:
        read_survey(path, municipalities=MUNICIPALITIES, sheet="Svar")
    assert "Anteckningar" not in str(caught.value)  # the file's own sheet names are not told


@pytest.mark.parametrize(
    ("folder", "municipalities", "layout", "count"),
    [
        ("sotenas/2026", ["Sotenäs"], "microsoft_forms", 60),
        ("sotenas/2025", ["Sotenäs"], "microsoft_forms", 50),
        ("trollhattan-vanersborg/2026", ["Trollhättan", "Vänersborg"], "google_forms", 110),
    ],
)
def test_shipped_examples_are_read(folder, municipalities, layout, count):
    (path,) = (paths.SURVEYS / folder).glob("kompetensbehov-*")
    survey = read_survey(path, municipalities=municipalities)
    assert (survey.layout, len(survey.responses), survey.n_duplicates) == (layout, count, 2)
    assert set(survey.responses["A1"].dropna()) <= {*municipalities, "Annan kommun"}
    assert survey.responses["A1"].isin(municipalities).sum() > count * 0.8
