"""The summary chapter: its findings, what they rest on and its short tables.

The findings are ``analysis.summary.write_summary`` over facts from the survey
(``analysis.summary.*_fact``) and from the statistics (population, education level, job
ads), so nothing in the summary is typed per area::

    >>> from helpers.config.params import load_area
    >>> from helpers.analysis import area_survey
    >>> area = load_area("sotenas")
    >>> sentences = summary_sentences(area, area_survey.load(area))
    >>> 5 <= len(sentences) <= 7
    True
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from helpers.analysis import indicators, needs, plan, summary
from helpers.analysis.area_survey import AreaSurvey, recommendations
from helpers.analysis.summary import Fact, Gap
from helpers.common import text
from helpers.common.text import mid_sentence
from helpers.config.params import Area
from helpers.report.chapters import education_level, industry, population, year_on_year
from helpers.report.chapters.efforts import place
from helpers.report.chapters.employer_survey import hard_to_fill_table, no_survey, staff_note
from helpers.stats import comparisons, jobads

#: Priorities of the statistics facts, beside ``summary.PRIORITY`` (higher is chosen first).
PRIORITY = {"ingen enkät": 100, "platsannonser": 40, "befolkning": 35}
POST_SECONDARY = "andelen 25–64-åringar med eftergymnasial utbildning"
DEPENDENCY = "försörjningskvoten (unga och äldre per 100 invånare i arbetsför ålder)"
TOP = 3


def _references(region: str, country: str) -> tuple[str, ...]:
    """What the summary compares the area with: the country, as the chapters' headlines do
    (a summary comparing with the region would not match the chapter below it)."""
    return (country,)


def statistics_facts(area: Area) -> list[Fact]:
    """Facts from the statistics, latest year of each: the largest branch, unemployment,
    education level, dependency ratio, commuting, population and job ads."""
    names = [c.name for c in area.comparisons]
    region, country = names[1], names[-1]
    facts = [_branch_fact(area), _unemployment_fact(area, region, country)]
    facts.append(_education_fact(area, region, country))
    people = population.figures(area)
    ratios = [
        Gap(
            DEPENDENCY,
            people.at[area.name, "dependency_ratio"],
            people.at[ref, "dependency_ratio"],
            _in(area, ref),
            kind="number",
            decimals=0,
        )
        for ref in _references(region, country)
    ]
    facts.append(_retopic(summary.gap_fact(area.name, ratios), "försörjningskvot"))
    commuting = industry.commuting_table(area).set_index("name").loc[area.name]
    facts.append(
        summary.commuting_fact(
            area.name,
            commuting["dag"],
            commuting["natt"],
            commuting["in"],
            commuting["ut"],
            industry.year(area),
        )
    )
    old, old_country = people.at[area.name, "share_65_plus"], people.at[country, "share_65_plus"]
    word = text.comparative(
        old,
        old_country,
        higher="en större andel än",
        lower="en mindre andel än",
        same="ungefär lika stor andel som",
    )
    facts.append(
        Fact(
            "befolkning",
            int(people.at[area.name, "persons"]),
            f"{area.name} hade {text.number(people.at[area.name, 'persons'])} invånare vid "
            f"slutet av {text.year(population.year(area))}; {text.percent(old)} var 65 år "
            f"eller äldre, {word} i riket ({text.percent(old_country)}).",
            PRIORITY["befolkning"],
        )
    )
    facts.append(ads_fact(area))
    return [f for f in facts if f is not None]


def _branch_fact(area: Area) -> Fact | None:
    top = industry.branch_table(area).iloc[0]
    return summary.branch_fact(
        area.name, top["label"], top["area"], top["Riket"], industry.year(area)
    )


def _unemployment_fact(area: Area, region: str, country: str) -> Fact | None:
    """Unemployment against the region and Sweden; for an area of several municipalities
    (no pooled rate) the municipality that differs most speaks."""
    latest = industry.unemployment_year(area)
    table = comparisons.at(comparisons.for_area(area, industry.UNEMPLOYED), latest) / 100
    subject = f"andelen arbetslösa av invånarna 18–64 år {text.year(latest)}"
    return _largest_gap(area, table, subject, region, country, "arbetslöshet")


def _education_fact(area: Area, region: str, country: str) -> Fact | None:
    table = education_level.shares(area).set_index("name")["totalt"]
    subject = f"{POST_SECONDARY} {text.year(education_level.year(area))}"
    return _largest_gap(area, table, subject, region, country, "utbildningsnivå")


def _largest_gap(
    area: Area, values: pd.Series, subject: str, region: str, country: str, topic: str
) -> Fact | None:
    own = [area.name] if not text.is_missing(values.get(area.name)) else area.municipality_names
    candidates = [
        summary.gap_fact(
            name,
            [
                Gap(subject, values[name], values[ref], _in(area, ref))
                for ref in _references(region, country)
            ],
        )
        for name in own
    ]
    found = [fact for fact in candidates if fact is not None]
    if not found:
        return None
    return _retopic(max(found, key=lambda fact: fact.priority), topic)


def _in(area: Area, name: str) -> str:
    """A comparison's name after "i": "riket" mid-sentence, the region as
    ``Area.region_in_text`` ("delregionen Fyrbodal"), other names as they are."""
    if name == "Riket":
        return "riket"
    return area.region_in_text if name == area.region.name else name


def _retopic(fact: Fact | None, topic: str) -> Fact | None:
    return dataclasses.replace(fact, topic=topic) if fact else None


def ads_fact(area: Area, top: int = TOP) -> Fact | None:
    """The occupations with the most job ads in the area (Platsbanken), the local demand."""
    ads = jobads.top_occupations(area.municipalities, top)
    ads = ads.dropna(subset=["job_ads"])
    if ads.empty:
        return None
    parts = [f"{mid_sentence(r.ssyk4_label)} ({text.number(r.job_ads)})" for r in ads.itertuples()]
    total = jobads.total(area.municipalities)
    sentence = (
        f"Av de {text.number(total)} platsannonserna i {area.name} "
        f"{text.year(jobads.YEAR)} gällde flest {text.join(parts)}."
    )
    return Fact("platsannonser", int(ads["job_ads"].iloc[0]), sentence, PRIORITY["platsannonser"])


def survey_facts(area: Area, sv: AreaSurvey) -> list[Fact]:
    """Facts from the survey: bristyrken, effort, skills, upskilling or hiring (D2), failure
    rate, change, response."""
    r, t = sv.responses, sv.threshold
    facts = [
        summary.occupations_fact(indicators.hard_to_fill(r, sv.coded, threshold=t)),
        summary.effort_fact(recommendations(sv, area)),
        summary.skills_fact(indicators.skill_areas(r, threshold=t)),
        summary.meeting_needs_fact(indicators.meeting_needs(r, threshold=t)),
        summary.failure_fact(indicators.failure_rate(r, threshold=t)),
        summary.response_fact(indicators.response_summary(r, sv.invited)),
        _certain_change(sv),
    ]
    return [f for f in facts if f is not None]


def _certain_change(sv: AreaSurvey) -> Fact | None:
    """The largest change since last year that is larger than its uncertainty, among the
    key indicators and the skill areas (D3), or None (then :func:`basis` says that there is
    no certain change)."""
    if sv.previous is None:
        return None
    fact = summary.change_fact(year_on_year.all_changes(sv))
    return None if fact is None or fact.sentence == summary.NO_CERTAIN_CHANGE else fact


def summary_sentences(area: Area, sv: AreaSurvey | None) -> list[str]:
    """The summary's 5–7 findings, chosen by priority (``summary.write_summary``)."""
    # The survey's facts come first: at equal priority the employers' answers win.
    if sv is None:
        facts = [Fact("ingen enkät", None, no_survey(area), PRIORITY["ingen enkät"])]
    else:
        facts = survey_facts(area, sv)
    return summary.write_summary(facts + statistics_facts(area))


