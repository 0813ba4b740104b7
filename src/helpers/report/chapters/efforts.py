"""Chapter 07, recommended efforts: education near the area, each need's evidence and effort.

The tables take the recommendations of ``area_survey.recommendations`` (one row per need,
from the rules of ``analysis.needs``); the sentences are written from the data::

    >>> rules(5).splitlines()[0][:40]
    '1. Enkätsignal: minst 5 arbetsgivare ang'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import needs, plan
from helpers.analysis.area_survey import AreaSurvey, recommendations
from helpers.analysis.supply import NOT_COVERED, latest_round, near_codes, yh_supply
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


def definitions() -> str:
    """The two kinds of need, as ``needs.DEFINITIONS`` states them (the one wording)."""
    return "\n".join(
        f"- **{kind}**: {definition}" for kind, definition in needs.DEFINITIONS.items()
    )


def not_covered() -> str:
    """What the education supply does not cover."""
    return NOT_COVERED


def needs_overview(area: Area, sv: AreaSurvey) -> str:
    """How many needs of each kind, and how many have education nearby by what was checked."""
    table = recommendations(sv, area)
    parts = []
    for kind, word in ((needs.BRISTYRKE, "bristyrken"), (needs.BRISTKOMPETENS, "bristkompetenser")):
        rows = table[table["kind"] == kind]
        nearby = int(rows["education_nearby"].fillna(False).astype(bool).sum())
        parts.append(
            f"{text.number(len(rows))} {word}, varav {text.number(nearby)} med "
            "utbildning i eller nära området i underlaget"
        )
    return (
        f"Reglerna ger {text.join(parts)}. Varje behov vilar på minst {sv.threshold} "
        "arbetsgivare; behov som lika många arbetsgivare nämner delar plats."
    )


def _needs(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    return recommendations[recommendations["kind"] == kind].reset_index(drop=True)


def place(rank: object, tie: object) -> str:
    """A need's place, with "delad" when another need has as many employers.

    >>> place(2, True), place(1, False)
    ('2 (delad)', '1')
    """
    if text.is_missing(rank):
        return text.MISSING
    shared = not text.is_missing(tie) and bool(tie)
    return f"{text.number(rank)} (delad)" if shared else text.number(rank)


def _places(rows: pd.DataFrame) -> list[str]:
    return [place(r, t) for r, t in zip(rows["rank"], rows["tie"], strict=True)]


def evidence_table(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The evidence behind each need of one kind (``needs.BRISTYRKE`` or
    ``needs.BRISTKOMPETENS``), in order: place, employers, then what is shown beside it."""
    rows = _needs(recommendations, kind)
    table = pd.DataFrame(
        {
            "Plats": _places(rows),
            "Behov": rows["need"].map(text.without_examples),
            "Arbetsgivare": rows["employers"],
            "Branscher": rows["branches"].fillna(text.MISSING),
        }
    )
    if kind == needs.BRISTYRKE:
        table["Planerade anställningar"] = rows["people"]
        table["Annonser"] = rows["job_ads"]
        table["Yrkesbarometern, länet"] = rows["barometer"].fillna(text.MISSING)
    else:
        table["Anställda"] = rows["people"]
        table["Delfinansierar"] = rows["cofunding"]
    table.attrs["suppressed"] = bool(rows[["employers", "people"]].isna().to_numpy().any())
    return table


def evidence_note(kind: str) -> str:
    """What the short column names of :func:`evidence_table` mean."""
    if kind == needs.BRISTYRKE:
        return (
            "Arbetsgivare = arbetsgivare som har svårt att rekrytera till yrket (C5); "
            "Planerade anställningar = anställningar som arbetsgivarna planerar i yrket (C8), "
            "visas bredvid och räknas inte in; Annonser = platsannonser i området; "
            "Yrkesbarometern = Arbetsförmedlingens bedömning för länet där barometern i "
            "underlaget omfattar yrket. Annonser och barometer påverkar inte ordningen."
        )
    return (
        "Arbetsgivare = arbetsgivare som anger kompetensområdet; Anställda = anställda som "
        "behöver kompetensutveckling hos dessa arbetsgivare (D5 gäller all "
        "kompetensutveckling, inte bara området); Delfinansierar = arbetsgivare som helt "
        "eller delvis kan tänka sig att delfinansiera en utbildningsinsats."
    )


