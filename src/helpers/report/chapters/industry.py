"""The chapter on jobs and industries: employment by industry and sex, day and night
population, commuting and unemployment.

None of these is in the shipped snapshot: ``make fetch`` brings them from SCB (BAS
employment by industry, commuting across the municipal border) and Kolada (open
unemployment). The chapter asks :func:`helpers.report.availability.check` first, so these
functions only run on fetched data. Counts of an area or region are sums over its
municipalities; shares are recomputed from the summed counts. A cell SCB does not publish
(``..``) is left out of a sum, never estimated, and the chart says so.

    >>> from helpers.config.params import load_area
    >>> employment(load_area("sotenas")) is None or "persons" in employment(load_area("sotenas"))
    True
"""

from __future__ import annotations

import pandas as pd

from helpers.common import text
from helpers.config.params import Area
from helpers.report import charts
from helpers.stats import kolada, scb

UNEMPLOYMENT_KPI = "N03937"
SUPPRESSED_NOTE = "Celler som SCB inte redovisar (för få personer) räknas inte med i summorna."
SEVERAL_NOTE = (
    "Området består av flera kommuner: pendling mellan dem räknas som pendling, "
    "och andelen är genomsnittet för kommunerna, vägt efter antal sysselsatta."
)


def employment(area: Area) -> pd.DataFrame | None:
    """Employed persons per comparison, year, series, place, industry and sex (summed)."""
    key = (
        tuple(area.comparisons),
        scb.fetched_version("scb_employment_industry_bas"),
        scb.fetched_version("scb_employment_industry_rams"),
    )
    if key not in _EMPLOYMENT:
        _EMPLOYMENT.clear()  # one area per report: keep only the latest
        _EMPLOYMENT[key] = _employment(area)
    return _EMPLOYMENT[key]


_EMPLOYMENT: dict[tuple[object, ...], pd.DataFrame | None] = {}


def _employment(area: Area) -> pd.DataFrame | None:
    everything = scb.employment_by_industry()
    if everything is None:
        return None
    everything = everything.assign(suppressed=(everything["status"] == "..").astype(int))
    keys = ["year", "series", "place", "industry", "industry_text", "sex"]
    frames = []
    for comparison in area.comparisons:
        table = everything[everything["code"].isin(comparison.municipalities)]
        summed = table.groupby(keys, as_index=False, sort=False)[["persons", "suppressed"]].sum()
        summed.insert(0, "comparison", comparison.name)
        frames.append(summed)
    return pd.concat(frames, ignore_index=True)


def _bas(area: Area) -> pd.DataFrame:
    table = employment(area)
    if table is None:
        raise ValueError("employment by industry is not in the snapshot (run make fetch)")
    return table[table["series"] == "BAS"]


def latest_year(area: Area) -> int:
    """The latest year of the BAS employment statistics in the snapshot."""
    return int(_bas(area)["year"].max())


def _source(area: Area) -> str:
    return scb.fetched_source("scb_employment_industry_bas", [latest_year(area)])


def industry_shares(area: Area, place: str = "dag") -> pd.DataFrame:
    """Share of the employed per industry, per comparison, in the latest year.

    ``place`` ``dag``: by workplace (the jobs in the area); ``natt``: by residence.
    """
    table = _bas(area)
    table = table[
        (table["year"] == latest_year(area))
        & (table["place"] == place)
        & (table["sex"] == "totalt")
        & (table["industry"] != scb.ALL_INDUSTRIES)
    ]
    table = table.assign(
        share=table["persons"] / table.groupby("comparison")["persons"].transform("sum")
    )
    # SCB writes industries in lower case; charts and tables start them with a capital.
    table = table.assign(industry_label=table["industry_text"].map(text.capitalize))
    return table[
        [
            "comparison",
            "industry",
            "industry_text",
            "industry_label",
            "persons",
            "share",
            "suppressed",
        ]
    ].reset_index(drop=True)


def _totals(area: Area, year: int) -> pd.DataFrame:
    """Employed by workplace (dag) and by residence (natt) per comparison."""
    table = _bas(area)
    table = table[(table["year"] == year) & (table["sex"] == "totalt")]
    totals = table[table["industry"] == scb.ALL_INDUSTRIES]
    if totals.empty:  # no published total: sum the industries
        totals = table.groupby(["comparison", "place"], as_index=False, sort=False)["persons"].sum()
    wide = totals.pivot_table(
        index="comparison", columns="place", values="persons", sort=False, aggfunc="sum"
    )
    return wide.reindex([c.name for c in area.comparisons])


