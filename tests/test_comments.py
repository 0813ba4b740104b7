"""The broker's comments (report.comments): read, checked, placed first in their chapters in
the HTML and the PDF, shown safely; an unknown chapter stops the run with one line."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import run_cli
from helpers.build import execute, fingerprint, html
from helpers.common.errors import InputFileError, ParamsError
from helpers.config import params
from helpers.report import comments

TITLES = execute.chapter_titles(execute.chapter_paths())


# --- the file --------------------------------------------------------------------------------


def test_sections_follow_the_chapter_headings_and_leave_notes_and_code_alone():
    text = (
        "<!-- en anteckning\n## Inledning\nsom inte syns -->\n"
        "## Sammanfattning ##\nFörst.\n\n### Varvet\nAnställer.\n"
        "```\n## inte en rubrik\n```\n"
        "##   Metod,  källor och definitioner\n"
    )
    assert comments.sections(text) == {
        "Sammanfattning": "Först.\n\n### Varvet\nAnställer.\n```\n## inte en rubrik\n```",
        "Metod, källor och definitioner": "",
    }


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Hej\n## Inledning\nText", "text före den första rubriken"),
        ("## Inledning\nA\n## inledning\nB", "har två avsnitt"),
        ("##\nText", "saknar kapitlets namn"),
    ],
)
def test_a_file_that_cannot_be_placed_is_one_swedish_line(text: str, says: str):
    with pytest.raises(InputFileError, match=says) as error:
        comments.sections(text, "k.md")
    assert "\n" not in str(error.value) and str(error.value).startswith("k.md: ")


def test_an_unknown_title_lists_the_chapters_and_case_and_spacing_do_not_matter():
    checked = comments.check({"näringsliv  och SYSSELSÄTTNING": "x"}, TITLES, "k.md")
    assert checked == {"Näringsliv och sysselsättning": "x"}
    with pytest.raises(InputFileError) as error:
        comments.check({"Näringsliv": "x"}, TITLES, "k.md")
    assert str(error.value) == (
        "k.md: rubriken '## Näringsliv' är inget kapitel i rapporten. "
        f"Skriv en av: {', '.join(TITLES)}."
    )


def test_a_comment_is_shown_safely_under_its_heading():
    shown = comments.aside('[AF](https://af.se/?a=1)\n\n<script>alert(1)</script> <b onclick="y">')
    assert shown.startswith(
        '<aside class="broker-comment" aria-label="Kompetensmäklarens kommentar">'
        '<p class="broker-comment-title">Kompetensmäklarens kommentar</p>'
    )
    assert "<script" not in shown and "<b " not in shown and "href" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "AF (https://af.se/?a=1)" in shown


def test_the_example_file_is_every_chapter_with_nothing_printed():
    example = comments.example(TITLES, "Lysekil")
    assert list(comments.sections(example)) == TITLES
    assert comments.read(None, TITLES) == {}
    shipped = params.load_area("sotenas").comments
    assert shipped is not None and comments.read(shipped, TITLES) == {}
    assert list(comments.sections(shipped.read_text("utf-8"))) == TITLES


# --- params -------------------------------------------------------------------------------


def _area_with(params_dir: Path, value: str) -> params.Area:
    (params_dir / "demo.yaml").write_text(
        f'name: Demo\nmunicipalities: ["1427"]\ncomments: {value}\n', "utf-8"
    )
    return params.load_area("demo")


def test_params_name_a_comments_file_inside_the_project(params_dir: Path):
    (params_dir / "k.md").write_text("## Inledning\nHej\n", "utf-8")
    assert _area_with(params_dir, "params/k.md").comments == params_dir / "k.md"
    assert params.load_area("demo") == _area_with(params_dir, "params/k.md")


@pytest.mark.parametrize(
    ("content", "value", "says"),
    [
        (None, "params/saknas.md", "filen i 'comments' finns inte"),
        ("## Inledning\n", "/etc/hostname", "utanför projektets mapp"),
        ("## Inledning\nå".encode("latin-1"), "params/k.md", "är inte UTF-8"),
        (b"x" * (params.COMMENTS_MAX_BYTES + 1), "params/k.md", "högst 100 kB"),
    ],
)
def test_a_comments_file_params_cannot_use_is_one_swedish_line(
    params_dir: Path, content: str | bytes | None, value: str, says: str
):
    if isinstance(content, bytes):
        (params_dir / "k.md").write_bytes(content)
    if value.startswith("/") and not Path(value).is_file():
        pytest.skip(f"{value} is not on this machine")
    with pytest.raises(ParamsError, match=says) as error:
        _area_with(params_dir, value)
    assert "\n" not in str(error.value)


def test_the_comments_file_is_an_input_of_the_fingerprint(params_dir: Path):
    (params_dir / "k.md").write_text("## Inledning\nHej\n", "utf-8")
    area = _area_with(params_dir, "params/k.md")
    before = fingerprint.fingerprint(area)
    (params_dir / "k.md").write_text("## Inledning\nHej då\n", "utf-8")
    assert fingerprint.fingerprint(area) != before


def test_report_metadata_carries_the_comments_as_html(params_dir: Path):
    (params_dir / "k.md").write_text("## Inledning\nHej *du*\n## Metod\n", "utf-8")
    given = html.report_metadata(_area_with(params_dir, "params/k.md"))["comments"]
    assert list(given) == ["Inledning"] and "<em>du</em>" in given["Inledning"]


# --- the report -------------------------------------------------------------------------------


def _comment_text(number: int, title: str) -> str:
    return f"Kommentar {number:02d} om {title}: varvet anställer <b>igen</b>."


def _comments_file() -> str:
    return "".join(f"## {title}\n\n{_comment_text(n, title)}\n\n" for n, title in enumerate(TITLES))


class _Chapters(HTMLParser):
    """For each chapter section: its h2's text and the first element after the h2."""

    def __init__(self) -> None:
        super().__init__()
        self.chapters: list[dict[str, str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "section" and "chapter" in classes.split():
            self.chapters.append({"title": "", "next": ""})
        elif self.chapters and tag == "h2" and not self.chapters[-1]["title"]:
            self._in = "title"
        elif self.chapters and self._in == "after" and tag != "div":
            self.chapters[-1]["next"] = f"{tag}.{classes}"
            self._in = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._in == "title":
            self._in = "after"

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.chapters[-1]["title"] += data


@pytest.fixture(scope="module")
def commented(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sotenäs built with a comment in every chapter; its report folder."""
    from conftest import make_tree

    tree = make_tree(tmp_path_factory.mktemp("commented") / "project")
    (tree / "params/sotenas-kommentarer.md").write_text(_comments_file(), "utf-8")
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == 0, result.stderr
    return tree / "reports/sotenas/2026"


@pytest.mark.slow
def test_each_comment_opens_its_chapter_in_the_html(commented: Path):
    (page,) = commented.glob("*.html")
    text = page.read_text("utf-8")
    parser = _Chapters()
    parser.feed(text)
    assert [c["title"] for c in parser.chapters] == TITLES
    assert all(c["next"] == "aside.broker-comment" for c in parser.chapters), parser.chapters
    asides = re.findall(r'<aside class="broker-comment".*?</aside>', text, re.S)
    assert len(asides) == len(TITLES)
    for number, (title, shown) in enumerate(zip(TITLES, asides, strict=True)):
        words = _comment_text(number, title).replace("<b>", "&lt;b&gt;")
        assert words.replace("</b>", "&lt;/b&gt;") in shown
    assert "<b>igen</b>" not in text


@pytest.mark.slow
def test_each_comment_comes_first_in_its_chapter_in_the_pdf(commented: Path):
    (document,) = commented.glob("*.pdf")
    # without spaces: a line may break anywhere in the comment's text
    pages = ["".join((p.extract_text() or "").split()) for p in PdfReader(document).pages]
    title_words = "KOMPETENSMÄKLARENSKOMMENTAR"  # as the PDF sets it, in capitals
    for number, title in enumerate(TITLES):
        said = "".join(_comment_text(number, title).split())
        (page,) = [p for p in pages if f"Kommentar{number:02d}om" in p]
        # the chapter's heading, the comment's title, its text: nothing between them
        assert "".join(title.split()) + title_words + said in page


@pytest.mark.slow
def test_an_unknown_chapter_stops_the_report_before_it_runs(tree: Path):
    (tree / "params/sotenas-kommentarer.md").write_text(
        "## Sammanfattning\nBra.\n\n## Näringslivet\nVarvet.\n", "utf-8"
    )
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == InputFileError.exit_code
    assert result.stderr.strip().splitlines() == [
        "Fel: params/sotenas-kommentarer.md: rubriken '## Näringslivet' är inget kapitel i "
        f"rapporten. Skriv en av: {', '.join(TITLES)}."
    ]
    assert not (tree / "reports/sotenas").exists()
    assert not (tree / "data/contacts").exists()  # the survey was not read either
