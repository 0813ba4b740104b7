"""The action plan: the top needs of ``needs.recommend`` as efforts a planner can act on.

One row per effort: the need, the effort and its route or form, the likely kind of
provider, how many participants (a range from the survey's own numbers), when, how many
employers asked for it (a count, never who) and what it rests on. Only needs resting on at
least the report's threshold of employers are in ``needs.recommend`` at all, so every row
here does too; needs sharing a place are taken together or not at all.

    >>> table = pd.DataFrame([{"kind": "Bristyrke", "need": "Kockar", "employers": 7,
    ...     "rank": 1, "tie": False, "people": 12, "people_soon": 4, "route": "yrkesvux",
    ...     "effort": "Yrkesvux (Komvux)", "format": "Yrkesvux inom restaurang",
    ...     "basis": "Vanligaste nivån", "job_ads": 40, "barometer": "brist",
    ...     "place": None, "time": None}])
    >>> row = action_plan(table).iloc[0]
    >>> row["Deltagare"], row["Trolig anordnare"]
    ('4–12', 'Komvux, egen regi eller i samverkan i delregionen')
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import needs
from helpers.common import text

#: Route (bristyrke) → the kind of provider that usually gives it.
ROUTE_PROVIDER = {
    "yrkesvux": "Komvux, egen regi eller i samverkan i delregionen",
    "larling": "Komvux (lärlingsvux) med arbetsgivare som tar emot lärlingar",
    "gymnasieprogram": "Gymnasieskolan",
    "yh": "YH-anordnare (ansökan till Myndigheten för yrkeshögskolan)",
    "hogskola": "Universitet eller högskola",
    "certifikat": "Certifierad utbildare (t.ex. trafikskola, svets- eller truckutbildare)",
    "validering": "Komvux eller branschens valideringsmodell",
}
#: Upskilling effort (bristkompetens) → the kind of provider that usually gives it.
EFFORT_PROVIDER = {
    "Kort kurs": "Branschorganisation, leverantör eller uppdragsutbildning",
    "Kort kurs på deltid": "Komvux eller studieförbund (uppdragsutbildning)",
    "Kort YH-utbildning eller kurspaket": "YH-anordnare (YH-kurs)",
    "YH-utbildning": "YH-anordnare",
    "Yrkeskurs inom Komvux": "Komvux",
    "Uppdragsutbildning": "Komvux, YH-anordnare eller högskola (uppdragsutbildning)",
    "Validering": "Komvux eller branschens valideringsmodell",
    "Arbetsplatsförlagt lärande": "Arbetsgivaren med Komvux",
    "Högskolekurs (samverkan med lärosäte)": "Universitet eller högskola",
    "Bransch- eller leverantörsutbildning": "Branschorganisation eller leverantör",
}
COLUMNS = [
    "Behov",
    "Typ",
    "Insats",
    "Utbildning eller form",
    "Trolig anordnare",
    "Deltagare",
    "När",
    "Arbetsgivare som efterfrågar",
    "Underlag",
]
#: Needs of each kind the plan takes (more when the last place is shared).
TOP = 3
#: The most rows a shared place may add beyond ``TOP``; a larger tie is left out whole.
MAX_EXTRA = 2


def top_needs(table: pd.DataFrame, kind: str, top: int = TOP) -> pd.DataFrame:
    """The first ``top`` needs of one kind, never splitting needs that share a place.

    >>> t = pd.DataFrame({"kind": ["K"] * 4, "rank": [1, 2, 2, 4]})
    >>> top_needs(t, "K", 2)["rank"].tolist()
    [1, 2, 2]
    """
    rows = table[table["kind"] == kind].reset_index(drop=True)
    if len(rows) <= top:
        return rows
    cut = rows["rank"].iloc[top - 1]
    chosen = rows[rows["rank"] <= cut]
    if len(chosen) > top + MAX_EXTRA:
        chosen = rows[rows["rank"] < cut]
        if chosen.empty:
            chosen = rows[rows["rank"] == cut]
    return chosen.reset_index(drop=True)


def participants(kind: str, employers: object, people: object, soon: object) -> str:
    """The number of participants as a range from the survey's numbers.

    A bristyrke: planned hires within 12 months (``soon``) to all planned hires (C8). A
    bristkompetens: one per employer to ``soon`` = the employers times the median of their
    D5 answers (staff needing upskilling; D5 is not split by skill area, and the median keeps
    one large employer from deciding), or to all of D5 when no median is given.

    >>> participants("Bristyrke", 7, 12, 4), participants("Bristkompetens", 9, 800, 45)
    ('4–12', '9–45')
    >>> participants("Bristyrke", 7, 0, 0)
    'Inga planerade anställningar angivna'
    """
    if text.is_missing(people):
        return text.MISSING
    people = int(people)
    if kind == needs.BRISTYRKE:
        if people == 0:
            return "Inga planerade anställningar angivna"
        low = 0 if text.is_missing(soon) else int(soon)
    else:
        low = 0 if text.is_missing(employers) else int(employers)
        if not text.is_missing(soon):  # for a skill: employers × their median D5
            people = max(int(soon), low)
    if low == 0:
        return f"upp till {text.number(people)}"
    if low >= people:
        return text.number(people)
    return f"{text.number(low)}–{text.number(people)}"


def _when(row: dict) -> str:
    if row["kind"] == needs.BRISTYRKE:
        soon, people = row.get("people_soon"), row.get("people")
        hurry = not text.is_missing(soon) and not text.is_missing(people) and people > 0
        start = (
            "Start inom ett år"
            if hurry and soon * 2 >= people
            else "Planera för de kommande 1–3 åren"
        )
        if row.get("route") == "yh":
            start += " (ansökan till MYH: start tidigast året efter beslut)"
        return start
    parts = [p for p in (row.get("place"), row.get("time")) if isinstance(p, str)]
    return ", ".join(p if i == 0 else p.lower() for i, p in enumerate(parts)) or text.MISSING


def _rests_on(row: dict) -> str:
    if row["kind"] == needs.BRISTYRKE:
        parts = [f"Enkäten (C5): {text.number(row['employers'])} arbetsgivare"]
        if not text.is_missing(row.get("job_ads")):
            parts.append(f"{text.number(row['job_ads'])} platsannonser")
        barometer = row.get("barometer")
        if isinstance(barometer, str) and barometer != needs.NO_ASSESSMENT:
            parts.append(f"Yrkesbarometern: {barometer}")
        if isinstance(row.get("basis"), str):
            parts.append(f"väg: {row['basis'][:1].lower()}{row['basis'][1:]}")
        return "; ".join(parts)
    return (
        f"Enkäten (D3): {text.number(row['employers'])} arbetsgivare; form: D6; tid och plats: D7"
    )


def action_plan(table: pd.DataFrame, top: int = TOP) -> pd.DataFrame:
    """The action plan for the top needs of each kind (``needs.recommend`` output)."""
    chosen = pd.concat(
        [top_needs(table, kind, top) for kind in (needs.BRISTYRKE, needs.BRISTKOMPETENS)],
        ignore_index=True,
    )
    rows = []
    for row in chosen.to_dict("records"):
        route = row.get("route")
        bristyrke = row["kind"] == needs.BRISTYRKE
        if bristyrke:
            provider = ROUTE_PROVIDER.get(route, "Utreds") if isinstance(route, str) else "Utreds"
        else:
            provider = EFFORT_PROVIDER.get(row["effort"], "Utreds")
        form = row.get("format")
        rows.append(
            {
                "Behov": text.without_examples(row["need"]),
                "Typ": row["kind"],
                "Insats": row["effort"],
                "Utbildning eller form": form if isinstance(form, str) else text.MISSING,
                "Trolig anordnare": provider,
                "Deltagare": participants(
                    row["kind"],
                    row["employers"],
                    row.get("people"),
                    row.get("people_soon") if bristyrke else row.get("people_typical"),
                ),
                "När": _when(row),
                "Arbetsgivare som efterfrågar": row["employers"],
                "Underlag": _rests_on(row),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
