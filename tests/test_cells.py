"""helpers.common.cells: no text a report or contact file writes runs as an Excel formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from helpers.build import outputs
from helpers.common.cells import FORMULA_START, safe_cell
from helpers.config import paths
from helpers.survey import privacy

#: Each character Excel starts a formula with, in a value a survey or a table could hold.
FORMULAS = {
    "=": '=HYPERLINK("http://x","klicka")',
    "+": "+46 70 123 45 67",
    "-": "-2+3",
    "@": "@SUM(A1:A2)",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}


def test_every_formula_character_is_listed_once():
    assert sorted(FORMULA_START) == sorted(FORMULAS)
    assert len(set(FORMULA_START)) == len(FORMULA_START)


@pytest.mark.parametrize("start", FORMULAS, ids=repr)
def test_formula_like_text_gets_a_leading_apostrophe(start):
    value = FORMULAS[start]
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Sotenäs", "", " =1", "a=b", "'=1", "31,7\u00a0%", "–", -1, 0.5, None, pd.NA]
)
def test_other_values_stay_as_they_are(value):
    assert safe_cell(value) is value


@pytest.mark.parametrize("start", FORMULAS, ids=repr)
def test_the_excel_appendix_writes_formula_like_text_as_text(start, tmp_path):
    value = FORMULAS[start]
    target = tmp_path / "bilaga.xlsx"
    table = {
        "label": "Tabell 1",
        "title": value,
        "source": value,
        "columns": [value, "n"],
        "rows": [[value, "-1"]],
        "values": [[value, -1]],
    }
    outputs.write_appendix([table], target)
    book = load_workbook(target)
    sheet = book["Tabell 1"]
    # XML keeps no bare CR: the workbook gives it back as LF.
    shown = value.replace("\r", "\n")
    assert sheet["A1"].value == "Tabell 1. " + shown  # the title
    assert sheet["A4"].value == shown  # a heading
    assert sheet["A5"].value == shown and sheet["B5"].value == -1
    assert sheet["A6"].value is None and sheet["A7"].value == f"Källa: {shown}."
    for cell in (sheet["A4"], sheet["A5"], sheet["A7"], book["Innehåll"]["B6"]):
        assert cell.data_type == "s", cell  # a string cell, not a formula, no apostrophe
    assert sheet["A5"].quotePrefix  # and Excel keeps it text when someone edits it
    assert book["Innehåll"]["B6"].value == shown


@pytest.mark.parametrize("start", FORMULAS, ids=repr)
def test_the_contact_file_writes_formula_like_text_as_text(start, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CONTACTS", tmp_path / "contacts")
    value = FORMULAS[start]

    class Survey:
        source = Path("kompetensbehov-2026.xlsx")
        contacts = pd.DataFrame({"respondent": ["r-1"], "G1": [value], "G2": [12]})

    target = privacy.write_contacts(Survey(), "sotenas", 2026)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle, delimiter=";"))
    assert row == {"respondent": "r-1", "G1": "'" + value, "G2": "12"}


def test_a_line_break_in_a_contact_value_does_not_start_a_row(tmp_path, monkeypatch):
    # "AB<CR>=HYPERLINK(...)" unquoted would put =HYPERLINK(...) first in a new Excel row.
    monkeypatch.setattr(paths, "CONTACTS", tmp_path / "contacts")

    class Survey:
        source = Path("kompetensbehov-2026.xlsx")
        contacts = pd.DataFrame(
            {"respondent": ["r-1", "r-2"], "G1": ['Holms Bygg AB\r=HYPERLINK("x")', "a\nb"]}
        )

    target = privacy.write_contacts(Survey(), "sotenas", 2026)
    raw = target.read_bytes().decode("utf-8-sig")
    assert raw.count("\r\n") == 3  # the header and two rows, each ended by CRLF
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [row["G1"] for row in rows] == ['Holms Bygg AB\r=HYPERLINK("x")', "a\nb"]


def test_a_nul_or_other_control_character_never_stops_the_appendix(tmp_path):
    """Issue 17, item 3: a name with a NUL (a job title, a company) was a traceback from
    openpyxl; the characters no workbook can hold are left out, tab and line feed kept."""
    target = tmp_path / "bilaga.xlsx"
    name = "Sotenäs\x00 Bygg\x0b\x1f AB"
    table = {
        "label": "Tabell 1",
        "title": name,
        "source": "SCB",
        "columns": ["Yrke", "n"],
        "rows": [[name, 3]],
    }
    outputs.write_appendix([table], target)
    sheet = load_workbook(target)["Tabell 1"]
    assert sheet["A1"].value == "Tabell 1. Sotenäs Bygg AB"  # the sheet's title row
    assert sheet["A5"].value == "Sotenäs Bygg AB"
    assert safe_cell("a\tb\nc") == "a\tb\nc" and safe_cell("\x00=1+1") == "'=1+1"
