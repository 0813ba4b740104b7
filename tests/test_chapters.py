"""The whole report for both example areas: every chapter there, figures recomputed here from
the raw files, example data marked, and no planted personal data in any output file."""

from __future__ import annotations

import csv
import html as html_module
import json
import math
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from conftest import ROOT
from example_surveys import answers as example_answers

pytestmark = pytest.mark.slow
NBSP = "\u00a0"
HEADINGS = (
    "Sammanfattning",
    "Inledning",
    "Befolkning och arbetskraft",
    "Utbildningsnivå",
    "Näringsliv och sysselsättning",
    "Efterfrågan",
    "Arbetsgivarenkäten",
    "Rekommenderade utbildningsinsatser",
    "Jämfört med förra året",
    "Metod, källor och definitioner",
    "Bilaga",
)
EXPORTS = {
    "sotenas": ROOT / "data/raw/surveys/sotenas/2026/kompetensbehov-2026.xlsx",
    "trollhattan-vanersborg": ROOT
    / "data/raw/surveys/trollhattan-vanersborg/2026/kompetensbehov-2026.csv",
}
#: Free text typed in the example exports (F1 and "other" answers) that must never be quoted.
FREE_TEXT = (
    "Bostadsbristen gör det svårt att locka personal hit",
    "Flera i personalen går i pension inom några år",
    "Bostadsbrist i kommunen",
    "Säsongsanställning lockar få",
    "Läkemedelsdelegering",
    "Turismens säsongsvariationer",
)


# --- the raw exports, read here without the package ----------------------------------------


def raw_rows(area: str) -> tuple[list[str], list[list[str]]]:
    """Header and data rows of the example export, as text."""
    path = EXPORTS[area]
    if path.suffix == ".xlsx":
        rows = list(openpyxl.load_workbook(path, read_only=True).active.iter_rows(values_only=True))
        text = [["" if v is None else str(v) for v in row] for row in rows]
    else:
        with open(path, encoding="utf-8", newline="") as handle:
            text = list(csv.reader(handle))
    return text[0], [row for row in text[1:] if any(cell.strip() for cell in row)]


