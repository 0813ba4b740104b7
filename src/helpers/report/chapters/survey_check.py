"""The survey's part of the report built without a notebook: what ``lka validate`` runs so
that a file it accepts is a file the report can be built from.

:func:`build` makes every figure, table, sentence and key figure that the chapters make from
the survey (``00_sammanfattning`` ... ``09_metod``), with the same calls, through a
:class:`~helpers.report.context.Report` whose output is kept instead of shown, and checks that
all of it could be handed to Jupyter (JSON without NaN or ``<NA>``). Nothing is rendered and
no kernel starts, so it takes a second, not a report's minute. ``tests/test_survey_check.py``
checks that every call a chapter makes on the survey is made here too::

    >>> from helpers.config.params import load_area
    >>> build(load_area("sotenas")).tables > 10
    True

A problem the report would stop on is a ``ReportError`` (a ``SurveyError`` for the file);
anything else that goes wrong here would go wrong in the chapter too, and is a bug.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from helpers.analysis import area_survey, needs, supply
from helpers.common.errors import ReportError
from helpers.config.params import Area
from helpers.report import availability, context
from helpers.report.chapters import (
    efforts,
    employer_survey,
    method,
    population,
    summary,
    year_on_year,
)
from helpers.survey import disclosure
from helpers.survey.issues import ERROR, Issue

#: The questions the employer-survey chapter shows one chart each for.
QUESTION_CHARTS = (
    "C1", "C4", "C6", "C7", "B5", "D1", "D2", "D3", "D6", "D7", "D8", "D9", "E1", "E3", "E4",
    "E5",
)  # fmt: skip


@dataclass
class Built:
    """What the survey's chapters made: how many sentences, charts, tables and key figures."""

    sentences: int = 0
    charts: int = 0
    tables: int = 0
    key_figures: int = 0


class _Kept:
    """Takes what a chapter shows, checks that Jupyter could send it, and counts it."""

    def __init__(self) -> None:
        self.built = Built()

    def __call__(self, obj: Any, raw: bool = False) -> None:
        if raw:
            json.dumps(obj, allow_nan=False)  # what Jupyter's message packer does
            if context.KEY_FIGURE_MIME in obj:
                self.built.key_figures += 1
            return
        html = getattr(obj, "data", "") or ""
        if 'class="chart"' in html:
            self.built.charts += 1
        elif "<table" in html:
            self.built.tables += 1
        else:
            self.built.sentences += 1


def problems(area: Area) -> list[Issue]:
    """Why the report of ``area`` could not be built from its survey, as errors for
    ``lka validate``: none when :func:`build` runs through. Call it on a file that validated
    without errors (a file that cannot be read is told by the validation itself)."""
    file = area.survey.file.name if area.survey else ""
    try:
        build(area)
    except ReportError as error:
        return [Issue(ERROR, file, None, None, None, str(error), kind="analysis")]
    except Exception as error:  # noqa: BLE001  (the chapter would stop on it too: say so)
        return [
            Issue(
                ERROR,
                file,
                None,
                None,
                None,
                f"rapportens analys av enkäten stannar på ett programfel ({type(error).__name__}:"
                f" {error}); rapporten kan inte göras från filen. Skicka filen och felraden till "
                "den som underhåller verktyget.",
                kind="analysis",
            )
        ]
    return []


def build(area: Area) -> Built:
    """Make the survey's part of ``area``'s report as the chapters do; see the module doc.

    Raises ``SurveyError`` when the export cannot be read (as ``area_survey.load`` does).
    """
    kept = _Kept()
    rpt = context.Report(area, output=kept)
    sv = area_survey.load(area)
    if sv is None:
        return kept.built
    _summary(rpt, sv)
    _population(rpt, sv)
    _employer_survey(rpt, sv)
    _efforts(rpt, sv)
    _comparison(rpt, sv)
    _method(rpt, sv)
    return kept.built


