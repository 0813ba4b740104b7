"""The Word version (helpers.build.word): a small page converted in process, the example
reports' .docx files (slow: they build whole reports), and the params key docx_template."""

from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import lxml.html
import pandas as pd
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import run_cli
from helpers.build import pipeline, word
from helpers.build.pdf import for_print
from helpers.common import text
from helpers.common.errors import ParamsError, RenderError
from helpers.config import params
from helpers.report.charts import svg
from helpers.report.charts.kinds import bars
from helpers.report.charts.style import Style

METADATA = {"title": "Lokal kompetensanalys", "area": "Sotenäs", "year": 2026}
METADATA |= {"author": "Kompetensmäklaren", "colour": "#0b5c7a", "example": True}


def small_page() -> str:
    """A page shaped like the report's: cover, contents, chapters, a comment, a table, an
    SVG chart and HTML bars (both rendered by the chart helpers themselves)."""
    chart = bars.bars(
        pd.DataFrame({"område": ["Sotenäs", "Riket"], "andel": [0.25, 0.2]}),
        label="område",
        value="andel",
        title="Fler i Sotenäs",
        source="SCB",
        highlight="Sotenäs",
        value_format=text.percent,
        example=True,
    )
    drawing = svg.Drawing(200, 50)
    drawing.text(4, 20, "Linje", size=10)
    return f"""<html lang="sv"><body><a class="skip-link" href="#m">Hoppa</a>
    <header class="title-page"><h1><span class="kicker">Lokal kompetensanalys</span>
      <span class="area">Sotenäs</span> <span class="year">2026</span></h1>
      <p class="example-banner"><strong>Exempeldata.</strong> Enkätsvaren är påhittade.</p>
    </header>
    <nav class="toc"><h2>Innehåll</h2><ol><li><a href="#a">Befolkning</a></li></ol></nav>
    <main><section class="chapter"><div class="prose"><h2 id="a">Befolkning</h2></div>
      <aside class="broker-comment" aria-label="Kompetensmäklarens kommentar">
        <p class="broker-comment-title">Kompetensmäklarens kommentar</p>
        <p>Varvet anställer igen &lt;script&gt;.</p><ul><li>En punkt</li></ul></aside>
      <div class="prose"><h3>Ålder</h3><p>Text med <strong>fetstil</strong> och
        <em>kursiv</em>.</p><ol><li>Ett</li><li>Två</li></ol><h4>Detalj</h4></div>
      <figure class="chart"><p class="chart-title"><span class="fig-no">Figur 1.</span>
        Linjen</p>{svg.picture(drawing.markup(), "", "Linjen stiger.")}
        <figcaption>Källa: Kolada.</figcaption></figure>
      <figure class="chart"><p class="chart-title"><span class="fig-no">Figur 2.</span>
        Fler i Sotenäs</p>{bars.render(chart, Style())}
        <figcaption>Källa: SCB.</figcaption></figure>
      <div class="table-wrap"><table><caption>Tabell</caption><colgroup>
        <col style="width: 60%"><col style="width: 40%"></colgroup>
        <thead><tr><th scope="col">Ålder</th><th scope="col" class="num">Andel</th></tr></thead>
        <tbody><tr><th scope="row">0–19 år</th><td class="num">23,2\xa0%</td></tr>
        <tr><th scope="row">20–64 år</th><td class="num">–</td></tr></tbody></table></div>
      <p class="table-note">– = färre än 5 svarande.</p><p class="source">Källa: SCB.</p>
    </section></main><footer class="report-footer"><p>Sidfot.</p></footer></body></html>"""


def headings(document: docx.document.Document) -> list[tuple[str, str]]:
    """(style, text) of the Title and Heading paragraphs, in order."""
    return [
        (p.style.name, " ".join(p.text.split()))
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]


def html_headings(page: str) -> list[tuple[str, str]]:
    """The page's h1–h4 outside its contents list, as the Word styles they become."""
    root = lxml.html.document_fromstring(page)
    found = root.xpath("//h1|//h2|//h3|//h4")
    return [
        (word.HEADING_STYLES[h.tag], " ".join(h.text_content().split()))
        for h in found
        if not h.xpath("ancestor::nav")
    ]