def effort_table(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The suggested effort for each need of one kind, in the same order as its evidence.

    A bristyrke: its route from the route table and why that route (with what the
    occupation requires); a bristkompetens: the employers' preferred format, place and time
    (D6, D7). What the supply check found is :func:`supply_table`.
    """
    rows = _needs(recommendations, kind)
    if kind == needs.BRISTYRKE:
        return pd.DataFrame(
            {
                "Behov": rows["need"].map(text.without_examples),
                "Föreslagen insats": rows["effort"],
                "Utbildning": rows["format"].fillna(text.MISSING),
                "Underlag för valet": rows["basis"].fillna(text.MISSING),
            }
        )
    when = [
        ", ".join(
            p.lower() if i else p
            for i, p in enumerate([p for p in (place, time) if isinstance(p, str)])
        )
        or text.MISSING
        for place, time in zip(rows["place"], rows["time"], strict=True)
    ]
    return pd.DataFrame(
        {
            "Behov": rows["need"].map(text.without_examples),
            "Föreslagen insats": rows["effort"],
            "Önskad utbildningsform": rows["format"].fillna(text.MISSING),
            "Önskad plats och tid": when,
        }
    )


def supply_table(recommendations: pd.DataFrame, kind: str) -> pd.DataFrame:
    """What the supply check found for each need of one kind (rule 12): what was checked,
    in words, and the educations that count for the need."""
    rows = _needs(recommendations, kind)
    return pd.DataFrame(
        {
            "Behov": rows["need"].map(text.without_examples),
            "Vad underlaget visar": rows["supply"].fillna(text.MISSING),
            "Utbildningar": rows["education"].fillna(text.MISSING),
        }
    )


def routes_table(recommendations: pd.DataFrame) -> pd.DataFrame:
    """Every route to each bristyrke in the route table (the legal ones first), and what the
    occupation requires."""
    rows = _needs(recommendations, needs.BRISTYRKE)
    return pd.DataFrame(
        {
            "Bristyrke": rows["need"].map(text.without_examples),
            "Krav för yrket": rows["requirement"].fillna("Inget formellt krav"),
            "Vägar till yrket": rows["routes"].fillna("Saknas i vägtabellen"),
        }
    )


def educations_table(recommendations: pd.DataFrame) -> pd.DataFrame:
    """The educations found for each bristyrke (rule 12), one row per need that has any."""
    rows = recommendations[
        (recommendations["kind"] == needs.BRISTYRKE) & recommendations["education"].notna()
    ]
    return pd.DataFrame(
        {"Bristyrke": rows["need"], "Utbildningar i och nära området": rows["education"]}
    ).reset_index(drop=True)


PLAN_WHAT = ["Behov", "Typ", "Insats", "Utbildning eller form", "Trolig anordnare"]
PLAN_HOW = ["Behov", "Deltagare", "När", "Arbetsgivare som efterfrågar", "Underlag"]


def action_plan(area: Area, sv: AreaSurvey, part: str = "what") -> pd.DataFrame:
    """The action plan for the top needs (``analysis.plan.action_plan``), in two parts that
    fit a page: ``"what"`` (effort, route, provider) and ``"how"`` (participants, when, who
    asked, what it rests on)."""
    table = plan.action_plan(recommendations(sv, area))
    return table[PLAN_WHAT if part == "what" else PLAN_HOW]


def action_plan_note() -> str:
    """How the action plan's columns are read."""
    return (
        "Deltagare: för ett bristyrke planerade anställningar inom 12 månader till alla "
        "planerade anställningar (C8); för en bristkompetens en per arbetsgivare till antalet "
        "arbetsgivare gånger medianen av deras svar om hur många anställda som behöver "
        "kompetensutveckling (D5; medianen gör att en stor arbetsgivare inte avgör). "
        "Arbetsgivare som "
        "efterfrågar anges bara som antal. Behov som delar plats tas med tillsammans."
    )
