"""docs/adding-a-chart-kind.md works as written: its module, its registration, its chapter cell.

The test takes the code from the page itself, so the page cannot drift from what works. The
module is loaded under the name the page gives it (the package on disk is not written to), the
registry and the package get the page's lines, and the chapter cell runs in a report for
Lysekil in this process (a kernel would import the package from disk, without the page's
module); its output goes through the real HTML and PDF renderers. The expected figures are
computed here from the raw SCB panel, independently of the package.
"""

from __future__ import annotations

import base64
import csv
import doctest
import html
import importlib.util
import re
import sys
import types
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from conftest import ROOT
from helpers.build import render
from helpers.common import text
from helpers.config.params import load_area
from helpers.report import charts, colours, context
from helpers.report.charts import kinds
from helpers.report.charts.kinds import registry

pytestmark = pytest.mark.slow
GUIDE = ROOT / "docs" / "adding-a-chart-kind.md"
AREA, AREA_NAME, AREA_CODE = "lysekil", "Lysekil", "1484"
SOURCE = "SCB, folkmängd 31 december (kommunpanel 2001–2021)"


def guide_block(marker: str) -> str:
    """The code block after the guide's comment ``<!-- tests/test_add_chart_kind.py MARKER``."""
    found = re.search(
        rf"<!-- tests/test_add_chart_kind\.py {marker}.*?-->\n```python\n(.*?)```",
        GUIDE.read_text("utf-8"),
        re.S,
    )
    assert found, f"the guide's block '{marker}' is missing"
    return found.group(1)


def guide_module_name() -> str:
    """The module the guide creates, e.g. ``helpers.report.charts.kinds.dots``."""
    guide = GUIDE.read_text("utf-8")
    (path,) = set(re.findall(r"Create\s+`src/(helpers/report/charts/kinds/\w+)\.py`", guide))
    return path.replace("/", ".")


@pytest.fixture
def kind(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The guide's module, loaded and registered as its steps 2 and 3 say; undone after."""
    name = guide_module_name()
    short = name.rsplit(".", 1)[1]
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(name, loader=None))
    monkeypatch.setitem(sys.modules, name, module)
    exec(compile(guide_block("loads"), str(GUIDE), "exec"), module.__dict__)
    monkeypatch.setattr(kinds, short, module, raising=False)

    lines = registry.__dict__.copy()  # the registry with the guide's lines
    exec(guide_block("runs the block below as the registry"), lines)
    assert lines["REGISTERED"] == (*registry.REGISTERED, module.KIND)  # one kind more
    monkeypatch.setattr(registry, "REGISTERED", lines["REGISTERED"])

    package = charts.__dict__.copy()  # the package with the guide's line
    exec(guide_block("runs the block below as the package"), package)
    monkeypatch.setattr(charts, short, package[short], raising=False)
    return module


def test_the_guides_module_runs_its_own_examples(kind: types.ModuleType):
    examples = doctest.DocTestFinder().find(kind, kind.__name__)
    runner = doctest.DocTestRunner()
    for example in examples:
        runner.run(example)
    failed, attempted = runner.summarize(verbose=False)
    assert failed == 0 and attempted >= 3


def index_2021_from_raw(code: str | None) -> float:
    """Population at the end of 2021 per 100 at the end of 2001 (panel years 2022 and 2002),
    for one municipality or (None) the whole country."""
    with open(ROOT / "data/raw/public/municipal_panel_2002_2022.csv", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if code is None or row["municip_code"] == code]
    people = {
        year: sum(int(r["pop"]) for r in rows if r["year"] == year) for year in ("2002", "2022")
    }
    return people["2022"] / people["2002"] * 100


def svg_drawings(figure: str) -> list[str]:
    uris = re.findall(r'(?:src|srcset)="data:image/svg\+xml;base64,([^"]+)"', figure)
    return [base64.b64decode(uri).decode() for uri in uris]


def test_the_guides_chart_shows_in_a_chapter_in_the_html_and_the_pdf(
    kind: types.ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    shown: list[object] = []
    monkeypatch.setattr(context, "display", lambda output, raw=False: shown.append(output))
    chapter = {"area": AREA, "year": None}
    exec("from helpers.report.context import open_report\nrpt = open_report(area, year)", chapter)
    exec(compile(guide_block("runs the block below in a report"), str(GUIDE), "exec"), chapter)

    (figure,) = [
        output.data
        for output in shown
        if getattr(output, "data", "").startswith('<figure class="chart"')
    ]
    title = (
        f"För varje 100 invånare 2001 hade {AREA_NAME} "
        f"{text.number(index_2021_from_raw(AREA_CODE), 0)} år 2021, "
        f"riket {text.number(index_2021_from_raw(None), 0)}"
    )
    assert re.search(rf"Figur \d+\.</span> {re.escape(html.escape(title))}</p>", figure)
    alt = html.unescape(re.search(r'<img src="[^"]+" alt="([^"]+)"', figure).group(1))
    assert alt.startswith(f"{title}. {AREA_NAME}: ")
    for comparison in ("Fyrbodal", "Västra Götalands län", "Riket"):
        assert f"{comparison}: " in alt
    assert f"Källa: {SOURCE}." in html.unescape(figure)
    assert "Tabell till figur" in figure and "Index, 2001 = 100" in figure  # its data table

    drawings = svg_drawings(figure)
    assert len(drawings) == 2  # wide, and narrow for a phone
    mark = colours.chart_mark(load_area(AREA).colour)
    for drawing in drawings:
        assert f'fill="{mark}"' in drawing  # the area's dot, in the area's colour
        assert f'font-weight="bold">{AREA_NAME}</text>' in drawing  # and its name bold

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("## Befolkning"),
        nbformat.v4.new_code_cell(
            outputs=[nbformat.v4.new_output("display_data", data={"text/html": figure})]
        ),
    ]
    metadata = render.report_metadata(load_area(AREA))
    page = render.to_html(notebook, metadata)
    assert html.escape(title) in page
    render.to_pdf(page, tmp_path / "report.pdf", metadata)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "report.pdf").pages]
    assert any(title.replace("\u00a0", " ") in words.replace("\u00a0", " ") for words in pages)
