"""From the survey's bristyrken and bristkompetenser to recommended education efforts, by rules.

Two kinds of need, defined once here and printed in the method chapter (:data:`DEFINITIONS`):

- a **bristyrke** is an occupation (SSYK 2012, four digits) that employers find hard to
  recruit (question C5). It is met by training new staff, by a route that really leads to
  the occupation (``stats.training_routes``); planned hires (C8) are shown beside it, not
  counted into it;
- a **bristkompetens** is a skill the current staff lack (D3). It is met by upskilling, in
  the forms and at the times the employers prefer (D6, D7), which apply to it only.

The rules, numbered as the report prints them (:func:`rules`, Swedish, from the same
constants the code uses):

1. Survey signal: at least ``threshold`` employers name the occupation as hard to recruit
   (C5); an employer counts once per occupation.
2. Ads annotation: the occupation is among the area's ``ads_top`` occupations by job ads and
   has at least ``ads_min`` ads.
3. Barometer annotation: Yrkesbarometern rates the county ``brist`` for the occupation; an
   occupation the barometer in the snapshot does not cover gets no annotation (not "no").
4. A bristyrke is a need only with a survey signal. Needs are ordered by employers (C5),
   then planned hires (C8), then code; ads and barometer are shown beside them and never
   change the order. Needs with as many employers share a place (no winner among them).
5. Routes: the route table gives the routes to each occupation. For a regulated or
   certified occupation only the routes leading to what is required may be recommended;
   for another, its real routes.
6. The employers' level (C8) chooses among those routes only when at least ``threshold``
   employers gave a level for the occupation (``Vet ej`` left out): the most common level
   picks the first route of the table that it fits; otherwise the table's first route.
7. Apprenticeship instead of yrkesvux or an upper-secondary programme when it is a route to
   the occupation, at least ``threshold`` of the need's employers answered E3 and at least
   half of them would hire an apprentice.
8. An occupation without routes in the table gets no route: it is to be examined.
9. A bristkompetens is a need when at least ``threshold`` employers choose the D3 area
   (``Annat`` left out). Ordered by employers, then staff concerned.
10. Effort for a bristkompetens = :data:`FORMAT_EFFORT` of the D6 format most chosen by the
    need's employers (ties: questionnaire order); no D6 answer → format not given.
11. Place and time (D7) of a bristkompetens: the options most chosen by its employers.
12. Nearby education: YH programmes and courses (MYH) and Arbetsförmedlingen's selection of
    vocational offers in or near the area, matched by SSYK code (a bristyrke) or by YH
    education area (a bristkompetens); what was checked is said, and YH counts for a
    bristyrke only when YH is a route to it.
13. People concerned: planned hires (C8) for a bristyrke, staff needing upskilling (D5) of
    the need's employers for a bristkompetens. A branch is named when at least
    ``threshold`` of the need's employers belong to it.
14. Every count resting on fewer than ``threshold`` employers is hidden (``–``).

Example::

    >>> table = recommend(responses, coded, ads=ads, barometer=barometer)  # doctest: +SKIP
    >>> to_display(table)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from helpers.analysis import indicators
from helpers.common import text
from helpers.stats import training_routes
from helpers.stats.training_routes import Route
from helpers.survey import disclosure
from helpers.survey.disclosure import THRESHOLD
from helpers.survey.questionnaire import load_questionnaire

ADS_TOP = 20
ADS_MIN = 10
SHORTAGE = "brist"
#: Barometer situations from most to least shortage (picks one per SSYK code).
SITUATIONS = ("brist", "balans", "paradox", "överskott")
#: An occupation the barometer in the snapshot does not rate (no signal, not "no shortage").
NO_ASSESSMENT = "ingen bedömning i underlaget"

BRISTYRKE = "Bristyrke"
BRISTKOMPETENS = "Bristkompetens"
#: The definitions, stated once (method chapter, efforts chapter) and used everywhere.
DEFINITIONS = {
    BRISTYRKE: (
        "ett yrke som arbetsgivarna har svårt att rekrytera till (fråga C5). Det möts genom "
        "att utbilda nya, på en väg som leder till yrket; för yrken med legitimation, "
        "skyddad yrkestitel, behörighet eller certifikat bara på de vägar som ger det som "
        "krävs. Planerade anställningar (C8) visas bredvid men räknas inte in."
    ),
    BRISTKOMPETENS: (
        "kompetens som den befintliga personalen saknar (fråga D3). Den möts genom "
        "kompetensutveckling, ofta en kort och riktad utbildning; arbetsgivarnas önskade "
        "utbildningsform, plats och tid (D6, D7) gäller bara bristkompetenser."
    ),
}
#: A route's effort as a recommendation reads (a municipality cooperates with a university).
ROUTE_EFFORT = {
    "certifikat": "Certifikatskurs",
    "larling": "Lärlingsutbildning",
    "yrkesvux": "Yrkesvux (Komvux)",
    "gymnasieprogram": "Gymnasieprogram",
    "yh": "YH-utbildning",
    "hogskola": "Samverkan med lärosäte",
    "validering": "Validering",
}
UNIVERSITY = ROUTE_EFFORT["hogskola"]
YH = ROUTE_EFFORT["yh"]
APPRENTICESHIP = ROUTE_EFFORT["larling"]
YRKESVUX = ROUTE_EFFORT["yrkesvux"]
ROUTE_UNKNOWN = "Utbildningsvägen behöver utredas"
NO_FORMAT = "Utbildningsform ej angiven"
#: The questionnaire's C8 levels → the route keys each fits, in the table's terms.
LEVEL_ROUTES = {
    "Ingen särskild utbildning": ("larling", "certifikat", "yrkesvux"),
    "Gymnasial yrkesutbildning": ("yrkesvux", "larling", "gymnasieprogram", "certifikat"),
    "Yrkeshögskola": ("yh",),
    "Högskola": ("hogskola",),
}
#: Routes an apprenticeship may replace (rule 7).
APPRENTICE_REPLACES = ("yrkesvux", "gymnasieprogram")
COFUNDING = ("Ja helt", "Ja delvis")

#: D6 format → upskilling effort (rule 10), in questionnaire order (which breaks ties).
FORMAT_EFFORT = {
    "Kort kurs (1–5 dagar)": "Kort kurs",
    "Kurs på deltid under några veckor": "Kort kurs på deltid",
    "Kort YH-utbildning eller kurspaket": "Kort YH-utbildning eller kurspaket",
    "Längre YH-utbildning": "YH-utbildning",
    "Yrkeskurser inom Komvux": "Yrkeskurs inom Komvux",
    "Skräddarsydd uppdragsutbildning": "Uppdragsutbildning",
    "Validering av befintlig kompetens": "Validering",
    "Lärlingsupplägg på arbetsplatsen": "Arbetsplatsförlagt lärande",
    "Högskolekurs": "Högskolekurs (samverkan med lärosäte)",
    "Leverantörs- eller branschutbildning": "Bransch- eller leverantörsutbildning",
}
PLACES = ("På arbetsplatsen", "Lokalt i kommunen", "Distans eller online")
TIMES = ("Dagtid", "Kvällstid", "Helg", "Samlat i block")

COLUMNS = [
    "kind",
    "need",
    "ssyk4",
    "employers",
    "rank",
    "tie",
    "people",
    "people_soon",
    "people_typical",
    "planning",
    "branches",
    "job_ads",
    "barometer",
    "signal_strength",
    "level",
    "level_answers",
    "route",
    "effort",
    "format",
    "routes",
    "requirement",
    "basis",
    "place",
    "time",
    "cofunding",
    "education_nearby",
    "education",
    "supply",
    "rules",
]
DISPLAY_NAMES = {
    "kind": "Typ av behov",
    "need": "Behov",
    "ssyk4": "SSYK 2012",
    "employers": "Antal arbetsgivare",
    "rank": "Plats",
    "tie": "Delad plats",
    "people": "Antal berörda",
    "people_soon": "Varav inom 12 månader",
    "people_typical": "Arbetsgivare × medianen av D5",
    "planning": "Arbetsgivare som planerar att anställa",
    "branches": "Branscher",
    "job_ads": "Platsannonser i området",
    "ads_rank": "Plats bland yrkena efter annonser",
    "barometer": "Yrkesbarometern, länet",
    "prognos": "Prognos, fem år",
    "signal_strength": "Källor som pekar på brist (0–3)",
    "survey_signal": "Signal i enkäten",
    "ads_signal": "Signal i annonserna",
    "barometer_signal": "Signal i Yrkesbarometern",
    "level": "Vanligaste utbildningsnivå",
    "level_answers": "Arbetsgivare som angett nivå",
    "route": "Väg",
    "effort": "Föreslagen insats",
    "format": "Utbildningsform",
    "routes": "Vägar till yrket",
    "requirement": "Krav",
    "basis": "Underlag för valet",
    "place": "Önskad plats",
    "time": "Önskad tid",
    "cofunding": "Arbetsgivare som kan delfinansiera",
    "education_nearby": "Utbildning finns i närheten",
    "education": "Utbildningar i närheten",
    "supply": "Utbud i och nära området",
    "rules": "Regler",
}


def rules(threshold: int = THRESHOLD, ads_top: int = ADS_TOP, ads_min: int = ADS_MIN) -> list[str]:
    """The rules in Swedish, numbered as in the module docstring, with the parameters used.

    >>> rules()[1]
    'Annonser: yrket hör till områdets 20 yrken med flest platsannonser under året och har minst 10 annonser. Det visas bredvid behovet men ändrar inte ordningen.'
    """  # noqa: E501
    formats = "; ".join(f"{fmt} → {effort.lower()}" for fmt, effort in FORMAT_EFFORT.items())
    return [
        f"Enkätsignal: minst {threshold} arbetsgivare anger yrket (SSYK 2012, fyrsiffrig nivå) "
        "som svårt att rekrytera (fråga C5). En arbetsgivare räknas en gång per yrke.",
        f"Annonser: yrket hör till områdets {ads_top} yrken med flest platsannonser under "
        f"året och har minst {ads_min} annonser. Det visas bredvid behovet men ändrar inte "
        "ordningen.",
        "Yrkesbarometern: Arbetsförmedlingens bedömning av rekryteringssituationen i länet "
        "visas när barometern i underlaget omfattar yrket; ett yrke den inte omfattar får "
        "ingen bedömning, och bedömningen ändrar inte ordningen.",
        "Ett bristyrke blir ett behov bara med enkätsignal. Behoven ordnas efter antal "
        "arbetsgivare (C5) och därefter planerade anställningar (C8). Behov med lika många "
        "arbetsgivare delar plats.",
        "Vägar till yrket: vägtabellen (källor i metodkapitlet) anger vilka utbildningsvägar "
        "som leder till varje yrke. För yrken med legitimation, skyddad yrkestitel, "
        "behörighet eller certifikat föreslås bara vägar som ger det som krävs.",
        f"Arbetsgivarnas utbildningsnivå (C8) väljer bland yrkets vägar bara när minst "
        f"{threshold} arbetsgivare angett nivå för yrket (”Vet ej” räknas inte): den "
        "vanligaste nivån väljer tabellens första väg som passar nivån. Annars, eller när "
        "nivån inte är en väg till yrket, gäller tabellens första väg.",
        f"{APPRENTICESHIP} i stället för yrkesvux eller gymnasieprogram när det är en väg "
        f"till yrket, minst {threshold} av behovets arbetsgivare besvarat fråga E3 och "
        "minst hälften av dem kan tänka sig att anställa en lärling.",
        f"Ett yrke som saknas i vägtabellen får ingen väg: {ROUTE_UNKNOWN.lower()}.",
        f"En bristkompetens blir ett behov när minst {threshold} arbetsgivare anger "
        "kompetensområdet i D3 (”Annat” tas inte med). Behoven ordnas efter antal arbetsgivare "
        "och antal berörda anställda.",
        "Insats för en bristkompetens bestäms av den utbildningsform i D6 som flest av behovets "
        f"arbetsgivare önskar (vid lika antal gäller enkätens ordning): {formats}. Har ingen "
        "av dem besvarat D6 anges ingen form.",
        "Önskad plats och tid för en bristkompetens är de svarsalternativ i D7 som flest av "
        f"behovets arbetsgivare väljer; plats bland {text.join(list(PLACES), 'och')}, tid bland "
        f"{text.join(list(TIMES), 'och')}.",
        "Utbud i och nära området: Yrkeshögskolans utbildningar och kurser (MYH) och "
        "Arbetsförmedlingens urval av yrkesutbildningar, för ett bristyrke efter yrkets "
        "SSYK-kod, för en bristkompetens efter YH:s utbildningsområde. För ett bristyrke räknas "
        "YH bara när YH är en väg till yrket. Komvux, gymnasieskolans program, folkhögskolor, "
        "universitet och distansutbildningar ingår inte i underlaget.",
        "Antal berörda är för ett bristyrke summan av planerade anställningar (C8) och för en "
        "bristkompetens summan av anställda som behöver kompetensutveckling (D5) hos behovets "
        f"arbetsgivare. En bransch namnges när minst {threshold} av behovets arbetsgivare hör "
        "till den.",
        f"Alla antal som vilar på färre än {threshold} arbetsgivare visas som –.",
    ]


#: The rules with the default parameters; the report prints ``rules(...)`` with its own.
RULES: list[str] = rules()


# --- signals -------------------------------------------------------------------------------


def _codes(values: pd.Series) -> pd.Series:
    """SSYK 4 codes as 4-character strings (``"110"`` and ``110`` become ``"0110"``)."""
    codes = values.astype("string").str.strip()
    return codes.where(~codes.str.fullmatch(r"\d{1,4}").fillna(False), codes.str.zfill(4))


def area_ads(ads: pd.DataFrame, column: str = "job_ads") -> pd.DataFrame:
    """Job ads per SSYK 4 summed over the rows given (the area's municipalities), ranked.

    Rank 1 = most ads; ties share the better rank.

    >>> area_ads(pd.DataFrame({"ssyk4": ["5120", "5120", "9111"], "job_ads": [3, 4, 9]}))
      ssyk4  job_ads  ads_rank
    0  9111        9         1
    1  5120        7         2
    """
    if column not in ads:
        raise KeyError(f"the ads table has no column {column!r}; pass ads_column=...")
    table = ads.assign(ssyk4=_codes(ads["ssyk4"])).groupby("ssyk4", as_index=False)[column]
    table = table.sum().rename(columns={column: "job_ads"})
    table["job_ads"] = table["job_ads"].astype("Int64")
    table["ads_rank"] = table["job_ads"].rank(method="min", ascending=False).astype("Int64")
    return table.sort_values(["ads_rank", "ssyk4"], ignore_index=True)


def barometer_by_code(barometer: pd.DataFrame) -> pd.DataFrame:
    """One barometer row per SSYK 4: the situation nearest shortage among its occupations.

    >>> barometer_by_code(pd.DataFrame({"ssyk4": ["2512", "2512"],
    ...     "rekryteringssituation": ["balans", "brist"], "prognos": ["öka", "öka"]}))
      ssyk4 barometer prognos
    0  2512     brist     öka
    """
    table = barometer.assign(ssyk4=_codes(barometer["ssyk4"]))
    situation = table["rekryteringssituation"].astype("string").str.strip().str.lower()
    order = {s: i for i, s in enumerate(SITUATIONS)}
    table = table.assign(barometer=situation, _order=situation.map(order).fillna(len(order)))
    if "prognos" not in table:
        table["prognos"] = pd.NA
    table = table.dropna(subset=["barometer"]).sort_values(["ssyk4", "_order"])
    table = table.drop_duplicates("ssyk4")[["ssyk4", "barometer", "prognos"]]
    return table.astype("string").reset_index(drop=True)


def occupation_signals(
    named: pd.DataFrame,
    *,
    ads: pd.DataFrame | None = None,
    barometer: pd.DataFrame | None = None,
    ads_column: str = "job_ads",
    threshold: int = THRESHOLD,
    ads_top: int = ADS_TOP,
    ads_min: int = ADS_MIN,
) -> pd.DataFrame:
    """The survey's occupations set against job ads and Yrkesbarometern (rules 1–4).

    ``named``: :func:`indicators.mentions` of C5 and C8 concatenated. ``employers`` counts
    the employers who find the occupation hard to recruit (C5), ``planning`` those who plan
    to hire in it (C8); only C5 gives the survey signal. ``ads``: the area's job ads
    (``ssyk4`` and ``ads_column``); ``barometer``: the county's rows (``ssyk4``,
    ``rekryteringssituation``, optional ``prognos``): an occupation it does not rate gets
    :data:`NO_ASSESSMENT` and no signal. A source passed as None signals nothing and its
    columns are ``<NA>``. Ordered by employers, then planning employers, then code: the
    ads and the barometer never change the order. Counts below ``threshold`` are hidden.

    >>> occupation_signals(named, ads=ads, barometer=barometer)  # doctest: +SKIP
      ssyk4  ssyk4_label  employers  planning  job_ads  ads_rank  barometer  ...
    """
    coded = named.dropna(subset=["ssyk4"]).assign(ssyk4=lambda t: _codes(t["ssyk4"]))
    everyone = coded.groupby("ssyk4")["respondent"].nunique()
    hard = coded[coded["question"] == "C5"].groupby("ssyk4")["respondent"].nunique()
    planning = coded[coded["question"] == "C8"].groupby("ssyk4")["respondent"].nunique()
    labels = coded.drop_duplicates("ssyk4").set_index("ssyk4")["ssyk4_label"]
    table = pd.DataFrame(
        {
            "ssyk4": everyone.index.astype("string"),
            "ssyk4_label": labels.reindex(everyone.index).to_numpy(),
            "employers": hard.reindex(everyone.index).fillna(0).astype(int).to_numpy(),
            "planning": planning.reindex(everyone.index).fillna(0).astype(int).to_numpy(),
        }
    )
    table["survey_signal"] = table["employers"] >= threshold
    if ads is not None:
        table = table.merge(area_ads(ads, ads_column), on="ssyk4", how="left")
        rank_ok = (table["ads_rank"] <= ads_top).fillna(False)
        table["ads_signal"] = rank_ok & (table["job_ads"] >= ads_min).fillna(False)
    else:
        table[["job_ads", "ads_rank"]] = pd.NA
        table["ads_signal"] = False
    if barometer is not None:
        table = table.merge(barometer_by_code(barometer), on="ssyk4", how="left")
        table["barometer"] = table["barometer"].fillna(NO_ASSESSMENT)
        table["barometer_signal"] = table["barometer"].eq(SHORTAGE)
    else:
        table[["barometer", "prognos"]] = pd.NA
        table["barometer_signal"] = False
    flags = ["survey_signal", "ads_signal", "barometer_signal"]
    table[flags] = table[flags].astype(bool)
    table["signal_strength"] = table[flags].sum(axis=1).astype("Int64")
    table = table.astype(
        {
            "job_ads": "Int64",
            "ads_rank": "Int64",
            "barometer": "string",
            "prognos": "string",
            "employers": "Int64",
            "planning": "Int64",
        }
    )
    table = table.sort_values(
        ["employers", "planning", "ssyk4"], ascending=[False, False, True], ignore_index=True
    )
    for column in ("employers", "planning"):
        table[column] = table[column].mask(table[column] < threshold)
    return table[
        [
            "ssyk4",
            "ssyk4_label",
            "employers",
            "planning",
            "job_ads",
            "ads_rank",
            "barometer",
            "prognos",
            *flags,
            "signal_strength",
        ]
    ]


# --- preferences of the employers behind a need --------------------------------------------


def _top_option(answers: pd.Series, among: Sequence[str]) -> str | None:
    """The option of ``among`` chosen by most respondents (ties: order of ``among``)."""
    chosen = indicators.chosen_options(answers, True)
    counts = chosen[chosen.isin(among)].value_counts()
    if counts.empty:
        return None
    return min(counts.index, key=lambda o: (-counts[o], list(among).index(o)))


def _preferences(responses: pd.DataFrame, who: pd.Index) -> dict:
    """D6, D7 and D9 of a bristkompetens' employers (rules 10–11)."""
    group = responses.loc[responses.index.intersection(who)]
    formats = _top_option(group["D6"], list(FORMAT_EFFORT)) if "D6" in group else None
    places = group["D7"] if "D7" in group else pd.Series(dtype=object)
    return {
        "format": formats,
        "place": _top_option(places, PLACES),
        "time": _top_option(places, TIMES),
        "cofunding": _cofunding(responses, who),
    }