def reopened(document: docx.document.Document) -> docx.document.Document:
    saved = io.BytesIO()
    document.save(saved)
    return docx.Document(io.BytesIO(saved.getvalue()))


def test_a_page_becomes_word_headings_tables_pictures_and_notes():
    page = small_page()
    document = reopened(word.convert(page, METADATA))
    assert (
        headings(document)
        == html_headings(page)
        == [
            ("Title", "Lokal kompetensanalys Sotenäs 2026"),
            ("Heading 1", "Befolkning"),
            ("Heading 2", "Ålder"),
            ("Heading 3", "Detalj"),
        ]
    )
    styles = [p.style.name for p in document.paragraphs]
    texts = [p.text for p in document.paragraphs]
    # the example-data label on the cover, in its set-apart style
    assert styles[texts.index("Exempeldata. Enkätsvaren är påhittade.")] == word.EXAMPLE
    # the broker's comment: title and text in the comment styles, raw HTML still text
    at = texts.index("Kompetensmäklarens kommentar")
    assert styles[at : at + 3] == [word.COMMENT_TITLE, word.COMMENT, word.COMMENT]
    assert texts[at + 1 : at + 3] == ["Varvet anställer igen <script>.", "• En punkt"]
    # inline formatting kept, white space collapsed
    paragraph = document.paragraphs[texts.index("Text med fetstil och kursiv.")]
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("Text med ", None, None),
        ("fetstil", True, None),
        (" och ", None, None),
        ("kursiv", None, True),
        (".", None, None),
    ]
    # a numbered list starts at 1 (a numbering of its own)
    numbered = [p for p in document.paragraphs if p.text in ("Ett", "Två")]
    assert [p.style.name for p in numbered] == ["List Number"] * 2
    (number,) = {p._p.pPr.numPr.numId.val for p in numbered}
    num = document.part.numbering_part.element.num_having_numId(number)
    assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]
    # figures: title (Caption), picture named by its alt text, the source under it
    shapes = document.inline_shapes
    assert len(shapes) == 2
    alts = [shape._inline.docPr.get("descr") for shape in shapes]
    assert alts == ["Linjen stiger.", "Fler i Sotenäs. Sotenäs: 25,0\xa0%; Riket: 20,0\xa0%."]
    for source in ("Källa: Kolada.", "Källa: SCB."):
        at = texts.index(source)
        assert styles[at] == word.SOURCE and document.paragraphs[at - 1]._p.xpath(".//pic:pic")
        assert styles[at - 2] == "Caption"
    # one Word table: header row repeated, numbers as shown and right-aligned
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Ålder", "Andel"],
        ["0–19 år", "23,2\xa0%"],
        ["20–64 år", "–"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert styles[texts.index("– = färre än 5 svarande.")] == word.NOTE
    # neither the skip link nor the HTML contents list; Word's own contents field instead
    assert "Hoppa" not in texts
    assert styles[texts.index("Innehåll")] == "TOC Heading"
    assert 'TOC \\o "1-3"' in document.element.body.xml


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_the_logo_is_a_picture_on_the_cover(kind: str):
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (1200, 400), "#0b5c7a").save(image, kind)
    source = f"data:image/{kind.lower()};base64,{base64.b64encode(image.getvalue()).decode()}"
    logo = f'<img class="logo" src="{source}" alt="Sotenäs logotyp"></header>'
    page = small_page().replace("</header>", logo, 1)
    document = reopened(word.convert(page, METADATA))
    shapes = document.inline_shapes
    assert shapes[0]._inline.docPr.get("descr") == "Sotenäs logotyp"
    assert shapes[0].width <= word.LOGO_WIDTH and len(shapes) == 3


def test_the_document_is_swedish_with_its_title_and_author():
    document = reopened(word.convert(small_page(), METADATA))
    languages = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    assert languages == {"sv-SE"}
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}") is not None
    properties = document.core_properties
    assert (properties.title, properties.author, properties.language) == (
        "Lokal kompetensanalys – Sotenäs 2026",
        "Kompetensmäklaren",
        "sv-SE",
    )


