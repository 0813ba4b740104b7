"""Each tool's layout as documented, written byte-identically; and the broken files."""

import csv
import io
import re
import zipfile

import pytest

from example_surveys.answers import generate
from example_surveys.exports import (
    FIXED_TIME,
    write_all_layouts,
    write_broken,
    write_google_forms_csv,
    write_limesurvey,
    write_microsoft_forms,
    write_surveymonkey,
)
from helpers.survey.files import read_sheets


@pytest.fixture(scope="module")
def survey():
    return generate("sotenas", 2026, 12, seed=4, incomplete=2)


def test_workbooks_are_byte_identical_with_fixed_dates(survey, tmp_path):
    write_microsoft_forms(survey, tmp_path / "a.xlsx")
    write_microsoft_forms(survey, tmp_path / "b.xlsx")
    data = (tmp_path / "a.xlsx").read_bytes()
    assert data == (tmp_path / "b.xlsx").read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(data))
    core = archive.read("docProps/core.xml").decode()
    assert core.count("2026-01-01T00:00:00Z") == 2
    assert {i.date_time for i in archive.infolist()} == {FIXED_TIME.timetuple()[:6]}


def test_microsoft_forms_layout(survey, tmp_path):
    write_microsoft_forms(survey, tmp_path / "ms.xlsx")
    (sheet,) = read_sheets(tmp_path / "ms.xlsx")
    header = sheet.rows[0]
    assert sheet.name == "Form1" and header[:5] == [
        "ID",
        "Starttid",
        "Slutförandetid",
        "E-post",
        "Namn",
    ]
    b5 = header.index(next(h for h in header if str(h).startswith("B5.")))
    assert all(str(row[b5]).endswith(";") for row in sheet.rows[1:])
    assert "anonymous" in [row[3] for row in sheet.rows[1:]]
    assert len(sheet.rows) == 1 + 12 + 2  # incomplete responses are never exported by Forms


def test_google_forms_csv_layout(survey, tmp_path):
    write_google_forms_csv(survey, tmp_path / "g.csv")
    data = (tmp_path / "g.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    assert rows[0][:2] == ["Tidstämpel", "E-postadress"]
    assert all(
        re.fullmatch(r"\d{4}/\d\d/\d\d \d{1,2}:\d\d:\d\d (fm|em) CET", r[0]) for r in rows[1:]
    )
    assert any(h.endswith(" ") for h in rows[0])  # headers keep trailing spaces


def test_surveymonkey_layout(survey, tmp_path):
    write_surveymonkey(survey, tmp_path / "sm.xlsx")
    (sheet,) = read_sheets(tmp_path / "sm.xlsx")
    top, sub = sheet.rows[0], sheet.rows[1]
    assert top[:2] == ["Respondent ID", "Collector ID"] and "Response" in sub
    c6 = top.index(next(h for h in top if str(h).startswith("C6.")))
    assert top[c6 + 1] is None and sub[c6] == "För få sökande"
    assert "Other (please specify)" in sub


def test_limesurvey_layout(survey, tmp_path):
    write_limesurvey(survey, tmp_path / "lime.csv")
    data = (tmp_path / "lime.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["id", "submitdate", "lastpage"]
    assert "C6[SQ001]" in rows[0] and "C6[other]" in rows[0] and "C81antal" in rows[0]
    assert sum(row[1] == "" for row in rows[1:]) == 2  # incomplete: no submit date
    option = rows[0].index("C6[SQ001]")
    assert {row[option] for row in rows[1:]} <= {"Y", ""}


def test_all_layouts_and_broken_files_are_written(survey, tmp_path):
    layouts = write_all_layouts(survey, tmp_path / "ok")
    assert len(layouts) == 8 and all(p.stat().st_size > 1000 for p in layouts.values())
    broken = write_broken(tmp_path / "broken", survey)
    assert set(broken) == {
        "truncated",
        "html",
        "empty",
        "encrypted",
        "old_xls",
        "entity_bomb",
        "huge",
        "header_only",
        "no_ids",
        "missing_required",
        "ods",
    }
    assert broken["encrypted"].read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert b"<!ENTITY" in zipfile.ZipFile(broken["entity_bomb"]).read("xl/worksheets/sheet1.xml")
