"""Chapter 06, the employer survey: its charts, tables and sentences, written from the data.

Every chart here is a horizontal bar chart of shares (or counts) from a
``indicators`` table: its title states the finding, written from the data; ``n`` under
it is the number of employers the shares are counted among; it is marked as example data
when the survey is; and when any figure is hidden the disclosure note stands under it.
Every sentence carries its figure; a sentence whose figure is missing or hidden by
disclosure control is not written (functions return ``""``)::

    >>> from helpers.config.params import load_area
    >>> from helpers.analysis import area_survey
    >>> sv = area_survey.load(load_area("sotenas"))
    >>> chart = question(sv, "C1")
    >>> chart.title, chart.n
    ('Av arbetsgivarna har 83\\xa0% försökt rekrytera de senaste 12 månaderna', 60)
    >>> response(sv).split(",")[0]
    'Enkäten skickades till 160 arbetsgivare och 60 svarade'

Tables go into the report with ``rpt.table(..., survey=sv)``, which adds the survey's source
line, the disclosure note and the example-data note. The sentences an area without a survey
shows (:func:`no_survey`, :func:`needs_survey`) live here too; the other survey chapters
use them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from helpers.analysis import indicators, needs, summary
from helpers.analysis.area_survey import (
    AreaSurvey,
    barometer_source,
    key_indicators,
    named,
    signals,
)
from helpers.common import text
from helpers.config.params import Area
from helpers.report import charts
from helpers.stats import jobads
from helpers.survey import disclosure
from helpers.survey.questionnaire import load_questionnaire

NONE_OPTIONS = frozenset({"Inga konsekvenser", "Inga hinder", "Ingen", "Nej", "Annat"})
MULTI_NOTE = "Flera svarsalternativ kunde väljas, så andelarna summerar till mer än 100\u00a0%."
SHARE_AXIS = "Andel av de arbetsgivare som svarat på frågan"
NOBODY = "Ingen arbetsgivare har besvarat frågan."


@dataclass(frozen=True)
class Finding:
    """How a question's chart title states its finding.

    ``template`` holds ``{pct}`` and, for "most common" findings, ``{option}``;
    ``indicator`` takes the share from ``area_survey.key_indicators``; ``option`` from
    that option's row; neither: the most chosen option (none-options left out).
    ``fallback`` is the title when the share is hidden.
    """

    template: str
    fallback: str
    indicator: str | None = None
    option: str | None = None


FINDINGS: dict[str, Finding] = {
    "C1": Finding(
        "Av arbetsgivarna har {pct} försökt rekrytera de senaste 12 månaderna",
        "Försök att rekrytera de senaste 12 månaderna",
        indicator="tried",
    ),
    "C4": Finding(
        "Av dem som rekryterat tyckte {pct} att det var svårt att hitta rätt kompetens",
        "Hur svårt det var att hitta rätt kompetens",
        indicator="difficult",
    ),
    "C6": Finding(
        "Vanligaste orsaken till svårigheterna: {option}, {pct}", "Orsaker till svårigheterna"
    ),
    "C7": Finding(
        "Vanligaste följden av kompetensbristen: {option}, {pct}",
        "Följder av kompetensbristen",
    ),
    "C9": Finding("Flest rekryterar via {option}, {pct}", "Kanaler för rekrytering"),
    "D1": Finding(
        "Av arbetsgivarna säger {pct} att personalen saknar kompetens som behövs de kommande åren",
        "I vilken utsträckning personalen saknar kompetens",
        indicator="skills_gap",
    ),
    "D2": Finding(
        "Flest vill möta kompetensbehovet genom att {option}, {pct}",
        "Hur arbetsgivarna vill möta kompetensbehovet",
    ),
    "B5": Finding(
        "Flest säger att kompetensbehovet påverkas mest av {option}, {pct}",
        "Förändringar som påverkar kompetensbehovet mest",
    ),
    "D3": Finding(
        "Personalen behöver främst utvecklas inom {option}, {pct} av arbetsgivarna",
        "Områden där personalen behöver utvecklas",
    ),
    "D6": Finding("Flest föredrar {option}, {pct}", "Utbildningsformer som passar bäst"),
    "D7": Finding(
        "Flest vill ha utbildningen {option}, {pct}", "Var och när utbildning passar bäst"
    ),
    "D8": Finding(
        "Vanligaste hindret för kompetensutveckling: {option}, {pct}",
        "Hinder för kompetensutveckling",
    ),
    "D9": Finding(
        "Av arbetsgivarna kan {pct} tänka sig att delfinansiera en utbildningsinsats",
        "Vilja att delfinansiera utbildning",
        indicator="cofunding",
    ),
    "E1": Finding("Flest kan ta emot {option}, {pct}", "Praktikanter och studerande"),
    "E3": Finding(
        "Av arbetsgivarna kan {pct} tänka sig att anställa en lärling",
        "Vilja att anställa en lärling",
        indicator="apprentice",
    ),
    "E4": Finding(
        "Flest samverkar i dag med {option}, {pct}", "Samverkan med utbildningsanordnare"
    ),
    "E5": Finding(
        "Av arbetsgivarna vill {pct} delta i ett branschråd eller programråd",
        "Intresse för branschråd och programråd",
        option="Ja",
    ),
}
#: The indicator table of each question (so each chart counts among the right employers).
TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "C1": lambda responses, options, threshold: indicators.recruitment_tried(
        responses, threshold=threshold
    ),
    "C4": indicators.difficulty,
    "C6": indicators.reasons,
    "C7": indicators.consequences,
    "C9": indicators.recruitment_channels,
    "D1": indicators.skills_gap_extent,
    "B5": indicators.drivers,
    "D2": indicators.meeting_needs,
    "D3": indicators.skill_areas,
    "D6": indicators.course_formats,
    "D7": indicators.course_places,
    "D8": indicators.obstacles,
    "D9": indicators.cofunding,
    "E1": indicators.internships,
    "E3": indicators.apprentices,
    "E4": indicators.cooperation,
    "E5": indicators.councils,
}
DATA_COLUMNS = {
    "option": "Svarsalternativ",
    "n": "Antal arbetsgivare",
    "share": "Andel",
    "staff": "Antal anställda som berörs",
}


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
            f"Enkäten besvarades av {text.number(row['answered'])} arbetsgivare "
            "(antalet inbjudna är inte angivet, så svarsfrekvensen kan inte räknas)."
        )
    else:
        sentence = (
            f"Enkäten skickades till {text.number(row['invited'])} arbetsgivare och "
            f"{text.number(row['answered'])} svarade, en svarsfrekvens på "
            f"{text.percent(row['rate'])}."
        )
    return sentence


def count_words(n: int, threshold: int) -> str:
    """A count of respondents as a sentence may say it: never below the threshold.

    >>> count_words(12, 5), count_words(3, 5), count_words(0, 5)
    ('12', 'färre än 5', 'inga')
    """
    if n == 0:
        return "inga"
    return text.number(n) if n >= threshold else f"färre än {text.number(threshold)}"


def outside(sv: AreaSurvey) -> str:
    """How many respondents have their workplace outside the area's municipalities (A1 =
    "Annan kommun"), and whether they are counted (params ``survey.exclude_outside_area``).
    A count below the threshold reads "färre än 5"."""
    n = sv.n_outside
    answered_a1 = "A1" in sv.responses and sv.responses["A1"].notna().any()
    if not n:
        if not answered_a1:  # the export has no municipality: nothing is known
            return ""
        return "Alla svarande arbetsgivare har sitt arbetsställe i områdets kommuner."
    count = count_words(n, sv.threshold)
    where = "sitt arbetsställe utanför områdets kommuner (”Annan kommun” på fråga A1)"
    if sv.outside_excluded:
        return (
            f"Dessutom svarade {count} arbetsgivare med {where}. De räknas inte i "
            "rapportens siffror, som bara gäller arbetsställen i området."
        )
    return (
        f"Av de svarande arbetsgivarna har {count} {where}. De räknas med i enkätens "
        "siffror för området."
    )


def method(sv: AreaSurvey) -> str:
    """How the answers were read: tool, duplicates, and what the figures describe."""
    parts = [response(sv), outside(sv), f"Svaren lästes från en export från {sv.layout}."]
    if sv.n_duplicates:
        parts.append(
            "Svar som skickats in två gånger räknades bara en gång "
            f"({text.number(sv.n_duplicates)} st.)."
        )
    if sv.n_incomplete:
        parts.append(f"Ofullständiga svar räknades inte ({text.number(sv.n_incomplete)} st.).")
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
        f"Av {text.number(tried['base'])} arbetsgivare har {text.number(tried['n'])} "
        f"({text.percent(tried['share'])}) försökt rekrytera de senaste 12 månaderna."
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
        f"Av dem kodades {text.percent(summary_['share_automatic'])} automatiskt till SSYK 2012 "
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
        f"Sammanlagt planerar {text.number(total['employers'])} arbetsgivare "
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
            f"Av enkätens yrken får {text.number(len(strong))} signal både från enkäten "
            "och från platsannonserna eller Yrkesbarometern. Starkast är signalen för "
            f"{text.mid_sentence(first['ssyk4_label'])} "
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


def staff_note(sv: AreaSurvey) -> str:
    """How "Anställda som berörs" per skill area is counted (D5 summed per D3 area), and the
    total without double counting: an employer naming three areas is in all three rows, so
    the column does not add up to the staff concerned."""
    row = indicators.staff_to_upskill(sv.responses, threshold=sv.threshold).iloc[-1]
    note = (
        "Anställda som berörs: summan av de anställda som behöver kompetensutveckling (D5) "
        "hos arbetsgivarna som valt området. En arbetsgivare som valt flera områden räknas i "
        "vart och ett, så kolumnen kan inte summeras"
    )
    if text.is_missing(row["total"]):
        return note + "."
    return (
        f"{note}: sammanlagt berörs {text.number(row['total'])} anställda hos "
        f"{text.number(row['employers'])} arbetsgivare, var och en räknad en gång."
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


def _counted(table: pd.DataFrame, option: str, threshold: int) -> str | None:
    """An option's respondent count as a sentence says it: the count, "färre än 5" when
    primary suppression hid it (multi-select options are never hidden for any other
    reason), or None when the option is missing."""
    rows = table[table["option"] == option]
    if rows.empty:
        return None
    n = rows["n"].iloc[0]
    if text.is_missing(n):
        return f"färre än {text.number(threshold)}"
    share = rows["share"].iloc[0]
    return f"{text.number(n)} ({text.percent(share)})" if not text.is_missing(share) else None


def meeting_needs(sv: AreaSurvey) -> str:
    """How many meet their competence need by upskilling current staff and how many by
    recruiting (D2), and how they split: only upskilling, both, only recruiting."""
    table = question_table(sv, "D2")
    base = _base(table)
    if not base:
        return ""
    upskill = _counted(table, indicators.UPSKILL, sv.threshold)
    recruit = _counted(table, indicators.RECRUIT, sv.threshold)
    if upskill is None or recruit is None:
        return ""
    sentence = (
        f"Av de {text.number(base)} arbetsgivare som svarat på hur de främst vill möta "
        f"kompetensbehovet (fråga D2, flera svar möjliga) vill {upskill} utbilda befintlig "
        f"personal och {recruit} rekrytera nya medarbetare."
    )
    split = indicators.upskill_or_recruit(sv.responses, threshold=sv.threshold)
    counts = split.set_index("option")["n"]
    if counts.isna().any():
        return sentence  # a hidden cell of the split: its other cells are not said either
    only_up, both, only_hire, _ = (counts[o] for o in indicators.UPSKILL_OR_RECRUIT)
    return sentence + (
        f" Enbart kompetensutveckling av befintlig personal, utan att rekrytera, väljer "
        f"{text.number(only_up)} arbetsgivare; {text.number(both)} väljer både att utbilda "
        f"och att rekrytera och {text.number(only_hire)} enbart att rekrytera."
    )


def drivers(sv: AreaSurvey, top: int = 3) -> str:
    """The changes most employers say drive their competence need (B5), as counts."""
    table = question_table(sv, "B5")
    shown = table.dropna(subset=["n"])
    shown = shown[(shown["option"] != "Annat") & (shown["n"] > 0)]
    shown = shown.sort_values("n", ascending=False, kind="stable").head(top)
    base = _base(table)
    if shown.empty or not base:
        return ""
    parts = [f"{text.mid_sentence(r.option)} ({text.number(r.n)})" for r in shown.itertuples()]
    return (
        f"Av de {text.number(base)} arbetsgivare som svarat på frågan (B5, flera svar "
        f"möjliga) pekar flest ut {text.join(parts)} som de förändringar som påverkar "
        "kompetensbehovet mest de kommande tre åren. Siffrorna inom parentes är antal "
        "arbetsgivare."
    )


def contact_wish(sv: AreaSurvey) -> str:
    """How many employers want the municipality's broker to contact them (E6)."""
    table = _total(
        indicators.contact_wish(sv.responses, options=["Ja", "Nej"], threshold=sv.threshold)
    )
    base = _base(table)
    if not base:
        return ""
    yes = table[table["option"] == "Ja"].iloc[0]
    if text.is_missing(yes["n"]):
        return (
            "Hur många som vill att kompetensmäklaren kontaktar dem kan inte visas, eftersom "
            f"färre än {text.number(sv.threshold)} arbetsgivare valde något av svaren."
        )
    return (
        f"Av de {text.number(base)} arbetsgivare som svarat vill {text.number(yes['n'])} "
        f"({text.percent(yes['share'])}) att kommunens kompetensmäklare kontaktar dem "
        "(fråga E6). Deras kontaktuppgifter finns hos kompetensmäklaren och visas aldrig i "
        "rapporten."
    )


