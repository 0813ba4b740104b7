"""Chapter 09, method: which survey files were read, the disclosure rule, what data lacks.

The sentences take their figures from the survey and the area's threshold::

    >>> suppression(5)[:60]
    'En uppgift från enkäten visas bara när den vilar på minst 5 '
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.area_survey import AreaSurvey
from helpers.common import text


def survey_source(sv: AreaSurvey) -> str:
    """Which survey files the report read, and how many answers each gave."""
    sentence = (
        f"Arbetsgivarenkäten {text.year(sv.year)} lästes från en export från "
        f"{sv.layout} med {text.number(sv.answered)} svar."
    )
    if sv.previous is not None:
        sentence += (
            f" Förra årets enkät ({text.year(sv.previous.year)}) lästes på samma sätt "
            f"och gav {text.number(sv.previous.answered)} svar."
        )
    if sv.example:
        sentence += (
            " Enkätsvaren i denna rapport är påhittade exempeldata som visar hur "
            "rapporten ser ut; de beskriver inga verkliga arbetsgivare."
        )
    return sentence


def suppression(threshold: int) -> str:
    """The disclosure rule in words, with the area's threshold."""
    return (
        f"En uppgift från enkäten visas bara när den vilar på minst {threshold} svarande "
        "arbetsgivare. En uppgift som vilar på färre visas som –, och detsamma gäller "
        "summor och andra uppgifter som skulle göra det möjligt att räkna fram den. "
        "Fritextsvar citeras inte."
    )


def lacking(table: pd.DataFrame) -> str:
    """The statistics the snapshot lacks (``availability.lacking``), as a list."""
    if table.empty:
        return "Underlaget innehåller all statistik som rapporten använder."
    items = "\n".join(f"- {what}" for what in table["what"])
    return (
        "Följande uppgifter saknas i det sparade underlaget och kommer med när det "
        f"uppdateras med aktuell statistik:\n\n{items}"
    )