def bullets(sentences: list[str]) -> str:
    """Sentences as a Markdown list (the summary chapter styles it as its findings)."""
    return "\n".join(f"- {sentence}" for sentence in sentences)


def basis(area: Area, sv: AreaSurvey | None) -> str:
    """What the summary rests on: the survey's respondents, and the statistics' years; with
    last year's survey and no change larger than its uncertainty, it says so."""
    statistics = (
        f"offentlig statistik från SCB och Arbetsförmedlingen via Kolada "
        f"({text.year(industry.year(area))}; befolkningen i ettårsklasser och efter "
        f"födelseland 2019) och platsannonser från Arbetsförmedlingen "
        f"({text.year(jobads.YEAR)})"
    )
    if sv is None:
        return f"Underlaget är {statistics}."
    answered = f"svar från {text.number(sv.answered)}"
    if sv.invited:
        rate = text.percent(sv.answered / sv.invited)
        answered += (
            f" av {text.number(sv.invited)} inbjudna arbetsgivare i "
            f"arbetsgivarenkäten {text.year(sv.year)} (svarsfrekvens {rate})"
        )
    else:
        answered += f" arbetsgivare i arbetsgivarenkäten {text.year(sv.year)}"
    said = f"Underlaget är {answered}, {statistics}."
    if sv.previous is not None and _certain_change(sv) is None:
        said += f" {summary.NO_CERTAIN_CHANGE}"
    return said


