"""Swedish sentences for the survey chapters, written from the data by rules.

Every sentence carries its figure; a sentence whose figure is missing or hidden by
disclosure control is not written (functions return ``""``)::

    >>> from helpers.config.params import load_area
    >>> from helpers.analysis import area_survey
    >>> response(area_survey.load(load_area("sotenas"))).split(",")[0]
    'Enkäten skickades till 160 arbetsgivare och 60 svarade'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import comparison, indicators, needs, summary
from helpers.analysis.area_survey import (
    INDICATORS,
    AreaSurvey,
    barometer_source,
    changes,
    key_indicators,
    recommendations,
    signals,
)
from helpers.analysis.supply import latest_round, near_codes, yh_supply
from helpers.common import text
from helpers.config.params import Area
from helpers.report.chapters.survey_charts import mid_sentence

# --- an area without a survey -----------------------------------------------------------------


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
