"""The report meets WCAG 2.1 AA (the DOS law), checked by real tools on a real report.

- the HTML in headless Chromium (Debian's ``chromium``) with axe-core (npm, pinned in the
  Makefile, installed by ``make system-deps``): no serious or critical violation, on a
  desktop and on a phone; no sideways scrolling at 375 px, 320 px or 200 % zoom;
- charts: alt text that states the finding, a data table for every chart;
- headings: one h1, no skipped level; the area colour reaches AA contrast;
- the PDF (pypdf, poppler): tagged PDF/UA-1 with language, title, bookmarks, alt text on
  every figure, embedded fonts, and text that extracts in reading order.
"""

from __future__ import annotations

import html as html_lib
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT
from helpers.build.html import report_metadata
from helpers.cli.browser import AXE_SCRIPT, Browser, Page
from helpers.config.params import load_area
from helpers.report import colours

pytestmark = [pytest.mark.slow, pytest.mark.browser]

#: Everything WCAG 2.1 A and AA, plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
#: Elements that stick out of the viewport on purpose (the skip link waits off-screen) or
#: scroll inside their own frame (wide tables).
OVERFLOW_CHECK = """(() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.table-wrap, .skip-link')) continue;
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1))
      out.push(el.tagName.toLowerCase() + '.' + el.className);
  }
  return {scroll: document.documentElement.scrollWidth, width: width, out: out.slice(0, 5)};
})()"""


def report(folder: Path, suffix: str) -> Path:
    (found,) = folder.glob(f"kompetensanalys-*{suffix}")
    return found


@pytest.fixture(scope="module")
def html_file(built_reports: dict[str, Path]) -> Path:
    return report(built_reports["sotenas"], ".html")


@pytest.fixture(scope="module")
def page_source(html_file: Path) -> str:
    return html_file.read_text("utf-8")


@pytest.fixture(scope="module")
def browser():
    with Browser() as running:
        yield running


OPEN_TABLES = "document.querySelectorAll('details').forEach(d => d.open = true)"


@pytest.fixture(scope="module")
def desktop(browser: Browser, html_file: Path) -> Page:
    """The report at 1280 px, every chart's data table unfolded."""
    page = browser.open(html_file, width=1280)
    page.evaluate(OPEN_TABLES)
    return page


@pytest.fixture(scope="module")
def phone(browser: Browser, html_file: Path) -> Page:
    """The report on a 375 px phone, every chart's data table unfolded."""
    page = browser.open(html_file, width=375, scale=2, mobile=True)
    page.evaluate(OPEN_TABLES)
    return page


def axe_version_pinned() -> str:
    return re.search(r"^AXE_VERSION := (\S+)", (ROOT / "Makefile").read_text(), re.M).group(1)