def top_occupations(sv: AreaSurvey, top: int = 3) -> pd.DataFrame:
    """The summary's table of the hardest-to-fill occupations."""
    table = hard_to_fill_table(sv).head(top)
    return pd.DataFrame(
        {
            "Yrke": table["ssyk4_label"],
            "Arbetsgivare som har svårt att rekrytera": table["n"],
            "Andel": table["share"],
        }
    )


def top_skills(sv: AreaSurvey, top: int = 3) -> pd.DataFrame:
    """The summary's table of the skill areas (D3) most employers name for current staff."""
    table = indicators.skill_areas(sv.responses, threshold=sv.threshold)
    table = table[table["option"] != "Annat"].dropna(subset=["n", "share"])
    table = table[table["n"] > 0].sort_values("n", ascending=False, kind="stable").head(top)
    shown = pd.DataFrame(
        {
            "Kompetensområde": table["option"],
            "Arbetsgivare": table["n"],
            "Andel": table["share"],
            "Anställda som berörs": table["staff"].astype("Int64"),
        }
    ).reset_index(drop=True)
    shown.attrs["suppressed"] = bool(table["staff"].isna().any())
    shown.attrs["note"] = staff_note(sv)
    return shown


def top_efforts(area: Area, sv: AreaSurvey, per_kind: int = 2) -> pd.DataFrame:
    """The summary's short table of recommended efforts: the strongest needs of each kind,
    never splitting needs that share a place (``plan.top_needs``), from the same table as
    the efforts chapter, so the summary names nothing that chapter does not show."""
    table = recommendations(sv, area)
    parts = [
        plan.top_needs(table, kind, per_kind) for kind in (needs.BRISTYRKE, needs.BRISTKOMPETENS)
    ]
    chosen = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(
        {
            "Behov": [mid_sentence(n)[:1].upper() + mid_sentence(n)[1:] for n in chosen["need"]],
            "Typ": chosen["kind"],
            "Plats": [place(r, t) for r, t in zip(chosen["rank"], chosen["tie"], strict=True)],
            "Föreslagen insats": chosen["effort"],
            "Utbildning eller önskad form": chosen["format"].fillna(text.MISSING),
            "Arbetsgivare": chosen["employers"],
        }
    )


def top_ads(area: Area, top: int = 5) -> pd.DataFrame:
    """Occupations with the most job ads in the area (for a summary without a survey)."""
    table = jobads.top_occupations(area.municipalities, top)
    return pd.DataFrame(
        {
            "Yrke": table["ssyk4_label"],
            "Platsannonser": table["job_ads"],
            "Andel av alla annonser": table["share"],
        }
    )