def _cofunding(responses: pd.DataFrame, who: pd.Index) -> int:
    if "D9" not in responses:
        return 0
    return int(responses.loc[responses.index.intersection(who), "D9"].isin(COFUNDING).sum())


def _wants_apprentices(responses: pd.DataFrame, who: pd.Index, threshold: int) -> bool:
    """Rule 7: at least ``threshold`` answered E3, and at least half of them say Ja."""
    if "E3" not in responses:
        return False
    answers = responses.loc[responses.index.intersection(who), "E3"].dropna()
    return len(answers) >= threshold and (answers == "Ja").sum() * 2 >= len(answers)


def choose_route(
    ssyk4: str,
    level: str | None,
    level_answers: int,
    *,
    apprentices: bool = False,
    threshold: int = THRESHOLD,
) -> tuple[Route | None, str, str]:
    """Rules 5–8: the route for a bristyrke, why (Swedish) and the rule that chose it.

    The survey's level decides only among the occupation's legal routes, and only when at
    least ``threshold`` employers gave one:

    >>> route, why, rule = choose_route("5321", "Yrkeshögskola", 9)  # a protected title
    >>> route.route, why.endswith("(Yrkeshögskola) leder inte till yrket: vägtabellens första väg")
    ('yrkesvux', True)
    >>> choose_route("7412", "Yrkeshögskola", 2)[0].route  # too few answers: the table's first
    'yrkesvux'
    >>> choose_route("7412", "Yrkeshögskola", 5)[0].route
    'yh'
    >>> choose_route("9999", "Högskola", 9)[:1]
    (None,)
    """
    legal = training_routes.legal_routes(ssyk4)
    if not legal:
        return None, "Yrket finns inte i vägtabellen", "8"
    chosen, rule = legal[0], "5"
    regulated = training_routes.regulated(ssyk4)
    if len(legal) == 1:
        why = "Enda vägen som ger det som krävs" if regulated else "Enda vägen i vägtabellen"
    elif level is None or level_answers < threshold:
        why = (
            f"För få svar om utbildningsnivå ({level_answers} av minst {threshold}): "
            "vägtabellens första väg"
        )
    else:
        fits = [r for r in legal if r.route in LEVEL_ROUTES.get(level, ())]
        if fits:
            chosen, rule = fits[0], "6"
            why = f"Vanligaste nivån i enkäten: {level} ({level_answers} arbetsgivare svarade)"
        else:
            why = (
                f"Enkätens vanligaste nivå ({level}) leder inte till yrket: vägtabellens första väg"
            )
    if chosen.route in APPRENTICE_REPLACES and apprentices:
        apprenticeship = [r for r in legal if r.route == "larling"]
        if apprenticeship:
            chosen, rule = apprenticeship[0], "7"
            why += "; minst hälften av arbetsgivarna kan tänka sig att anställa en lärling"
    return chosen, why, rule