def jobs(area: Area) -> float:
    """The number of jobs in the area (day population) in the latest year."""
    return float(_totals(area, latest_year(area)).loc[area.name, "dag"])


def headline(area: Area) -> str:
    """Jobs and employed residents in the area, and its largest industry."""
    year = latest_year(area)
    totals = _totals(area, year)
    shares = industry_shares(area)
    mine = shares[shares["comparison"] == area.name].sort_values("share", ascending=False)
    top = mine.iloc[0]
    country = shares[(shares["comparison"] == "Riket") & (shares["industry"] == top["industry"])]
    return (
        f"År {text.year(year)} hade **{text.number(totals.loc[area.name, 'dag'])} personer** "
        f"sin arbetsplats i {area.name} (dagbefolkning), och "
        f"{text.number(totals.loc[area.name, 'natt'])} förvärvsarbetande bodde där "
        f"(nattbefolkning). Den största branschen var {top['industry_text']} med "
        f"{text.percent(top['share'])} av de sysselsatta, jämfört med "
        f"{text.percent(country['share'].iloc[0])} i riket."
    )


def industries_chart(area: Area) -> charts.Chart:
    """The area's industries by share of the jobs in it, largest first."""
    shares = industry_shares(area)
    mine = shares[shares["comparison"] == area.name].sort_values("share", ascending=False)
    top = mine.iloc[0]
    title = (
        f"{text.capitalize(top['industry_text'])} är den största branschen i {area.name} "
        f"med {text.percent(top['share'], 0)} av de sysselsatta"
    )
    chart = charts.bars(
        mine,
        label="industry_label",
        value="share",
        title=title,
        source=_source(area),
        highlight=None,
        value_format=text.percent,
        data_columns={
            "industry_label": "Bransch (SNI 2007)",
            "share": f"Andel av de sysselsatta i {area.name}",
        },
    )
    if mine["suppressed"].sum():
        chart.notes.append(SUPPRESSED_NOTE)
    return chart


def industries_table(area: Area) -> pd.DataFrame:
    """Industry shares of the jobs, the area against its comparisons (one column each)."""
    shares = industry_shares(area)
    order = shares[shares["comparison"] == area.name].sort_values("share", ascending=False)
    wide = shares.pivot_table(
        index="industry_label", columns="comparison", values="share", sort=False
    ).reindex(order["industry_label"])
    wide = wide[[c.name for c in area.comparisons]]
    wide.index.name = "Bransch (SNI 2007)"
    return wide.reset_index()


def industries_caption(area: Area) -> str:
    """The caption of :func:`industries_table`."""
    return (
        f"Andel av de sysselsatta (dagbefolkning) per bransch {text.year(latest_year(area))}"
        ", området jämfört med regionen, länet och riket"
    )


def source(area: Area) -> str:
    """The source line of the employment figures."""
    return _source(area)


def women_share_chart(area: Area) -> charts.Chart:
    """Share of women among those working in each industry in the area."""
    table = _bas(area)
    table = table[
        (table["comparison"] == area.name)
        & (table["year"] == latest_year(area))
        & (table["place"] == "dag")
        & (table["industry"] != scb.ALL_INDUSTRIES)
    ]
    wide = table.pivot_table(index="industry_text", columns="sex", values="persons", aggfunc="sum")
    wide = wide[wide["totalt"] > 0]
    wide["share"] = wide["kvinnor"] / wide["totalt"]
    wide = wide.sort_values("share", ascending=False).reset_index()
    wide["industry_text"] = wide["industry_text"].map(text.capitalize)
    top = wide.iloc[0]
    title = (
        f"{top['industry_text']} har störst andel kvinnor i {area.name}: "
        f"{text.percent(top['share'], 0)} av de sysselsatta är kvinnor"
    )
    chart = charts.bars(
        wide,
        label="industry_text",
        value="share",
        title=title,
        source=_source(area),
        value_format=text.percent,
        data_columns={"industry_text": "Bransch (SNI 2007)", "share": "Andel kvinnor"},
    )
    if table["suppressed"].sum():
        chart.notes.append(SUPPRESSED_NOTE)
    return chart


