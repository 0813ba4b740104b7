"""One row to typed answers, whatever the layout's columns."""

from helpers.survey.answers import read_row
from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    CONTACT,
    FIELD,
    IDENTITY,
    MULTI_CELL,
    OPTION,
    OTHER,
    SUBMITTED,
    Column,
    Plan,
)
from helpers.survey.questionnaire import load_questionnaire

Q = load_questionnaire(["Sotenäs"])


def read(cells, columns, separator=None, marks="yesno", labels=None):
    log = IssueLog("x.xlsx", "Form1")
    plan = Plan("limesurvey", 1, columns, separator, labels or {}, marks)
    return read_row(cells, 5, plan, Q, log), log


def test_types_and_labels():
    answers, log = read(
        ["sotenäs", "JA", "ca 12", "undersköterskor", "Kostnaden;språkhinder;"],
        [
            Column(0, "A1", FIELD, "A1"),
            Column(1, "C1", FIELD, "C1"),
            Column(2, "C2", FIELD, "C2"),
            Column(3, "C5_1", FIELD, "C5_1"),
            Column(4, "D8", MULTI_CELL, "D8"),
        ],
        separator=";",
    )
    values = answers.values
    assert (values["A1"], values["C1"], values["C2"], values["C5_1"]) == (
        "Sotenäs",
        "Ja",
        12,
        "undersköterskor",
    )
    assert values["D8"] == frozenset({"Kostnaden", "Språkhinder"})
    assert values["B5"] is None and values["C3"] is None and not log.issues


def test_not_answered_versus_nothing_chosen():
    columns = [
        Column(0, "B5[SQ001]", OPTION, "B5", "Digitalisering och AI"),
        Column(1, "B5[SQ002]", OPTION, "B5", "Automation"),
    ]
    assert read([None, None], columns)[0].values["B5"] is None
    assert read(["N", "No"], columns)[0].values["B5"] == frozenset()
    assert read(["Y", None], columns)[0].values["B5"] == frozenset({"Digitalisering och AI"})


def test_other_text_from_cells_and_columns():
    answers, _ = read(
        ["Automation;Annat: båtmotorer;", "Platschef", "Lysekil"],
        [
            Column(0, "B5", MULTI_CELL, "B5"),
            Column(1, "A6", FIELD, "A6"),
            Column(2, "A1", FIELD, "A1"),
        ],
        separator=";",
    )
    assert answers.values["B5"] == frozenset({"Automation", "Annat"})
    assert answers.other == {"B5": "båtmotorer", "A6": "Platschef", "A1": "Lysekil"}
    assert answers.values["A6"] == "Annan roll" and answers.values["A1"] == "Annan kommun"
    answers, _ = read(
        ["-oth-", "Enhetschef", None, "Heta arbeten"],
        [
            Column(0, "A6", FIELD, "A6"),
            Column(1, "A6[other]", OTHER, "A6"),
            Column(2, "D3[SQ001]", OPTION, "D3", "Engelska"),
            Column(3, "D3[other]", OTHER, "D3"),
        ],
    )
    assert answers.values["A6"] == "Annan roll" and answers.values["D3"] == frozenset({"Annat"})
    assert answers.other == {"A6": "Enhetschef", "D3": "Heta arbeten"}


def test_contacts_are_split_off_and_free_text_masked():
    answers, log = read(
        [
            "Anna Berg",
            "anna@fisk.se",
            "Smögens Fisk AB",
            "Anna Berg",
            "Ring Anna på 070-123 45 67, vi på Smögens Fisk söker folk",
            "Ja",
            "2026-02-03 10:00",
        ],
        [
            Column(0, "Namn", IDENTITY),
            Column(1, "E-post", IDENTITY),
            Column(2, "G1", CONTACT, "G1"),
            Column(3, "G2", CONTACT, "G2"),
            Column(4, "F1", FIELD, "F1"),
            Column(5, "E6", FIELD, "E6"),
            Column(6, "submitdate", SUBMITTED),
        ],
    )
    assert answers.values["F1"] == "Ring [namn] på [telefon], vi på [företaget] söker folk"
    assert answers.contacts == {
        "Namn": "Anna Berg",
        "E-post": "anna@fisk.se",
        "G1": "Smögens Fisk AB",
        "G2": "Anna Berg",
    }
    assert answers.identity == ("anna@fisk.se",) and answers.submitted is True
    assert "Anna" not in str(answers.values) and not log.issues


def test_problems_are_logged_with_column_and_row():
    _, log = read(
        ["många", *[None] * 7, "Rätt svårt"],
        [Column(0, "C2", FIELD, "C2"), Column(8, "C4", FIELD, "C4")],
    )
    assert [i.line() for i in log.issues] == [
        "Varning: x.xlsx, blad Form1, kolumn A, rad 5: C2 (Hur många personer försökte ni "
        "rekrytera?): svaret är inte ett tal",
        "Varning: x.xlsx, blad Form1, kolumn I, rad 5: C4 (Hur svårt var det att hitta personer "
        "med rätt kompetens?): svaret är inget standardalternativ och räknas inte. "
        "Närmast: 'Mycket svårt'.",
    ]


def test_municipality_written_with_kommun_or_stad():
    answers, log = read(["Sotenäs kommun"], [Column(0, "A1", FIELD, "A1")])
    assert answers.values["A1"] == "Sotenäs" and not answers.other and not log.issues


def test_mapping_labels_are_translated():
    answers, _ = read(
        ["Industri", "Kostnad|Inget hindrar oss"],
        [Column(0, "A2", FIELD, "A2"), Column(1, "D8", MULTI_CELL, "D8")],
        separator="|",
        labels={
            "A2": {"industri": "Tillverkning och utvinning"},
            "D8": {"kostnad": "Kostnaden", "inget hindrar oss": "Inga hinder"},
        },
    )
    assert answers.values["A2"] == "Tillverkning och utvinning"
    assert answers.values["D8"] == frozenset({"Kostnaden", "Inga hinder"})
