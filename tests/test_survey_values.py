"""Cleaning single answer values."""

import unicodedata
from datetime import datetime

import pytest

from helpers.survey.values import (
    clean_text,
    is_chosen,
    label_key,
    match_option,
    parse_number,
    split_multi,
    strip_other_prefix,
)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        (12, 12),
        (12.0, 12),
        ("12", 12),
        (" 12 ", 12),
        ("1\u00a0250", 1250),
        ("1\u2009250", 1250),
        ("1\u202f250", 1250),
        ("1 250", 1250),
        ("1.250", 1250),
        ("ca 20", 20),
        ("c:a 20", 20),
        ("cirka 20", 20),
        ("ungefär 7", 7),
        ("~5", 5),
        ("5 st", 5),
        ("20 personer", 20),
        ("inga", 0),
        ("Ingen", 0),
        ("0", 0),
    ],
)
def test_numbers_in_their_swedish_forms(typed, number):
    assert parse_number(typed) == (number, None)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("10-15", 13),
        ("10–15", 13),
        ("10 - 20", 15),
        ("0-1", 1),
        ("15-10", 13),
        ("2,5", 3),
        ("över 10", 10),
        (12.5, 13),
    ],
)
def test_guessed_numbers_come_with_a_note(typed, number):
    value, note = parse_number(typed)
    assert value == number and note


def test_a_range_is_its_midpoint_rounded_up():
    assert parse_number("10-15")[1] == (
        "'10-15' är ett intervall: räknat som 13 (mittpunkten, avrundad uppåt)"
    )


@pytest.mark.parametrize("typed", [None, "", "  ", "Vet ej", "vet inte", "?", "-", float("nan")])
def test_no_number_and_no_problem(typed):
    assert parse_number(typed) == (None, None)


@pytest.mark.parametrize("typed", ["många", "-3", "12 eller 13?", datetime(2026, 4, 1), "99999"])
def test_no_number_with_a_note(typed):
    value, note = parse_number(typed, maximum=20000)
    assert value is None and note


def test_clean_text_normalises_unicode_and_spaces():
    decomposed = unicodedata.normalize("NFD", "Sotenäs")
    assert decomposed != "Sotenäs"
    assert clean_text(f"  {decomposed}\u00a0") == "Sotenäs"
    assert clean_text("   ") is None and clean_text(None) is None
    assert label_key("1 -  Inget HINDER ") == label_key("1 – Inget hinder")


OPTIONS = ["Ganska lätt", "Ganska svårt", "Vet ej"]


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Ganska svårt", "Ganska svårt"),
        ("ganska SVÅRT  ", "Ganska svårt"),
        (unicodedata.normalize("NFD", "Ganska svårt"), "Ganska svårt"),
        ("VET EJ", "Vet ej"),
    ],
)
def test_labels_in_any_case_or_form(typed, label):
    assert match_option(typed, OPTIONS) == match_option(label, OPTIONS)
    assert match_option(typed, OPTIONS).label == label and match_option(typed, OPTIONS).note is None


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("Ja", "Ja"),
        ("ja", "Ja"),
        ("Yes", "Ja"),
        ("Y", "Ja"),
        ("1", "Ja"),
        ("Nej", "Nej"),
        ("No", "Nej"),
        ("n", "Nej"),
        ("0", "Nej"),
    ],
)
def test_yes_and_no(typed, label):
    assert match_option(typed, ["Ja", "Nej"]).label == label


def test_numbers_for_numbered_labels():
    options = ["1 – Inget hinder", "2", "3", "4", "5 – Mycket stort hinder", "Vet ej"]
    assert match_option("1", options).label == "1 – Inget hinder"
    assert match_option("5", options).label == "5 – Mycket stort hinder"
    assert match_option("3", options).label == "3"


def test_typo_is_read_as_closest_label_with_a_note():
    choice = match_option("Ganska svart", OPTIONS)
    assert choice.label == "Ganska svårt" and "tolkat som 'Ganska svårt'" in choice.note


def test_unknown_label_names_the_closest():
    choice = match_option("Rätt svårt", OPTIONS)
    assert choice.label is None and "Närmast: 'Ganska svårt'" in choice.note


def test_other_text():
    options = ["Automation", "Annat"]
    assert match_option("Annat: båtmotorer", options, other="Annat").other_text == "båtmotorer"
    assert match_option("båtmotorer", options, other="Annat").label == "Annat"
    assert match_option("Övrigt", options, other="Annat").label == "Annat"
    assert strip_other_prefix("Annat - x") == "Annat - x"  # only "Annat:" is a prefix


def test_split_multi_against_known_labels():
    options = ["Kostnaden", "Språkhinder", "Jord, skog"]
    assert split_multi("Kostnaden;Språkhinder;", options, ";") == ["Kostnaden", "Språkhinder"]
    assert split_multi("Jord, skog, Kostnaden", options, ", ") == ["Jord, skog", "Kostnaden"]
    assert split_multi("Kostnaden, eget, med komma", options, ", ") == [
        "Kostnaden",
        "eget, med komma",
    ]
    assert split_multi("kostnaden;Språkhindr", options, ";") == ["kostnaden", "Språkhindr"]


def test_is_chosen_by_marks():
    assert is_chosen(None, "Nej") is None
    assert is_chosen("Y", "Automation") and is_chosen("x", "Automation")
    assert is_chosen("No", "Automation") is False
    assert is_chosen("Nej", "Nej") is False and is_chosen("Nej", "Nej", marks="label") is True