def _summary(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """00_sammanfattning."""
    rpt.say(summary.bullets(summary.summary_sentences(rpt.area, sv)))
    rpt.say(summary.basis(rpt.area, sv))
    rpt.table(summary.top_occupations(sv), caption="Bristyrken", survey=sv)
    rpt.table(summary.top_skills(sv), caption="Bristkompetenser", survey=sv)
    rpt.table(summary.top_efforts(rpt.area, sv), caption="Insatser", survey=sv)


def _population(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """02_befolkning."""
    rpt.say(population.retirements_in_survey(rpt.area, sv))
    table = population.retirements_by_branch(sv)
    rpt.table(table, caption="Pension", survey=sv, note=population.retirements_note(sv, table))


def _employer_survey(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """06_arbetsgivarenkaten."""
    es = employer_survey
    rpt.say(es.method(sv))
    rpt.show(es.respondents(sv))
    rpt.key_figure("respondents", sv.answered, "Svarande", sv.source)
    rpt.key_figure("invited", sv.invited, "Inbjudna", sv.source)
    if len(rpt.area.municipalities) > 1:
        rpt.show(es.respondents(sv, by="A1"))
    rpt.say(es.recruitment(sv))
    rpt.say(es.failure(sv))
    rpt.show(es.failure_by_branch(sv))
    share = es.indicator(sv, "failure")["share"]
    rpt.key_figure("failure_rate", share, "Misslyckade rekryteringar", sv.source)
    rpt.say(es.coding(area_survey.coding(sv), sv.threshold))
    rpt.show(es.hard_to_fill(sv))
    rpt.say(es.planned(sv))
    table = es.planned_hires(sv)
    rpt.table(table, caption="Planerade anställningar", survey=sv, note=es.planned_note(sv, table))
    rpt.say(es.agreement(sv, rpt.area))
    rpt.table(es.occupation_signals(sv, rpt.area), caption="Signaler", source=es.signals_source(sv))
    for question in QUESTION_CHARTS:
        rpt.show(es.question(sv, question))
    rpt.say(es.drivers(sv))
    rpt.say(es.meeting_needs(sv))
    rpt.say(es.contact_wish(sv))
    rpt.say(es.staff(sv))
    rpt.table(es.staff_by_branch(sv), caption="Personal per bransch", survey=sv)
    rpt.say(es.places(sv))
    matrix = es.branch_matrix(sv)
    rpt.table(matrix, caption="Matris", survey=sv, note=es.matrix_note(sv, matrix))


def _efforts(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """07_utbildningsinsatser."""
    source = supply.supply_source(rpt.area)
    offers = supply.offers(rpt.area, area_survey.survey_codes(sv))
    rpt.table(offers, caption="Erbjudanden", source=supply.OFFERS_SOURCE)
    recommendations = area_survey.recommendations(sv, rpt.area)
    rpt.say(efforts.needs_overview(rpt.area, sv))
    for kind in (needs.BRISTYRKE, needs.BRISTKOMPETENS):
        rpt.table(
            efforts.evidence_table(recommendations, kind),
            caption="Underlag",
            survey=sv,
            source=employer_survey.signals_source(sv),
            note=efforts.evidence_note(kind),
        )
        rpt.table(
            efforts.effort_table(recommendations, kind),
            caption="Insatser",
            survey=sv,
            source=source,
        )
    rpt.table(efforts.educations_table(recommendations), caption="Utbildningar", survey=sv)
    rpt.table(efforts.routes_table(recommendations), caption="Vägar", survey=sv)
    for kind in (needs.BRISTYRKE, needs.BRISTKOMPETENS):
        rpt.table(efforts.supply_table(recommendations, kind), caption="Utbud", survey=sv)
    for part in ("what", "how"):
        rpt.table(
            efforts.action_plan(rpt.area, sv, part),
            caption="Handlingsplan",
            survey=sv,
            note=efforts.action_plan_note(),
        )


def _comparison(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """08_jamforelse."""
    if not sv.previous:
        rpt.say(year_on_year.no_comparison(rpt.area, sv))
        return
    rpt.say(year_on_year.change(sv))
    rpt.table(year_on_year.changes_table(sv), caption="Förändring", survey=sv)
    rpt.say(year_on_year.method())
    changes = area_survey.skill_area_changes(sv)
    rpt.table(year_on_year.skills_changes_table(sv, changes), caption="Områden", survey=sv)
    rpt.say(year_on_year.certain_skills(changes))


def _method(rpt: context.Report, sv: area_survey.AreaSurvey) -> None:
    """09_metod."""
    rpt.say(method.survey_source(sv))
    rpt.say(disclosure.note(sv.threshold, secondary=True))
    rpt.say(employer_survey.coding(area_survey.coding(sv), sv.threshold))
    rpt.say(method.lacking(availability.lacking()))
