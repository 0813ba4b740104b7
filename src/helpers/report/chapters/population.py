"""The population chapter: figures, charts and sentences for an area and its comparisons.

Every function takes the validated :class:`~helpers.config.params.Area` and returns a chart, a
table or a Swedish sentence; the chapter notebook only calls them::

    rpt.show(population.trend_chart(rpt.area))

The population, its age groups, the dependency ratio and the retirement outlook are for the
latest year of Kolada's series (SCB's population statistics, 1994 on); an area of several
municipalities sums its municipalities' counts and shows each beside it. Single years of age
(the pyramid) and birth region exist only for 2019 in the snapshot, and say so.

    >>> from helpers.config.params import load_area
    >>> headline(load_area("sotenas")).startswith("Sotenäs hade **9\\xa0160 invånare**")
    True
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import indicators as survey_indicators
from helpers.analysis.area_survey import AreaSurvey
from helpers.common import memo, text
from helpers.config.params import Area
from helpers.report import charts, tables
from helpers.report.chapters import series
from helpers.stats import aggregate, comparisons, kolada, scb

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


POPULATION = "N01951"
YOUNG = ("N01952", "N01953", "N01954")
WORKING, OLD, OLDEST = "N01955", "N01956", "N01957"
UP_TO_44, FROM_45 = "N02832", "N02833"
#: Broad age groups over time: label → the Kolada age groups they add up.
BROAD_GROUPS = {
    "0–19 år": YOUNG,
    "20–64 år": (WORKING,),
    "65–79 år": (OLD,),
    "80 år och äldre": (OLDEST,),
}
DEPENDENCY = "försörjningskvot = (0–19 år + 65 år och äldre) / 20–64 år × 100"


def year(area: Area) -> int:
    """The latest year of the population figures for every municipality of the area."""
    return kolada.load().latest(POPULATION, area.municipalities)


def source(area: Area) -> str:
    """The source line of the population figures."""
    return series.source([POPULATION], [year(area)])


def _summed(area: Area, kpis: tuple[str, ...]) -> pd.DataFrame:
    """``name, role, period, value``: the KPIs' counts added up, for every row of the area."""
    tables_ = [comparisons.for_area(area, kpi) for kpi in kpis]
    total = tables_[0].copy()
    for other in tables_[1:]:
        total["value"] = total["value"] + other["value"].to_numpy()
    return total


@memo.remembered
def figures(area: Area) -> pd.DataFrame:
    """The latest year's population, age shares, dependency ratio and the 45–64-year-olds,
    for the area, its municipalities (when several) and its comparisons (index: name)."""
    latest = year(area)

    def at(kpis: tuple[str, ...]) -> pd.Series:
        return comparisons.at(_summed(area, kpis), latest)

    persons, young, working = at((POPULATION,)), at(YOUNG), at((WORKING,))
    old, oldest, later = at((OLD,)), at((OLDEST,)), at((FROM_45,))
    table = pd.DataFrame(
        {
            "persons": persons,
            "share_0_19": young / persons,
            "share_20_64": working / persons,
            "share_65_plus": (old + oldest) / persons,
            "dependency_ratio": (young + old + oldest) / working * 100,
            "aged_45_64": later,
            "share_45_64": later / working,
        }
    )
    table.index.name = "name"
    return table


def _first_year(area: Area) -> int:
    """The first year with a population figure for every municipality of the area."""
    table = comparisons.for_area(area, POPULATION)
    mine = table[(table["role"] == comparisons.AREA) & table["value"].notna()]
    return int(mine["period"].min())


def headline(area: Area) -> str:
    """How many live in the area now, and the change since the series' first year."""
    latest, first = year(area), _first_year(area)
    table = comparisons.for_area(area, POPULATION)
    then, now = comparisons.at(table, first), comparisons.at(table, latest)
    change = now[area.name] / then[area.name] - 1
    direction = "ökade" if change > 0 else "minskade"
    sentence = (
        f"{area.name} hade **{text.number(now[area.name])} invånare** den 31 december "
        f"{text.year(latest)}. Mellan {text.year(first)} och {text.year(latest)} {direction} "
        f"folkmängden med {text.percent(abs(change))}, från {text.number(then[area.name])} "
        f"till {text.number(now[area.name])}."
    )
    if len(area.municipalities) > 1:
        parts = [f"{name} {text.number(now[name])}" for name in area.municipality_names]
        sentence += f" Invånare per kommun {text.year(latest)}: {text.join(parts)}."
    sentence += "".join(f" {note}" for note in series.gaps(area, POPULATION))
    return sentence