def day_night_table(area: Area) -> pd.DataFrame:
    """Jobs (dag) and employed residents (natt) per comparison, and jobs per 100 residents."""
    totals = _totals(area, latest_year(area)).reset_index()
    totals["ratio"] = totals["dag"] / totals["natt"] * 100
    return totals[["comparison", "dag", "natt", "ratio"]]


def day_night_chart(area: Area) -> charts.Chart:
    """Day population per 100 of the night population, per comparison."""
    table = day_night_table(area)
    mine = table.loc[0, "ratio"]
    more = "fler" if mine > 100 else "färre"
    title = (
        f"{area.name} har {more} arbetstillfällen än förvärvsarbetande invånare: "
        f"{text.number(mine)} per 100"
    )
    return charts.bars(
        table,
        label="comparison",
        value="ratio",
        title=title,
        source=_source(area) + "; bearbetning: dagbefolkning per 100 i nattbefolkningen",
        highlight=area.name,
        value_format=lambda v: text.number(v, 0),
        data_columns={
            "comparison": "Område",
            "ratio": "Sysselsatta med arbetsplats i området per 100 förvärvsarbetande invånare",
        },
    )


def trend_table(area: Area) -> pd.DataFrame:
    """Jobs in the area (day population) per year and series (RAMS until 2018, BAS from 2020)."""
    table = employment(area)
    if table is None:
        raise ValueError("employment by industry is not in the snapshot (run make fetch)")
    table = table[
        (table["comparison"] == area.name) & (table["place"] == "dag") & (table["sex"] == "totalt")
    ]
    bas = table[(table["series"] == "BAS") & (table["industry"] == scb.ALL_INDUSTRIES)]
    rams = (
        table[table["series"] == "RAMS"]
        .groupby(["year", "series"], as_index=False)["persons"]
        .sum()
    )
    both = pd.concat([rams, bas[["year", "series", "persons"]]], ignore_index=True)
    names = {"RAMS": "RAMS (till 2018)", "BAS": "BAS (från 2020)"}
    both["series"] = both["series"].map(names)
    return both.sort_values("year").reset_index(drop=True)


def trend_chart(area: Area) -> charts.Chart:
    """Jobs in the area over time, with the break between the RAMS and BAS series marked."""
    table = trend_table(area)
    bas = table[table["series"] == "BAS (från 2020)"].sort_values("year")
    first, last = bas.iloc[0], bas.iloc[-1]
    verb = text.comparative(
        last["persons"],
        first["persons"],
        higher="ökat",
        lower="minskat",
        same="varit ungefär oförändrat",
        tolerance=0.01,
    )
    title = f"Antalet arbetstillfällen i {area.name} har {verb} sedan {text.year(first['year'])}"
    chart = charts.lines(
        table,
        x="year",
        y="persons",
        series="series",
        title=title,
        source=scb.fetched_source("scb_employment_industry_rams") + "; " + _source(area),
        value_format=text.number,
        axis_label="Sysselsatta med arbetsplats i området",
    )
    chart.notes.append(
        "Serien bryts mellan 2018 och 2020: SCB bytte från RAMS till BAS, och "
        "siffrorna före och efter är inte helt jämförbara."
    )
    return chart


def commuting_table(area: Area) -> pd.DataFrame:
    """In- and out-commuters per comparison, and their shares (latest common year).

    In-commuting share = in-commuters / jobs in the area (day population); out-commuting
    share = out-commuters / employed residents (night population).
    """
    frames = []
    for comparison in area.comparisons:
        table = scb.commuting(comparison.municipalities)
        if table is None:
            raise ValueError("commuting is not in the snapshot (run make fetch)")
        table = table[table["sex"] == "totalt"] if "totalt" in set(table["sex"]) else table
        summed = table.groupby(["year", "direction"], as_index=False)["persons"].sum()
        summed.insert(0, "comparison", comparison.name)
        frames.append(summed)
    commuters = (
        pd.concat(frames)
        .pivot_table(
            index=["comparison", "year"], columns="direction", values="persons", aggfunc="sum"
        )
        .reset_index()
    )
    years = sorted(set(commuters["year"]) & set(_bas(area)["year"]))
    year = years[-1]
    totals = _totals(area, year)
    commuters = commuters[commuters["year"] == year].set_index("comparison")
    table = pd.DataFrame({"comparison": [c.name for c in area.comparisons]})
    table["year"] = year
    table["in"] = table["comparison"].map(commuters["in"])
    table["ut"] = table["comparison"].map(commuters["ut"])
    table["in_share"] = table["in"] / table["comparison"].map(totals["dag"])
    table["out_share"] = table["ut"] / table["comparison"].map(totals["natt"])
    return table


