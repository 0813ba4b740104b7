"""The demand chapter: the area's own job ads per occupation, and Yrkesbarometern for the
county.

Job ads (Platsbanken 2024) are the local demand signal, per municipality and occupation
(SSYK 2012, four digits). Arbetsförmedlingen's Yrkesbarometer rates occupations only for
the county, and the snapshot may hold only part of it: every sentence and table that uses
it says so, and which occupations it covers.

    >>> from helpers.config.params import load_area
    >>> int(ads_total(load_area("sotenas")))
    389
"""

from __future__ import annotations

import pandas as pd

from helpers.common import text
from helpers.config import regions
from helpers.config.params import Area
from helpers.report import charts
from helpers.stats import jobads, yrkesbarometer

TOP = 10
SITUATIONS = ("brist", "balans", "paradox", "överskott")
SITUATION_WORDS = {
    "brist": "Brist",
    "balans": "Balans",
    "paradox": "Paradox",
    "överskott": "Överskott",
}
OUTLOOK_WORDS = {"öka": "Ökar", "vara oförändrad": "Oförändrad", "minska": "Minskar"}
NOT_RATED = "ingen bedömning i underlaget"


def ads_total(area: Area) -> int:
    """All job ads in the area's municipalities in the year."""
    return jobads.total(area.municipalities)


def top_ads(area: Area, n: int = TOP) -> pd.DataFrame:
    """The area's ``n`` occupations with the most ads: ``ssyk4, ssyk4_label, job_ads, share``."""
    return jobads.top_occupations(area.municipalities, n)


def _label(row: pd.Series) -> str:
    return f"{row['ssyk4_label']} ({row['ssyk4']})"


def headline(area: Area) -> str:
    """How many ads, and the occupations with the most of them."""
    top = top_ads(area, 3)
    named = text.join(
        [f"{row.ssyk4_label.lower()} ({text.number(row.job_ads)})" for row in top.itertuples()]
    )
    return (
        f"Under {text.year(jobads.YEAR)} publicerades **{text.number(ads_total(area))} "
        f"platsannonser** i Arbetsförmedlingens Platsbanken för arbetsplatser i "
        f"{area.name}. Flest annonser gällde {named}."
    )


def top_ads_chart(area: Area, n: int = TOP) -> charts.Chart:
    """The area's occupations with the most job ads."""
    table = top_ads(area, n)
    table = table.assign(occupation=table.apply(_label, axis=1))
    first = table.iloc[0]
    title = (
        f"Flest platsannonser i {area.name} {text.year(jobads.YEAR)} gällde "
        f"{first['ssyk4_label'].lower()}"
    )
    return charts.bars(
        table,
        label="occupation",
        value="job_ads",
        title=title,
        source=jobads.SOURCE + "; yrken enligt SSYK 2012",
        value_format=text.number,
        data_columns={"occupation": "Yrke (SSYK 2012)", "job_ads": "Antal platsannonser"},
    )


def comparison_table(area: Area, n: int = TOP) -> pd.DataFrame:
    """The area's top occupations: their share of all ads in the area, region and country.

    A share far above the region's shows what is special about local demand.
    """
    top = top_ads(area, n)
    table = pd.DataFrame(
        {"Yrke (SSYK 2012)": top.apply(_label, axis=1), "Annonser i området": top["job_ads"]}
    )
    for comparison in area.comparisons:
        shares = jobads.by_occupation(comparison.municipalities).set_index("ssyk4")["share"]
        table[f"Andel, {comparison.name}"] = top["ssyk4"].map(shares).fillna(0.0).to_numpy()
    return table


def comparison_caption(area: Area) -> str:
    """The caption of :func:`comparison_table`."""
    return (
        f"De {TOP} yrkena med flest platsannonser i {area.name} {text.year(jobads.YEAR)}: "
        f"andel av alla annonser i området, {_regions(area)} och riket"
    )


def _regions(area: Area) -> str:
    """The comparisons between the area and Sweden, as a caption names them."""
    if area.region_in_text == area.region.name:  # the region is the county itself
        return "länet"
    return "delregionen, länet"


def comparison_formats(area: Area) -> dict[str, object]:
    """Number formats for :func:`comparison_table`."""
    formats: dict[str, object] = {"Annonser i området": text.number}
    formats.update({f"Andel, {c.name}": text.percent for c in area.comparisons})
    return formats


# --- Yrkesbarometern, county level ---------------------------------------------------------


def barometer() -> yrkesbarometer.Barometer:
    """The barometer in the snapshot (complete after ``make fetch``, otherwise partial)."""
    return yrkesbarometer.load()


def county_name(area: Area) -> str:
    """The area's county, as the barometer is reported for it."""
    return regions.county_name(area.county)


def county_occupations(area: Area) -> pd.DataFrame:
    """One row per barometer occupation rated for the area's county."""
    rows = barometer().county(area.county)
    rows = rows[rows["rekryteringssituation"].notna()]
    grouped = rows.groupby(
        ["yb_yrke", "rekryteringssituation", "prognos", "jobbmojligheter"],
        as_index=False,
        dropna=False,
    ).agg(ssyk4=("ssyk4", lambda codes: ", ".join(sorted(set(codes)))))
    return grouped.sort_values("yb_yrke").reset_index(drop=True)