def serious(results: dict) -> list[str]:
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {v['nodes'][0]['target']}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_axe_finds_nothing_serious_on_a_desktop(desktop: Page):
    assert AXE_SCRIPT.exists(), "axe-core saknas: kör make system-deps"
    results = desktop.axe({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results["testEngine"]["version"] == axe_version_pinned()
    assert serious(results) == []
    assert len(results["passes"]) > 20  # axe really ran its rules on the page
    # every text's contrast was decided (nothing hidden behind an unknown background)
    assert not [r for r in results["incomplete"] if r["id"] == "color-contrast"]


def test_axe_finds_nothing_serious_on_a_phone(phone: Page):
    # the rules whose answer can change with the screen (the rest ran on the desktop)
    rules = [
        "color-contrast",
        "scrollable-region-focusable",
        "meta-viewport",
        "meta-viewport-large",
        "css-orientation-lock",
        "target-size",
        "region",
    ]
    results = phone.axe({"runOnly": {"type": "rule", "values": rules}})
    assert {r["id"] for r in results["passes"]} >= {"scrollable-region-focusable", "meta-viewport"}
    assert serious(results) == []


def test_phones_get_the_phone_drawing_of_each_chart(phone: Page):
    shown = phone.evaluate("""[...document.querySelectorAll('figure.chart img')].map(img => [
        img.currentSrc === img.src, img.getBoundingClientRect().width, img.naturalWidth])""")
    assert shown, "no charts"
    for is_wide, drawn, natural in shown:
        assert not is_wide  # the <source> for small screens was chosen
        assert natural <= 375 and drawn >= 0.85 * natural  # shown at about its own size


@pytest.mark.parametrize(
    ("width", "scale"),
    [(375, 2), (320, 1), (640, 2)],
    ids=["phone-375px", "reflow-320px", "desktop-1280px-at-200-percent"],
)
def test_the_page_never_scrolls_sideways(phone: Page, width, scale):
    phone.resize(width, scale=scale, mobile=width < 400)
    found = phone.evaluate(OVERFLOW_CHECK)
    phone.resize(375, scale=2, mobile=True)
    assert found["scroll"] <= found["width"], found
    assert found["out"] == [], found


WIDE_TABLE = """(() => {
    const wrap = [...document.querySelectorAll('.table-wrap')]
        .find(w => w.scrollWidth > w.clientWidth + 40);
    wrap.scrollIntoView(); if (%s !== null) wrap.scrollLeft = %s;
    const r = wrap.getBoundingClientRect();
    return [r.left, r.right, r.top + window.scrollY, r.height];
})()"""
NO_SHADOW = """(() => { const s = document.createElement('style'); s.id = 'no-shadow';
    s.textContent = '.table-wrap { animation: none !important; }';
    document.head.append(s); return 1; })()"""


def _edges(page: Page, folder: Path, name: str) -> tuple[float, float]:
    """The mean brightness of the first wide table's left and right 24 px (screen pixels)."""
    from PIL import Image, ImageStat

    left, right, top, height = page.evaluate(WIDE_TABLE % ("null", "null"))
    shot = Image.open(page.screenshot(folder / f"{name}.png", top=top, height=height))
    scale = shot.width / page.evaluate("document.documentElement.scrollWidth")
    strips = [(left, left + 24), (right - 24, right)]
    return tuple(
        ImageStat.Stat(shot.convert("L").crop((a * scale, 0, b * scale, shot.height))).mean[0]
        for a, b in strips
    )


def test_a_table_wider_than_a_phone_shows_that_it_scrolls(phone: Page, tmp_path: Path):
    """The table fades out at the edge where more of it is, and not where it ends (CSS only:
    compared with the same table without the fade)."""
    try:
        seen = {}
        for where in ("0", "1e6"):  # at the start, then scrolled to the end
            phone.evaluate(WIDE_TABLE % (where, where))
            seen[where] = _edges(phone, tmp_path, f"{where}-shadow")
            phone.evaluate(NO_SHADOW)
            seen[where + "-plain"] = _edges(phone, tmp_path, f"{where}-plain")
            phone.evaluate("document.getElementById('no-shadow').remove()")
    finally:
        phone.evaluate(WIDE_TABLE % (0, 0))
    (left, right), (plain_left, plain_right) = seen["0"], seen["0-plain"]
    assert right > plain_right + 3 and abs(left - plain_left) < 1  # more to the right only
    (left, right), (plain_left, plain_right) = seen["1e6"], seen["1e6-plain"]
    assert left > plain_left + 3 and abs(right - plain_right) < 1  # more to the left only


def test_every_chart_has_alt_text_stating_its_finding_and_a_data_table(page_source: str):
    blocks = re.findall(
        r'(<figure class="chart".*?</figure>)(\s*<details class="chart-data">'
        r".*?</details>)?",
        page_source,
        re.S,
    )
    assert len(blocks) == page_source.count('<figure class="chart"') >= 4
    for figure, table in blocks:
        title = html_lib.unescape(
            re.search(
                r'<p class="chart-title"><span class="fig-no">'
                r"Figur \d+\.</span> (.*?)</p>",
                figure,
            ).group(1)
        )
        # a drawn chart's alt text, or the name of a chart made of HTML (kinds/bars.py, html_bars)
        named = re.findall(r'<img[^>]*alt="([^"]*)"|role="img" aria-label="([^"]*)"', figure)
        alts = [html_lib.unescape(alt or label) for alt, label in named]
        assert alts and all(alt.startswith(title) and len(alt) > len(title) + 10 for alt in alts), (
            title,
            alts,
        )
        assert table and re.search(r"<table[ >]", table) and '<th scope="col"' in table, title


def test_headings_form_one_outline(desktop: Page):
    levels = desktop.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    chapters = desktop.evaluate(
        "[...document.querySelectorAll('main section.chapter')]"
        ".map(s => s.querySelector('h2').id === "
        "s.getAttribute('aria-labelledby'))"
    )
    assert len(chapters) >= 3 and all(chapters)


@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg", "lysekil"])
def test_area_colours_reach_aa_contrast(area):
    metadata = report_metadata(load_area(area))
    for background in (colours.PAPER, colours.TINT):
        assert colours.contrast(metadata["colour"], background) >= colours.TEXT_CONTRAST
        assert colours.contrast("#ffffff", metadata["colour"]) >= colours.TEXT_CONTRAST


@pytest.mark.parametrize("given", ["#ffd700", "#ff0000", "#00ff00", "#777777", "#ffffff"])
def test_a_params_colour_too_light_for_text_is_darkened_keeping_its_hue(given):
    shade = colours.readable(given)
    assert colours.contrast(shade, colours.PAPER) >= colours.TEXT_CONTRAST
    assert colours.contrast(shade, colours.TINT) >= colours.TEXT_CONTRAST
    assert colours.contrast(shade, colours.PAPER) < 5.5  # darkened only as far as needed
    assert colours.readable("#0b5c7a") == "#0b5c7a"  # a dark colour is left as given


# ---- PDF ----


@pytest.fixture(scope="module")
def pdf(built_reports: dict[str, Path]) -> PdfReader:
    return PdfReader(report(built_reports["sotenas"], ".pdf"))


def test_pdf_is_tagged_pdf_ua_with_language_title_and_bookmarks(pdf: PdfReader, page_source: str):
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert root["/Lang"] == "sv"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = pdf.xmp_metadata.stream.get_data().decode()
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert pdf.metadata.title == "Lokal kompetensanalys – Sotenäs 2026"
    chapters = [
        html_lib.unescape(t)
        for t in re.findall(
            r'<section class="chapter[^"]*" '
            r'aria-labelledby="[^"]+">\s*<div '
            r'class="prose">\s*<h2[^>]*>(.*?)</h2>',
            page_source,
        )
    ]
    bookmarks = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert bookmarks == ["Innehåll", *chapters]
    assert "Befolkning och arbetskraft" in bookmarks
    assert any(isinstance(item, list) for item in pdf.outline)  # sections under chapters


def structure(node, found: list) -> list:
    node = node.get_object()
    if isinstance(node, list):
        for child in node:
            structure(child, found)
    elif hasattr(node, "get"):
        if node.get("/S"):
            found.append(node)
        if "/K" in node:
            structure(node["/K"], found)
    return found


def test_pdf_figures_carry_their_alt_text_and_tables_their_headers(
    pdf: PdfReader, page_source: str
):
    elements = structure(pdf.trailer["/Root"]["/StructTreeRoot"], [])
    figures = [e for e in elements if e["/S"] == "/Figure"]
    alts = {
        html_lib.unescape(a)
        for a in re.findall(r'<figure class="chart".*?<img[^>]*alt="([^"]*)"', page_source, re.S)
    }
    assert figures and {str(f.get("/Alt", "")) for f in figures} >= alts
    kinds = {str(e["/S"]) for e in elements}
    assert {"/H1", "/H2", "/H3", "/P", "/Table", "/TH", "/TD", "/L", "/LI"} <= kinds


def test_pdf_fonts_are_embedded(pdf: PdfReader):
    fonts = {}
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts
    assert any("Open-Sans" in name for name in fonts), fonts  # the report's typeface


@pytest.fixture(scope="module")
def texts(pdf: PdfReader) -> list[str]:
    """Each page's text as pypdf extracts it, white space made plain."""
    return [normalised(page.extract_text()) for page in pdf.pages]


def normalised(words: str) -> str:
    return " ".join(words.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_pdf_text_comes_out_in_reading_order(pdf: PdfReader, texts: list[str], page_source: str):
    main = page_source[page_source.index("<main") :]
    chapters = [html_lib.unescape(t) for t in re.findall(r'<h2 id="[^"]+">(.*?)</h2>', main)]
    starts = {
        item.title: pdf.get_destination_page_number(item)
        for item in pdf.outline
        if not isinstance(item, list)
    }
    assert len(chapters) >= 3 and set(chapters) <= set(starts)
    for title in chapters:  # a bookmark leads to its chapter: heading and running header
        assert texts[starts[title]].count(title) >= 2, title
    # from the first chapter on (past the table of contents), the headings come in order
    first = min(starts[title] for title in chapters)
    extracted = " ".join(texts[first:])
    position = -1
    for title in chapters:
        found = extracted.find(title, position + 1)
        assert found > position, f"{title} out of order"
        position = found
    # every chapter's first paragraph comes out whole: words in order, nothing between
    for paragraph in re.findall(
        r'<h2 id="[^"]+">.*?</h2>\s*</div>\s*<div class="prose">\s*'
        r"<p>(.*?)</p>",
        main,
        re.S,
    ):
        sentence = normalised(html_lib.unescape(re.sub(r"<[^>]+>", "", paragraph)))
        sentence = sentence.split(". ")[0]
        assert sentence in extracted, sentence


def test_pdf_pages_have_the_running_header_and_page_numbers(texts: list[str]):
    for number, words in enumerate(texts[1:], start=2):
        assert "Sotenäs 2026" in words and f"Sida {number} av {len(texts)}" in words, number


def test_poppler_reads_the_structure_tree(built_reports: dict[str, Path]):
    tree = subprocess.run(
        ["pdfinfo", "-struct", str(report(built_reports["sotenas"], ".pdf"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Document" in tree and "Figure" in tree and "Table" in tree
