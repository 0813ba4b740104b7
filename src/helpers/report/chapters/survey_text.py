"""Swedish sentences for the survey chapters and the summary, written from the data by rules.

Every sentence carries its figure; a sentence whose figure is missing or hidden by
disclosure control is not written (functions return ``""``). The summary is
``summary.write_summary`` over facts from the survey (``summary.*_fact``) and from the
statistics (population, education level, job ads), so nothing in it is typed per area::

    >>> from helpers.config.params import load_area
    >>> from helpers.analysis import area_survey
    >>> area = load_area("sotenas")
    >>> sentences = summary_sentences(area, area_survey.load(area))
    >>> 5 <= len(sentences) <= 7
    True
    >>> response(area_survey.load(area)).split(",")[0]
    'Enkäten skickades till 160 arbetsgivare och 60 svarade'
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from helpers.analysis import comparison, indicators, needs, summary
from helpers.analysis.area_survey import (
    INDICATORS,
    AreaSurvey,
    barometer_source,
    changes,
    key_indicators,
    latest_round,
    near_codes,
    recommendations,
    signals,
    yh_supply,
)
from helpers.analysis.summary import Fact, Gap
from helpers.common import text
from helpers.config.params import Area
from helpers.report.chapters.survey_charts import hard_to_fill_table, mid_sentence
from helpers.stats import aggregate, jobads

#: Priorities of the statistics facts, beside ``summary.PRIORITY`` (higher is chosen first).
PRIORITY = {"ingen enkät": 100, "platsannonser": 40, "befolkning": 35}
POST_SECONDARY = "andelen 25–64-åringar med eftergymnasial utbildning"
DEPENDENCY = "försörjningskvoten (unga och äldre per 100 invånare i arbetsför ålder)"
TOP = 3


# --- the summary ----------------------------------------------------------------------------


def no_survey(area: Area) -> str:
    """The sentence every survey chapter shows when the area has no survey.

    >>> from helpers.config.params import load_area
    >>> no_survey(load_area("lysekil"))[:45]
    'Ingen arbetsgivarenkät har genomförts i Lysek'
    """
    return (
        f"Ingen arbetsgivarenkät har genomförts i {area.name} {text.year(area.year)}. "
        "Rapporten bygger därför enbart på offentlig statistik och redovisar inga "
        "bristyrken eller bristkompetenser från arbetsgivarna."
    )


def needs_survey(area: Area, what: str) -> str:
    """Said where a section rests on the survey and the area has none.

    >>> from helpers.config.params import load_area
    >>> needs_survey(load_area("lysekil"), "Bristkompetenser")[:40]
    'Bristkompetenser redovisas från arbetsgi'
    """
    return (
        f"{what} redovisas från arbetsgivarenkäten, och någon enkät har inte genomförts i "
        f"{area.name} {text.year(area.year)}."
    )


def statistics_facts(area: Area) -> list[Fact]:
    """Facts from the statistics: education level, dependency ratio, population, job ads."""
    facts = []
    names = [c.name for c in area.comparisons]
    region, country = names[1], names[-1]
    education = aggregate.post_secondary_share(area)
    education = education[education["sex"] == "totalt"].set_index("comparison")["share"]
    gaps = [
        Gap(POST_SECONDARY, education[area.name], education[ref], _in(ref))
        for ref in (region, country)
    ]
    facts.append(_retopic(summary.gap_fact(area.name, gaps), "utbildningsnivå"))
    people = aggregate.population_indicators(area)
    ratios = [
        Gap(
            DEPENDENCY,
            people.at[area.name, "dependency_ratio"],
            people.at[ref, "dependency_ratio"],
            _in(ref),
            kind="number",
            decimals=0,
        )
        for ref in (region, country)
    ]
    facts.append(_retopic(summary.gap_fact(area.name, ratios), "försörjningskvot"))
    old, old_country = people.at[area.name, "share_65_plus"], people.at[country, "share_65_plus"]
    facts.append(
        Fact(
            "befolkning",
            int(people.at[area.name, "persons"]),
            f"{area.name} hade {text.number(people.at[area.name, 'persons'])} invånare vid "
            f"slutet av 2019; {text.percent(old)} var 65 år eller äldre, "
            f"{text.comparative(old, old_country, higher='fler', lower='färre', same='lika många')}"
            f" än i riket ({text.percent(old_country)}).",
            PRIORITY["befolkning"],
        )
    )
    facts.append(ads_fact(area))
    return [f for f in facts if f is not None]


def _in(name: str) -> str:
    """A comparison's name after "i": "riket" mid-sentence, other names as they are."""
    return "riket" if name == "Riket" else name


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
    """Facts from the survey: bristyrken, effort, skills, failure rate, change, response."""
    r, t = sv.responses, sv.threshold
    facts = [
        summary.occupations_fact(indicators.hard_to_fill(r, sv.coded, threshold=t)),
        summary.effort_fact(recommendations(sv, area)),
        summary.skills_fact(indicators.skill_areas(r, threshold=t)),
        summary.failure_fact(indicators.failure_rate(r, threshold=t)),
        summary.response_fact(indicators.response_summary(r, sv.invited)),
        summary.change_fact(changes(sv), {k: v[1] for k, v in INDICATORS.items()}),
    ]
    return [f for f in facts if f is not None]


