"""Chapter 08, compared with last year: the survey's key indicators both years.

A change is said in procentenheter; a figure hidden either year is not compared::

    >>> from helpers.config.params import load_area
    >>> no_comparison(load_area("lysekil"), None)[:44]
    'Jämförelsen med förra året börjar året efter'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import comparison, summary
from helpers.analysis.area_survey import INDICATORS, AreaSurvey, changes
from helpers.common import text
from helpers.config.params import Area


def change(sv: AreaSurvey) -> str:
    """The biggest change since last year, or that the comparison starts next year."""
    table = changes(sv)
    if table is None:
        return ""
    fact = summary.change_fact(table, {k: v[1] for k, v in INDICATORS.items()})
    respondents = (
        f"{text.year(sv.previous.year)} svarade {text.number(sv.previous.answered)} "
        f"arbetsgivare och {text.year(sv.year)} {text.number(sv.answered)}."
    )
    return respondents + (f" {fact.sentence}" if fact else "")


def changes_table(sv: AreaSurvey) -> pd.DataFrame:
    """Key indicators both years and the change in procentenheter."""
    table = changes(sv)
    order = list(INDICATORS)
    table = table.assign(_order=table["question"].map(order.index)).sort_values("_order")
    return _year_table(table.drop(columns=["_order"]), sv, "Indikator")


def _year_table(table: pd.DataFrame, sv: AreaSurvey, first: str) -> pd.DataFrame:
    shown = table[["option", "share_previous", "share_current", "share_change"]]
    out = pd.DataFrame(
        {
            first: shown["option"],
            text.year(sv.previous.year): shown["share_previous"].map(text.percent),
            text.year(sv.year): shown["share_current"].map(text.percent),
            "Förändring": shown["share_change"].map(text.points),
        }
    ).reset_index(drop=True)
    out.attrs["suppressed"] = bool(table["suppressed"].any())
    return out


def skills_changes_table(sv: AreaSurvey, table: pd.DataFrame) -> pd.DataFrame:
    """The top skill areas both years (``area_survey.skill_area_changes``)."""
    return _year_table(table, sv, "Kompetensområde")


def no_comparison(area: Area, sv: AreaSurvey | None) -> str:
    """What the comparison chapter says when there is no previous year to compare with."""
    if sv is not None:
        return comparison.no_previous_text(sv.year)
    return (
        f"Jämförelsen med förra året börjar året efter att {area.name} har gjort "
        f"arbetsgivarenkäten för första gången. Ingen enkät har genomförts "
        f"{text.year(area.year)}."
    )