def answers(area: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """One row per respondent: the answer columns (A1 on), resubmissions counted once."""
    header, rows = raw_rows(area)
    first = next(i for i, name in enumerate(header) if name.startswith("A1."))
    distinct = list(dict.fromkeys(tuple(row[first:]) for row in rows))
    return header[first:], distinct


def number(cell: str) -> int | None:
    """A typed number: "ca 20" → 20, "1 200" → 1200, "10-15" → 13 (midpoint, rounded up)."""
    digits = re.findall(r"\d+", cell.replace(" ", "").replace(NBSP, ""))
    if "-" in cell and len(digits) == 2:
        return math.ceil((int(digits[0]) + int(digits[1])) / 2)
    return int(digits[0]) if digits else None


def failure_rate(area: str) -> float:
    """1 − Σ hired / Σ sought over respondents with 1 ≤ C2 and 0 ≤ C3 ≤ C2."""
    header, rows = answers(area)
    c2 = next(i for i, name in enumerate(header) if name.startswith("C2."))
    c3 = next(i for i, name in enumerate(header) if name.startswith("C3."))
    sought = hired = 0
    for row in rows:
        s, h = number(row[c2]), number(row[c3])
        if s is not None and h is not None and s >= 1 and 0 <= h <= s:
            sought, hired = sought + s, hired + h
    return 1 - hired / sought


def percent(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",") + f"{NBSP}%"


def sotenas_population() -> int:
    """Sotenäs' population 31 Dec 2022, the latest year of the shipped Kolada series."""
    with open(ROOT / "data/raw/kolada/kolada_values.csv", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        return next(
            int(r["value"])
            for r in rows
            if (r["kpi"], r["municipality"], r["period"], r["gender"])
            == ("N01951", "1427", "2022", "T")
        )


def planted(area: str) -> set[str]:
    """Every piece of personal data the generator planted in the area's example exports."""
    found: set[str] = set()
    for name, year, n, seed, _, _ in example_answers.SHIPPED:
        if name == area:
            found |= example_answers.generate(name, year, n, seed).planted()
    return found


# --- the outputs ----------------------------------------------------------------------------


def html(folder: Path) -> str:
    (page,) = folder.glob("*.html")
    return page.read_text("utf-8")


def pdf_text(folder: Path) -> list[str]:
    (document,) = folder.glob("*.pdf")
    return [page.extract_text() or "" for page in PdfReader(document).pages]


def xlsx_text(folder: Path) -> str:
    (workbook,) = folder.glob("*.xlsx")
    book = openpyxl.load_workbook(workbook, read_only=True)
    cells = [
        str(v)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    with zipfile.ZipFile(workbook) as archive:  # also anything not in a cell (sheet names...)
        cells += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return "\n".join(cells)


def outputs(folder: Path) -> dict[str, str]:
    return {
        "html": html(folder),
        "pdf": "\n".join(pdf_text(folder)),
        "xlsx": xlsx_text(folder),
        "json": (folder / "key_figures.json").read_text("utf-8"),
        "notebook": (folder / "notebook.ipynb").read_text("utf-8"),
    }


def headings(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", page)]


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_every_chapter_is_there(built_reports: dict[str, Path], area: str):
    found = headings(html(built_reports[area]))
    for heading in HEADINGS:
        assert any(h.startswith(heading) for h in found), (heading, found)
    toc = " ".join(" ".join(p.split()) for p in pdf_text(built_reports[area])[:3])
    for heading in HEADINGS:
        assert heading in toc, heading


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_respondents_and_failure_rate_match_the_raw_export(
    built_reports: dict[str, Path], area: str
):
    page = html(built_reports[area])
    _, rows = answers(area)
    assert f"och {len(rows)} svarade" in page
    assert percent(failure_rate(area)) in page
    figures = json.loads((built_reports[area] / "key_figures.json").read_text("utf-8"))
    assert figures["figures"]["respondents"]["value"] == len(rows)
    assert figures["figures"]["failure_rate"]["value"] == pytest.approx(failure_rate(area))


def test_sotenas_population_and_last_year(built_reports: dict[str, Path]):
    page = html(built_reports["sotenas"])
    assert f"{sotenas_population():,} invånare".replace(",", NBSP) in page
    assert "den 31 december 2022" in page
    assert "Jämförelsen med förra året börjar nästa år" not in page
    assert "procentenheter" in page.split('id="jamfort-med-forra-aret"')[1]
    other = html(built_reports["trollhattan-vanersborg"])
    assert "Jämförelsen med förra året börjar nästa år" in other


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_example_data_is_marked_on_the_title_page_and_under_each_survey_chart(
    built_reports: dict[str, Path], area: str
):
    assert "Exempeldata" in pdf_text(built_reports[area])[0]
    figures = re.findall(r'<figure class="chart".*?</figure>', html(built_reports[area]), re.S)
    survey = [f for f in figures if "Arbetsgivarenkät om kompetensbehov" in f]
    assert len(survey) >= 15
    for figure in survey:
        assert "Exempeldata" in figure
        assert re.search(r"n = \d+ svarande", figure)


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_no_personal_data_or_free_text_in_any_output(built_reports: dict[str, Path], area: str):
    secrets = planted(area)
    header, rows = raw_rows(area)
    raw = " ".join(" ".join(row) for row in rows)
    in_export = [s for s in secrets if s in raw]
    assert len(in_export) > 50  # names, e-mail addresses, phone numbers, org numbers ...
    for kind, content in outputs(built_reports[area]).items():
        flat = " ".join(content.split())
        leaked = [s for s in secrets if s in content or " ".join(s.split()) in flat]
        assert not leaked, (kind, leaked[:5])
        quoted = [t for t in FREE_TEXT if t in content]
        assert not quoted, (kind, quoted)


# --- Swedish: sentences, shares, the region, one minus sign --------------------------------

#: Elements whose text is prose (sentences, titles, captions); table cells are figures.
PROSE = frozenset({"p", "li", "h1", "h2", "h3", "h4", "figcaption", "caption", "aside"})


class _Prose(HTMLParser):
    """The report's prose, one string per paragraph, list item, title or caption
    (``blocks``), and every text outside drawings and scripts (``text``). A chart drawn as
    HTML (``role="img"``) is a picture: its bars' labels and values are not prose."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.text: list[str] = []
        self._open: list[str] = []
        self._picture: list[str] = []  # the tag of an open role="img" element, and nested same
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._picture:
            if tag == self._picture[0]:
                self._picture.append(tag)
            return
        if tag in ("script", "style", "svg") or ("role", "img") in attrs:
            self._flush()
            self._picture.append(tag)
        elif tag in PROSE or tag in ("td", "th", "div"):
            self._flush()
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._picture:
            if tag == self._picture[0]:
                self._picture.pop()
            return
        if tag in PROSE or tag in ("td", "th", "div"):
            self._flush()
            if tag in self._open:
                del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not self._picture:
            self._current.append(data)
            self.text.append(data)

    def _flush(self) -> None:
        block = " ".join("".join(self._current).split())
        if block and self._open and self._open[-1] in PROSE:
            self.blocks.append(block)
        self._current = []


def prose(folder: Path | str) -> _Prose:
    parser = _Prose()
    parser.feed(html(folder) if isinstance(folder, Path) else folder)
    parser._flush()
    return parser


def sentences(block: str) -> list[str]:
    """A paragraph's sentences (a full stop, ! or ? and a space before the next)."""
    return re.split(r"(?<=[.!?])\s+(?=\S)", block)


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_no_sentence_or_title_starts_with_a_digit(built_reports: dict[str, Path], area: str):
    found = prose(built_reports[area]).blocks
    assert len(found) > 200
    starting = [s for block in found for s in sentences(block) if re.match(r"[+\-\u2212]?\d", s)]
    assert not starting, starting[:5]


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_one_minus_sign_and_shares_compared_as_shares(built_reports: dict[str, Path], area: str):
    parsed = prose(built_reports[area])
    text = html_module.unescape(" ".join(parsed.text))
    assert "\u2212" in text  # negative figures exist (net commuting, changes) ...
    hyphen = re.findall(r".{0,30}(?<![\w\d])-\d.{0,10}", text)
    assert not hyphen, hyphen[:5]  # ... and none is written with a hyphen-minus
    shares = [b for b in parsed.blocks if re.search(r"\b(fler|färre) än i riket", b)]
    assert not shares, shares[:3]
    assert "delregionen Fyrbodal" in text or "i Fyrbodal" not in text
    assert "i området, regionen" not in text


def test_the_prose_scan_finds_what_it_looks_for():
    page = (
        "<p>Sotenäs växer. 12 arbetsgivare svarade.</p><table><tr><td>12</td></tr></table>"
        '<div role="img"><p class="bar-line">40 %</p></div><p>Nettot är -311 personer.</p>'
    )
    parsed = prose(page)
    assert parsed.blocks == ["Sotenäs växer. 12 arbetsgivare svarade.", "Nettot är -311 personer."]
    assert sentences(parsed.blocks[0])[1] == "12 arbetsgivare svarade."
    assert re.findall(r"(?<![\w\d])-\d", " ".join(parsed.text)) == ["-3"]
