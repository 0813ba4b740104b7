"""Params fields are data: escaped in the HTML, and the PDF renderer fetches nothing they name
(issue 17, item 1). Each attack of the issue is rerun here against the real template and
renderer: ``<script>`` in the area's name and author, a ``rel="attachment"`` link to
``/etc/passwd``, an image on a local server that must receive no request, an SVG logo with
an ``<image href>``."""

from __future__ import annotations

import base64
import dataclasses
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from helpers.build import html, pdf
from helpers.common.errors import ParamsError, RenderError
from helpers.config import paths
from helpers.config.params import load_area

SCRIPT = "<script>alert(1)</script>"
ATTACHMENT = '<a rel="attachment" href="file:///etc/passwd">passwd</a>'


@pytest.fixture
def server() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP server on a free port, and the paths it was asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], asked
    httpd.shutdown()
    httpd.server_close()


def _notebook(*markdown: str, html_output: str = "") -> nbformat.NotebookNode:
    """A notebook whose outputs say ``markdown`` (as rpt.say does) and show ``html_output``."""
    outputs = [
        nbformat.v4.new_output("display_data", data={"text/markdown": text}) for text in markdown
    ]
    if html_output:
        outputs.append(nbformat.v4.new_output("display_data", data={"text/html": html_output}))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## Kapitel"),
        nbformat.v4.new_code_cell("x", outputs=outputs),
    ]
    return notebook


def _hostile_area(value: str):  # noqa: ANN202
    return dataclasses.replace(load_area("sotenas"), name=value, author=value, report_title=value)


@pytest.mark.parametrize("value", [SCRIPT, ATTACHMENT, '<img src="http://127.0.0.1:9/x">'])
def test_params_text_is_escaped_everywhere_in_the_page(value):
    area = _hostile_area(value)
    # the chapters interpolate the name into their Markdown (rpt.say)
    page = html.to_html(_notebook(f"{area.name} har 9 061 invånare."), html.report_metadata(area))
    assert "<script" not in page and "<a rel" not in page and '<img src="http' not in page
    assert "&lt;script&gt;" in page or "&lt;a rel" in page or "&lt;img" in page
    style = page[page.index("<style>") : page.index("</style>")]
    assert "</" not in style.replace("</style", "")  # no tag closes the CSS early


def test_the_css_running_header_keeps_an_ampersand_and_quotes_as_text(tmp_path):
    area = dataclasses.replace(load_area("sotenas"), name='Ström & "Stad"')
    page = html.to_html(_notebook("Text."), html.report_metadata(area))
    assert '"Lokal kompetensanalys · Ström \\26  \\22 Stad\\22  2026"' in page
    target = tmp_path / "r.pdf"
    pdf.to_pdf(page, target, html.report_metadata(area))
    assert target.read_bytes().startswith(b"%PDF")


def test_markdown_from_chapters_shows_raw_html_links_and_images_as_text(server):
    port, asked = server
    said = (
        f"Hej {SCRIPT} [klick](javascript:alert(1)) ![bild](http://127.0.0.1:{port}/md)"
        f" <img src=http://127.0.0.1:{port}/raw>"
    )
    page = html.to_html(_notebook(said), html.report_metadata(load_area("sotenas")))
    main = page[page.index("<main") :]
    assert "<script" not in main and "javascript:" not in main
    assert f"127.0.0.1:{port}/md" not in main  # an image from outside is its alt text
    assert "&lt;img src=http" in main
    assert asked == []


def test_the_page_forbids_scripts_and_fetches():
    page = html.to_html(_notebook("Text."), html.report_metadata(load_area("sotenas")))
    head = page[: page.index("</head>")]
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"
    ) in head


def test_an_attachment_link_is_no_attachment_and_etc_passwd_is_not_read(tmp_path):
    page = html.to_html(_notebook("Text."), html.report_metadata(load_area("sotenas")))
    # even if a link got into the page past the escaping, the PDF attaches nothing
    page = page.replace("</main>", f"{ATTACHMENT}</main>").replace(
        "</head>", '<link rel="attachment" href="file:///etc/passwd"></head>'
    )
    target = tmp_path / "r.pdf"
    pdf.to_pdf(page, target, html.report_metadata(load_area("sotenas")))
    written = target.read_bytes()
    assert b"/EmbeddedFile" not in written and b"/FileAttachment" not in written
    assert b"root:" not in written


@pytest.mark.parametrize("where", ["img", "css"])
def test_the_renderer_sends_no_request_to_a_local_server(server, tmp_path, where):
    port, asked = server
    url = f"http://127.0.0.1:{port}/{where}"
    element = (
        f'<img src="{url}" alt="x">'
        if where == "img"
        else f'<p style="background: url({url})">x</p>'
    )
    target = tmp_path / "r.pdf"
    with pytest.raises(RenderError, match=f"hänvisar till {url}, som inte hämtas"):
        pdf.to_pdf(f"<html><body>{element}</body></html>", target, {"title": "T", "area": "A",
                   "year": 2026, "author": "B"})  # fmt: skip
    assert asked == []


