"""Chapter 07, recommended efforts: education near the area, each need's evidence and effort.

The tables take the recommendations of ``area_survey.recommendations`` (one row per need,
from the rules of ``analysis.needs``); the sentences are written from the data::

    >>> rules(5).splitlines()[0][:40]
    '1. Enkätsignal: minst 5 arbetsgivare ang'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import needs
from helpers.analysis.area_survey import AreaSurvey, recommendations
from helpers.analysis.supply import latest_round, near_codes, yh_supply
from helpers.common import text
from helpers.config.params import Area


def supply(area: Area) -> str:
    """How many YH programmes and courses were granted in and near the area."""
    table = yh_supply(area)
    counts = table.groupby(["kind", "where"])["name"].nunique()

    def count(kind: str, where: str) -> str:
        found = int(counts.get((kind, where), 0))
        return text.number(found) if found else "inga"

    first, last = table["year"].min(), latest_round(area)
    if last is None:
        return "Det finns inga beviljade YH-utbildningar i eller nära området i underlaget."
    near = text.number(len(near_codes(area)))
    return (
        f"I ansökningsomgångarna {text.year(first)}–{text.year(last)} beviljades "
        f"{count('YH-program', 'i området')} YH-utbildningar och "
        f"{count('YH-kurs', 'i området')} YH-kurser med studieort i {area.name}, och "
        f"{count('YH-program', 'i närheten')} utbildningar och "
        f"{count('YH-kurs', 'i närheten')} kurser i de övriga {near} kommunerna i "
        f"{area.region_in_text}, som här räknas som i närheten."
    )


def rules(threshold: int) -> str:
    """``needs.rules`` as a numbered Markdown list, with the report's threshold."""
    return "\n".join(
        f"{number}. {rule}" for number, rule in enumerate(needs.rules(threshold), start=1)
    )


def needs_overview(area: Area, sv: AreaSurvey) -> str:
    """How many needs of each kind, and how many have education nearby."""
    table = recommendations(sv, area)
    parts = []
    for kind, word in ((needs.BRISTYRKE, "bristyrken"), (needs.BRISTKOMPETENS, "bristkompetenser")):
        rows = table[table["kind"] == kind]
        nearby = int(rows["education_nearby"].fillna(False).astype(bool).sum())
        parts.append(
            f"{text.number(len(rows))} {word}, varav {text.number(nearby)} med "
            "utbildning i eller nära området"
        )
    return (
        f"Reglerna ger {text.join(parts)}. Behov utan utbildning i närheten är där en ny "
        "insats gör störst skillnad."
    )


def _needs(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    return recommendations[recommendations["kind"] == kind].reset_index(drop=True)


def evidence_table(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The evidence behind each need of one kind (``needs.BRISTYRKE`` or
    ``needs.BRISTKOMPETENS``), strongest first: employers, branches, ads, barometer, people."""
    rows = _needs(recommendations, kind)
    table = pd.DataFrame(
        {
            "Behov": rows["need"].map(text.without_examples),
            "Arbetsgivare": rows["employers"],
            "Branscher": rows["branches"].fillna(text.MISSING),
        }
    )
    if kind == needs.BRISTYRKE:
        table["Annonser"] = rows["job_ads"]
        table["Yrkesbarometern, länet"] = rows["barometer"].fillna(text.MISSING)
        table["Signaler"] = rows["signal_strength"]
        table["Anställningar"] = rows["people"]
    else:
        table["Anställda"] = rows["people"]
        table["Delfinansierar"] = rows["cofunding"]
    table.attrs["suppressed"] = bool(rows[["employers", "people"]].isna().to_numpy().any())
    return table


def evidence_note(kind: str) -> str:
    """What the short column names of :func:`evidence_table` mean."""
    if kind == needs.BRISTYRKE:
        return (
            "Arbetsgivare = arbetsgivare som nämner yrket som svårrekryterat eller "
            "planerar att anställa i det; Annonser = platsannonser i området; Signaler = "
            "hur många av de tre källorna (enkäten, annonserna, Yrkesbarometern) som pekar "
            "på brist; Anställningar = planerade anställningar."
        )
    return (
        "Arbetsgivare = arbetsgivare som anger kompetensområdet; Anställda = anställda som "
        "behöver kompetensutveckling hos dessa arbetsgivare; Delfinansierar = arbetsgivare "
        "som helt eller delvis kan tänka sig att delfinansiera en utbildningsinsats."
    )


def effort_table(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The suggested effort for each need of one kind, in the same order as its evidence:
    effort, the employers' preferred format, place and time, and nearby education."""
    rows = _needs(recommendations, kind)
    when = [
        ", ".join(
            p.lower() if i else p
            for i, p in enumerate([p for p in (place, time) if isinstance(p, str)])
        )
        or text.MISSING
        for place, time in zip(rows["place"], rows["time"], strict=True)
    ]
    nearby = rows["education_nearby"].map(
        lambda v: text.MISSING if text.is_missing(v) else ("Ja" if v else "Nej")
    )
    return pd.DataFrame(
        {
            "Behov": rows["need"].map(text.without_examples),
            "Föreslagen insats": rows["effort"],
            "Önskad utbildningsform": rows["format"].fillna(text.MISSING),
            "Önskad plats och tid": when,
            "Utbildning finns i närheten": nearby,
        }
    )


def educations_table(recommendations: pd.DataFrame) -> pd.DataFrame:
    """The educations found near each bristyrke (rule 11), one row per need that has any."""
    rows = recommendations[
        (recommendations["kind"] == needs.BRISTYRKE) & recommendations["education"].notna()
    ]
    return pd.DataFrame(
        {"Bristyrke": rows["need"], "Utbildningar i och nära området": rows["education"]}
    ).reset_index(drop=True)