def skill_effort(top_format: str | None) -> str:
    """Rule 10: the upskilling effort for the D6 format most chosen.

    >>> skill_effort("Skräddarsydd uppdragsutbildning")
    'Uppdragsutbildning'
    """
    return FORMAT_EFFORT.get(top_format, NO_FORMAT) if top_format else NO_FORMAT


def _branches(responses: pd.DataFrame, who: pd.Index, threshold: int) -> str:
    """Rule 13: branches with at least ``threshold`` of the need's employers."""
    branch = responses.loc[responses.index.intersection(who), indicators.BRANCH].dropna()
    counts = branch.value_counts()
    shown = sorted((b for b in counts.index if counts[b] >= threshold), key=lambda b: -counts[b])
    if shown:
        # "; " because branch names contain "och" themselves ("Vård och omsorg").
        return "; ".join(shown) + (" m.fl." if len(counts) > len(shown) else "")
    return "Flera branscher" if len(counts) > 1 else text.MISSING


#: Finds nearby education: a needs table with ``ssyk4`` in, the same with
#: ``education_nearby`` (bool), ``educations`` (text) and optionally ``yh_educations`` and
#: ``other_educations`` (lists) out (``education_supply.match_needs``).
Matcher = Callable[[pd.DataFrame], pd.DataFrame]
#: Finds YH education for skill areas: D3 areas in, area → (education areas, educations) out
#: (``education_supply.match_skills``).
SkillMatcher = Callable[[Sequence[str]], dict]