def trend_table(area: Area) -> pd.DataFrame:
    """Population per row and year from the area's first year, with an index (first = 100)."""
    first = _first_year(area)
    table = comparisons.for_area(area, POPULATION)
    table = table[(table["period"] >= first) & table["value"].notna()].copy()
    base = comparisons.at(comparisons.for_area(area, POPULATION), first)
    table["index"] = table["value"] / table["name"].map(base) * 100
    return table


def trend_chart(area: Area) -> charts.Chart:
    """Population change since the first year, indexed, the area against its comparisons."""
    table = trend_table(area)
    first, latest = int(table["period"].min()), int(table["period"].max())
    last = comparisons.at(table.rename(columns={"value": "persons", "index": "value"}), latest)
    mine, country = last[area.name], last["Riket"]
    growth, national = mine / 100 - 1, country / 100 - 1
    if growth < 0:
        title = (
            f"Folkmängden i {area.name} har minskat med {text.percent(-growth)} sedan "
            f"{text.year(first)}, medan rikets har ökat med {text.percent(national)}"
        )
    else:
        word = "mindre" if growth < national else "mer"
        title = (
            f"{area.name} har vuxit {word} än riket sedan {text.year(first)}: "
            f"{text.percent(growth)} mot {text.percent(national)}"
        )
    chart = charts.lines(
        table,
        x="period",
        y="index",
        series="name",
        title=title,
        source=series.source([POPULATION], [first, latest], f"index, {first} = 100"),
        highlight=area.name,
        value_format=lambda v: text.number(v, 0),
        axis_label=f"Index, {text.year(first)} = 100",
    )
    chart.notes.extend(series.gaps(area, POPULATION))
    return chart


@memo.remembered
def age_trend(area: Area) -> pd.DataFrame:
    """The area's broad age groups as shares of its population, every year it has figures
    for: ``period, group, share``."""
    total = comparisons.for_area(area, POPULATION)
    frames = []
    for label, kpis in BROAD_GROUPS.items():
        part = _summed(area, kpis)
        part = part.assign(group=label, share=part["value"] / total["value"].to_numpy())
        frames.append(part[(part["role"] == comparisons.AREA) & part["share"].notna()])
    return pd.concat(frames, ignore_index=True)[["period", "group", "share"]]


def age_trend_years(area: Area) -> list[int]:
    """The years the age table shows: the first, every tenth after it, and the latest."""
    years = sorted(age_trend(area)["period"].unique())
    first, latest = int(years[0]), int(years[-1])
    return [*range(first, latest - 4, 10), latest]


def age_trend_sentence(area: Area) -> str:
    """How the share of residents 65 and older has changed since the first year."""
    table = age_trend(area)
    old = table[table["group"].isin(["65–79 år", "80 år och äldre"])]
    old = old.groupby("period")["share"].sum()
    first, latest = int(old.index.min()), int(old.index.max())
    verb = text.comparative(
        old[latest], old[first], higher="ökat", lower="minskat", same="legat kvar", tolerance=0.02
    )
    sentence = (
        f"Andelen invånare som är 65 år eller äldre har i {area.name} {verb} från "
        f"{text.percent(old[first])} år {text.year(first)} till {text.percent(old[latest])} "
        f"år {text.year(latest)}."
    )
    return sentence + "".join(f" {note}" for note in series.gaps(area, POPULATION))


def age_trend_table(area: Area) -> pd.DataFrame:
    """The area's age groups as shares of its population, in :func:`age_trend_years`."""
    table = age_trend(area)
    table = table[table["period"].isin(age_trend_years(area))]
    wide = table.pivot_table(index="group", columns="period", values="share", sort=False)
    wide.columns = [str(year) for year in wide.columns]
    wide.index.name = "Åldersgrupp"
    return wide.reset_index()


def age_trend_caption(area: Area) -> str:
    """The caption of :func:`age_trend_table`."""
    years = age_trend_years(area)
    return f"Andel av invånarna i {area.name} per åldersgrupp {text.span(years)}"


def age_trend_source(area: Area) -> str:
    """The source line of :func:`age_trend_table`."""
    return series.source(
        [POPULATION, *YOUNG, WORKING, OLD, OLDEST], age_trend_years(area), "andel av invånarna"
    )