# --- charts -------------------------------------------------------------------------------------


def _pct(share: object) -> str:
    return text.percent(share, 0)


def _total(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["group"] == indicators.TOTAL] if "group" in table else table


def _multi(sv: AreaSurvey, question: str) -> bool:
    return load_questionnaire()[question].type == "M"


def question_table(sv: AreaSurvey, question: str) -> pd.DataFrame:
    """The question's shares among all employers (Totalt), questionnaire order for single
    choice, most chosen first for multi-select; hidden shares last."""
    options = list(load_questionnaire()[question].options)
    table = _total(TABLES[question](sv.responses, options=options, threshold=sv.threshold))
    if _multi(sv, question):
        order = table["share"].astype("Float64").fillna(-1.0)
        table = table.assign(_order=order.to_numpy()).sort_values("_order", ascending=False)
        table = table.drop(columns="_order")
    return table.reset_index(drop=True)


def title(sv: AreaSurvey, question: str, table: pd.DataFrame | None = None) -> str:
    """The chart title: the question's finding with its figure (:data:`FINDINGS`)."""
    finding = FINDINGS[question]
    table = question_table(sv, question) if table is None else table
    if finding.indicator:
        rows = key_indicators(sv).set_index("question")
        share, option = rows.at[finding.indicator, "share"], None
    else:
        shown = table.dropna(subset=["share"])
        if finding.option:
            shown = shown[shown["option"] == finding.option]
        else:
            shown = shown[~shown["option"].isin(NONE_OPTIONS) & (shown["share"] > 0)]
            shown = shown.sort_values("share", ascending=False, kind="stable")
        if shown.empty:
            return finding.fallback
        share, option = shown["share"].iloc[0], shown["option"].iloc[0]
    if text.is_missing(share):
        return finding.fallback
    found = finding.template.format(pct=_pct(share), option=text.mid_sentence(option or ""))
    return text.capitalize(found)


