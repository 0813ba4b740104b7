"""The education-level chapter: how many 25–64-year-olds have which education, by sex.

Every function takes the validated :class:`~helpers.config.params.Area` and returns a chart, a
table or a Swedish sentence from SCB's figures (the latest year in the snapshot: 2019 until
``make fetch`` brings a newer one); the chapter notebook only calls them. Shares of an area
or region of several municipalities are recomputed from summed counts, never averaged.

    >>> from helpers.config.params import load_area
    >>> round(post_secondary(load_area("sotenas")) * 100, 1)
    31.7
"""

from __future__ import annotations

import pandas as pd

from helpers.common import text
from helpers.config.params import Area
from helpers.report import charts
from helpers.stats import aggregate, kolada, scb

#: The SUN levels in five groups, as the chapter's table shows them (in order).
GROUPS = {
    "Förgymnasial": (
        "förgymnasial utbildning kortare än 9 år",
        "förgymnasial utbildning, 9 (10) år",
    ),
    "Gymnasial": ("gymnasial utbildning, högst 2 år", "gymnasial utbildning, 3 år"),
    "Eftergymnasial, kortare än 3 år": ("eftergymnasial utbildning, mindre än 3 år",),
    "Eftergymnasial, 3 år eller längre": (
        "eftergymnasial utbildning, 3 år eller mer",
        "forskarutbildning",
    ),
    "Uppgift saknas": ("uppgift om utbildningsnivå saknas",),
}
TREND_KPI = "N01982"
DEFINITION = "andel av invånarna 25–64 år med eftergymnasial utbildning"
LEVELS_DEFINITION = "andel av invånarna 25–64 år per högsta utbildningsnivå"


def shares(area: Area) -> pd.DataFrame:
    """Post-secondary share by comparison and sex (kvinnor, män, totalt), latest year."""
    return aggregate.post_secondary_share(area, scb.education_level_latest)


def year(area: Area) -> int:
    """The year the chapter's SCB figures are for."""
    return int(scb.education_level_latest(area.municipalities)["year"].max())


def source(area: Area, processing: str = DEFINITION) -> str:
    """The source line: SCB's table and year, and what was computed from it."""
    table = scb.education_level_latest(area.municipalities)
    return f"{scb.education_source(table)}; bearbetning: {processing}"


def post_secondary(area: Area, comparison: str | None = None, sex: str = "totalt") -> float:
    """The share for one comparison (default: the area) and sex."""
    table = shares(area)
    name = comparison or area.name
    row = table[(table["comparison"] == name) & (table["sex"] == sex)]
    return float(row["share"].iloc[0])


def headline(area: Area) -> str:
    """The chapter's first sentences: the area's share against the country's, by sex."""
    mine, country = post_secondary(area), post_secondary(area, "Riket")
    women, men = post_secondary(area, sex="kvinnor"), post_secondary(area, sex="män")
    difference = text.points(abs(mine - country)).lstrip("+")
    relation = text.comparative(mine, country, higher="högre", lower="lägre", same="")
    versus = (
        f"ungefär lika stor andel som i riket ({text.percent(country)})"
        if not relation
        else f"{difference} {relation} än i riket ({text.percent(country)})"
    )
    return (
        f"I {area.name} hade **{text.percent(mine)}** av invånarna i åldern 25–64 år en "
        f"eftergymnasial utbildning år {text.year(year(area))}, {versus}. Bland kvinnorna "
        f"var andelen {text.percent(women)} och bland männen {text.percent(men)}."
    )


def post_secondary_chart(area: Area) -> charts.Chart:
    """Post-secondary share per comparison (area, region, county, riket)."""
    table = shares(area)
    table = table[table["sex"] == "totalt"].reset_index(drop=True)
    mine = table.loc[0, "share"]
    country = table.loc[table["comparison"] == "Riket", "share"].iloc[0]
    word = text.share_in_words(mine)
    subject = (
        f"{text.capitalize(word)} invånare 25–64 år"
        if word
        else f"{text.percent(mine)} av invånarna 25–64 år"
    )
    relation = text.comparative(
        mine,
        country,
        higher="en större andel än",
        lower="en mindre andel än",
        same="ungefär lika stor andel som",
    )
    title = f"{subject} i {area.name} har eftergymnasial utbildning, {relation} i riket"
    return charts.bars(
        table,
        label="comparison",
        value="share",
        title=title,
        source=source(area),
        highlight=area.name,
        value_format=text.percent,
        data_columns={"comparison": "Område", "share": "Andel med eftergymnasial utbildning"},
    )