def _education_lookup(match: Matcher | None, codes: Sequence[str]) -> dict[str, dict]:
    """Rule 12, once for all codes: code → what the matcher found."""
    codes = sorted({c for c in codes if isinstance(c, str)})
    if match is None or not codes:
        return {}
    found = match(pd.DataFrame({"ssyk4": codes}))
    lookup = {}
    for row in found.to_dict("records"):
        names = row.get("educations")
        lookup[row["ssyk4"]] = {
            "nearby": bool(row.get("education_nearby")),
            "names": names if isinstance(names, str) and names else None,
            "yh": list(row.get("yh_educations") or []),
            "other": list(row.get("other_educations") or []),
        }
    return lookup


def _count(n: int, one: str, many: str) -> str:
    return f"{text.number(n)} {one if n == 1 else many}"


def occupation_supply(
    found: dict | None, yh_route: bool, scope: str, yh_source: str
) -> tuple[object, object, object]:
    """Rule 12 for a bristyrke: (education nearby, the educations, what was checked).

    >>> occupation_supply({"yh": [], "other": []}, True, "i Fyrbodal", "MYH 2020–2024")[2]
    'Ingen YH-utbildning för yrket i Fyrbodal enligt MYH 2020–2024; inget i Arbetsförmedlingens urval.'
    >>> occupation_supply({"yh": ["Svets (YH-program)"], "other": []}, False, "i Fyrbodal",
    ...     "MYH")[2]
    'YH leder inte till yrket (vägtabellen); YH för redan yrkesverksamma i Fyrbodal: 1 utbildning; inget i Arbetsförmedlingens urval.'
    """  # noqa: E501
    if found is None:
        return pd.NA, pd.NA, pd.NA
    yh, other = found["yh"], found["other"]
    if yh_route:
        checked = (
            f"YH {scope}: {_count(len(yh), 'utbildning', 'utbildningar')} för yrket ({yh_source})"
            if yh
            else f"Ingen YH-utbildning för yrket {scope} enligt {yh_source}"
        )
    else:
        checked = "YH leder inte till yrket (vägtabellen)"
        if yh:
            checked += (
                f"; YH för redan yrkesverksamma {scope}: "
                f"{_count(len(yh), 'utbildning', 'utbildningar')}"
            )
    checked += (
        f"; Arbetsförmedlingens urval: {_count(len(other), 'utbildning', 'utbildningar')}."
        if other
        else "; inget i Arbetsförmedlingens urval."
    )
    relevant = (yh if yh_route else []) + other
    names = "; ".join(relevant) if relevant else pd.NA
    return bool(relevant), names, checked


