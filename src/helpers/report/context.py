"""What a chapter notebook talks to: the area, and ways to put prose, charts and tables in.

A chapter starts with::

    rpt = open_report(area, year, run)     # all three come from the parameters cell

and then reads like the report: ``rpt.say(...)`` for prose with figures, ``rpt.show(chart)``
for a chart (its data table follows it and goes to the appendix), ``rpt.missing(...)`` where
data is lacking, ``rpt.key_figure(...)`` for the figures that go to ``key_figures.json``.

Key figures and appendix tables leave the kernel as display outputs with the project's own
MIME types; the HTML page leaves them out and ``build.outputs`` collects them.

A :class:`Report` is one run's state: the area, the year, the area's colour, the figure
counter and the appendix. Nothing of it outlives the run. The chapters of one build share
one report through the ``run`` token papermill injects (a new one per build), so figure
numbers and the appendix run through the whole report; without a token (a chapter opened in
JupyterLab or run alone) every ``open_report`` starts a fresh one, numbering from 1::

    >>> first = open_report("sotenas", run="build-1")
    >>> open_report("sotenas", run="build-1") is first       # the next chapter of that build
    True
    >>> open_report("sotenas", run="build-2") is first       # the next build
    False
    >>> open_report("sotenas") is open_report("sotenas")     # JupyterLab: each run anew
    False
"""

from __future__ import annotations

import html as html_lib
import json
import math
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd
from IPython.display import HTML, Markdown, display

from helpers.common import text
from helpers.config import params, paths
from helpers.report import appendix, charts, colours, tables
from helpers.survey import disclosure

if TYPE_CHECKING:
    from helpers.analysis.area_survey import AreaSurvey

KEY_FIGURE_MIME = "application/vnd.lka.keyfigure+json"
APPENDIX_MIME = "application/vnd.lka.appendix+json"
#: What whoever builds the report can do about missing data (not shown in the report).
FIX_MIME = "application/vnd.lka.fix+json"
EXAMPLE_NOTE = "Exempeldata: enkätsvaren är påhittade och visar hur rapporten ser ut."