def _notes(sv: AreaSurvey, table: pd.DataFrame, multi: bool) -> list[str]:
    notes = [MULTI_NOTE] if multi else []
    if _hidden(table):
        notes.append(disclosure.note(sv.threshold, secondary=True))
    return notes


def _hidden(table: pd.DataFrame) -> bool:
    flags = table["suppressed"] if "suppressed" in table else pd.Series(False, index=table.index)
    staff = table["staff"].isna() if "staff" in table else pd.Series(False, index=table.index)
    return bool(flags.astype(bool).any() or staff.any())


def _base(table: pd.DataFrame) -> int | None:
    bases = table["base"].dropna() if "base" in table else pd.Series(dtype="Int64")
    return int(bases.iloc[0]) if len(bases) else None


def question(sv: AreaSurvey, question: str) -> charts.Chart:
    """Bars of the shares choosing each option of one question (``FINDINGS`` keys)."""
    table = question_table(sv, question)
    chart = charts.bars(
        table,
        label="option",
        value="share",
        title=title(sv, question, table),
        source=sv.source,
        value_format=_pct,
        axis_label=SHARE_AXIS,
        n=_base(table),
        example=sv.example,
    )
    columns = ["option", "n", "share"] + (["staff"] if "staff" in table else [])
    notes = _notes(sv, table, _multi(sv, question))
    if "staff" in table:
        notes.append(staff_note(sv))
    if chart.n == 0:
        notes.append(NOBODY)
    return _with_data(chart, table[columns], notes)


