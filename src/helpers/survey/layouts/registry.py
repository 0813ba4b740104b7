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
from helpers.survey.layouts.base import Layout, Plan, Rows, has_id, header_text
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
#: The page for brokers that says what to do with a file no tool is recognised in.
UNKNOWN_FORMAT_PAGE = "docs/okant-format.md"


def known_tools() -> str:
    """The tools whose exports are recognised, as the broker reads them in a message."""
    return text.join([layout.title for layout in REGISTERED], "eller")


def detect_layout(rows: Rows, questionnaire: Questionnaire, *, sure: bool = False) -> str | None:
    """The tool that wrote ``rows`` (one of ``LAYOUTS``), or None if it cannot be told.

    ``sure``: only a tool whose own columns are there (not a weak sign such as dates in the
    first column): what a file read through a mapping file is said to come from.
    """
    if not rows:
        return None
    sureness = [(layout.detect(rows, questionnaire), layout.name) for layout in REGISTERED]
    best = max(score for score, _ in sureness)
    if best < (2 if sure else 1):
        return None
    return next(name for score, name in sureness if score == best)


def layout_named(name: str) -> Layout:
    """The registered layout called ``name``."""
    return next(layout for layout in REGISTERED if layout.name == name)


def plan_layout(rows: Rows, questionnaire: Questionnaire, log: IssueLog, layout: str) -> Plan:
    """The column roles of an export of a detected ``layout`` (not ``mapping``)."""
    return layout_named(layout).plan(rows, questionnaire, log)


def unknown_format(rows: Rows, questionnaire: Questionnaire) -> str:
    """The one line that says a file is of no known layout: what was looked for, what was
    found, and where a broker reads what to do.

        >>> from helpers.survey.questionnaire import load_questionnaire
        >>> line = unknown_format([["Kommun", "Bransch"], ["Sotenäs", "Handel"]],
        ...                       load_questionnaire())
        >>> print(line.split(". Hittade: ")[1].split(". Läs")[0])
        2 kolumner, de första 'Kommun', 'Bransch'; ingen rubrik börjar med ett fråge-id
    """
    header = [header_text(h) for h in rows[0]] if rows else []
    shown = ", ".join(f"'{h}'" for h in header[:4]) + (" ..." if len(header) > 4 else "")
    with_id = sum(has_id(h, questionnaire) for h in header)
    ids = (
        f"{with_id} rubriker börjar med ett fråge-id"
        if with_id
        else "ingen rubrik börjar med ett fråge-id"
    )
    looked = "; ".join(layout.looks_for for layout in REGISTERED)
    return (
        f"okänt format: filen ser inte ut som en export från {known_tools()}. "
        f"Letade efter {looked}. "
        f"Hittade: {len(header)} kolumner, de första {shown}; {ids}. "
        f"Läs {UNKNOWN_FORMAT_PAGE} om vad du kan göra."
    )
