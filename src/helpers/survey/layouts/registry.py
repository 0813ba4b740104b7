"""The survey tools whose exports are recognised by themselves, and how one is picked.

Each tool is a module in this folder with a ``LAYOUT`` (a ``base.Layout``): its name, how sure
it is that it wrote a file, and its column plan. Adding a tool is a new module and one line
in :data:`REGISTERED` (docs/adding-a-survey-layout.md)::

    >>> [layout.name for layout in REGISTERED]
    ['limesurvey', 'surveymonkey', 'google_forms', 'microsoft_forms']
    >>> LAYOUT_NAMES["surveymonkey"]
    'SurveyMonkey'
    >>> known_tools()
    'LimeSurvey, SurveyMonkey, Google Forms eller Microsoft Forms'

Exports of other tools are read through a mapping file (``helpers.survey.mapping``).
"""

from __future__ import annotations

from helpers.common import text
from helpers.survey.issues import IssueLog
from helpers.survey.layouts import google_forms, limesurvey, microsoft_forms, surveymonkey
from helpers.survey.layouts.base import Layout, Plan, Rows
from helpers.survey.questionnaire import Questionnaire

#: The detected layouts, in the order a tie is decided.
REGISTERED: tuple[Layout, ...] = (
    limesurvey.LAYOUT,
    surveymonkey.LAYOUT,
    google_forms.LAYOUT,
    microsoft_forms.LAYOUT,
)
#: The name of the layout of a file read through a mapping file.
MAPPING = "mapping"
LAYOUTS = (*(layout.name for layout in REGISTERED), MAPPING)
LAYOUT_NAMES = {layout.name: layout.title for layout in REGISTERED} | {MAPPING: "mappningsfil"}


def known_tools() -> str:
    """The tools whose exports are recognised, as the broker reads them in a message."""
    return text.join([layout.title for layout in REGISTERED], "eller")


def detect_layout(rows: Rows, questionnaire: Questionnaire) -> str | None:
    """The tool that wrote ``rows`` (one of ``LAYOUTS``), or None if it cannot be told."""
    if not rows:
        return None
    sureness = [(layout.detect(rows, questionnaire), layout.name) for layout in REGISTERED]
    best = max(score for score, _ in sureness)
    return next(name for score, name in sureness if score == best) if best else None


def plan_layout(rows: Rows, questionnaire: Questionnaire, log: IssueLog, layout: str) -> Plan:
    """The column roles of an export of a detected ``layout`` (not ``mapping``)."""
    by_name = {registered.name: registered for registered in REGISTERED}
    return by_name[layout].plan(rows, questionnaire, log)