def _with_data(chart: charts.Chart, data: pd.DataFrame, notes: list[str]) -> charts.Chart:
    """The chart with its full data table (counts and shares) and notes under it."""
    chart.data = data.rename(columns=DATA_COLUMNS)
    formats = {}
    for column in chart.data.columns[1:]:
        if indicators.column_kind(_original(column)) == "share":
            formats[column] = text.percent
        elif pd.api.types.is_numeric_dtype(chart.data[column]):
            formats[column] = _count
    chart.formats = formats
    chart.notes = [*chart.notes, *notes]
    return chart


def _original(column: str) -> str:
    names = {
        **{v: k for k, v in indicators.DISPLAY_NAMES.items()},
        **{v: k for k, v in DATA_COLUMNS.items()},
    }
    return names.get(column, column)


def _count(value: object) -> str:
    return text.number(value)


def respondents(sv: AreaSurvey, by: str = indicators.BRANCH) -> charts.Chart:
    """Respondents per branch (A2) or municipality (A1); small groups hidden."""
    table = indicators.respondents_by(sv.responses, by, threshold=sv.threshold)
    table = table.sort_values("n", ascending=False, na_position="last", kind="stable")
    word = "bransch" if by == indicators.BRANCH else "kommun"
    shown = table.dropna(subset=["n"])
    top = shown.iloc[0] if len(shown) else None
    if top is not None and by == indicators.BRANCH:
        heading = (
            f"Flest svar kom från {text.mid_sentence(top['option'])}: "
            f"{text.number(top['n'])} av {text.number(sv.answered)} arbetsgivare"
        )
    elif top is not None:
        heading = (
            f"Av {text.number(sv.answered)} svarande har {text.number(top['n'])} sitt "
            f"arbetsställe i {top['option']}"
        )
    else:
        heading = f"Svarande per {word}"
    chart = charts.bars(
        table,
        label="option",
        value="n",
        title=heading,
        source=sv.source,
        value_format=_count,
        axis_label="Antal arbetsgivare",
        n=sv.answered,
        example=sv.example,
    )
    data = table[["option", "n", "share"]].rename(columns={"option": word.capitalize()})
    return _with_data(chart, data, _notes(sv, table, multi=False))


