"""Issues: one line each, with location, masked."""

from helpers.common.errors import SurveyError
from helpers.survey.issues import IssueLog, errors, survey_error


def test_line_names_what_is_known():
    log = IssueLog("enkät.csv")
    log.error("fel sak", column="C", row=4)
    log.warning("annan sak")
    assert log.issues[0].line() == "Fel: enkät.csv, kolumn C, rad 4: fel sak"
    assert log.issues[1].line() == "Varning: enkät.csv: annan sak"
    assert errors(log.issues) == [log.issues[0]]


def test_messages_are_masked_and_one_line():
    log = IssueLog("x.xlsx", "Form1")
    log.warning("C2: 'ring 070-123 45 67\neller a@b.se' är inte ett tal", column="M", row=3)
    assert log.issues[0].message == "C2: 'ring [telefon] eller [e-post]' är inte ett tal"


def test_survey_error_is_the_first_error_and_a_count():
    log = IssueLog("x.xlsx", "Form1")
    log.error("A2 saknas")
    log.error("A3 saknas")
    error = survey_error(log.issues)
    assert isinstance(error, SurveyError)
    assert str(error).startswith("x.xlsx, blad Form1: A2 saknas (och 1 fel till")
    assert "\n" not in str(error) and error.issues == log.issues