def summary_sentences(area: Area, sv: AreaSurvey | None) -> list[str]:
    """The summary's 5–7 findings, chosen by priority (``summary.write_summary``)."""
    facts = statistics_facts(area)
    if sv is None:
        facts.append(Fact("ingen enkät", None, no_survey(area), PRIORITY["ingen enkät"]))
    else:
        facts += survey_facts(area, sv)
    return summary.write_summary(facts)


def bullets(sentences: list[str]) -> str:
    """Sentences as a Markdown list (the summary chapter styles it as its findings)."""
    return "\n".join(f"- {sentence}" for sentence in sentences)


def basis(area: Area, sv: AreaSurvey | None) -> str:
    """What the summary rests on: the survey's respondents, and the statistics' years."""
    statistics = (
        f"befolknings- och utbildningsstatistik från SCB (2019) och platsannonser "
        f"från Arbetsförmedlingen ({text.year(jobads.YEAR)})"
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
    return f"Underlaget är {answered}, {statistics}."


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
    return pd.DataFrame(
        {
            "Kompetensområde": table["option"],
            "Arbetsgivare": table["n"],
            "Andel": table["share"],
            "Anställda som berörs": table["staff"].astype("Int64"),
        }
    ).reset_index(drop=True)


def top_efforts(area: Area, sv: AreaSurvey, per_kind: int = 2) -> pd.DataFrame:
    """The summary's short table of recommended efforts: the strongest needs of each kind."""
    table = recommendations(sv, area)
    parts = [
        table[table["kind"] == kind].head(per_kind)
        for kind in (needs.BRISTYRKE, needs.BRISTKOMPETENS)
    ]
    chosen = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(
        {
            "Behov": [mid_sentence(n)[:1].upper() + mid_sentence(n)[1:] for n in chosen["need"]],
            "Typ": chosen["kind"],
            "Föreslagen insats": chosen["effort"],
            "Önskad form": chosen["format"].fillna(text.MISSING),
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


# --- the survey chapter ---------------------------------------------------------------------


def response(sv: AreaSurvey) -> str:
    """Invited, answered and response rate, and how duplicates were counted."""
    table = indicators.response_summary(sv.responses, sv.invited)
    row = table.iloc[0]
    if text.is_missing(row["invited"]):
        sentence = (
            f"{text.number(row['answered'])} arbetsgivare svarade på enkäten "
            "(antalet inbjudna är inte angivet, så svarsfrekvensen kan inte räknas)."
        )
    else:
        sentence = (
            f"Enkäten skickades till {text.number(row['invited'])} arbetsgivare och "
            f"{text.number(row['answered'])} svarade, en svarsfrekvens på "
            f"{text.percent(row['rate'])}."
        )
    return sentence


def method(sv: AreaSurvey) -> str:
    """How the answers were read: tool, duplicates, and what the figures describe."""
    parts = [response(sv), f"Svaren lästes från en export från {sv.layout}."]
    if sv.n_duplicates:
        parts.append(
            f"{text.number(sv.n_duplicates)} svar som skickats in två gånger räknades bara en gång."
        )
    if sv.n_incomplete:
        parts.append(f"{text.number(sv.n_incomplete)} ofullständiga svar räknades inte.")
    parts.append(
        "Resultaten beskriver de arbetsgivare som svarat. De är inte viktade och kan "
        "inte räknas upp till alla arbetsgivare i området."
    )
    return " ".join(parts)


def indicator(sv: AreaSurvey, name: str) -> pd.Series:
    """One key indicator's row (``area_survey.INDICATORS``): n, base, share."""
    return key_indicators(sv).set_index("question").loc[name]


def recruitment(sv: AreaSurvey) -> str:
    """Who tried to recruit, and how many found it hard."""
    tried, hard = indicator(sv, "tried"), indicator(sv, "difficult")
    if text.is_missing(tried["share"]):
        return ""
    sentence = (
        f"{text.number(tried['n'])} av {text.number(tried['base'])} arbetsgivare "
        f"({text.percent(tried['share'])}) har försökt rekrytera de senaste 12 "
        "månaderna."
    )
    if not text.is_missing(hard["share"]):
        sentence += (
            f" Av dem som svarat på hur det gick tyckte {text.percent(hard['share'])} "
            "att det var ganska eller mycket svårt att hitta personer med rätt "
            "kompetens."
        )
    return sentence


def failure(sv: AreaSurvey) -> str:
    """The failure rate, said as the Rekryteringsenkät says it."""
    fact = summary.failure_fact(indicators.failure_rate(sv.responses, threshold=sv.threshold))
    if fact is None:
        return ""
    return (
        fact.sentence + " Måttet räknas på samma sätt som i Svenskt Näringslivs "
        "Rekryteringsenkät, så det går att jämföra med deras regionala och nationella "
        "resultat."
    )


def coding(summary_: dict, threshold: int) -> str:
    """How well the job titles were coded to SSYK 2012 (share coded automatically)."""
    if not summary_["mentions"]:
        return "Inga yrkestitlar angavs i enkäten."
    return (
        f"Arbetsgivarna skrev {text.number(summary_['mentions'])} yrkestitlar i fritext. "
        f"{text.percent(summary_['share_automatic'])} kodades automatiskt till SSYK 2012 "
        f"(fyrsiffrig nivå), {text.percent(summary_['overridden'] / summary_['mentions'])} "
        "med analytikerns rättelser och "
        f"{text.percent(summary_['uncoded'] / summary_['mentions'])} gick inte att koda. "
        f"Ett yrke visas när minst {threshold} arbetsgivare nämner det."
    )


def planned(sv: AreaSurvey) -> str:
    """The planned hires in all: how many, and how soon."""
    table = indicators.planned_hires(sv.responses, sv.coded, threshold=sv.threshold)
    total = table.iloc[-1]
    if text.is_missing(total["hires"]) or not total["hires"]:
        return "Inga planerade anställningar kan redovisas."
    return (
        f"{text.number(total['employers'])} arbetsgivare planerar tillsammans "
        f"{text.number(total['hires'])} anställningar, varav "
        f"{text.number(total['hires_0_12'])} inom 12 månader och "
        f"{text.number(total['hires_1_3'])} om 1–3 år."
    )


def agreement(sv: AreaSurvey, area: Area) -> str:
    """Where the survey, the job ads and the barometer agree (two or three signals)."""
    table = signals(sv, area)
    strong = table[(table["signal_strength"] >= 2) & table["survey_signal"]]
    if len(strong):
        first = strong.iloc[0]
        sentence = (
            f"{text.number(len(strong))} av enkätens yrken får signal både från enkäten "
            "och från platsannonserna eller Yrkesbarometern. Starkast är signalen för "
            f"{mid_sentence(first['ssyk4_label'])} "
            f"({text.number(first['signal_strength'])} av 3 källor)."
        )
    else:
        sentence = (
            "Inget av enkätens yrken får signal både från enkäten och från "
            "platsannonserna eller Yrkesbarometern."
        )
    if "ofullständigt" in barometer_source():
        sentence += (
            " Yrkesbarometern finns här bara som ett ofullständigt utdrag; yrken "
            "utan bedömning kan därför ha brist utan att det syns."
        )
    return sentence


def staff(sv: AreaSurvey) -> str:
    """How many staff need upskilling in the next 12 months (D5)."""
    row = indicators.staff_to_upskill(sv.responses, threshold=sv.threshold).iloc[-1]
    if text.is_missing(row["total"]) or not row["employers"]:
        return ""
    return (
        f"De {text.number(row['employers'])} arbetsgivare som svarat på frågan uppger att "
        f"sammanlagt {text.number(row['total'])} anställda behöver kompetensutveckling de "
        "kommande 12 månaderna."
    )


def places(sv: AreaSurvey) -> str:
    """Internship places per year employers can offer (E2)."""
    row = indicators.internship_places(sv.responses, threshold=sv.threshold).iloc[-1]
    if text.is_missing(row["total"]) or not row["total"]:
        return ""
    return (
        f"De {text.number(row['employers'])} arbetsgivare som kan ta emot praktikanter "
        f"och svarat på hur många erbjuder tillsammans omkring "
        f"{text.number(row['total'])} platser per år."
    )


# --- comparison with last year --------------------------------------------------------------


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


# --- recommended efforts --------------------------------------------------------------------


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
        f"{area.region.name}, som här räknas som i närheten."
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


def no_comparison(area: Area, sv: AreaSurvey | None) -> str:
    """What the comparison chapter says when there is no previous year to compare with."""
    if sv is not None:
        return comparison.no_previous_text(sv.year)
    return (
        f"Jämförelsen med förra året börjar året efter att {area.name} har gjort "
        f"arbetsgivarenkäten för första gången. Ingen enkät har genomförts "
        f"{text.year(area.year)}."
    )


# --- method -------------------------------------------------------------------------------------


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