def by_sex_chart(area: Area) -> charts.Chart:
    """Post-secondary share of women and men, area and comparisons side by side."""
    table = shares(area)
    table = table[table["sex"] != "totalt"].reset_index(drop=True)
    table["group"] = table["sex"].str.capitalize() + ", " + table["comparison"]
    women, men = post_secondary(area, sex="kvinnor"), post_secondary(area, sex="män")
    more, fewer = ("Kvinnor", "män") if women >= men else ("Män", "kvinnor")
    title = (
        f"{more} i {area.name} har oftare eftergymnasial utbildning än {fewer}: "
        f"{text.percent(max(women, men), 0)} mot {text.percent(min(women, men), 0)}"
    )
    highlighted = [f"Kvinnor, {area.name}", f"Män, {area.name}"]
    return charts.bars(
        table,
        label="group",
        value="share",
        title=title,
        source=source(area),
        highlight=highlighted,
        value_format=text.percent,
        data_columns={"group": "Kön och område", "share": "Andel med eftergymnasial utbildning"},
    )


def levels_table(area: Area) -> pd.DataFrame:
    """Share of 25–64-year-olds at each education level, one column per comparison."""
    table = aggregate.for_comparisons(area, scb.education_level_latest, by=["age_band", "level"])
    table = table[table["age_band"].isin(aggregate.WORKING_AGE_BANDS)]
    group_of = {level: group for group, levels in GROUPS.items() for level in levels}
    table = table.assign(group=table["level"].map(group_of))
    columns = {}
    for comparison in area.comparisons:
        part = table[table["comparison"] == comparison.name]
        summed = part.groupby("group")["persons"].sum()
        columns[comparison.name] = (summed / part["persons"].sum()).reindex(list(GROUPS))
    result = pd.DataFrame(columns)
    result.index.name = "Utbildningsnivå"
    return result.reset_index()


def levels_caption(area: Area) -> str:
    """The caption of :func:`levels_table`."""
    return f"Invånare 25–64 år efter högsta utbildningsnivå {text.year(year(area))}, andel"


def trend_table(area: Area) -> pd.DataFrame | None:
    """Kolada's post-secondary share (N01982) over the fetched years, or None."""
    values = kolada.load_values()
    if values is None:
        return None
    table = kolada.for_comparisons(area, TREND_KPI, values).dropna(subset=["value"])
    if table.empty:
        return None
    table = table.assign(share=table["value"] / 100, year=table["period"])
    return table[["comparison", "year", "share"]].reset_index(drop=True)


def trend_chart(area: Area) -> charts.Chart:
    """The post-secondary share over time (Kolada), the area against its comparisons."""
    table = trend_table(area)
    if table is None:
        raise ValueError("Kolada's values are not in the snapshot (run make fetch)")
    mine = table[table["comparison"] == area.name].sort_values("year")
    first, last = mine.iloc[0], mine.iloc[-1]
    verb = text.comparative(
        last["share"],
        first["share"],
        higher="ökat",
        lower="minskat",
        same="legat kvar på ungefär samma nivå",
        tolerance=0.01,
    )
    title = (
        f"Andelen med eftergymnasial utbildning i {area.name} har {verb} sedan "
        f"{text.year(first['year'])}"
    )
    years = f"{text.year(table['year'].min())}–{text.year(table['year'].max())}"
    source_line = (
        f"Kolada (RKA), nyckeltal {TREND_KPI} {years}; bearbetning: områden med "
        "flera kommuner befolkningsviktade"
    )
    return charts.lines(
        table,
        x="year",
        y="share",
        series="comparison",
        title=title,
        source=source_line,
        highlight=area.name,
        value_format=text.percent,
        axis_label="Andel 25–64 år med eftergymnasial utbildning",
    )
