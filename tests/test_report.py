"""What a chapter talks to (``open_report``): one report per run, nothing kept after it."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from helpers.config.params import load_area
from helpers.report import charts, colours, context
from helpers.report.chapters import population


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list:
    """What the chapters display, in order (HTML, and the raw key-figure/appendix outputs)."""
    shown: list = []
    monkeypatch.setattr(context, "display", lambda item, raw=False: shown.append(item))
    return shown


def figure_numbers(shown: list) -> list[int]:
    html = "".join(getattr(item, "data", "") for item in shown if hasattr(item, "data"))
    return [int(n) for n in re.findall(r'<span class="fig-no">Figur (\d+)\.</span>', html)]


def chapter(rpt: context.Report) -> None:
    """A chapter with two figures and a table, as a notebook would write it."""
    rpt.show(population.trend_chart(rpt.area))
    rpt.show(population.pyramid_chart(rpt.area))
    rpt.table(pd.DataFrame({"Område": ["x"], "Antal": [1]}), caption="En tabell", source="SCB")


def test_the_chapters_of_one_run_share_one_report():
    first = context.open_report("sotenas", 2026, run="build-1")
    assert context.open_report("sotenas", 2026, run="build-1") is first
    assert context.open_report("sotenas", 2026, run="build-2") is not first
    with pytest.raises(ValueError, match="build-2"):
        context.open_report("lysekil", 2026, run="build-2")  # one run is one area


def test_two_runs_in_one_process_both_start_at_figure_1(shown: list):
    for run in ("build-1", "build-2"):
        rpt = context.open_report("sotenas", 2026, run=run)
        chapter(rpt)
        chapter(context.open_report("sotenas", 2026, run=run))  # the next chapter goes on
        rpt.show_appendix()
        appendix = shown[-1][context.APPENDIX_MIME]
        assert figure_numbers(shown) == [1, 2, 3, 4], run
        labels = [entry["label"] for entry in appendix]
        assert labels == ["Figur 1", "Figur 2", "Tabell 1", "Figur 3", "Figur 4", "Tabell 2"], run
        shown.clear()


def test_running_a_chapter_again_without_a_run_numbers_from_1_again(shown: list):
    """JupyterLab: the parameters cell says run = None, and a chapter is run again."""
    for _ in range(2):
        rpt = context.open_report("sotenas", 2026, None)
        chapter(rpt)
        rpt.show_appendix()
        assert figure_numbers(shown) == [1, 2]
        assert len(shown[-1][context.APPENDIX_MIME]) == 3
        shown.clear()


def test_a_run_holds_its_area_year_and_colour():
    rpt = context.open_report("sotenas", run="build-3")
    area = load_area("sotenas")
    assert (rpt.area, rpt.year, rpt.run) == (area, area.year, "build-3")
    assert rpt.colour == colours.chart_mark(area.colour)


def test_a_fix_for_missing_data_goes_to_the_build_not_into_the_report(
    monkeypatch: pytest.MonkeyPatch,
):
    shown = []
    monkeypatch.setattr(context, "display", lambda item, raw=False: shown.append(item))
    rpt = context.Report(load_area("lysekil"))
    rpt.missing("Uppgifter om pendling saknas.", "Mer för läsaren.", fix="Kör make fetch.")
    visible, data = shown
    assert "Uppgifter om pendling saknas." in visible.data and "Mer för läsaren." in visible.data
    assert "make fetch" not in visible.data
    assert data == {
        context.FIX_MIME: {"what": "Uppgifter om pendling saknas.", "fix": "Kör make fetch."}
    }
    rpt.missing("Inga svar.")
    assert len(shown) == 3  # no fix: nothing for the build


def test_a_missing_or_suppressed_key_figure_is_none(monkeypatch):
    import json

    import numpy as np
    import pandas as pd

    shown = []
    report = context.Report(load_area("sotenas"), output=lambda obj, raw=False: shown.append(obj))
    for value in (pd.NA, float("nan"), None, np.int64(7), np.float64(0.25)):
        report.key_figure("x", value, "X", "Källa")
    values = [obj[context.KEY_FIGURE_MIME]["value"] for obj in shown]
    assert values == [None, None, None, 7, 0.25]
    json.dumps(shown, allow_nan=False)  # what Jupyter's messages must be


def _html(shown: list) -> str:
    return "".join(getattr(item, "data", "") for item in shown if hasattr(item, "data"))


@pytest.mark.parametrize(
    ("chart", "why"),
    [
        (  # the area has no ads at all: an empty table
            charts.bars(
                pd.DataFrame({"yrke": [], "annonser": []}),
                label="yrke",
                value="annonser",
                title="Platsannonser per yrke",
                source="Arbetsförmedlingen, platsannonser 2024",
            ),
            "eftersom källan (Arbetsförmedlingen, platsannonser 2024) inte har några uppgifter "
            "om det för Lysekil.",
        ),
        (  # a series with no value in any year (drawing it failed before)
            charts.lines(
                pd.DataFrame({"år": [2020, 2021], "andel": [None, None], "område": ["A", "A"]}),
                x="år",
                y="andel",
                series="område",
                title="Arbetslöshet",
                source="Kolada",
            ),
            "eftersom källan (Kolada) inte har några uppgifter om det för Lysekil.",
        ),
        (  # every survey figure hidden by the disclosure rule
            charts.bars(
                pd.DataFrame({"svar": ["Ja", "Nej"], "andel": [None, None]}),
                label="svar",
                value="andel",
                title="Andel som vill delta",
                source="Arbetsgivarenkäten 2026",
                n=3,
            ),
            "eftersom inga svar kan redovisas: ingen arbetsgivare har svarat på frågan, eller "
            "så vilar varje uppgift på färre än 5 svar.",
        ),
    ],
)
def test_a_chart_without_data_is_one_sentence_saying_what_and_why(
    shown: list, chart: charts.Chart, why: str
):
    rpt = context.open_report("lysekil", 2026)
    rpt.show(population.trend_chart(rpt.area))
    rpt.show(chart)
    rpt.show(population.pyramid_chart(rpt.area))
    page = _html(shown)
    assert figure_numbers(shown) == [1, 2]  # no number spent on it, no empty box
    (said,) = re.findall(r'<p class="missing">(.*?)</p>', page)
    title = html.escape(chart.title)
    assert said == f"<strong>Figuren ”{title}” saknas</strong> {html.escape(why)}"
    assert page.count("<figure") == 2 and chart.title not in page.replace(said, "")
    rpt.show_appendix()
    assert len(shown[-1][context.APPENDIX_MIME]) == 2  # nor an empty appendix table


def test_tables_are_numbered_and_each_figure_and_table_links_to_its_appendix_sheet(shown: list):
    rpt = context.open_report("sotenas", 2026, None)
    chapter(rpt)
    chapter(rpt)
    html = "".join(getattr(item, "data", "") for item in shown if hasattr(item, "data"))
    assert re.findall(r"<caption>(Tabell \d+)\. En tabell</caption>", html) == [
        "Tabell 1",
        "Tabell 2",
    ]
    in_order = re.findall(
        r'<span class="fig-no">(Figur \d+)\.</span>|<caption>(Tabell \d+)\.', html
    )
    labels = [figure or table for figure, table in in_order]
    links = re.findall(r'<p class="data-link" data-sheet="([^"]+)"><a href="([^"]+)"', html)
    assert (
        [sheet for sheet, _ in links]
        == labels
        == ["Figur 1", "Figur 2", "Tabell 1", "Figur 3", "Figur 4", "Tabell 2"]
    )
    assert {href for _, href in links} == {"kompetensanalys-sotenas-2026-bilaga.xlsx"}