class Report:
    """One run of an area's report for one year, as the chapter notebooks build it.

    ``run`` is the build's token (None for a chapter run on its own). ``output`` receives
    what the chapter shows (IPython's ``display`` in a notebook; ``survey_check`` passes one
    that keeps it, to build the survey chapters without one).
    """

    def __init__(
        self,
        area: params.Area,
        *,
        run: str | None = None,
        output: Callable[..., None] | None = None,
    ):
        self.area = area
        self.year = area.year
        self.run = run
        #: The area's colour as charts draw it (too light a params colour is darkened).
        self.colour = colours.chart_mark(area.colour)
        self._figure_count = 0
        self._table_count = 0
        self._appendix: list[dict[str, Any]] = []
        self._output = output
        #: How this run's charts are drawn: in the area's colour (``colour`` above).
        self.chart_style = charts.Style(area=self.colour)

    def _display(self, obj: Any, raw: bool = False) -> None:
        (self._output or display)(obj, raw=raw)

    @property
    def example_survey(self) -> bool:
        """True when the survey answers are example data (labelled wherever they show)."""
        return bool(self.area.survey and self.area.survey.example)

    def say(self, markdown: str) -> None:
        """Prose written from data (Markdown), e.g. a sentence that carries a figure."""
        self._display(Markdown(markdown))

    def missing(self, what: str, how: str = "", *, fix: str = "") -> None:
        """Say in words that data is missing, instead of skipping it silently.

        ``how`` is more for the reader; ``fix`` is what whoever builds the report can do
        about it (e.g. run ``make fetch``): a command is no news to a politician, so it goes
        to the build's output, not into the report.
        """
        how_html = f" {html_lib.escape(how)}" if how else ""
        self._display(
            HTML(f'<p class="missing"><strong>{html_lib.escape(what)}</strong>{how_html}</p>')
        )
        if fix:
            self._display({FIX_MIME: {"what": what, "fix": fix}}, raw=True)

    def show(self, chart: charts.Chart, formats: dict[str, tables.Format] | None = None) -> None:
        """A chart with its title, source line, n, example label and data table.

        A chart with nothing to draw (``charts.has_no_data``) is one sentence instead, saying
        what is missing and why (:meth:`no_data`): no figure number, no empty box.
        """
        if charts.has_no_data(chart):
            self.missing(*self.no_data(chart))
            return
        self._figure_count += 1
        number = self._figure_count
        label = f"Figur {number}"
        notes = []
        if chart.n is not None:
            notes.append(f"n = {text.number(chart.n)} svarande.")
        notes.extend(chart.notes)
        printed = [f"Källa: {chart.source}.", *notes, *([EXAMPLE_NOTE] if chart.example else [])]
        caption = " ".join(html_lib.escape(note) for note in printed)
        formats = {**chart.formats, **(formats or {})}
        table_html = tables.html_table(
            chart.data, caption=f"Tabell till figur {number}: {chart.title}", formats=formats
        )
        self._display(
            HTML(
                f'<figure class="chart" id="figur-{number}">'
                f'<p class="chart-title"><span class="fig-no">{label}.</span> '
                f"{html_lib.escape(chart.title)}</p>"
                f"{charts.render(chart, self.chart_style)}"
                f"<figcaption>{caption}</figcaption>{self._data_link(label)}</figure>"
                f'<details class="chart-data"><summary>Visa tabell till figur {number}</summary>'
                f"{table_html}</details>"
            )
        )
        self._to_appendix(
            label,
            chart.title,
            chart.source,
            chart.data,
            formats,
            notes=notes,
            example=chart.example,
            figure=True,
        )

    def no_data(self, chart: charts.Chart) -> tuple[str, str]:
        """What the report says in place of a chart with no data, in one sentence: which
        figure is missing, and why (the survey's answers too few to show, or the source
        without figures for the area).

        >>> rpt = open_report("lysekil")
        >>> empty = charts.Chart("bars", None, "Annonser per yrke", "", "AF", pd.DataFrame())
        >>> what, why = rpt.no_data(empty)   # shown as one sentence, "what" in bold
        >>> what
        'Figuren ”Annonser per yrke” saknas'
        >>> why
        'eftersom källan (AF) inte har några uppgifter om det för Lysekil.'
        """
        what = f"Figuren ”{chart.title}” saknas"
        if chart.n is not None:  # a survey chart
            threshold = self.area.suppression_threshold
            return what, (
                "eftersom inga svar kan redovisas: ingen arbetsgivare har svarat på frågan, "
                f"eller så vilar varje uppgift på färre än {threshold} svar."
            )
        return what, (
            f"eftersom källan ({chart.source}) inte har några uppgifter om det för "
            f"{self.area.name}."
        )

    def table(
        self,
        table: pd.DataFrame,
        *,
        caption: str,
        source: str | None = None,
        survey: AreaSurvey | None = None,
        formats: dict[str, tables.Format] | None = None,
        note: str = "",
    ) -> None:
        """A table in the text, with its source; it goes to the appendix too.

        A survey table names its ``survey``: the source is then the survey's unless given, and
        the notes say when disclosure control hid something and that the answers are example
        data. A note the table carries (``table.attrs["note"]``) stands under it too. Columns
        named "Andel ..." read as percentages unless ``formats`` says otherwise.
        An empty table is said in words instead.
        """
        if table.empty:
            self.missing(
                f"{caption}: inga uppgifter att visa.",
                "Ingen arbetsgivare har svarat så att något kan redovisas här, eller så "
                "vilar uppgifterna på för få svar.",
            )
            return
        notes = [n for n in (note, table.attrs.get("note", "")) if n]
        if table.attrs.get("suppressed", False):
            threshold = survey.threshold if survey else disclosure.THRESHOLD
            notes.append(disclosure.note(threshold, secondary=True))
        example = survey is not None and survey.example
        shares = {c: text.percent for c in table.columns if str(c).startswith("Andel")}
        formats = {**shares, **(formats or {})}
        if source is None:
            if survey is None:
                raise ValueError(f"table {caption!r}: give its source or its survey")
            source = survey.source
        self._table_count += 1
        label = f"Tabell {self._table_count}"
        printed = [*notes, *([EXAMPLE_NOTE] if example else [])]
        self._display(
            HTML(
                tables.html_table(
                    table, caption=f"{label}. {caption}", formats=formats, note=" ".join(printed)
                )
                + f'<p class="source">Källa: {html_lib.escape(source)}.</p>'
                + self._data_link(label)
            )
        )
        self._to_appendix(label, caption, source, table, formats, notes=notes, example=example)

    def key_figure(self, name: str, value: Any, label: str, source: str) -> None:
        """Record a figure for ``key_figures.json`` (it does not show in the report).

        A missing or suppressed figure (None, ``pd.NA``, NaN) is recorded as None; numpy
        scalars as plain numbers (Jupyter's messages are JSON)::

            >>> plain_figure(pd.NA) is None, plain_figure(float("nan")) is None
            (True, True)
        """
        self._display(
            {
                KEY_FIGURE_MIME: {
                    "name": name,
                    "value": plain_figure(value),
                    "label": label,
                    "source": source,
                }
            },
            raw=True,
        )

    def show_appendix(self) -> None:
        """Every chart's data as a table, in order; the Excel appendix gets these and every
        table of the text too (those already stand as tables where they are discussed)."""
        figures = [entry for entry in self._appendix if entry["figure"]]
        for number, entry in enumerate(figures, start=1):
            shown = pd.DataFrame(entry["rows"], columns=entry["columns"])
            self._display(
                HTML(
                    tables.html_table(
                        shown, caption=f"Bilagetabell {number}. {entry['label']}. {entry['title']}"
                    )
                    + f'<p class="source">Källa: {html_lib.escape(entry["source"])}.</p>'
                )
            )
        self._display({APPENDIX_MIME: self._appendix}, raw=True)

    def _data_link(self, label: str) -> str:
        """The line that leads from a figure or table to its sheet in the Excel appendix."""
        return appendix.data_link(label, paths.appendix_name(self.area.slug, self.year))

    def _to_appendix(
        self,
        label: str,
        title: str,
        source: str,
        table: pd.DataFrame,
        formats: dict[str, tables.Format] | None,
        *,
        notes: list[str],
        example: bool,
        figure: bool = False,
    ) -> None:
        """Record a figure's or table's data for the appendix (``report.appendix`` says what
        an entry holds): ``label`` is its number in the report and its sheet's name."""
        shown = tables.formatted(table, formats)
        self._appendix.append(
            {
                "label": label,
                "title": title,
                "figure": figure,
                "source": source,
                "notes": notes,
                "example": bool(example),
                "columns": [str(c) for c in shown.columns],
                "rows": shown.to_numpy().tolist(),
                "values": json.loads(table.to_json(orient="values")),
            }
        )