def barometer_coverage(area: Area) -> str:
    """Which occupations the barometer in the snapshot covers, said plainly."""
    data = barometer()
    rated = len(county_occupations(area))
    county = county_name(area)
    level = (
        f"Yrkesbarometern bedömer yrken per län, inte per kommun: bedömningarna gäller "
        f"hela **{county}** och skiljer inte ut {area.name}."
    )
    if data.complete:
        return (
            f"{level} Underlaget är Arbetsförmedlingens omgång {data.round}, där "
            f"{rated} yrken har en bedömning för {county}."
        )
    areas = text.join([f"”{name}”" for name in data.occupational_areas()])
    return (
        f"{level} Underlaget är **ofullständigt**: det omfattar bara "
        f"{len(data.occupations())} av Yrkesbarometerns omkring "
        f"{yrkesbarometer.OCCUPATIONS_IN_FULL_ROUND} yrken, inom yrkesområdena {areas} "
        f"(omgång {data.round}). Av dem har {rated} en bedömning för {county}. Andra yrken "
        "kan ha brist även om de inte syns här."
    )


def situation_table(area: Area) -> pd.DataFrame:
    """How many rated occupations the county has in each recruitment situation."""
    rated = county_occupations(area)
    counts = rated["rekryteringssituation"].value_counts()
    return pd.DataFrame(
        {
            "situation": [SITUATION_WORDS[s] for s in SITUATIONS],
            "occupations": [int(counts.get(s, 0)) for s in SITUATIONS],
        }
    )


def situation_chart(area: Area) -> charts.Chart:
    """Rated occupations per recruitment situation in the county."""
    table = situation_table(area)
    rated = int(table["occupations"].sum())
    shortage = int(table.loc[table["situation"] == "Brist", "occupations"].iloc[0])
    title = f"I {county_name(area)} har {shortage} av {rated} bedömda yrken brist på arbetskraft"
    chart = charts.bars(
        table,
        label="situation",
        value="occupations",
        title=title,
        source=barometer().source,
        value_format=text.number,
        data_columns={"situation": "Rekryteringssituation", "occupations": "Antal yrken"},
    )
    if not barometer().complete:
        chart.notes.append(
            f"Bara de {rated} yrken som finns i det ofullständiga underlaget räknas."
        )
    return chart


def shortage_table(area: Area) -> pd.DataFrame:
    """Occupations in shortage in the county, with their outlook and the area's own ads."""
    rated = county_occupations(area)
    short = rated[rated["rekryteringssituation"] == "brist"]
    ads = jobads.by_occupation(area.municipalities).set_index("ssyk4")["job_ads"]

    def local(codes: str) -> int:
        return int(sum(int(ads.get(code, 0)) for code in codes.split(", ")))

    return pd.DataFrame(
        {
            "Yrke (Yrkesbarometern)": short["yb_yrke"],
            "SSYK 2012": short["ssyk4"],
            "Jobbmöjligheter": short["jobbmojligheter"].fillna(text.MISSING).str.capitalize(),
            "Efterfrågan om fem år": short["prognos"].map(OUTLOOK_WORDS).fillna(text.MISSING),
            f"Platsannonser i {area.name} {text.year(jobads.YEAR)}": short["ssyk4"].map(local),
        }
    ).reset_index(drop=True)


def shortage_caption(area: Area) -> str:
    """The caption of :func:`shortage_table`."""
    return (
        f"Yrken med brist på arbetskraft i {county_name(area)} enligt Yrkesbarometern, "
        f"och antalet platsannonser för samma yrken i {area.name}"
    )


def ads_barometer_table(area: Area, n: int = TOP) -> pd.DataFrame:
    """The area's top occupations by ads with the county's barometer rating, where rated."""
    top = top_ads(area, n)
    county = barometer().county(area.county)
    county = county[county["rekryteringssituation"].notna()]
    order = {situation: rank for rank, situation in enumerate(SITUATIONS)}

    def rating(code: str) -> str:
        rows = county[county["ssyk4"] == code]
        if rows.empty:
            return NOT_RATED
        best = rows.sort_values("rekryteringssituation", key=lambda s: s.map(order)).iloc[0]
        return SITUATION_WORDS[best["rekryteringssituation"]]

    return pd.DataFrame(
        {
            "Yrke (SSYK 2012)": top.apply(_label, axis=1),
            "Platsannonser": top["job_ads"],
            f"Yrkesbarometern, {county_name(area)}": top["ssyk4"].map(rating),
        }
    )


def rated_among_top(area: Area, n: int = TOP) -> int:
    """How many of the area's top occupations by ads the barometer rates for the county."""
    return int((ads_barometer_table(area, n).iloc[:, 2] != NOT_RATED).sum())


def ads_barometer_sentence(area: Area, n: int = TOP) -> str:
    """Whether the barometer says anything about the occupations the area advertises most."""
    rated = rated_among_top(area, n)
    scope = "" if barometer().complete else " ofullständiga"
    if rated == 0:
        return (
            f"Inget av de {n} yrkena som hade flest platsannonser i {area.name} finns med "
            f"i det{scope} underlaget från Yrkesbarometern för {county_name(area)}."
        )
    return (
        f"{rated} av de {n} yrkena som hade flest platsannonser i {area.name} har en "
        f"bedömning i det{scope} underlaget från Yrkesbarometern för {county_name(area)}:"
    )


def ads_barometer_caption(area: Area) -> str:
    """The caption of :func:`ads_barometer_table`."""
    return (
        f"De {TOP} yrkena med flest platsannonser i {area.name} "
        f"{text.year(jobads.YEAR)} och Yrkesbarometerns bedömning för länet"
    )


def barometer_source() -> str:
    """The barometer's source line (round, county level, partial or not)."""
    return barometer().source