def failure_by_branch(sv: AreaSurvey) -> charts.Chart:
    """Failure rate (1 − hired / sought) per branch and in all, the total highlighted."""
    table = indicators.failure_rate(sv.responses, by=indicators.BRANCH, threshold=sv.threshold)
    order = table.iloc[:-1]["failure_rate"].astype("Float64").fillna(-1.0).to_numpy()
    table = pd.concat([table.iloc[:-1].iloc[(-order).argsort(kind="stable")], table.iloc[-1:]])
    total = table.iloc[-1]
    branches = table.iloc[:-1].dropna(subset=["failure_rate"])
    if text.is_missing(total["failure_rate"]):
        heading = "Andel sökta personer som inte gick att anställa med rätt kompetens"
    else:
        heading = (
            f"Av de sökta personerna gick {_pct(total['failure_rate'])} inte att "
            "anställa med rätt kompetens"
        )
        if len(branches) > 1:
            worst = branches.sort_values("failure_rate", ascending=False).iloc[0]
            where, rate = text.mid_sentence(worst["group"]), _pct(worst["failure_rate"])
            heading += f", högst andel inom {where} ({rate})"
    chart = charts.bars(
        table,
        label="group",
        value="failure_rate",
        title=heading,
        source=sv.source,
        highlight=[indicators.TOTAL],
        value_format=_pct,
        axis_label="Andel sökta personer som inte anställdes med rätt kompetens",
        n=None if text.is_missing(total["employers"]) else int(total["employers"]),
        example=sv.example,
    )
    data = table[["group", "employers", "sought", "hired", "failure_rate"]].rename(
        columns={**indicators.DISPLAY_NAMES, "group": "Bransch"}
    )
    notes = [
        "Andel misslyckade rekryteringar = 1 − anställda med rätt kompetens / sökta personer, "
        "summerat över arbetsgivarna: samma mått som i Svenskt Näringslivs "
        "Rekryteringsenkät. Svar där fler anställts än sökts räknas inte."
    ]
    return _with_data(chart, data, notes + _notes(sv, table, multi=False))