#: The report being built, by its run token: at most one; a new token lets the last one go.
_building: dict[str, tuple[tuple[str, int | None], Report]] = {}


def open_report(area: str | None = None, year: int | None = None, run: str | None = None) -> Report:
    """This chapter's report: the one of build ``run``, or with no run a fresh one.

    ``area`` is the one papermill injects; in JupyterLab (``area = None``) ``make lab
    MUNI=...`` sets the environment variable LKA_AREA, so the same notebook shows the chosen
    area, else Sotenäs. ``run`` is the token papermill injects for one build
    (``execute.execute``): the first chapter that gives it starts the report, the others
    continue it.
    """
    chosen = area or os.environ.get("LKA_AREA") or "sotenas"
    if run is None:
        return Report(params.load_area(chosen, year=year))
    if run in _building:
        opened_as, report = _building[run]
        if opened_as != (chosen, year):
            raise ValueError(f"run {run!r} builds {opened_as}, not {(chosen, year)}")
        return report
    report = Report(params.load_area(chosen, year=year), run=run)
    _building.clear()
    _building[run] = ((chosen, year), report)
    return report


def plain_figure(value: Any) -> Any:
    """A key figure as JSON can hold it: None when missing or suppressed, plain numbers."""
    if hasattr(value, "item"):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
