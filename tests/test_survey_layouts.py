"""Detecting the tool from the content, and matching columns by question id."""

from datetime import datetime

import pytest

from helpers.survey.issues import IssueLog
from helpers.survey.layouts.base import (
    CONTACT,
    FIELD,
    IDENTITY,
    IGNORED,
    MULTI_CELL,
    OPTION,
    OTHER,
    Ref,
    parse_header,
)
from helpers.survey.layouts.registry import detect_layout, plan_layout
from helpers.survey.questionnaire import load_questionnaire

Q = load_questionnaire(["Sotenäs"])
T = datetime(2026, 2, 3, 8, 53)


@pytest.mark.parametrize(
    ("header", "ref"),
    [
        ("C4. Hur svårt var det?", Ref("C4")),
        ("  C4.Hur svårt  ", Ref("C4")),
        ("C8_1_antal. Hur många?", Ref("C8_1_antal")),
        ("C6. Orsaker [För få sökande]", Ref("C6", "För få sökande")),
        ("C6[SQ002]", Ref("C6", "SQ002")),
        ("C6[other]", Ref("C6", "other")),
        ("C81antal", Ref("C8_1_antal")),
        ("C51", Ref("C5_1")),
        ("H1. Finns inte", Ref(None, unknown="H1")),
        ("Starttid", None),
        ("seed", None),
        ("Points - C4. Hur svårt", None),
    ],
)
def test_parse_header(header, ref):
    assert parse_header(header, Q) == ref


def ms_forms(header_names, extra=()):
    header = [*header_names, "A1. Kommun", "C2. Antal", *extra]
    return [header, [1, T, T, "anonymous", None, "Sotenäs", 3], [2, T, T, "a@b.se", "A B", None, 4]]


