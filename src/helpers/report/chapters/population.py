"""The population chapter: figures, charts and sentences for an area and its comparisons.

Every function takes the validated :class:`~helpers.config.params.Area` and returns a chart, a
table or a Swedish sentence built from SCB's figures; the chapter notebook only calls them::

    rpt.show(population.trend_chart(rpt.area))
"""

from __future__ import annotations

import pandas as pd

from helpers.common import text
from helpers.config.params import Area
from helpers.report import charts, tables
from helpers.stats import aggregate, scb

AGE_GROUPS = [
    (0, 19, "0–19 år"),
    (20, 34, "20–34 år"),
    (35, 49, "35–49 år"),
    (50, 64, "50–64 år"),
    (65, 79, "65–79 år"),
    (80, 200, "80 år och äldre"),
]
PYRAMID_GROUPS = [(lo, lo + 4, f"{lo}–{lo + 4}") for lo in range(0, 90, 5)] + [(90, 200, "90+")]


def indicators(area: Area) -> pd.DataFrame:
    """Population, age shares, dependency ratio and born abroad, per comparison."""
    return aggregate.population_indicators(area)


def _grouped(population: pd.DataFrame, groups: list[tuple[int, int, str]]) -> pd.DataFrame:
    labels = pd.cut(
        population["age"],
        bins=[lo - 0.5 for lo, _, _ in groups] + [1000],
        labels=[label for _, _, label in groups],
    )
    table = (
        population.assign(group=labels)
        .groupby(["group", "sex"], observed=True, sort=False)["persons"]
        .sum()
        .reset_index()
    )
    table["share"] = table["persons"] / table["persons"].sum()
    table["group"] = table["group"].astype(str)
    return table


def headline(area: Area) -> str:
    """The chapter's first sentence: how many live in the area, and the trend since 2001."""
    table = indicators(area)
    trend = trend_table(area)
    mine = trend[trend["comparison"] == area.name].sort_values("year")
    first, last = mine.iloc[0], mine.iloc[-1]
    change = last["persons"] / first["persons"] - 1
    direction = "ökade" if change > 0 else "minskade"
    return (
        f"{area.name} hade **{text.number(table.loc[area.name, 'persons'])} invånare** "
        f"den 31 december 2019. Mellan {text.year(first['year'])} och "
        f"{text.year(last['year'])} {direction} folkmängden med "
        f"{text.percent(abs(change))}, från {text.number(first['persons'])} till "
        f"{text.number(last['persons'])}."
    )


def trend_table(area: Area) -> pd.DataFrame:
    """Population per comparison and year (2001–2021) with an index, 2001 = 100."""
    table = aggregate.for_comparisons(area, scb.population_trend, by=["year"])
    base = table[table["year"] == table["year"].min()].set_index("comparison")["persons"]
    table["index"] = table["persons"] / table["comparison"].map(base) * 100
    return table


def trend_chart(area: Area) -> charts.Chart:
    """Population change since 2001, indexed, the area against its comparisons."""
    table = trend_table(area)
    last = table[table["year"] == table["year"].max()].set_index("comparison")["index"]
    verb = "vuxit mindre" if last[area.name] < last["Riket"] else "vuxit mer"
    if last[area.name] < 100:
        verb = "krympt"
    title = (
        f"{area.name} har {verb} än riket sedan {text.year(table['year'].min())}"
        if verb != "krympt"
        else f"Folkmängden i {area.name} har krympt sedan {text.year(table['year'].min())}"
    )
    return charts.lines(
        table,
        x="year",
        y="index",
        series="comparison",
        title=title,
        source=scb.SOURCE_PANEL,
        highlight=area.name,
        value_format=lambda v: text.number(v, 0),
        axis_label=f"Index, {text.year(table['year'].min())} = 100",
    )


def pyramid_chart(area: Area) -> charts.Chart:
    """The age pyramid of the area, with the country's as an outline."""
    mine = _grouped(scb.population(area.municipalities), PYRAMID_GROUPS)
    country = _grouped(scb.population(), PYRAMID_GROUPS)
    old = indicators(area)["share_65_plus"]
    old_mine, old_country = old[area.name], old["Riket"]
    word = text.share_in_words(old_mine)
    subject = (
        f"{text.capitalize(word)} invånare" if word else f"{text.percent(old_mine)} av invånarna"
    )
    title = (
        f"{subject} i {area.name} är 65 år eller äldre, "
        + text.comparative(old_mine, old_country, higher="fler", lower="färre", same="lika många")
        + " än i riket"
    )
    return charts.pyramid(
        mine,
        group="group",
        sex="sex",
        value="share",
        title=title,
        source=scb.SOURCE_POPULATION,
        compare=country,
        compare_name="Riket",
        area_name=area.name,
    )


AGE_TABLE_CAPTION = "Andel av befolkningen per åldersgrupp 2019"


def age_table_formats(area: Area) -> dict[str, tables.Format]:
    """Every comparison's column in the age-group table reads as a percentage."""
    return {comparison.name: text.percent for comparison in area.comparisons}


def age_groups_table(area: Area) -> pd.DataFrame:
    """Share of the population in broad age groups, area and comparisons side by side."""
    columns = {}
    for comparison in area.comparisons:
        grouped = _grouped(scb.population(comparison.municipalities), AGE_GROUPS)
        columns[comparison.name] = grouped.groupby("group", sort=False)["share"].sum()
    table = pd.DataFrame(columns)
    table.index.name = "Åldersgrupp"
    return table.reset_index()


def dependency_chart(area: Area) -> charts.Chart:
    """Demographic dependency ratio (försörjningskvot) per comparison."""
    table = indicators(area).reset_index()
    mine = table.loc[0, "dependency_ratio"]
    country = table.loc[table["comparison"] == "Riket", "dependency_ratio"].iloc[0]
    word = text.comparative(mine, country)
    title = (
        f"Försörjningskvoten i {area.name} är {word} än i riket: "
        f"{text.number(mine)} personer per 100 i arbetsför ålder"
    )
    return charts.bars(
        table,
        label="comparison",
        value="dependency_ratio",
        title=title,
        source=scb.SOURCE_POPULATION + "; bearbetning: försörjningskvot = "
        "(0–19 år + 65 år och äldre) / 20–64 år × 100",
        highlight=area.name,
        value_format=lambda v: text.number(v, 1),
        data_columns={"comparison": "Område", "dependency_ratio": "Försörjningskvot"},
    )


def born_abroad_chart(area: Area) -> charts.Chart:
    """Share of the population born abroad, per comparison."""
    table = indicators(area).reset_index()
    mine = table.loc[0, "share_born_abroad"]
    country = table.loc[table["comparison"] == "Riket", "share_born_abroad"].iloc[0]
    title = (
        f"{text.percent(mine, 0)} av invånarna i {area.name} är födda utomlands, "
        f"{text.comparative(mine, country, same='ungefär lika hög')} andel än i riket"
    )
    return charts.bars(
        table,
        label="comparison",
        value="share_born_abroad",
        title=title,
        source=scb.SOURCE_BIRTH_REGION,
        highlight=area.name,
        value_format=text.percent,
        data_columns={"comparison": "Område", "share_born_abroad": "Andel utrikes födda"},
    )
