"""The education-level chapter: how many 25–64-year-olds have which education, by sex.

Every function takes the validated :class:`~helpers.config.params.Area` and returns a chart, a
table or a Swedish sentence from Kolada's series (SCB's education register, 2000 to the
latest year); the chapter notebook only calls them. Kolada publishes shares per municipality,
county and Sweden; the number of residents 25–64 they are shares of is not in the series, so
an area of several municipalities (and Fyrbodal) gets no pooled share: its municipalities are
shown side by side, never averaged.

    >>> from helpers.config.params import load_area
    >>> round(post_secondary(load_area("sotenas")) * 100, 1)
    33.0
"""

from __future__ import annotations

import pandas as pd

from helpers.common import memo, text
from helpers.config.params import Area
from helpers.report import charts
from helpers.report.chapters import series
from helpers.stats import comparisons, kolada

POST_SECONDARY, UPPER_SECONDARY, COMPULSORY = "N01982", "N01983", "N01984"
#: The three levels Kolada publishes, lowest first, as the chapter's table names them.
LEVELS = {
    COMPULSORY: "Förgymnasial",
    UPPER_SECONDARY: "Gymnasial",
    POST_SECONDARY: "Eftergymnasial",
}
SEXES = {"kvinnor": "K", "män": "M", "totalt": "T"}
DEFINITION = "andel av invånarna 25–64 år med eftergymnasial utbildning"
NOT_POOLED = (
    "{names} visas inte: Kolada redovisar andelen per kommun, och antalet invånare 25–64 år "
    "som den räknas på finns inte i underlaget, så den kan inte räknas för flera kommuner "
    "tillsammans."
)


def year(area: Area) -> int:
    """The latest year of the education figures for every municipality of the area."""
    return kolada.load().latest(POST_SECONDARY, area.municipalities)


def source(area: Area, kpis: list[str] | None = None, first: int | None = None) -> str:
    """The source line: Kolada's KPIs and years."""
    years = [first, year(area)] if first else [year(area)]
    return series.source(kpis or [POST_SECONDARY], years)


@memo.remembered
def shares(area: Area) -> pd.DataFrame:
    """Post-secondary share (0–1) in the latest year: ``name, role, kvinnor, män, totalt`` for
    the area, its municipalities (when several) and its comparisons; NaN where no share can
    be given (a group of several municipalities)."""
    latest = year(area)
    table = comparisons.groups(area)[["name", "role"]]
    for sex, gender in SEXES.items():
        values = comparisons.at(comparisons.for_area(area, POST_SECONDARY, gender), latest)
        table[sex] = values.to_numpy() / 100
    return table


def post_secondary(area: Area, name: str | None = None, sex: str = "totalt") -> float | None:
    """The share for one row (default: the area) and sex; None where there is none."""
    table = shares(area).set_index("name")
    value = table.at[name or area.name, sex]
    return None if pd.isna(value) else float(value)


def _shown(area: Area) -> pd.DataFrame:
    table = shares(area)
    return table[table["totalt"].notna()].reset_index(drop=True)


def not_pooled_note(area: Area) -> list[str]:
    """The note naming the groups that get no share (an area of several, Fyrbodal)."""
    table = shares(area)
    names = list(table.loc[table["totalt"].isna(), "name"])
    return [NOT_POOLED.format(names=text.join(names))] if names else []


def headline(area: Area) -> str:
    """The share with post-secondary education now, against Sweden, and by sex."""
    latest = year(area)
    country = post_secondary(area, "Riket")
    if len(area.municipalities) == 1:
        mine = post_secondary(area)
        relation = text.comparative(mine, country, higher="högre", lower="lägre", same="")
        versus = (
            f"ungefär som i riket ({text.percent(country)})"
            if not relation
            else f"{text.points(abs(mine - country)).lstrip('+')} {relation} än i riket "
            f"({text.percent(country)})"
        )
        return (
            f"I {area.name} hade **{text.percent(mine)}** av invånarna 25–64 år en "
            f"eftergymnasial utbildning år {text.year(latest)}, {versus}. Bland kvinnorna "
            f"var andelen {text.percent(post_secondary(area, sex='kvinnor'))} och bland "
            f"männen {text.percent(post_secondary(area, sex='män'))}."
        )
    names = area.municipality_names
    shares_ = [f"**{text.percent(post_secondary(area, name))}**" for name in names]
    first = f"{shares_[0]} av invånarna 25–64 år i {names[0]}"
    rest = [f"{share} i {name}" for share, name in zip(shares_[1:], names[1:], strict=True)]
    by_sex = [
        f"i {name} {text.percent(post_secondary(area, name, 'kvinnor'))} bland kvinnorna och "
        f"{text.percent(post_secondary(area, name, 'män'))} bland männen"
        for name in names
    ]
    return (
        f"År {text.year(latest)} hade {text.join([first, *rest])} en eftergymnasial "
        f"utbildning, mot {text.percent(country)} i riket. Andelen var "
        f"{text.join(by_sex)}. Någon andel för {area.name} tillsammans kan inte räknas: "
        "antalet invånare 25–64 år i varje kommun finns inte i underlaget."
    )


