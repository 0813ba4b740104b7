"""Missing questions, impossible answers and duplicate submissions."""

from helpers.survey.answers import Answers
from helpers.survey.checks import check_answers, check_columns, find_duplicates
from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import FIELD, Column, Plan
from helpers.survey.questionnaire import load_questionnaire

Q = load_questionnaire(["Sotenäs"])
FULL = {qid: None for qid in Q.analysis_ids()}


def answers(row, identity=(), **values):
    return Answers(row, values=FULL | values, identity=identity, columns={"C3": "K", "C4": "L"})


def test_missing_required_is_an_error_and_the_rest_one_warning():
    log = IssueLog("x.xlsx")
    plan = Plan(
        "google_forms",
        1,
        [
            Column(0, "A1", FIELD, "A1"),
            Column(1, "C1", FIELD, "C1"),
            Column(2, "C4", FIELD, "C4"),
            Column(3, "C4b", FIELD, "C4"),
        ],
    )
    check_columns(plan, Q, log)
    errors = [i.text() for i in log.issues if i.severity == "error"]
    assert [e[:3] for e in errors] == ["A2 ", "A3 ", "C4 "]
    assert "krävs för rapporten" in errors[0]
    assert "kolumnerna C och D hör båda till C4" in errors[2]
    (warning,) = [i.message for i in log.issues if i.severity == "warning"]
    assert "A4 (Vilken sektor tillhör ni?), A6 (Vilken roll har du?), B1 (" in warning
    assert "C4 (" not in warning
    # the fields of C8 (C8_1_yrke ... C8_3_niva) are named once, as the question they belong to
    assert warning.count("C8 (Vilka yrken planerar ni att rekrytera till?") == 1
    assert "C8_1" not in warning


def test_hired_more_than_sought_is_a_warning_and_kept():
    log = IssueLog("x.xlsx")
    a = answers(7, A1="Sotenäs", A2="Handel", A3="1–4", C1="Ja", C2=2, C3=3)
    check_answers(a, Q, log)
    (issue,) = log.issues
    assert (issue.severity, issue.column, issue.row) == ("warning", "K", 7)
    assert a.values["C3"] == 3


def test_answer_to_a_question_not_asked():
    log = IssueLog("x.xlsx")
    check_answers(
        answers(3, A1="Sotenäs", A2="Handel", A3="1–4", C1="Nej", C4="Mycket svårt"), Q, log
    )
    assert [i.text() for i in log.issues] == [
        "C4 (Hur svårt var det att hitta personer med rätt kompetens?): besvarad fast C1 = Nej; "
        "frågan ställs bara när C1 = Ja."
    ]


def test_required_question_left_unanswered():
    log = IssueLog("x.xlsx")
    a = answers(3, A1="Sotenäs", A2="Handel", A3="1–4")
    a.columns["C1"] = "P"
    check_answers(a, Q, log)
    assert [(i.column, i.question[:3], i.message) for i in log.issues] == [
        ("P", "C1 ", "inte besvarad.")
    ]


def test_duplicates():
    many = {qid: "Ja" for qid in ["C1", "E3", "E5", "E6"]} | {
        "A1": "Sotenäs",
        "A2": "Handel",
        "A3": "1–4",
        "A4": "Privat",
    }
    rows = [
        answers(2, **many),
        answers(3, **many),  # identical, 8 answers: dropped
        answers(4, A1="Sotenäs"),
        answers(5, A1="Sotenäs"),  # identical but nearly empty: two employers, both kept
        answers(6, identity=("a@b.se",), A1="Sotenäs", A2="Handel"),
        answers(7, identity=("a@b.se",), A1="Sotenäs", A2="Byggverksamhet"),  # corrected: kept
    ]
    log = IssueLog("x.xlsx")
    assert find_duplicates(rows, log) == [True, False, True, True, False, True]
    assert [(i.row, i.message[:40]) for i in log.issues] == [
        (3, "dubblett: alla svar är samma som på rad "),
        (6, "dubblett: samma svarande som på rad 7 (s"),
    ]