def hard_to_fill_table(sv: AreaSurvey) -> pd.DataFrame:
    """Bristyrken (C5): employers per coded occupation, only those shown (n ≥ threshold)."""
    table = indicators.hard_to_fill(sv.responses, sv.coded, threshold=sv.threshold)
    shown = table.dropna(subset=["ssyk4", "n"]).sort_values("n", ascending=False, kind="stable")
    shown.attrs.update(table.attrs)
    shown.attrs["hidden"] = int(table["ssyk4"].notna().sum() - len(shown))
    uncoded = table[table["ssyk4"].isna()]["n"]
    shown.attrs["uncoded"] = uncoded.iloc[0] if len(uncoded) else 0
    return shown.reset_index(drop=True)


def hard_to_fill(sv: AreaSurvey) -> charts.Chart:
    """The occupations most employers find hardest to recruit, coded to SSYK 2012."""
    table = hard_to_fill_table(sv)
    if len(table):
        top = table.iloc[0]
        heading = (
            f"Svårast att rekrytera: {text.mid_sentence(top['ssyk4_label'])}, som "
            f"{text.number(top['n'])} arbetsgivare nämner"
        )
    else:
        heading = "Inget yrke nämns som svårrekryterat av tillräckligt många arbetsgivare"
    chart = charts.bars(
        table,
        label="ssyk4_label",
        value="n",
        title=heading,
        source=sv.source + "; yrkestitlarna kodade till SSYK 2012",
        value_format=_count,
        axis_label="Antal arbetsgivare som nämner yrket",
        n=_base(table),
        example=sv.example,
    )
    notes = []
    if table.attrs["hidden"]:
        notes.append(
            f"Ytterligare {text.number(table.attrs['hidden'])} yrken nämndes av färre "
            f"än {sv.threshold} arbetsgivare och visas inte."
        )
    if not text.is_missing(table.attrs["uncoded"]) and table.attrs["uncoded"]:
        notes.append(
            "Yrkestitlar som inte gick att koda angavs av "
            f"{text.number(table.attrs['uncoded'])} arbetsgivare."
        )
    data = table[["ssyk4", "ssyk4_label", "n", "share"]].rename(
        columns={"ssyk4": "SSYK 2012", "ssyk4_label": "Yrke"}
    )
    return _with_data(chart, data, notes)


# --- tables ---------------------------------------------------------------------------------