@pytest.mark.parametrize(
    "names",
    [
        ["ID", "Start time", "Completion time", "Email", "Name"],
        ["ID", "Starttid", "Slutförandetid", "E-post", "Namn"],
        ["ID", "開始時刻", "完了時刻", "メール", "名前"],
        ["Kennung", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name"],
    ],
)
def test_microsoft_forms_in_any_language(names):
    rows = ms_forms(names)
    assert detect_layout(rows, Q) == "microsoft_forms"
    plan = plan_layout(rows, Q, IssueLog("x.xlsx"), "microsoft_forms")
    assert [c.role for c in plan.columns] == [
        IDENTITY,
        IGNORED,
        IGNORED,
        IDENTITY,
        IDENTITY,
        FIELD,
        FIELD,
    ]
    assert plan.separator == ";"


def test_microsoft_forms_columns_out_of_order_map_by_text():
    rows = ms_forms(["ID", "Start", "Slut", "E-post", "Namn"])
    rows[0][5], rows[0][6] = rows[0][6], rows[0][5]
    plan = plan_layout(rows, Q, IssueLog("x.xlsx"), "microsoft_forms")
    assert [c.qid for c in plan.columns[5:]] == ["C2", "A1"]


def test_quiz_columns_are_ignored_quietly():
    rows = ms_forms(["ID", "Start", "Slut", "E-post", "Namn"])
    rows[0] += ["Total points", "Points - C2. Antal", "Feedback - C2. Antal"]
    log = IssueLog("x.xlsx")
    plan = plan_layout(rows, Q, log, "microsoft_forms")
    assert [c.role for c in plan.columns[-3:]] == [IGNORED] * 3 and not log.issues


def test_google_forms_by_timestamp_or_dates():
    rows = [
        ["Tidstämpel", "E-postadress", "A1. Kommun"],
        ["2022/03/22 8:53:03 fm CET", "a@b.se", "x"],
    ]
    assert detect_layout(rows, Q) == "google_forms"
    rows[0][0] = "Marca temporal"
    assert detect_layout(rows, Q) == "google_forms"
    rows[0][0] = "När"
    assert detect_layout(rows, Q) == "google_forms"
    plan = plan_layout(rows, Q, IssueLog("x.csv"), "google_forms")
    assert [c.role for c in plan.columns] == [IGNORED, IDENTITY, FIELD]
    assert plan.separator == ", "


def test_surveymonkey_two_header_rows():
    rows = [
        ["Respondent ID", "IP Address", "A1. Kommun", None, "C6. Orsaker", None, None],
        [
            None,
            None,
            "Response",
            "Other (please specify)",
            "För få sökande",
            "Sökande saknade körkort",
            "Other (please specify)",
        ],
        [1, "1.2.3.4", "Sotenäs", None, "För få sökande", None, "Bostäder"],
    ]
    assert detect_layout(rows, Q) == "surveymonkey"
    plan = plan_layout(rows, Q, IssueLog("x.xlsx"), "surveymonkey")
    assert [(c.role, c.qid, c.option) for c in plan.columns] == [
        (IDENTITY, None, None),
        (IDENTITY, None, None),
        (FIELD, "A1", None),
        (OTHER, "A1", None),
        (OPTION, "C6", "För få sökande"),
        (OPTION, "C6", "Sökande saknade körkort"),
        (OTHER, "C6", None),
    ]
    assert plan.header_rows == 2 and plan.marks == "label"


def test_limesurvey_codes_and_texts():
    codes = [["id", "submitdate", "lastpage", "token", "C6[SQ001]", "C6[other]", "C51", "A5"]]
    assert detect_layout(codes, Q) == "limesurvey"
    plan = plan_layout(codes, Q, IssueLog("x.csv"), "limesurvey")
    assert [(c.role, c.qid, c.option) for c in plan.columns][3:] == [
        (IDENTITY, None, None),
        (OPTION, "C6", "För få sökande"),
        (OTHER, "C6", None),
        (FIELD, "C5_1", None),
        (CONTACT, "A5", None),
    ]
    texts = [
        ["Response ID", "Date submitted", "Last page", "C6. Orsaker [Sökande saknade körkort]"]
    ]
    assert detect_layout(texts, Q) == "limesurvey"
    plan = plan_layout(texts, Q, IssueLog("x.csv"), "limesurvey")
    assert plan.columns[-1].option == "Sökande saknade körkort"


def test_group_fields_from_sub_labels():
    log = IssueLog("x.csv")
    rows = [["id", "submitdate", "lastpage", "C5[SQ002]", "C8[SQ002_SQ003]", "D4. Roller [Yrke 3]"]]
    plan = plan_layout(rows, Q, log, "limesurvey")
    assert [c.qid for c in plan.columns[3:]] == ["C5_2", "C8_2_tid", "D4_3"]


def test_unknown_columns_are_named_and_not_read():
    log = IssueLog("x.csv")
    rows = [
        ["Tidstämpel", "Telefonnummer", "H1. Ny fråga", "Fritt", "C6. Orsaker [Bostäder]"],
        [T, "070", "x", "y", "z"],
    ]
    plan = plan_layout(rows, Q, log, "google_forms")
    assert [c.role for c in plan.columns] == [IGNORED, IDENTITY, IGNORED, IGNORED, IGNORED]
    messages = " ".join(i.line() for i in log.issues)
    assert "kolumn C" in messages and "H1 finns inte" in messages
    assert "kolumn D" in messages and "Närmast" in messages


def test_nothing_recognisable_is_no_layout():
    assert detect_layout([["Fråga 1", "Fråga 2"], ["a", "b"]], Q) is None
    assert detect_layout([], Q) is None
    assert MULTI_CELL == "multi_cell"


# --- issue 18 ------------------------------------------------------------------------------


def test_microsoft_forms_needs_its_own_columns_in_order():
    rows = ms_forms(["ID", "Starttid", "Slutförandetid", "E-post", "Namn"])
    # a pandas index (no heading) before two date columns is no Forms export
    index_first = [["", *rows[0][1:]], *rows[1:]]
    assert detect_layout(index_first, Q) is None
    # the dates first, then the id: not Forms' order
    swapped = [[r[1], r[0], *r[2:]] for r in rows]
    assert detect_layout(swapped, Q) != "microsoft_forms"


def test_forms_export_with_email_and_name_deleted_is_still_forms():
    rows = [
        ["ID", "Starttid", "Slutförandetid", "Senaste ändringstid", "A1. Kommun", "C2. Antal"],
        [1, T, T, None, "Sotenäs", 3],
        [2, T, T, None, "Sotenäs", 4],
    ]
    assert detect_layout(rows, Q) == "microsoft_forms"
    plan = plan_layout(rows, Q, IssueLog("x.xlsx"), "microsoft_forms")
    assert [c.role for c in plan.columns] == [IDENTITY, IGNORED, IGNORED, IGNORED, FIELD, FIELD]


def test_old_surveymonkey_headers_are_its_own_columns():
    rows = [
        ["RespondentID", "CollectorID", "StartDate", "EndDate", "A1. Kommun", "C6. Orsaker", ""],
        ["", "", "", "", "Response", "För få sökande", "Annat"],
        [1, 2, "01/02/2026", "01/02/2026", "Sotenäs", "För få sökande", ""],
    ]
    assert detect_layout(rows, Q) == "surveymonkey"
    plan = plan_layout(rows, Q, IssueLog("x.csv"), "surveymonkey")
    assert [c.role for c in plan.columns[:4]] == [IDENTITY, IDENTITY, IGNORED, IGNORED]


def test_a_mapping_file_is_said_to_come_from_a_tool_only_on_its_own_columns():
    # dates in the first column are a weak sign of Google Forms: enough to read the file by
    # its question ids, not to say a mapped file came from Google Forms
    rows = [["Inskickad", "A1. Kommun", "C2. Antal"], [T, "Sotenäs", 3]]
    assert detect_layout(rows, Q) == "google_forms"
    assert detect_layout(rows, Q, sure=True) is None


def test_unknown_format_says_what_was_looked_for_and_found():
    from helpers.survey.layouts.registry import unknown_format

    line = unknown_format([["Kommun", "Bransch", "Antal"], ["Sotenäs", "Handel", "3"]], Q)
    assert "\n" not in line and line.startswith("okänt format")
    for tool in ("Microsoft Forms", "Google Forms", "SurveyMonkey", "LimeSurvey"):
        assert tool in line
    assert "Hittade: 3 kolumner, de första 'Kommun', 'Bransch', 'Antal'" in line
    assert "docs/okant-format.md" in line