def test_the_renderer_reads_no_file_outside_the_template_and_resources(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"")
    target = tmp_path / "r.pdf"
    meta = {"title": "T", "area": "A", "year": 2026, "author": "B"}
    with pytest.raises(RenderError, match=r"^Rapporten hänvisar till file:///.*, som inte hämtas"):
        pdf.to_pdf(f'<img src="{secret.as_uri()}" alt="x">', target, meta)
    # a file in a folder the build allows (e.g. the report's own staging folder) is read
    pdf.to_pdf(f'<img src="{secret.as_uri()}" alt="x">', target, meta, folders=[tmp_path])
    assert pdf.allowed((paths.TEMPLATES / "report" / "report.css").as_uri(), pdf.project_folders())
    assert not pdf.allowed((paths.TEMPLATES / ".." / "pyproject.toml").as_uri(), [paths.TEMPLATES])
    for scheme in ("https://example.se/a.png", "ftp://x/y", "file://host/etc/passwd"):
        assert not pdf.allowed(scheme, pdf.project_folders())


def _svg_logo(folder: Path, href: str) -> Path:
    logo = folder / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{href}" width="10" height="10"/></svg>'
    )
    return logo


def test_an_svg_logo_pointing_outside_is_refused_in_one_line(server, tmp_path):
    port, asked = server
    logo = _svg_logo(tmp_path, f"http://127.0.0.1:{port}/logo")
    area = dataclasses.replace(load_area("sotenas"), logo=logo)
    with pytest.raises(ParamsError) as refused:
        html.report_metadata(area)
    message = str(refused.value)
    assert "Logotypen logo.svg" in message and f"127.0.0.1:{port}/logo" in message
    assert "\n" not in message
    assert asked == []


def test_an_svg_image_href_makes_no_request_even_past_the_logo_check(server, tmp_path):
    port, asked = server
    svg = _svg_logo(tmp_path, f"http://127.0.0.1:{port}/svg").read_bytes()
    page = f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg).decode()}" alt="x">'
    target = tmp_path / "r.pdf"
    pdf.to_pdf(page, target, {"title": "T", "area": "A", "year": 2026, "author": "B"})
    assert asked == []


def test_an_svg_logo_drawn_in_itself_is_embedded(tmp_path):
    logo = _svg_logo(tmp_path, "data:image/png;base64,AAAA")
    metadata = html.report_metadata(dataclasses.replace(load_area("sotenas"), logo=logo))
    assert metadata["logo"].startswith("data:image/svg+xml;base64,")


@pytest.mark.slow
def test_a_whole_report_from_hostile_params_escapes_them_and_fetches_nothing(tmp_path, server):
    from conftest import make_tree, run_cli

    port, asked = server
    tree = make_tree(tmp_path / "tree")
    params = tree / "params" / "sotenas.yaml"
    text = params.read_text("utf-8")
    text = text.replace("name: Sotenäs", f"name: '{SCRIPT} Sotenäs'")
    text = text.replace('author: "Kompetensmäklaren, Sotenäs kommun"', f"author: '{ATTACHMENT}'")
    region = f"<img src=http://127.0.0.1:{port}/region>"
    defaults = (tree / "params" / "defaults.yaml").read_text("utf-8")
    (tree / "params" / "defaults.yaml").write_text(
        defaults.replace("name: Fyrbodal", f"name: '{region}'"), "utf-8"
    )
    params.write_text(text, "utf-8")
    built = run_cli(tree, "report", "sotenas")
    assert built.returncode == 0, built.stderr
    folder = tree / "reports" / "sotenas" / "2026"
    page = next(folder.glob("*.html")).read_text("utf-8")
    assert "<script" not in page and "<a rel" not in page and "<img src=http" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=http" in page
    written = next(folder.glob("*.pdf")).read_bytes()
    assert b"/EmbeddedFile" not in written and b"root:" not in written
    assert asked == []


@pytest.mark.slow
def test_a_report_with_an_svg_logo_pointing_outside_stops_before_the_chapters(tmp_path, server):
    from conftest import make_tree, run_cli

    port, asked = server
    tree = make_tree(tmp_path / "tree")
    _svg_logo(tree, f"http://127.0.0.1:{port}/logo")
    params = tree / "params" / "sotenas.yaml"
    params.write_text(params.read_text("utf-8") + "logo: logo.svg\n", "utf-8")
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Fel: Logotypen logo.svg (logo i params-filen) hänvisar till http")
    assert "kapitlen" not in result.stdout  # stopped before any chapter ran
    assert not (tree / "reports" / "sotenas").exists() and asked == []