def _display(table: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    shown = indicators.to_display(table, names)
    shown.attrs["suppressed"] = _hidden(table)
    return shown


def planned_hires(sv: AreaSurvey) -> pd.DataFrame:
    """Planned hires (C8) per occupation: rows shown, then the total of all C8 answers."""
    table = indicators.planned_hires(sv.responses, sv.coded, threshold=sv.threshold)
    keep = ~table["suppressed"].astype(bool) | table["ssyk4_label"].eq(indicators.TOTAL)
    shown = table[keep.to_numpy()].copy()
    shown = shown.drop(columns=["ssyk4"]).reset_index(drop=True)
    out = _display(shown)
    out.attrs["suppressed"] = bool(table["suppressed"].any())
    out.attrs["hidden"] = int(table["suppressed"].sum())
    return out


def planned_note(sv: AreaSurvey, table: pd.DataFrame) -> str:
    """What the planned-hires table leaves out, said under it."""
    hidden = table.attrs.get("hidden", 0)
    if not hidden:
        return ""
    return (
        f"Yrken med färre än {sv.threshold} arbetsgivare, där en arbetsgivare står för mer "
        f"än {round(disclosure.DOMINANCE * 100)} % av anställningarna, eller som skulle "
        f"avslöja ett sådant yrke ({text.number(hidden)} st.) visas inte var för sig men "
        "ingår i Totalt."
    )


def occupation_signals(sv: AreaSurvey, area: Area) -> pd.DataFrame:
    """The survey's occupations against job ads and the barometer: those with a survey
    signal or two signals (rules 1–4 of ``needs``)."""
    table = signals(sv, area)
    keep = table["survey_signal"] | (table["signal_strength"] >= 2)
    shown = table[keep.to_numpy()][
        ["ssyk4_label", "employers", "job_ads", "barometer", "signal_strength"]
    ]
    out = _display(
        shown, {**needs.DISPLAY_NAMES, "ssyk4_label": "Yrke", "employers": "Arbetsgivare i enkäten"}
    )
    out.attrs["suppressed"] = bool(shown["employers"].isna().any())
    return out


def branch_matrix(sv: AreaSurvey, top: int = 5) -> pd.DataFrame:
    """Bristyrken and bristkompetenser per branch (``indicators.branch_matrix``), one row
    per branch: the needs its employers name, with how many, largest first.

    Only counts the matrix shows are listed (a need named by fewer than ``threshold``
    employers of a branch is left out); branches too small to show are left out too.
    """
    matrix = indicators.branch_matrix(sv.responses, named(sv), top=top, threshold=sv.threshold)
    rows = []
    for branch, values in matrix.iterrows():
        respondents = values[("Svarande", "Antal")]
        if text.is_missing(respondents):
            continue
        rows.append(
            {
                "Bransch": branch,
                "Svarande": int(respondents),
                "Bristyrken": _named(values, "Bristyrke"),
                "Bristkompetenser": _named(values, "Bristkompetens"),
            }
        )
    table = pd.DataFrame(rows, columns=["Bransch", "Svarande", "Bristyrken", "Bristkompetenser"])
    table.attrs["suppressed"] = bool(matrix.isna().to_numpy().any())
    table.attrs["left_out"] = int(matrix[("Svarande", "Antal")].isna().sum())
    return table


def _named(values: pd.Series, kind: str) -> str:
    """The needs of one kind a branch's employers name, as "need (n)", most named first;
    "0" when none is named and none hidden, the suppression mark when what there is is
    hidden (``disclosure.mark``: a zero never reads as a hidden figure)."""
    if kind not in values.index.get_level_values(0):
        return text.number(0)  # nobody named a need of this kind at all
    every = values[kind]
    part = every.dropna()
    part = part[part > 0].sort_values(ascending=False, kind="stable")
    if part.empty:
        return disclosure.mark(0, bool(every.isna().any()), text.number)
    return "; ".join(f"{text.mid_sentence(label)} ({text.number(n)})" for label, n in part.items())


def staff_by_branch(sv: AreaSurvey) -> pd.DataFrame:
    """Staff who need upskilling in the next 12 months (D5), per branch."""
    table = indicators.staff_to_upskill(sv.responses, by=indicators.BRANCH, threshold=sv.threshold)
    return _display(
        table.drop(columns=["question"]),
        {
            "total": "Anställda som behöver kompetensutveckling",
            "mean": "Medelvärde per arbetsgivare",
        },
    )


def signals_source(sv: AreaSurvey) -> str:
    """The source line of the table that sets the survey against ads and the barometer."""
    return f"{sv.source}; {jobads.SOURCE}; {barometer_source()}"


def matrix_note(sv: AreaSurvey, matrix: pd.DataFrame) -> str:
    """What the branch matrix leaves out, said under it."""
    left_out = matrix.attrs.get("left_out", 0)
    note = (
        f"Inom parentes: antal arbetsgivare. Ett behov visas när minst {sv.threshold} "
        "arbetsgivare i branschen nämner det."
    )
    if left_out:
        note += (
            f" {text.number(left_out)} branscher med färre än {sv.threshold} svarande "
            "visas inte var för sig men ingår i Totalt."
        )
    return note