def post_secondary_chart(area: Area) -> charts.Chart:
    """Post-secondary share per row with a share (area or its municipalities, comparisons)."""
    table = _shown(area)
    country = post_secondary(area, "Riket")
    first = table.iloc[0]
    word = text.share_in_words(first["totalt"])
    relation = text.comparative(
        first["totalt"],
        country,
        higher="en större andel än",
        lower="en mindre andel än",
        same="ungefär lika stor andel som",
    )
    # A sentence never starts with a digit: a figure comes after "I <område> har".
    title = (
        f"{text.capitalize(word)} invånare 25–64 år i {first['name']} har eftergymnasial "
        f"utbildning, {relation} i riket ({text.year(year(area))})"
        if word
        else f"I {first['name']} har {text.percent(first['totalt'])} av invånarna 25–64 år "
        f"eftergymnasial utbildning, {relation} i riket ({text.year(year(area))})"
    )
    highlight = [area.name, *area.municipality_names]
    chart = charts.bars(
        table,
        label="name",
        value="totalt",
        title=title,
        source=source(area),
        highlight=highlight,
        value_format=text.percent,
        data_columns={"name": "Område", "totalt": "Andel med eftergymnasial utbildning"},
    )
    chart.notes.extend(not_pooled_note(area))
    return chart


def by_sex_chart(area: Area) -> charts.Chart:
    """Post-secondary share of women and men, side by side for every row with a share."""
    table = _shown(area)
    rows = []
    for record in table.itertuples():
        rows.append({"group": f"Kvinnor, {record.name}", "share": record.kvinnor})
        rows.append({"group": f"Män, {record.name}", "share": record.män})
    long = pd.DataFrame(rows)
    first = table.iloc[0]
    more, fewer = ("Kvinnor", "män") if first["kvinnor"] >= first["män"] else ("Män", "kvinnor")
    title = (
        f"{more} i {first['name']} har oftare eftergymnasial utbildning än {fewer}: "
        f"{text.percent(max(first['kvinnor'], first['män']), 0)} mot "
        f"{text.percent(min(first['kvinnor'], first['män']), 0)} ({text.year(year(area))})"
    )
    mine = [area.name, *area.municipality_names]
    chart = charts.bars(
        long,
        label="group",
        value="share",
        title=title,
        source=source(area),
        highlight=[f"{sex}, {name}" for name in mine for sex in ("Kvinnor", "Män")],
        value_format=text.percent,
        data_columns={"group": "Kön och område", "share": "Andel med eftergymnasial utbildning"},
    )
    chart.notes.extend(not_pooled_note(area))
    return chart


def levels_table(area: Area) -> pd.DataFrame:
    """Share of 25–64-year-olds at each level, latest year, one column per row with figures.

    "Okänd utbildningsnivå" is what the three levels leave of 100 % (residents whose education
    SCB does not know, mostly people who came to Sweden as adults).
    """
    latest = year(area)
    columns = {}
    for kpi, label in LEVELS.items():
        columns[label] = comparisons.at(comparisons.for_area(area, kpi), latest) / 100
    table = pd.DataFrame(columns).dropna(how="all")
    table["Okänd utbildningsnivå"] = (1 - table.sum(axis=1)).clip(lower=0)
    result = table.T
    result.index.name = "Utbildningsnivå"
    return result.reset_index()


def levels_formats(area: Area) -> dict[str, object]:
    """Every column of :func:`levels_table` but the first reads as a percentage."""
    return {name: text.percent for name in levels_table(area).columns[1:]}


def levels_caption(area: Area) -> str:
    """The caption of :func:`levels_table`."""
    return f"Invånare 25–64 år efter högsta utbildningsnivå {text.year(year(area))}, andel"


def levels_source(area: Area) -> str:
    """The source line of :func:`levels_table`."""
    return (
        source(area, list(LEVELS))
        + "; bearbetning: okänd utbildningsnivå = 100 % minus de tre nivåerna"
    )


def trend_chart(area: Area) -> charts.Chart:
    """The post-secondary share of women and men since 2000, in the area (or each of its
    municipalities) and in Sweden."""
    names = area.municipality_names if len(area.municipalities) > 1 else [area.name]
    frames = []
    for label, gender in (("kvinnor", "K"), ("män", "M")):
        table = comparisons.for_area(area, POST_SECONDARY, gender)
        part = table[table["name"].isin([*names, "Riket"]) & table["value"].notna()]
        frames.append(part.assign(line=part["name"] + ", " + label, share=part["value"] / 100))
    table = pd.concat(frames, ignore_index=True)
    latest, start = year(area), int(table["period"].min())
    mine = table[table["name"] == names[0]]
    first = int(mine["period"].min())
    then = mine[mine["period"] == first].set_index("line")["share"]
    women, men = f"{names[0]}, kvinnor", f"{names[0]}, män"
    now_women = post_secondary(area, names[0], "kvinnor")
    now_men = post_secondary(area, names[0], "män")
    title = (
        f"Andelen med eftergymnasial utbildning i {names[0]} har ökat från "
        f"{text.percent(then[women], 0)} till {text.percent(now_women, 0)} bland kvinnorna "
        f"och från {text.percent(then[men], 0)} till {text.percent(now_men, 0)} bland männen "
        f"{text.year(first)}–{text.year(latest)}"
    )
    chart = charts.lines(
        table,
        x="period",
        y="share",
        series="line",
        title=title,
        source=source(area, first=start),
        highlight=women,  # the area's lines against Sweden's (one line can be drawn bold)
        value_format=text.percent,
        axis_label="Andel 25–64 år med eftergymnasial utbildning",
    )
    chart.notes.extend(series.gaps(area, POST_SECONDARY))
    later = [
        f"{text.year(part['period'].min())} för riket"
        for name, part in table.groupby("name", sort=False)
        if name == "Riket" and part["period"].min() > start
    ]
    if later:
        chart.notes.append(f"Kolada har uppgifter från {later[0]}.")
    return chart