def pyramid_chart(area: Area) -> charts.Chart:
    """The age pyramid of the area, with the country's as an outline: single years of age,
    the latest year there is (2019 in the shipped snapshot, newer after ``make fetch``)."""
    people, everyone = scb.population_latest(area.municipalities), scb.population_latest()
    mine = _grouped(people, PYRAMID_GROUPS)
    country = _grouped(everyone, PYRAMID_GROUPS)

    def old(table: pd.DataFrame) -> float:
        return float(table.loc[table["age"] >= 65, "persons"].sum() / table["persons"].sum())

    old_mine, old_country = old(people), old(everyone)
    word = text.share_in_words(old_mine)
    subject = (
        f"{text.capitalize(word)} invånare" if word else f"{text.percent(old_mine)} av invånarna"
    )
    title = (
        f"{subject} i {area.name} var 65 år eller äldre {text.year(people['year'].max())}, "
        + text.comparative(
            old_mine,
            old_country,
            higher="en större andel än",
            lower="en mindre andel än",
            same="ungefär lika stor andel som",
        )
        + " i riket"
    )
    return charts.pyramid(
        mine,
        group="group",
        sex="sex",
        value="share",
        title=title,
        source=scb.population_source(people),
        compare=country,
        compare_name="Riket",
        area_name=area.name,
    )


def age_table_caption(area: Area) -> str:
    """The caption of :func:`age_groups_table`."""
    return f"Andel av befolkningen per åldersgrupp 31 december {text.year(year(area))}"


def age_table_formats(area: Area) -> dict[str, tables.Format]:
    """Every column of the age-group tables but the first reads as a percentage."""
    years = [str(year) for year in age_trend_years(area)]
    return {name: text.percent for name in [*figures(area).index, *years]}


def age_groups_table(area: Area) -> pd.DataFrame:
    """Share of the population per broad age group, latest year, one column per row of
    :func:`figures` (area, its municipalities, comparisons)."""
    latest = year(area)
    persons = comparisons.at(comparisons.for_area(area, POPULATION), latest)
    columns = {
        label: comparisons.at(_summed(area, kpis), latest) / persons
        for label, kpis in BROAD_GROUPS.items()
    }
    table = pd.DataFrame(columns).T
    table.index.name = "Åldersgrupp"
    return table.reset_index()


def age_source(area: Area) -> str:
    """The source line of the age figures."""
    return series.source(
        [POPULATION, *YOUNG, WORKING, OLD, OLDEST], [year(area)], "andel av invånarna"
    )


def dependency_chart(area: Area) -> charts.Chart:
    """Demographic dependency ratio (försörjningskvot) per row, latest year."""
    table = figures(area).reset_index()
    mine = table.loc[0, "dependency_ratio"]
    country = table.loc[table["name"] == "Riket", "dependency_ratio"].iloc[0]
    word = text.comparative(mine, country)
    latest = year(area)
    title = (
        f"Försörjningskvoten i {area.name} är {word} än i riket: "
        f"{text.number(mine)} personer per 100 i arbetsför ålder {text.year(latest)}"
    )
    return charts.bars(
        table,
        label="name",
        value="dependency_ratio",
        title=title,
        source=series.source([*YOUNG, WORKING, OLD, OLDEST], [latest], DEPENDENCY),
        highlight=area.name,
        value_format=lambda v: text.number(v, 1),
        data_columns={"name": "Område", "dependency_ratio": "Försörjningskvot"},
    )


def retirement_chart(area: Area) -> charts.Chart:
    """Share of the working-age population (20–64) that is 45–64: they retire within 20 years."""
    table = figures(area).reset_index()
    mine = table.loc[0, "share_45_64"]
    country = table.loc[table["name"] == "Riket", "share_45_64"].iloc[0]
    latest = year(area)
    title = (
        f"I {area.name} är {text.percent(mine, 0)} av invånarna i arbetsför ålder 45–64 år "
        f"och når pensionsåldern inom 20 år ({text.percent(country, 0)} i riket)"
    )
    return charts.bars(
        table,
        label="name",
        value="share_45_64",
        title=title,
        source=series.source([FROM_45, WORKING], [latest], "45–64 år / 20–64 år"),
        highlight=area.name,
        value_format=text.percent,
        data_columns={"name": "Område", "share_45_64": "Andel 45–64 år av invånarna 20–64 år"},
    )


def retirement_sentence(area: Area) -> str:
    """How many will reach retirement age in the next 20 years, and how many are 65+."""
    row = figures(area).loc[area.name]
    latest = year(area)
    country = figures(area).loc["Riket"]
    return (
        f"Den 31 december {text.year(latest)} var {text.number(row['aged_45_64'])} invånare i "
        f"{area.name} 45–64 år, {text.percent(row['share_45_64'])} av dem i arbetsför ålder "
        f"(20–64 år) mot {text.percent(country['share_45_64'])} i riket. De når pensionsåldern "
        f"inom 20 år, i genomsnitt ungefär {text.number(row['aged_45_64'] / 20, 0)} personer "
        f"om året, och arbetsgivarna behöver ersätta dem som går i pension. Redan i dag är "
        f"{text.percent(row['share_65_plus'])} av invånarna 65 år eller äldre "
        f"({text.percent(country['share_65_plus'])} i riket)."
    )


