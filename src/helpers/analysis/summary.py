"""The report's summary: 5–7 Swedish sentences written from the data by rules.

Each ``*_fact`` function turns one analysis table (or a few plain numbers) into a
:class:`Fact`: a topic, the figure it rests on, a finished sentence with that figure in
Swedish format (``helpers.common.text``), and a priority. A function returns ``None`` when its data
is missing or hidden by disclosure control, so no sentence is ever written without its
figure. :func:`write_summary` keeps the highest priorities, one sentence per topic.

Priorities (higher first): the hardest-to-fill occupations 90, the strongest recommended
effort 85, how many meet their needs by upskilling and how many by hiring (D2) 82, the most
common skills gap 80, the failure rate 70, the largest gap between the
area and a comparison 50 (+20 when the area differs by a quarter or more), the largest branch
and the commuting balance by the same rule (the branch's share against Sweden's; the jobs in
the area against its employed residents), the biggest change since last year that is larger
than its uncertainty 45 (+20 when it is 5 procentenheter or more; "ingen säker förändring"
when none is), the response rate 30.

    >>> responses = pd.DataFrame({"invited": [120], "answered": [48], "rate": [0.4]})
    >>> write_summary([response_fact(responses)])  # the table of indicators.response_summary
    ['Enkäten besvarades av 48 arbetsgivare, en svarsfrekvens på 40,0\xa0%.']
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.comparison import largest_change
from helpers.common import text

PRIORITY = {
    "bristyrken": 90,
    "insats": 85,
    "utbilda eller rekrytera": 82,
    "bristkompetenser": 80,
    "misslyckade rekryteringar": 70,
    "skillnad mot jämförelseområde": 50,
    "förändring sedan förra året": 45,
    "svarsfrekvens": 30,
}
#: Extra priority for a large gap (relative difference) or a large change (share points).
LARGE_GAP, LARGE_CHANGE, BOOST = 0.25, 0.05, 20
TOP = 3
#: What the summary says when no change since last year is larger than its uncertainty.
NO_CERTAIN_CHANGE = (
    "Jämfört med förra året finns ingen säker förändring i enkätens nyckeltal: skillnaderna "
    "är mindre än den statistiska osäkerheten."
)


@dataclass(frozen=True)
class Fact:
    """One finding: ``sentence`` carries ``value``; ``priority`` decides if it is used."""

    topic: str
    value: float | int | None
    sentence: str
    priority: float


@dataclass(frozen=True)
class Gap:
    """The area's value of an indicator beside a comparison's, for :func:`gap_fact`.

    ``subject`` reads in a sentence: "andelen 25–64-åringar med eftergymnasial utbildning";
    ``kind`` is ``"share"`` (0–1, compared in procentenheter) or ``"number"``.
    """

    subject: str
    value: float
    reference: float
    reference_name: str
    kind: str = "share"
    decimals: int = 1


def _lower(label: str) -> str:
    """A label used mid-sentence: first letter lower-cased unless it is an acronym, and a
    trailing parenthesis dropped (the sentence adds its own figure in parentheses).

    >>> _lower("Certifikat och behörigheter (t.ex. truck/lift/svets)"), _lower("IT-tekniker")
    ('certifikat och behörigheter', 'IT-tekniker')
    """
    label = re.sub(r"\s*\([^()]*\)$", "", label)
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    if "suppressed" in table:
        table = table[~table["suppressed"].astype(bool)]
    return table


def write_summary(facts: Sequence[Fact | None], n: tuple[int, int] = (5, 7)) -> list[str]:
    """The sentences of the highest-priority facts, at most ``n[1]``, one per topic.

    Fewer than ``n[0]`` sentences come back when fewer facts exist: the summary never pads
    with sentences that have no figure.

    >>> write_summary([Fact("a", 1, "Ett.", 10), Fact("b", 2, "Två.", 20), None], n=(1, 1))
    ['Två.']
    """
    best: dict[str, Fact] = {}
    for fact in facts:
        if fact is not None and (
            fact.topic not in best or fact.priority > best[fact.topic].priority
        ):
            best[fact.topic] = fact
    chosen = sorted(best.values(), key=lambda f: -f.priority)[: n[1]]
    return [f.sentence for f in chosen]


def response_fact(summary: pd.DataFrame) -> Fact | None:
    """Respondents and response rate, from ``indicators.response_summary``."""
    if summary.empty:
        return None
    row = summary.iloc[0]
    sentence = f"Enkäten besvarades av {text.number(row['answered'])} arbetsgivare"
    if not text.is_missing(row["rate"]):
        sentence += f", en svarsfrekvens på {text.percent(row['rate'])}"
    return Fact("svarsfrekvens", row["answered"], sentence + ".", PRIORITY["svarsfrekvens"])


def occupations_fact(table: pd.DataFrame, top: int = TOP) -> Fact | None:
    """The coded occupations most employers find hardest to fill (``hard_to_fill``)."""
    rows = _shown(table).dropna(subset=["ssyk4", "n"]).sort_values("n", ascending=False)
    rows = rows.head(top)
    if rows.empty:
        return None
    parts = [f"{_lower(r.ssyk4_label)} ({text.number(r.n)})" for r in rows.itertuples()]
    parts[0] = parts[0].replace(")", " arbetsgivare)", 1)
    sentence = f"Flest arbetsgivare har svårt att rekrytera {text.join(parts)}."
    return Fact("bristyrken", int(rows["n"].iloc[0]), sentence, PRIORITY["bristyrken"])


def skills_fact(table: pd.DataFrame, top: int = TOP) -> Fact | None:
    """The skill areas (D3) most employers name for current staff (``skill_areas``)."""
    rows = _shown(table)
    if "group" in rows:
        rows = rows[rows["group"] == "Totalt"]
    rows = rows[rows["option"] != "Annat"].dropna(subset=["n", "share"])
    rows = rows[rows["n"] > 0].sort_values("n", ascending=False).head(top)
    if rows.empty:
        return None
    first = rows.iloc[0]
    parts = [
        f"{_lower(first['option'])} ({text.number(first['n'])} arbetsgivare, "
        f"{text.percent(first['share'])})"
    ]
    parts += [f"{_lower(r.option)} ({text.number(r.n)})" for r in rows.iloc[1:].itertuples()]
    sentence = f"Befintlig personal behöver framför allt utvecklas inom {text.join(parts)}."
    return Fact("bristkompetenser", float(first["share"]), sentence, PRIORITY["bristkompetenser"])


def meeting_needs_fact(table: pd.DataFrame) -> Fact | None:
    """How many employers mainly meet their competence need by upskilling current staff and
    how many by recruiting (D2, ``indicators.meeting_needs``): bristkompetens against
    bristyrke. A hidden count is not said; with both hidden there is no fact.

    >>> t = pd.DataFrame({"group": "Totalt", "option": ["Utbilda befintlig personal",
    ...     "Rekrytera nya medarbetare"], "n": [39, 14], "base": 60, "share": [0.65, 0.233],
    ...     "suppressed": False})
    >>> meeting_needs_fact(t).sentence
    'Av de 60 arbetsgivare som svarat vill 39 (65,0\xa0%) främst möta kompetensbehovet genom att utbilda befintlig personal och 14 (23,3\xa0%) genom att rekrytera nya medarbetare.'
    """  # noqa: E501
    rows = _shown(table).dropna(subset=["n", "share"]).set_index("option")
    ways = {
        "Utbilda befintlig personal": "utbilda befintlig personal",
        "Rekrytera nya medarbetare": "rekrytera nya medarbetare",
    }
    parts = [
        (rows.at[option, "n"], rows.at[option, "share"], words)
        for option, words in ways.items()
        if option in rows.index
    ]
    if not parts:
        return None
    base = rows["base"].iloc[0]
    said = [f"{text.number(n)} ({text.percent(share)})" for n, share, _ in parts]
    first = f"{said[0]} främst möta kompetensbehovet genom att {parts[0][2]}"
    rest = f" och {said[1]} genom att {parts[1][2]}" if len(parts) > 1 else ""
    sentence = f"Av de {text.number(base)} arbetsgivare som svarat vill {first}{rest}."
    return Fact(
        "utbilda eller rekrytera",
        float(parts[0][1]),
        sentence,
        PRIORITY["utbilda eller rekrytera"],
    )


def failure_fact(table: pd.DataFrame) -> Fact | None:
    """The failure rate of all respondents (``indicators.failure_rate``, Totalt row)."""
    rows = _shown(table)
    rows = rows[rows["group"] == "Totalt"].dropna(subset=["failure_rate"])
    if rows.empty:
        return None
    row = rows.iloc[0]
    sentence = (
        f"Av de {text.number(row['sought'])} personer som arbetsgivarna försökte rekrytera "
        f"gick {text.percent(row['failure_rate'])} inte att anställa med rätt kompetens "
        f"({text.number(row['employers'])} arbetsgivare)."
    )
    return Fact(
        "misslyckade rekryteringar",
        float(row["failure_rate"]),
        sentence,
        PRIORITY["misslyckade rekryteringar"],
    )


def gap_fact(area_name: str, gaps: Sequence[Gap]) -> Fact | None:
    """The largest relative gap between the area and a comparison area.

    >>> gap_fact("Sotenäs", [Gap("andelen med eftergymnasial utbildning", 0.28, 0.4,
    ...     "riket")]).sentence
    'Andelen med eftergymnasial utbildning är 28,0\\xa0% i Sotenäs, lägre än i riket (40,0\\xa0%), en skillnad på 12,0 procentenheter.'
    """  # noqa: E501
    usable = [
        g
        for g in gaps
        if not text.is_missing(g.value) and not text.is_missing(g.reference) and g.reference != 0
    ]
    if not usable:
        return None
    gap = max(usable, key=lambda g: abs(g.value - g.reference) / abs(g.reference))
    relative = abs(gap.value - gap.reference) / abs(gap.reference)
    if gap.value == gap.reference:
        return None
    fmt = text.percent if gap.kind == "share" else text.number
    word = "högre" if gap.value > gap.reference else "lägre"
    sentence = (
        f"{text.capitalize(gap.subject)} är {fmt(gap.value, gap.decimals)} i {area_name}, "
        f"{word} än i {gap.reference_name} ({fmt(gap.reference, gap.decimals)})"
    )
    if gap.kind == "share":
        sentence += f", en skillnad på {_points(gap.value - gap.reference)}"
    priority = PRIORITY["skillnad mot jämförelseområde"] + (BOOST if relative >= LARGE_GAP else 0)
    return Fact("skillnad mot jämförelseområde", gap.value, sentence + ".", priority)


def _gap_priority(value: float, reference: float) -> float:
    """The gap rule: 50, and 20 more when ``value`` differs from ``reference`` by a quarter."""
    relative = abs(value - reference) / abs(reference)
    return PRIORITY["skillnad mot jämförelseområde"] + (BOOST if relative >= LARGE_GAP else 0)


def branch_fact(
    area_name: str, branch: str, share: float, reference: float, year: int
) -> Fact | None:
    """The largest branch: its share of the jobs in the area against Sweden's.

    >>> branch_fact("Sotenäs", "Tillverkning och utvinning", 0.219, 0.107, 2022).sentence
    'Den största branschen i Sotenäs är tillverkning och utvinning med 21,9\xa0% av dem som arbetar där (2022), dubbelt så stor andel som i riket (10,7\xa0%).'
    """  # noqa: E501
    if text.is_missing(share) or text.is_missing(reference) or reference == 0:
        return None
    ratio = share / reference
    versus = (
        "dubbelt så stor andel som"
        if 1.9 <= ratio < 2.1
        else f"{text.number(ratio, 1)} gånger så stor andel som"
        if ratio >= 1.25
        else "ungefär samma andel som"
        if ratio > 0.8
        else "en mindre andel än"
    )
    sentence = (
        f"Den största branschen i {area_name} är {_lower(branch)} med {text.percent(share)} "
        f"av dem som arbetar där ({text.year(year)}), {versus} i riket "
        f"({text.percent(reference)})."
    )
    return Fact("bransch", share, sentence, _gap_priority(share, reference))


def commuting_fact(
    area_name: str, jobs: float, residents: float, in_count: float, out_count: float, year: int
) -> Fact | None:
    """The commuting balance: jobs in the area against its employed residents, with the
    (approximate) in- and out-commuters.

    >>> commuting_fact("Sotenäs", 4076, 4387, 1004, 1317, 2022).sentence
    'Ungefär 1\xa0000 personer pendlar in till Sotenäs och 1\xa0320 pendlar ut (2022): det finns 93 arbetstillfällen per 100 sysselsatta invånare.'
    """  # noqa: E501
    values = (jobs, residents, in_count, out_count)
    if any(text.is_missing(v) for v in values) or residents == 0:
        return None
    sentence = (
        f"Ungefär {text.number(round(in_count, -1))} personer pendlar in till {area_name} och "
        f"{text.number(round(out_count, -1))} pendlar ut ({text.year(year)}): det finns "
        f"{text.number(jobs / residents * 100)} arbetstillfällen per 100 sysselsatta invånare."
    )
    return Fact("pendling", jobs - residents, sentence, _gap_priority(jobs, residents))


def _points(difference: float) -> str:
    """A difference in procentenheter without its sign (the sentence says the direction)."""
    return text.points(abs(difference)).lstrip("+")


def change_fact(
    comparison: pd.DataFrame | None, subjects: Mapping[str, str] | None = None
) -> Fact | None:
    """The biggest change in a share since last year that is larger than its uncertainty
    (``comparison.compare`` output, its ``significant`` column); when no change is, a
    sentence that says there is no certain change.

    ``subjects`` maps a question id to how its "Ja"/option share reads, e.g.
    ``{"C1": "andelen arbetsgivare som försökt rekrytera"}``; a ``subject`` column says it
    per row (for the options of one question); otherwise the option and question id are
    named.

    >>> t = pd.DataFrame({"question": "C1", "group": "Totalt", "share_current": [0.4],
    ...     "share_change": [-0.12], "suppressed": False, "significant": False})
    >>> change_fact(t).sentence
    'Jämfört med förra året finns ingen säker förändring i enkätens nyckeltal: skillnaderna är mindre än den statistiska osäkerheten.'
    """  # noqa: E501
    if comparison is None or comparison.empty:
        return None
    row = largest_change(comparison, significant=True)
    if row is None or float(row["share_change"]) == 0:
        return Fact(
            "förändring sedan förra året",
            0.0,
            NO_CERTAIN_CHANGE,
            PRIORITY["förändring sedan förra året"],
        )
    change = float(row["share_change"])
    question = row.get("question", "")
    given = row.get("subject")
    subject = (
        given
        if isinstance(given, str) and given
        else (subjects or {}).get(question)
        or f"andelen som svarat ”{row.get('option', '')}” på fråga {question}"
    )
    direction = "ökat" if change > 0 else "minskat"
    sentence = (
        f"Sedan förra året har {subject} {direction} med {_points(change)} till "
        f"{text.percent(row['share_current'])}, en förändring som är större än den "
        "statistiska osäkerheten."
    )
    priority = PRIORITY["förändring sedan förra året"] + (
        BOOST if abs(change) >= LARGE_CHANGE else 0
    )
    return Fact("förändring sedan förra året", change, text.capitalize(sentence), priority)


def _agreeing(row: pd.Series) -> list[str]:
    """The sources that signal a bristyrke: the survey, the job ads, and Yrkesbarometern only
    where it rates the occupation ``brist`` (an occupation it does not cover says nothing)."""
    strength = row.get("signal_strength")
    if text.is_missing(strength) or row.get("kind") != "Bristyrke":
        return []
    barometer = row.get("barometer") == "brist"
    ads = int(strength) - 1 - int(barometer) >= 1
    return (
        ["enkäten"]
        + (["platsannonserna"] if ads else [])
        + (["Yrkesbarometern"] if barometer else [])
    )


def effort_fact(recommendations: pd.DataFrame) -> Fact | None:
    """The first recommended effort (``needs.recommend`` puts the strongest need first).

    Needs that share the first place (as many employers) are named together: none of them
    is called the clearest.

    >>> effort_fact(pd.DataFrame([{"kind": "Bristyrke", "need": "Kockar och kallskänkor",
    ...     "effort": "Yrkesvux (Komvux)", "employers": 7, "people": 12, "signal_strength": 3,
    ...     "barometer": "brist", "rank": 1, "tie": False}])).sentence
    'Den tydligaste insatsen är yrkesvux för kockar och kallskänkor: 7 arbetsgivare har svårt att rekrytera till yrket och 12 anställningar planeras; enkäten, platsannonserna och Yrkesbarometern pekar åt samma håll.'
    >>> effort_fact(pd.DataFrame([{"kind": "Bristyrke", "need": "Kockar", "effort": "Yrkesvux",
    ...     "employers": 7, "people": 0, "rank": 1, "tie": True}, {"kind": "Bristyrke",
    ...     "need": "Svetsare", "effort": "Certifikatskurs", "employers": 7, "people": 0,
    ...     "rank": 1, "tie": True}])).sentence
    'Lika många arbetsgivare (7) har svårt att rekrytera kockar och svetsare; föreslagna insatser är yrkesvux respektive certifikatskurs.'
    """  # noqa: E501
    if recommendations.empty:
        return None
    row = recommendations.iloc[0]
    if text.is_missing(row["employers"]):
        return None
    bristyrke = row["kind"] == "Bristyrke"
    tie = row.get("tie")
    if not text.is_missing(tie) and bool(tie):
        same = recommendations[
            (recommendations["kind"] == row["kind"]) & (recommendations["rank"] == row["rank"])
        ]
        needs_ = text.join([_lower(n) for n in same["need"]])
        efforts = [_lower(e) for e in same["effort"]]
        unique = list(dict.fromkeys(efforts))
        effort = unique[0] if len(unique) == 1 else text.join(efforts, "respektive")
        what = f"har svårt att rekrytera {needs_}" if bristyrke else f"anger {needs_}"
        sentence = (
            f"Lika många arbetsgivare ({text.number(row['employers'])}) {what}; "
            f"föreslagna insatser är {effort}."
        )
        return Fact("insats", int(row["employers"]), sentence, PRIORITY["insats"])
    if bristyrke:
        evidence = [
            f"{text.number(row['employers'])} arbetsgivare har svårt att rekrytera till yrket"
        ]
    else:
        evidence = [f"{text.number(row['employers'])} arbetsgivare nämner behovet"]
    if not text.is_missing(row["people"]) and row["people"] > 0:
        if bristyrke:
            evidence.append(f"{text.number(row['people'])} anställningar planeras")
        else:
            evidence.append(f"det gäller {text.number(row['people'])} anställda")
    sentence = (
        f"Den tydligaste insatsen är {_lower(row['effort'])} för {_lower(row['need'])}: "
        f"{text.join(evidence)}"
    )
    agreeing = _agreeing(row)
    if len(agreeing) >= 2:
        sentence += f"; {text.join(agreeing)} pekar åt samma håll"
    return Fact("insats", int(row["employers"]), sentence + ".", PRIORITY["insats"])