def commuting_chart(area: Area) -> charts.Chart:
    """In- and out-commuting shares, the area against its comparisons."""
    table = commuting_table(area)
    rows = []
    for record in table.itertuples():
        rows.append({"label": f"Inpendlare, {record.comparison}", "share": record.in_share})
        rows.append({"label": f"Utpendlare, {record.comparison}", "share": record.out_share})
    shares = pd.DataFrame(rows)
    mine = table.iloc[0]
    title = (
        f"{text.percent(mine['out_share'], 0)} av de förvärvsarbetande som bor i "
        f"{area.name} arbetar i en annan kommun, och {text.percent(mine['in_share'], 0)} "
        "av dem som arbetar där bor i en annan kommun"
    )
    source_line = (
        scb.fetched_source("scb_commuting", [int(mine["year"])])
        + "; "
        + scb.fetched_source("scb_employment_industry_bas", [int(mine["year"])])
        + "; bearbetning: inpendlare / dagbefolkning, utpendlare / nattbefolkning"
    )
    chart = charts.bars(
        shares,
        label="label",
        value="share",
        title=title,
        source=source_line,
        highlight=[f"Inpendlare, {area.name}", f"Utpendlare, {area.name}"],
        value_format=text.percent,
        data_columns={"label": "Pendling och område", "share": "Andel"},
    )
    if len(area.municipalities) > 1:
        chart.notes.append(SEVERAL_NOTE)
    chart.notes.append(
        "Län, region och riket: andelen av de sysselsatta som pendlar över en kommungräns."
    )
    return chart


def unemployment_table(area: Area) -> pd.DataFrame:
    """Open unemployment 18–65 (Kolada N03937) per comparison, latest year with a value."""
    values = kolada.load_values()
    if values is None:
        raise ValueError("Kolada's values are not in the snapshot (run make fetch)")
    table = kolada.for_comparisons(area, UNEMPLOYMENT_KPI, values)
    mine = table[(table["comparison"] == area.name) & table["value"].notna()]
    year = int(mine["period"].max())
    table = table[table["period"] == year].assign(share=lambda t: t["value"] / 100)
    order = {c.name: i for i, c in enumerate(area.comparisons)}
    return table.sort_values("comparison", key=lambda s: s.map(order)).reset_index(drop=True)


def unemployment(area: Area) -> float:
    """The area's open unemployment 18–65 (a share) in the latest year with a value."""
    return float(unemployment_table(area).loc[0, "share"])


def unemployment_source(area: Area) -> str:
    """The source of :func:`unemployment`: Kolada's KPI and the year."""
    year = int(unemployment_table(area).loc[0, "period"])
    return f"Kolada (RKA), nyckeltal {UNEMPLOYMENT_KPI} {year}"


def unemployment_chart(area: Area) -> charts.Chart:
    """Share of the population 18–65 that is openly unemployed, per comparison."""
    table = unemployment_table(area)
    mine = table.loc[0, "share"]
    country = table.loc[table["comparison"] == "Riket", "share"].iloc[0]
    relation = text.comparative(mine, country, same="ungefär lika hög")
    title = (
        f"Den öppna arbetslösheten i {area.name} är {relation} som i riket"
        if relation == "ungefär lika hög"
        else f"Den öppna arbetslösheten i {area.name} är {relation} än i riket: "
        f"{text.percent(mine)} mot {text.percent(country)}"
    )
    year = int(table.loc[0, "period"])
    source_line = (
        f"Kolada (RKA), nyckeltal {UNEMPLOYMENT_KPI} {kolada.title(UNEMPLOYMENT_KPI)}"
        f" {year} (Arbetsförmedlingen och SCB); bearbetning: områden med flera "
        "kommuner befolkningsviktade"
    )
    chart = charts.bars(
        table,
        label="comparison",
        value="share",
        title=title,
        source=source_line,
        highlight=area.name,
        value_format=text.percent,
        data_columns={"comparison": "Område", "share": "Öppet arbetslösa, andel av 18–65 år"},
    )
    if table["share"].isna().any():
        chart.notes.append(
            f"{text.MISSING}: Kolada har inget värde för alla kommuner i "
            f"området år {year}, så inget vägt värde räknas."
        )
    return chart