def make_template(folder: Path, suffix: str = ".docx") -> Path:
    """An organisation's template: Georgia headings, its own source style, some text."""
    template = docx.Document()
    template.styles["Heading 1"].font.name = "Georgia"
    template.styles["Heading 1"].font.size = Pt(21)
    own = template.styles.add_style(word.SOURCE, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    own.font.size = Pt(7)
    template.add_paragraph("Mallens exempeltext")
    path = folder / f"mall{suffix}"
    template.save(str(path))
    if suffix == ".dotx":  # what Word writes for a template: another main content type
        path.write_bytes(template_bytes(path.read_bytes()))
    return path


def template_bytes(data: bytes) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_template_sets_the_styles(tmp_path: Path, suffix: str):
    template = make_template(tmp_path, suffix)
    document = reopened(word.convert(small_page(), METADATA, template))
    heading = document.styles["Heading 1"]
    assert (heading.font.name, heading.font.size) == ("Georgia", Pt(21))
    assert document.styles[word.SOURCE].font.size == Pt(7)  # the template's own, kept
    entry, chapter = [p for p in document.paragraphs if p.text == "Befolkning"]
    assert (entry.style.name, chapter.style.name) == ("TOC 1", "Heading 1")
    texts = [p.text for p in document.paragraphs]
    assert "Mallens exempeltext" not in texts  # its styles, not its text
    assert word.COMMENT in [s.name for s in document.styles]  # what it lacked is added


def test_a_template_without_heading_styles_gets_word_s_own(tmp_path: Path):
    """Word saves only the styles a document uses: the headings are then added as Word's
    built-in ones (their XML names), with their outline levels for the navigation pane."""
    template = docx.Document()
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption", "Title"):
        element = template.styles[name].element
        element.getparent().remove(element)
    template.save(str(tmp_path / "mall.docx"))
    document = reopened(word.convert(small_page(), METADATA, tmp_path / "mall.docx"))
    assert headings(document) == html_headings(small_page())
    for level in (1, 2, 3):
        style = document.styles[f"Heading {level}"].element
        assert style.name_val == f"heading {level}"
        assert style.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)


def test_a_template_without_list_numbering_gets_its_marks_as_text(tmp_path: Path):
    template = docx.Document()
    for name in ("List Bullet", "List Number"):
        element = template.styles[name].element
        element.pPr.remove(element.pPr.numPr)
    template.save(str(tmp_path / "mall.docx"))
    document = word.convert(small_page(), METADATA, tmp_path / "mall.docx")
    texts = [p.text for p in document.paragraphs]
    assert "1. Ett" in texts and "2. Två" in texts


def test_a_broken_template_is_one_line(tmp_path: Path):
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"PK\x03\x04 inte en zip")
    with pytest.raises(RenderError) as error:
        word.convert(small_page(), METADATA, broken)
    assert "\n" not in str(error.value) and "trasig.docx" in str(error.value)


def write(folder: Path, body: str) -> None:
    (folder / "demo.yaml").write_text(
        f'name: Demo\nmunicipalities: ["1427"]\n{body}', encoding="utf-8"
    )


def test_docx_template_in_params(params_dir: Path):
    template = make_template(params_dir.parent)
    write(params_dir, "docx_template: mall.docx\n")
    assert params.load_area("demo").docx_template == template


@pytest.mark.parametrize(
    "value, written, says",
    [
        ("saknas.dotx", None, "finns inte"),
        ("mall.txt", b"text", "Word-mall (.docx eller .dotx)"),
        ("fel.docx", b"inte en zip", "Word-mall (.docx eller .dotx)"),
        ("[1, 2]", None, "sökväg"),
    ],
)
def test_a_bad_docx_template_is_one_swedish_line(
    params_dir: Path, value: str, written: bytes | None, says: str
):
    if written is not None:
        (params_dir.parent / value).write_bytes(written)
    write(params_dir, f"docx_template: {value}\n")
    with pytest.raises(ParamsError, match=r"docx_template") as error:
        params.load_area("demo")
    assert says in str(error.value) and "\n" not in str(error.value)


def test_a_bad_template_stops_the_report_with_one_line(tree: Path):
    (tree / "mall.dotx").write_text("inte en Word-mall", encoding="utf-8")
    params_file = tree / "params" / "sotenas.yaml"
    params_file.write_text(
        params_file.read_text(encoding="utf-8") + "docx_template: mall.dotx\n", encoding="utf-8"
    )
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == ParamsError.exit_code
    (line,) = result.stderr.strip().splitlines()
    assert "docx_template" in line and "Word-mall" in line
    assert not (tree / "reports" / "sotenas").exists()