#: Ages that reach 65 within the survey's three years (B3 asks about the next 3 years).
NEAR_RETIREMENT = (62, 64)


def near_retirement(area: Area) -> tuple[int, int]:
    """Residents aged 62–64 (they turn 65 within three years) in the latest single-year
    ages, and that year."""
    people = scb.population_latest(area.municipalities)
    low, high = NEAR_RETIREMENT
    near = people[(people["age"] >= low) & (people["age"] <= high)]
    return int(near["persons"].sum()), int(people["year"].max())


def retirements_in_survey(area: Area, sv: AreaSurvey | None) -> str:
    """What the employers answered about retirements (B3), beside the age structure: the
    residents who turn 65 within the same three years."""
    if sv is None:
        return (
            f"Någon arbetsgivarenkät finns inte för {area.name} {text.year(area.year)}, så "
            "arbetsgivarnas egna bedömning av pensionsavgångarna kan inte visas här."
        )
    table = survey_indicators.retirements(sv.responses, threshold=sv.threshold)
    row = table.iloc[0]
    if bool(row["suppressed"]) or text.is_missing(row["total"]):
        return (
            "För få arbetsgivare svarade på frågan om pensionsavgångar (B3) för att "
            "svaren ska kunna redovisas."
        )
    near, near_year = near_retirement(area)
    low, high = NEAR_RETIREMENT
    sentence = (
        f"I arbetsgivarenkäten {text.year(sv.year)} svarade {text.number(row['employers'])} "
        f"arbetsgivare att sammanlagt {text.number(row['total'])} av deras anställda väntas "
        "gå i pension de kommande tre åren (fråga B3). Det gäller bara de arbetsgivare som "
        "svarade; pensionsavgångarna i hela området är fler. Som jämförelse var "
        f"{text.number(near)} av invånarna i {area.name} {low}–{high} år gamla vid slutet av "
        f"{text.year(near_year)}, och de fyllde 65 år inom tre år."
    )
    if sv.example:
        sentence += " Enkätsvaren är exempeldata."
    return sentence


def retirements_by_branch(sv: AreaSurvey) -> pd.DataFrame:
    """B3 per branch: employers who answered and the staff they expect to retire within
    three years. Branches with fewer respondents than the threshold are not shown one by
    one (they stay in Totalt; ``attrs["left_out"]`` counts them)."""
    table = survey_indicators.retirements(sv.responses, by="A2", threshold=sv.threshold)
    total = table["group"] == survey_indicators.TOTAL
    shown = table[total | ~table["suppressed"].astype(bool)]
    out = pd.DataFrame(
        {
            "Bransch": shown["group"],
            "Arbetsgivare som svarat": shown["employers"],
            "Anställda som väntas gå i pension inom 3 år": shown["total"],
        }
    ).reset_index(drop=True)
    out.attrs["left_out"] = int((~total & table["suppressed"].astype(bool)).sum())
    # The "–" note only when a shown cell is hidden (left-out branches have their own note).
    out.attrs["suppressed"] = bool(out.isna().any().any())
    return out


def retirements_note(sv: AreaSurvey, table: pd.DataFrame) -> str:
    """The note under :func:`retirements_by_branch`: branches left out, and what it counts."""
    note = (
        "Antalet gäller de anställda hos arbetsgivarna som svarade, inte alla som arbetar i "
        "branschen."
    )
    left_out = table.attrs.get("left_out", 0)
    if left_out:
        note += (
            f" Branscher med färre än {text.number(sv.threshold)} svarande "
            f"({text.number(left_out)} st.) visas inte var för sig men ingår i Totalt."
        )
    return note


def born_abroad_chart(area: Area) -> charts.Chart:
    """Share of the population born abroad, per comparison."""
    table = indicators(area).reset_index()
    mine = table.loc[0, "share_born_abroad"]
    country = table.loc[table["comparison"] == "Riket", "share_born_abroad"].iloc[0]
    title = (
        f"I {area.name} var {text.percent(mine, 0)} av invånarna födda utomlands 2019, "
        + text.comparative(
            mine,
            country,
            higher="en större andel än",
            lower="en mindre andel än",
            same="ungefär lika stor andel som",
        )
        + " i riket"
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