def _shown(count: int, threshold: int):
    """A count of employers, or <NA> below the threshold (rule 14)."""
    return count if count >= threshold else pd.NA


def _cofunding_shown(responses: pd.DataFrame, threshold: int) -> bool:
    """Whether co-funders may be counted per need: only where the D9 table shows "Ja helt"
    and "Ja delvis" together (``disclosure.combined``). Otherwise a need's count of
    co-funders would tell how the hidden D9 cells split between yes and no."""
    if "D9" not in responses:
        return False
    options = list(load_questionnaire()["D9"].options)
    table = indicators.cofunding(responses, options=options, threshold=threshold)
    raw = indicators.cofunding(responses, options=options, threshold=0)["n"]
    return not disclosure.combined(table, COFUNDING, raw=raw, threshold=threshold)["suppressed"]


def _route_list(ssyk4: str) -> object:
    """All routes of the table for the occupation, the legal ones first, in words."""
    legal = training_routes.legal_routes(ssyk4)
    others = [
        r for r in training_routes.routes(ssyk4) if r not in legal and r.status == "komplement"
    ]
    names = [r.name for r in legal] + [f"{r.name} (komplement)" for r in others]
    return ", ".join(dict.fromkeys(names)) if names else pd.NA


# --- needs ---------------------------------------------------------------------------------


