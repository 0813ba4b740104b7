"""Masking personal data in free text, and the contact file outside reports/."""

import os
import stat
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers.config import paths
from helpers.survey import privacy
from helpers.survey.privacy import mask_text


@pytest.mark.parametrize(
    "typed",
    [
        "070-123 45 67",
        "0701234567",
        "+46 70 123 45 67",
        "+46 (0)70-1234567",
        "0523-123 45",
        "08-123 456 78",
        "0046 520 12 34 56",
        "031/12 34 56",
        "070.123.45.67",
        "(070) 123 45 67",
        "070\u2013123 45 67",
        "070\u00a0123\u00a045\u00a067",
        "+46701234567",
        "(0523) 123 45",
    ],
)
def test_phone_numbers_are_masked(typed):
    assert mask_text(f"Ring {typed} i morgon.") == "Ring [telefon] i morgon."


@pytest.mark.parametrize("typed", ["anna.berg@smogens-fisk.se", "K.Öberg+jobb@kommun.sotenas.se"])
def test_email_addresses_are_masked(typed):
    assert mask_text(f"Mejla {typed}!") == "Mejla [e-post]!"


def test_identity_and_organisation_numbers_are_masked():
    assert mask_text("Org.nr 556123-4567, pnr 19800101-1234") == (
        "Org.nr [id-nummer], pnr [id-nummer]"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "8501011234",
        "850101 1234",
        "850101-1234",
        "850101+1234",
        "19850101-1234",
        "198501011234",
        "5566778899",
        "556677-8899",
    ],
)
def test_personal_identity_numbers_in_every_form_are_masked(typed):
    masked = mask_text(f"Nummer {typed}, tack.")
    assert masked == "Nummer [id-nummer], tack."


@pytest.mark.parametrize(
    "text",
    [
        "Vi söker 10-15 personer 2026",
        "0 anställda",
        "ca 1 250 kr per år",
        "YH 2025–2027",
        "2024-2026",
        "20 000 000 kr",
        "år 2025 2026 2027",
        "1 200 anställda",
    ],
)
def test_numbers_that_are_no_contact_data_stay(text):
    assert mask_text(text) == text


def test_own_name_and_company_are_masked_but_not_common_words():
    text = "Fråga Per eller Per Holm på Holms Bygg AB, 20 timmar per år."
    masked = mask_text(text, names=["Per Holm"], companies=["Holms Bygg AB"])
    assert masked == "Fråga [namn] eller [namn] på [företaget], 20 timmar per år."


def test_write_contacts_goes_outside_reports(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CONTACTS", tmp_path / "contacts")

    class Survey:
        source = Path("kompetensbehov-2026.xlsx")
        contacts = pd.DataFrame(
            {"respondent": ["r-1"], "G1": ['=HYPERLINK("x")'], "G3": ["a@b.se"]}
        )

    target = privacy.write_contacts(Survey(), "sotenas", 2026)
    assert (
        target == tmp_path / "contacts" / "sotenas" / "2026" / "kompetensbehov-2026-kontakter.csv"
    )
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("respondent;G1;G3") and "'=HYPERLINK" in text


def test_write_contacts_refuses_reports(monkeypatch):
    monkeypatch.setattr(paths, "CONTACTS", paths.REPORTS / "contacts")

    class Survey:
        source = Path("x.xlsx")
        contacts = pd.DataFrame()

    with pytest.raises(ValueError, match="must not"):
        privacy.write_contacts(Survey(), "sotenas", 2026)


def _output_text(path: Path) -> str:
    """The readable text of one report output file."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".xlsx":
        from helpers.survey.files import read_sheets

        return "\n".join(str(c) for s in read_sheets(path) for row in s.rows for c in row)
    return path.read_text(encoding="utf-8", errors="replace")


@pytest.mark.slow
def test_planted_personal_data_is_in_no_report_output(built_reports):
    from example_surveys.answers import SHIPPED, generate

    planted = set()
    for area, year, n, seed, _, _ in SHIPPED:
        planted |= {p.casefold() for p in generate(area, year, n, seed).planted()}
    assert len(planted) > 300
    outputs = [p for folder in built_reports.values() for p in folder.rglob("*") if p.is_file()]
    assert {p.suffix for p in outputs} >= {".html", ".pdf"}
    for path in outputs:
        text = _output_text(path).casefold()
        leaked = sorted(p for p in planted if p in text)
        assert not leaked, f"{path.name}: {leaked[:5]}"


def test_a_quote_before_an_address_stays_outside_the_mask():
    assert mask_text("C2: 'anna@fisk.se' är inte ett tal") == "C2: '[e-post]' är inte ett tal"
    assert mask_text("skriv till o'hara@fisk.se") == "skriv till [e-post]"


def _cpu_seconds(text: str) -> float:
    start = time.process_time()
    mask_text(text, names=["Anna Berg"], companies=["Smögens Fisk AB"])
    return time.process_time() - start


@pytest.mark.parametrize(
    "unit",
    ["a", "1", "a'", "x@", "0 ", "+46 ", "@a", "a@a.", "070-", "Anna Berg "],
    ids=lambda u: repr(u),
)
def test_masking_is_linear_in_the_length_of_the_text(unit):
    """Ten times the text costs at most about ten times the time (a ratio, not a time limit:
    the machine may be loaded). The quadratic e-mail pattern took 100 times as long."""
    small = unit * (20_000 // len(unit))
    large = unit * (200_000 // len(unit))
    small_time = min(_cpu_seconds(small) for _ in range(3))
    large_time = min(_cpu_seconds(large) for _ in range(2))
    assert large_time <= 20 * max(small_time, 0.002), (unit, small_time, large_time)


def test_masking_still_finds_addresses_in_long_text():
    text = "x" * 100_000 + " anna@fisk.se " + "070-123 45 67 " * 1000
    masked = mask_text(text)
    assert "anna@fisk.se" not in masked and "070-123" not in masked
    assert masked.count("[telefon]") == 1000


def test_contact_file_and_folders_are_readable_by_the_owner_only(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CONTACTS", tmp_path / "contacts")
    old_umask = os.umask(0o022)
    try:
        (tmp_path / "contacts" / "sotenas").mkdir(parents=True, mode=0o755)

        class Survey:
            source = Path("kompetensbehov-2026.xlsx")
            contacts = pd.DataFrame({"respondent": ["r-1"], "G3": ["a@b.se"]})

        target = privacy.write_contacts(Survey(), "sotenas", 2026)
        target.chmod(0o644)  # an old file of a wider mode is replaced by an owner-only one
        target = privacy.write_contacts(Survey(), "sotenas", 2026)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    for folder in (target.parent, target.parent.parent, tmp_path / "contacts"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left