def test_the_word_process_says_one_line_and_the_build_stops(tmp_path: Path):
    """The process the pipeline starts: a broken template is one line and exit code 7,
    and the pipeline turns that line into its error."""
    page, broken = tmp_path / "rapport.html", tmp_path / "trasig.docx"
    page.write_text(small_page(), encoding="utf-8")
    broken.write_bytes(b"inte en zip")
    settings = tmp_path / "word.json"
    settings.write_text(json.dumps({**METADATA, "template": str(broken)}), encoding="utf-8")
    target = tmp_path / "rapport.docx"
    process = subprocess.Popen(
        [sys.executable, "-m", "helpers.build.word", str(page), str(target), str(settings)],
        stderr=subprocess.PIPE,
        text=True,
    )
    area = params.load_area("sotenas")
    with pytest.raises(RenderError) as error:
        pipeline._finish_word(area, process)
    assert process.returncode == RenderError.exit_code and not target.exists()
    assert str(error.value).startswith("Området sotenas: Word-mallen trasig.docx kunde inte")
    assert "\n" not in str(error.value)


def test_the_fingerprint_includes_the_template(params_dir: Path):
    from helpers.build import fingerprint

    template = make_template(params_dir.parent)
    write(params_dir, "docx_template: mall.docx\n")
    before = fingerprint.fingerprint(params.load_area("demo"))
    template.write_bytes(template.read_bytes() + b"\0")
    assert fingerprint.fingerprint(params.load_area("demo")) != before


@pytest.mark.slow
@pytest.mark.parametrize("area", ["sotenas", "trollhattan-vanersborg"])
def test_the_reports_word_version_has_the_reports_content(
    built_reports: dict[str, Path], area: str
):
    folder = built_reports[area]
    (page_file,) = folder.glob("kompetensanalys-*.html")
    document = docx.Document(str(page_file.with_suffix(".docx")))
    page = for_print(page_file.read_text(encoding="utf-8"))
    root = lxml.html.document_fromstring(page)
    assert headings(document) == html_headings(page)
    assert len(document.tables) == len(root.xpath("//table"))
    pictures = root.xpath("//img | //*[@role='img']")
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert alts == [p.get("alt") or p.get("aria-label") for p in pictures] and all(alts)
    texts = [p.text for p in document.paragraphs]
    styles = [p.style.name for p in document.paragraphs]
    # a title over every figure and its source under it (the cover's logo has neither)
    figures = [
        index
        for index, paragraph in enumerate(document.paragraphs)
        if paragraph._p.xpath(".//pic:pic")
        and not paragraph._p.xpath(".//wp:docPr")[0].get("descr").endswith("logotyp")
    ]
    assert len(figures) == len(root.xpath("//figure[.//img or .//*[@role='img']]"))
    for index in figures:
        assert styles[index - 1] == "Caption" and texts[index - 1].startswith("Figur")
        assert styles[index + 1] == word.SOURCE and texts[index + 1].startswith("Källa")
    assert any(
        s == word.EXAMPLE and t.startswith("Exempeldata")
        for s, t in zip(styles, texts, strict=True)
    )
    languages = {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}
    assert languages == {"sv-SE"}
    assert document.core_properties.title.startswith("Lokal kompetensanalys – ")


@pytest.mark.slow
def test_a_failed_word_version_publishes_nothing(tree: Path):
    """A template that passes params (a zip with a Word document in it) but that python-docx
    cannot read: the build stops with one line after the PDF, and no folder is left."""
    with zipfile.ZipFile(tree / "mall.docx", "w") as archive:
        archive.writestr("word/document.xml", "inte XML")
    params_file = tree / "params" / "sotenas.yaml"
    params_file.write_text(
        params_file.read_text(encoding="utf-8") + "docx_template: mall.docx\n", encoding="utf-8"
    )
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == RenderError.exit_code, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Fel: Området sotenas: Word-mallen mall.docx kunde inte läsas"), line
    assert not (tree / "reports" / "sotenas" / "2026").exists()
    assert not [p for p in (tree / "reports" / "sotenas").iterdir() if p.name.startswith(".")]