def occupation_needs(
    responses: pd.DataFrame,
    named: pd.DataFrame,
    signals: pd.DataFrame,
    planned: pd.DataFrame,
    *,
    match: Matcher | None = None,
    universities: Callable[[str], list[str]] | None = None,
    supply_scope: str = "i eller nära området",
    yh_source: str = "MYH",
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Bristyrke needs with evidence and route (rules 1–8, 12–14).

    ``planned`` is :func:`indicators.planned_hires` output, so the hires shown here are
    hidden exactly where that table hides them. ``universities`` names the universities in
    or near the area that train for an occupation (``training_routes.universities``).
    """
    coded = named.dropna(subset=["ssyk4"]).assign(ssyk4=lambda t: _codes(t["ssyk4"]))
    hires = planned.dropna(subset=["ssyk4"]).set_index("ssyk4")
    cofunds = _cofunding_shown(responses, threshold)
    needed = signals[signals["survey_signal"].astype(bool)]
    lookup = _education_lookup(match, list(needed["ssyk4"]))
    rows = []
    for signal in needed.itertuples(index=False):
        mine = coded[coded["ssyk4"] == signal.ssyk4]
        who = pd.Index(mine.loc[mine["question"] == "C5", "respondent"].unique())
        c8 = mine[mine["question"] == "C8"]
        answered = c8[c8["niva"].isin(indicators.LEVELS).fillna(False).astype(bool)]
        level_answers = int(answered["respondent"].nunique())
        level = indicators.typical_level(c8) if len(c8) else None
        route, basis, rule = choose_route(
            signal.ssyk4,
            level,
            level_answers,
            apprentices=_wants_apprentices(responses, who, threshold),
            threshold=threshold,
        )
        form = route.detail if route is not None else pd.NA
        if route is not None and route.route == "hogskola" and universities is not None:
            places = universities(signal.ssyk4)
            if places:
                form += f", t.ex. {text.join(places)}"
        legal = training_routes.legal_routes(signal.ssyk4)
        exists, names, supply = occupation_supply(
            lookup.get(signal.ssyk4) if match is not None else None,
            any(r.route == "yh" for r in legal),
            supply_scope,
            yh_source,
        )
        requirement = legal[0].requirement if legal and legal[0].requirement else pd.NA
        rows.append(
            {
                "kind": BRISTYRKE,
                "need": signal.ssyk4_label,
                "ssyk4": signal.ssyk4,
                "employers": _shown(len(who), threshold),
                "people": hires["hires"].get(signal.ssyk4, 0),  # absent: no C8 mention, 0 hires
                "people_soon": hires["hires_0_12"].get(signal.ssyk4, 0),
                "planning": signal.planning,
                "branches": _branches(responses, who, threshold),
                "job_ads": signal.job_ads,
                "barometer": signal.barometer,
                "signal_strength": signal.signal_strength,
                "level": level if level_answers >= threshold else pd.NA,
                "level_answers": level_answers,
                "route": route.route if route is not None else pd.NA,
                "effort": ROUTE_EFFORT[route.route] if route is not None else ROUTE_UNKNOWN,
                "format": form,
                "routes": _route_list(signal.ssyk4),
                "requirement": requirement,
                "basis": basis,
                "cofunding": _shown(_cofunding(responses, who), threshold) if cofunds else pd.NA,
                "education_nearby": exists,
                "education": names,
                "supply": supply,
                "rules": f"1, 4, {rule}, 12–14",
            }
        )
    return _ranked(_table(rows))


def _ranked(table: pd.DataFrame) -> pd.DataFrame:
    """Rule 4: place by employers (ties share it); ``tie`` marks a shared place."""
    if table.empty:
        return table
    employers = table["employers"].astype("Float64")
    rank = employers.rank(method="min", ascending=False).astype("Int64")
    table["rank"] = rank
    table["tie"] = rank.duplicated(keep=False).astype("boolean")
    return table


def skill_needs(
    responses: pd.DataFrame,
    roles: pd.DataFrame | None = None,
    *,
    match: SkillMatcher | None = None,
    supply_scope: str = "i eller nära området",
    yh_source: str = "MYH",
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Bristkompetens needs (D3 areas) with evidence and effort (rules 9–14).

    ``match`` finds YH programmes and courses in the education areas that train for each
    skill area (``education_supply.match_skills`` with the area's supply); ``roles`` is kept
    for callers that pass D4 mentions and is not used for matching (roles are not skills).
    """
    chosen = indicators.chosen_options(responses["D3"], True)
    chosen = chosen[chosen != "Annat"]
    cofunds = _cofunding_shown(responses, threshold)
    counts = chosen.index.to_series().groupby(chosen.to_numpy()).nunique()
    # Staff concerned per area as the skill-area table shows them: the same suppression
    # (hidden when one employer makes more than 85 % of the sum), so no table gives it back.
    staff = (
        indicators.skill_areas(responses, threshold=threshold).set_index("option")["staff"]
        if "D5" in responses
        else None
    )
    d5 = responses["D5"].astype("Int64") if "D5" in responses else None
    areas = list(counts[counts >= threshold].index)
    found = match(areas) if match is not None and areas else {}
    rows = []
    for area in areas:
        who = pd.Index(chosen.index[chosen == area].unique())
        prefs = _preferences(responses, who)
        exists, names, supply = skill_supply(
            found.get(area), match is not None, supply_scope, yh_source
        )
        people = staff.get(area, pd.NA) if staff is not None else pd.NA
        typical = d5.loc[who].dropna().median() if d5 is not None else None
        typical = (
            round(float(typical) * len(who))
            if typical is not None and typical == typical
            else pd.NA
        )
        rows.append(
            {
                "kind": BRISTKOMPETENS,
                "need": area,
                "ssyk4": pd.NA,
                "employers": len(who),
                "people": people,
                "people_typical": typical,
                "branches": _branches(responses, who, threshold),
                "effort": skill_effort(prefs["format"]),
                **prefs,
                "cofunding": _shown(prefs["cofunding"], threshold) if cofunds else pd.NA,
                "education_nearby": exists,
                "education": names,
                "supply": supply,
                "rules": "9–14",
            }
        )
    table = _table(rows)
    table = table.sort_values(
        ["employers", "people", "need"],
        ascending=[False, False, True],
        ignore_index=True,
        na_position="last",
    )
    return _ranked(table)


def skill_supply(
    found: tuple | None, matched: bool, scope: str, yh_source: str
) -> tuple[object, object, object]:
    """Rule 12 for a bristkompetens: (education nearby, educations, what was checked).

    ``found``: (the YH education areas of the skill area, the educations found in them).

    >>> skill_supply((("Data/IT",), []), True, "i Fyrbodal", "MYH 2020–2024")[2]
    'Ingen YH-kurs inom Data/IT i Fyrbodal enligt MYH 2020–2024.'
    >>> skill_supply(((), []), True, "i Fyrbodal", "MYH")[2]
    'Inget av YH:s utbildningsområden motsvarar kompetensområdet; Komvux, folkhögskolor och uppdragsutbildning ingår inte i underlaget.'
    """  # noqa: E501
    if not matched:
        return pd.NA, pd.NA, pd.NA
    fields, educations = found if found is not None else ((), [])
    if not fields:
        return (
            False,
            pd.NA,
            "Inget av YH:s utbildningsområden motsvarar kompetensområdet; Komvux, "
            "folkhögskolor och uppdragsutbildning ingår inte i underlaget.",
        )
    where = text.join(list(fields))
    if not educations:
        return (
            False,
            pd.NA,
            f"Ingen YH-kurs inom {where} {scope} enligt {yh_source}.",
        )
    return (
        True,
        "; ".join(educations),
        f"YH inom {where} {scope}: {_count(len(educations), 'kurs', 'kurser')} ({yh_source}).",
    )


def _table(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=COLUMNS)
    ints = [
        "employers",
        "rank",
        "people",
        "people_soon",
        "people_typical",
        "planning",
        "job_ads",
        "signal_strength",
        "level_answers",
        "cofunding",
    ]
    bools = ["education_nearby", "tie"]
    table = table.astype({c: "Int64" for c in ints} | {c: "boolean" for c in bools})
    strings = [c for c in COLUMNS if c not in ints and c not in bools]
    return table.astype({c: "string" for c in strings})


def recommend(
    responses: pd.DataFrame,
    coded: pd.DataFrame,
    *,
    ads: pd.DataFrame | None = None,
    barometer: pd.DataFrame | None = None,
    match: Matcher | None = None,
    match_skills: SkillMatcher | None = None,
    universities: Callable[[str], list[str]] | None = None,
    supply_scope: str = "i eller nära området",
    yh_source: str = "MYH",
    ads_column: str = "job_ads",
    threshold: int = THRESHOLD,
    ads_top: int = ADS_TOP,
    ads_min: int = ADS_MIN,
) -> pd.DataFrame:
    """Rekommenderade utbildningsinsatser: bristyrken, then bristkompetenser, one row each.

    ``coded``: ``occupations.code_titles`` output for the survey's titles; ``ads`` and
    ``barometer`` as in :func:`occupation_signals`; ``match`` finds nearby education for
    occupations (``functools.partial(education_supply.match_needs, supply=supply)``) and
    ``match_skills`` for skill areas (``education_supply.match_skills``); without them the
    supply columns are ``<NA>``. ``supply_scope`` says where was looked ("i Sotenäs eller
    övriga Fyrbodal"), ``yh_source`` which rounds ("MYH 2020–2024"). ``attrs["rules"]``
    holds :func:`rules` for the parameters used.
    """
    named = pd.concat(
        [indicators.mentions(responses, coded, q) for q in ("C5", "C8")], ignore_index=True
    )
    signals = occupation_signals(
        named,
        ads=ads,
        barometer=barometer,
        ads_column=ads_column,
        threshold=threshold,
        ads_top=ads_top,
        ads_min=ads_min,
    )
    planned = indicators.planned_hires(responses, coded, threshold=threshold)
    where = {"supply_scope": supply_scope, "yh_source": yh_source, "threshold": threshold}
    parts = [
        occupation_needs(
            responses, named, signals, planned, match=match, universities=universities, **where
        ),
        skill_needs(responses, match=match_skills, **where),
    ]
    parts = [p for p in parts if len(p)]
    table = pd.concat(parts, ignore_index=True) if parts else _table([])
    table.attrs["rules"] = rules(threshold, ads_top, ads_min)
    return table


def to_display(table: pd.DataFrame) -> pd.DataFrame:
    """A Swedish copy of :func:`recommend` or :func:`occupation_signals` output."""
    return indicators.to_display(table, DISPLAY_NAMES)
