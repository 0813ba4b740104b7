"""The chapter on industry and employment: branches, sectors, commuting, unemployment and the
employment rate, from Kolada's series (SCB's BAS and RAMS, Arbetsförmedlingen).

Every figure is for the latest year the series has, and says so. An area of several
municipalities gets pooled figures (``stats.comparisons``: counts summed, shares from their
numerators and denominators) with each municipality's own beside them; where the series has
no denominator (unemployment), the municipalities stand side by side and no pooled figure is
made up. Counts worked out from shares (share × employed) are approximate and read so.

    >>> from helpers.config.params import load_area
    >>> headline(load_area("sotenas")).startswith("År 2022 hade **4\\xa0076 personer**")
    True
"""

from __future__ import annotations

import pandas as pd

from helpers.common import memo, text
from helpers.config.params import Area
from helpers.report import charts
from helpers.report.chapters import series
from helpers.stats import comparisons, kolada, snapshot

DAY, NIGHT = "N02201", "N02202"
IN, OUT = "N02276", "N02279"
UNEMPLOYED, YOUNG, LONG_TERM = "N03920", "N03921", "N03926"
RAMS, BAS = "N00914", "N02267"
PUBLIC = ("N02203", "N02206")
SELF_EMPLOYED = "N02252"
UNKNOWN_BRANCH = "N02233"
#: A branch at least this many times its share in Sweden counts as over-represented.
OVER = 1.25
#: What a large branch means for the broker: the occupations employers there recruit most.
BRANCH_NEEDS = {
    "N02210": "snickare, elektriker och VVS-montörer",
    "N02212": "drifttekniker, elektriker och personal inom återvinning",
    "N02214": "fastighetsskötare och förvaltare",
    "N02216": "handläggare inom bank och försäkring",
    "N02218": "ekonomer, konsulter och lokalvårdare",
    "N02220": "säljare och butikspersonal",
    "N02222": "kockar, servitörer och annan restaurangpersonal",
    "N02224": "systemutvecklare och IT-tekniker",
    "N02226": "djurskötare, maskinförare och fiskare",
    "N02228": "frisörer, fritidsledare och kulturarbetare",
    "N02231": "handläggare och administratörer",
    "N02235": "tekniker, maskinoperatörer, underhållsmekaniker och svetsare",
    "N02237": "lastbils- och bussförare och lagerpersonal",
    "N02239": "lärare och förskollärare",
    "N02241": "undersköterskor, sjuksköterskor och vårdbiträden",
}
APPROXIMATE = (
    "Antalen är ungefärliga: de är räknade från Koladas andelar gånger antalet sysselsatta."
)
NOT_POOLED = (
    "{names} visas inte: andelen kan inte räknas för flera kommuner tillsammans, eftersom "
    "antalet invånare i åldersgruppen som den räknas på inte finns i underlaget."
)
UNEMPLOYMENT_DENOMINATOR = (
    "Arbetslösheten är här andelen av alla invånare i åldersgruppen (öppet arbetslösa och "
    "i program med aktivitetsstöd), inte av arbetskraften; den blir därför lägre än den "
    "arbetslöshet som räknas på arbetskraften."
)
BREAK = (
    "RAMS (till 2021) och BAS (från 2020) är två olika statistikkällor från SCB och visas som "
    "två serier: de mäter sysselsättningen på olika sätt och kan inte läggas ihop till en."
)


def year(area: Area) -> int:
    """The latest year of the employment figures (BAS) for every municipality of the area."""
    return kolada.load().latest(DAY, area.municipalities)


def _values(area: Area, kpi: str, period: int, gender: str = "T") -> pd.Series:
    return comparisons.at(comparisons.for_area(area, kpi, gender), period)


def _counts(area: Area, kpi: str, period: int, gender: str = "T") -> pd.Series:
    return comparisons.at(comparisons.counts_for_area(area, kpi, gender), period)


def _members_note(area: Area) -> list[str]:
    if len(area.municipalities) == 1:
        return []
    return [
        f"{area.name}: summan av {text.join(area.municipality_names)}; "
        "andelarna är räknade från summorna, inte medelvärden."
    ]


def _lines_table(table: pd.DataFrame, first: int) -> pd.DataFrame:
    shown = table[(table["period"] >= first) & table["value"].notna()]
    return shown.assign(share=shown["value"] / 100)


# --- employed and branches -------------------------------------------------------------------


def jobs(area: Area) -> float:
    """The number of people working in the area (day population) in the latest year."""
    return float(_values(area, DAY, year(area))[area.name])


def headline(area: Area) -> str:
    """Jobs and employed residents, and the largest branch against Sweden's share."""
    latest = year(area)
    day, night = _values(area, DAY, latest), _values(area, NIGHT, latest)
    table = branch_table(area)
    top = table.iloc[0]
    sentence = (
        f"År {text.year(latest)} hade **{text.number(day[area.name])} personer** sin "
        f"arbetsplats i {area.name} (dagbefolkning), och {text.number(night[area.name])} "
        f"sysselsatta bodde där (nattbefolkning). Den största branschen var "
        f"{top['label'].lower()} med {text.percent(top['area'])} av dem som arbetar i "
        f"området, jämfört med {text.percent(top['Riket'])} i riket."
    )
    if len(area.municipalities) > 1:
        parts = [f"{name} {text.number(day[name])}" for name in area.municipality_names]
        sentence += f" Arbetsplatser per kommun: {text.join(parts)}."
    return sentence


@memo.remembered
def branch_table(area: Area) -> pd.DataFrame:
    """Share of the jobs per branch (0–1), latest year: ``kpi, label, area``, one column per
    member (several municipalities), region, county and ``Riket``; ``count`` (approximate),
    and ``quotient`` (the area's share over Sweden's). Largest first, unknown branch last."""
    latest = year(area)
    rows = []
    for kpi in snapshot.kolada_group("branch"):
        values = _values(area, kpi.id, latest) / 100
        row = {"kpi": kpi.id, "label": kpi.label, "area": values[area.name]}
        row.update({name: values[name] for name in values.index[1:]})
        row["count"] = _counts(area, kpi.id, latest)[area.name]
        row["quotient"] = values[area.name] / values["Riket"]
        rows.append(row)
    table = pd.DataFrame(rows)
    table["unknown"] = table["kpi"] == UNKNOWN_BRANCH
    table = table.sort_values(["unknown", "area"], ascending=[True, False], kind="stable")
    return table.drop(columns="unknown").reset_index(drop=True)


def branches_chart(area: Area) -> charts.Chart:
    """The area's branches by share of the jobs, largest first."""
    table = branch_table(area)
    top = table.iloc[0]
    ratio = top["quotient"]
    versus = (
        f", {text.number(ratio, 1)} gånger rikets andel"
        if ratio >= OVER
        else ", ungefär som i riket"
        if ratio > 1 / OVER
        else f", mindre än i riket ({text.percent(top['Riket'], 0)})"
    )
    title = (
        f"{top['label']} är den största branschen i {area.name} med "
        f"{text.percent(top['area'], 0)} av de sysselsatta{versus}"
    )
    latest = year(area)
    chart = charts.bars(
        table,
        label="label",
        value="area",
        title=title,
        source=branches_source(area),
        value_format=text.percent,
        data_columns={"label": "Bransch", "area": f"Andel av de sysselsatta i {area.name}"},
    )
    chart.notes.extend(_members_note(area))
    chart.notes.extend(series.gaps(area, DAY, [latest]))
    return chart


def branches_caption(area: Area) -> str:
    """The caption of :func:`branches_table`."""
    return (
        f"Andel av dem som arbetar i området per bransch {text.year(year(area))}, "
        "och branschens andel jämfört med rikets (kvot över 1: större än i riket)"
    )


def branches_table(area: Area) -> pd.DataFrame:
    """Branch shares for the area, its municipalities and comparisons, and the quotient."""
    table = branch_table(area)
    names = [
        area.name,
        *[c for c in table.columns if c not in {"kpi", "label", "area", "count", "quotient"}],
    ]
    shown = table.rename(columns={"area": area.name})
    shown = shown[["label", *names, "quotient"]]
    return shown.rename(columns={"label": "Bransch", "quotient": "Kvot mot riket"})


def branches_formats(area: Area) -> dict[str, object]:
    """How the columns of :func:`branches_table` read."""
    table = branches_table(area)
    formats: dict[str, object] = {c: text.percent for c in table.columns[1:-1]}
    formats["Kvot mot riket"] = lambda v: text.number(v, 2)
    return formats


def branches_source(area: Area) -> str:
    """The source line of the branch figures."""
    return series.source(
        [DAY, "N02210–N02241"],
        [year(area)],
        "kvot = områdets andel / rikets andel; områden av flera kommuner räknade från antalen",
    )


def over_represented(area: Area) -> str:
    """Which branches are larger than in Sweden, and what that means for the broker."""
    table = branch_table(area)
    over = table[(table["quotient"] >= OVER) & (table["kpi"] != UNKNOWN_BRANCH)]
    if over.empty:
        return (
            f"Ingen bransch är påtagligt större i {area.name} än i riket (ingen har minst "
            f"{text.number(OVER, 2)} gånger rikets andel): branschstrukturen liknar landets."
        )
    parts = [
        f"{row.label.lower()} ({text.percent(row.area)} mot {text.percent(row.Riket)} i riket, "
        f"kvot {text.number(row.quotient, 1)})"
        for row in over.itertuples()
    ]
    needs = [BRANCH_NEEDS[kpi] for kpi in over["kpi"] if kpi in BRANCH_NEEDS][:2]
    return (
        f"Jämfört med riket är {text.join(parts)} överrepresenterade i {area.name}. Det pekar "
        f"på ett större behov än i landet i stort av {', liksom '.join(needs)}: yrken som "
        "arbetsgivarna i de största av de branscherna ofta rekryterar."
    )


@memo.remembered
def change_table(area: Area) -> pd.DataFrame:
    """People working in each branch in the area, the first BAS year and the latest
    (approximate), and the change: ``Bransch``, the two years, ``Förändring``."""
    first, latest = min(kolada.load().years(DAY)), year(area)
    rows = []
    for kpi in snapshot.kolada_group("branch"):
        counts = comparisons.counts_for_area(area, kpi.id)
        counts = counts[counts["role"] == comparisons.AREA].set_index("period")["value"]
        rows.append(
            {
                "Bransch": kpi.label,
                f"Ungefär antal {first}": counts.get(first),
                f"Ungefär antal {latest}": counts.get(latest),
            }
        )
    table = pd.DataFrame(rows)
    table.iloc[:, 1:] = table.iloc[:, 1:].round()
    table["Förändring"] = table.iloc[:, 2] - table.iloc[:, 1]
    women = women_table(area).set_index("Bransch")["share"]
    table[f"Andel kvinnor {latest}"] = table["Bransch"].map(women)
    return table.sort_values("Förändring", ascending=False, kind="stable").reset_index(drop=True)


def change_sentence(area: Area) -> str:
    """The branches that grew and shrank most since the first BAS year."""
    table = change_table(area).dropna()
    first, latest = table.columns[1].split()[-1], table.columns[2].split()[-1]
    grew, shrank = table.iloc[0], table.iloc[-1]
    day = comparisons.for_area(area, DAY)
    day = day[day["role"] == comparisons.AREA].set_index("period")["value"]
    total = day[int(latest)] - day[int(first)]
    direction = "fler" if total > 0 else "färre"
    sentence = (
        f"Mellan {first} och {latest} blev det {text.number(abs(total))} {direction} "
        f"arbetstillfällen i {area.name}."
    )
    if grew["Förändring"] > 0:
        sentence += (
            f" Mest växte {grew['Bransch'].lower()} (ungefär "
            f"{text.number(grew['Förändring'])} fler)"
        )
        if shrank["Förändring"] < 0:
            sentence += (
                f", mest minskade {shrank['Bransch'].lower()} (ungefär "
                f"{text.number(-shrank['Förändring'])} färre)"
            )
        sentence += "."
    return sentence


def change_caption(area: Area) -> str:
    """The caption of :func:`change_table`."""
    table = change_table(area)
    first, latest = table.columns[1].split()[-1], table.columns[2].split()[-1]
    return (
        f"Sysselsatta med arbetsplats i {area.name} per bransch {first} och {latest}, och "
        f"andelen kvinnor {latest}: ungefär, räknat från andelar"
    )


def change_source(area: Area) -> str:
    """The source line of :func:`change_table`."""
    table = change_table(area)
    years = [int(table.columns[1].split()[-1]), int(table.columns[2].split()[-1])]
    return series.source(
        [DAY, "N02210–N02241"],
        years,
        "antal = andel × sysselsatta (ungefär); kvinnor per bransch på samma sätt",
    )


@memo.remembered
def women_table(area: Area) -> pd.DataFrame:
    """Share of women among those working in each branch in the area (approximate)."""
    latest = year(area)
    rows = []
    for kpi in snapshot.kolada_group("branch"):
        if kpi.id == UNKNOWN_BRANCH:
            continue
        women = _counts(area, kpi.id, latest, "K")[area.name]
        everyone = _counts(area, kpi.id, latest)[area.name]
        rows.append({"Bransch": kpi.label, "share": women / everyone if everyone else None})
    table = pd.DataFrame(rows).dropna()
    return table.sort_values("share", ascending=False, kind="stable").reset_index(drop=True)


def women_sentence(area: Area) -> str:
    """Where women and men work: the branches with the largest and smallest share of women."""
    table = women_table(area)
    top, second, bottom = table.iloc[0], table.iloc[1], table.iloc[-1]
    return (
        f"Störst andel kvinnor bland dem som arbetar i {area.name} har "
        f"{top['Bransch'].lower()} ({text.percent(top['share'], 0)}) och "
        f"{second['Bransch'].lower()} ({text.percent(second['share'], 0)}), minst "
        f"{bottom['Bransch'].lower()} ({text.percent(bottom['share'], 0)}); år "
        f"{text.year(year(area))}, ungefär. Andelen i varje bransch står i tabellen."
    )


def sector_table(area: Area) -> pd.DataFrame:
    """Share of the jobs per sector, for the area, its municipalities and comparisons."""
    latest = year(area)
    columns = {}
    for kpi in snapshot.kolada_group("sector"):
        columns[kpi.label] = _values(area, kpi.id, latest) / 100
    table = pd.DataFrame(columns)
    table["Offentlig sektor"] = table["Kommun och region"] + table["Staten"]
    table.index.name = "Område"
    table["Företagare"] = _values(area, SELF_EMPLOYED, latest) / 100
    order = ["Offentlig sektor", "Kommun och region", "Staten", "Näringslivet"]
    order += ["Övriga organisationer", "Företagare"]
    table = table[order].rename(columns={c: f"Andel {c[:1].lower()}{c[1:]}" for c in order})
    return table.reset_index()


def sector_sentence(area: Area) -> str:
    """How many work in the public sector and in business, against Sweden."""
    table = sector_table(area).set_index("Område")
    mine, country = table.loc[area.name], table.loc["Riket"]
    public, business = "Andel offentlig sektor", "Andel näringslivet"
    own = "Andel företagare"
    word = text.comparative(
        mine[own],
        country[own],
        higher="en större andel än",
        lower="en mindre andel än",
        same="ungefär lika stor andel som",
    )
    return (
        f"Av dem som arbetar i {area.name} har {text.percent(mine[public])} en offentlig "
        f"arbetsgivare (kommun, region eller stat) {text.year(year(area))}, mot "
        f"{text.percent(country[public])} i riket; {text.percent(mine[business])} arbetar "
        f"i näringslivet ({text.percent(country[business])} i riket). Företagare är "
        f"{text.percent(mine[own])}, {word} i riket ({text.percent(country[own])})."
    )


def sector_caption(area: Area) -> str:
    """The caption of :func:`sector_table`."""
    return (
        f"Andel av dem som arbetar i området per sektor, och andelen företagare "
        f"{text.year(year(area))} (övriga organisationer: bland annat trossamfund och "
        "ideella föreningar)"
    )


def sector_source(area: Area) -> str:
    """The source line of :func:`sector_table`."""
    return series.source(
        [*(kpi.id for kpi in snapshot.kolada_group("sector")), SELF_EMPLOYED],
        [year(area)],
        "offentlig sektor = kommun och region + staten",
    )


# --- day and night population, commuting ------------------------------------------------------


@memo.remembered
def commuting_table(area: Area) -> pd.DataFrame:
    """Jobs (dag) and employed residents (natt), in- and out-commuters (approximate), net
    commuting (exact: dag − natt), and the shares, for the area, members and comparisons."""
    latest = year(area)
    table = pd.DataFrame(
        {
            "dag": _values(area, DAY, latest),
            "natt": _values(area, NIGHT, latest),
            "in": _counts(area, IN, latest),
            "ut": _counts(area, OUT, latest),
            "in_share": _values(area, IN, latest) / 100,
            "out_share": _values(area, OUT, latest) / 100,
        }
    )
    table["net"] = table["dag"] - table["natt"]
    table["ratio"] = table["dag"] / table["natt"] * 100
    table.index.name = "name"
    return table.reset_index()


def day_night_sentence(area: Area) -> str:
    """Jobs per 100 employed residents, the area against Sweden."""
    table = commuting_table(area).set_index("name")
    mine = table.at[area.name, "ratio"]
    more = "fler" if mine > 100 else "färre"
    sentence = (
        f"{area.name} har {more} arbetstillfällen än sysselsatta invånare: "
        f"{text.number(mine)} per 100 år {text.year(year(area))} (riket "
        f"{text.number(table.at['Riket', 'ratio'])})."
    )
    if len(area.municipalities) > 1:
        parts = [
            f"{name} {text.number(table.at[name, 'ratio'])}" for name in area.municipality_names
        ]
        sentence += f" Per kommun: {text.join(parts)}."
    return sentence


def commuting_sentence(area: Area) -> str:
    """In- and out-commuters (about), and the net commuting (exact), in words."""
    mine = commuting_table(area).set_index("name").loc[area.name]
    net = mine["net"]
    balance = (
        f"fler pendlar in än ut: nettoinpendlingen är {text.number(net)} personer"
        if net > 0
        else f"fler pendlar ut än in: nettoutpendlingen är {text.number(-net)} personer"
        if net < 0
        else "lika många pendlar in som ut"
    )
    sentence = (
        f"År {text.year(year(area))} pendlade ungefär {text.number(round(mine['in'], -1))} "
        f"personer in till {area.name} för att arbeta ({text.percent(mine['in_share'])} av "
        f"dem som arbetar där), och ungefär {text.number(round(mine['ut'], -1))} av de "
        f"sysselsatta invånarna pendlade ut ({text.percent(mine['out_share'])}): "
        f"{balance}."
    )
    if len(area.municipalities) > 1:
        sentence += (
            " Pendling mellan kommunerna i området räknas här som pendling, så området "
            "visas också kommun för kommun."
        )
    return sentence


def commuting_chart(area: Area) -> charts.Chart:
    """In- and out-commuting shares, the area against its municipalities and comparisons."""
    table = commuting_table(area)
    rows = []
    for record in table.itertuples():
        rows.append({"label": f"Inpendlare, {record.name}", "share": record.in_share})
        rows.append({"label": f"Utpendlare, {record.name}", "share": record.out_share})
    shares = pd.DataFrame(rows)
    mine = table.set_index("name").loc[area.name]
    title = (
        f"Av de sysselsatta som bor i {area.name} arbetar {text.percent(mine['out_share'], 0)} "
        f"i en annan kommun, och av dem som arbetar där bor {text.percent(mine['in_share'], 0)} "
        "i en annan kommun"
    )
    chart = charts.bars(
        shares,
        label="label",
        value="share",
        title=title,
        source=series.source(
            [IN, OUT, DAY, NIGHT],
            [year(area)],
            "inpendlare / dagbefolkning, utpendlare / nattbefolkning; områden av flera "
            "kommuner, län och riket räknade från kommunernas antal",
        ),
        highlight=[f"Inpendlare, {area.name}", f"Utpendlare, {area.name}"],
        value_format=text.percent,
        data_columns={"label": "Pendling och område", "share": "Andel"},
    )
    chart.notes.append("Län och riket: andelen av de sysselsatta som pendlar över en kommungräns.")
    return chart


def commuting_caption(area: Area) -> str:
    """The caption of :func:`commuting_counts`."""
    return (
        f"Sysselsatta, in- och utpendlare {text.year(year(area))} (in- och utpendlare "
        "ungefär; nettopendlingen exakt: dagbefolkning − nattbefolkning)"
    )


def commuting_counts(area: Area) -> pd.DataFrame:
    """The commuting table as the report shows it (counts, in the area's rows)."""
    table = commuting_table(area)[["name", "dag", "natt", "ratio", "in", "ut", "net"]]
    table[["ratio", "in", "ut"]] = table[["ratio", "in", "ut"]].round()
    return table.rename(
        columns={
            "name": "Område",
            "dag": "Arbetar i området",
            "natt": "Sysselsatta invånare",
            "ratio": "Arbetar i området per 100 invånare",
            "in": "Inpendlare, ungefär",
            "ut": "Utpendlare, ungefär",
            "net": "Nettopendling",
        }
    )


def commuting_source(area: Area) -> str:
    """The source line of :func:`commuting_counts`."""
    return series.source(
        [DAY, NIGHT, IN, OUT], [year(area)], "pendlare = andel × sysselsatta (ungefär)"
    )


# --- unemployment ----------------------------------------------------------------------------


def _not_pooled(area: Area, table: pd.DataFrame) -> list[str]:
    groups = table.loc[table["role"] != comparisons.MEMBER]
    names = [
        n
        for n in dict.fromkeys(groups["name"])
        if groups[groups["name"] == n]["value"].isna().all()
    ]
    if not names:
        return []
    note = NOT_POOLED.format(names=text.join(names))
    if len(area.municipalities) > 1:
        note += " Områdets kommuner visas var för sig."
    return [note]


def unemployment_year(area: Area) -> int:
    """The latest year of the unemployment figures for every municipality of the area."""
    return kolada.load().latest(UNEMPLOYED, area.municipalities)


def unemployment_chart(area: Area) -> charts.Chart:
    """Unemployment 18–64 as a share of the population, every year since 2010."""
    table = comparisons.for_area(area, UNEMPLOYED)
    shown = _lines_table(table, 2010)
    latest = unemployment_year(area)
    now = comparisons.at(table, latest) / 100
    first = shown["period"].min()
    if len(area.municipalities) == 1:
        mine, country = now[area.name], now["Riket"]
        word = text.comparative(mine, country, same="ungefär lika hög")
        title = (
            f"Arbetslösheten i {area.name} var {text.percent(mine)} år {text.year(latest)}, "
            f"{word} än i riket ({text.percent(country)})"
            if word != "ungefär lika hög"
            else f"Arbetslösheten i {area.name} var {text.percent(mine)} år "
            f"{text.year(latest)}, ungefär som i riket"
        )
        highlight = area.name
    else:
        parts = [f"{name} {text.percent(now[name])}" for name in area.municipality_names]
        title = (
            f"Arbetslösheten {text.year(latest)}: {text.join(parts)}, riket "
            f"{text.percent(now['Riket'])}"
        )
        highlight = area.municipality_names[0]
    chart = charts.lines(
        shown,
        x="period",
        y="share",
        series="name",
        title=title,
        source=series.source([UNEMPLOYED], [int(first), latest]),
        highlight=highlight,
        value_format=text.percent,
        axis_label="Andel av invånarna 18–64 år",
    )
    chart.notes.append(UNEMPLOYMENT_DENOMINATOR)
    chart.notes.extend(_not_pooled(area, table))
    chart.notes.extend(series.gaps(area, UNEMPLOYED, list(range(int(first), latest + 1))))
    return chart


def unemployment_table(area: Area) -> pd.DataFrame:
    """Unemployment in the latest year: all 18–64, women, men, 16–24 and long-term 25–64."""
    latest = unemployment_year(area)
    columns = {
        "Andel 18–64 år": _values(area, UNEMPLOYED, latest),
        "Andel kvinnor 18–64 år": _values(area, UNEMPLOYED, latest, "K"),
        "Andel män 18–64 år": _values(area, UNEMPLOYED, latest, "M"),
        "Andel 16–24 år": _values(area, YOUNG, latest),
        "Andel långtidsarbetslösa 25–64 år": _values(area, LONG_TERM, latest),
    }
    table = pd.DataFrame(columns) / 100
    table = table.dropna(how="all")
    table.index.name = "Område"
    return table.reset_index()


def unemployment_caption(area: Area) -> str:
    """The caption of :func:`unemployment_table`."""
    return (
        f"Arbetslösa {text.year(unemployment_year(area))} som andel av invånarna i "
        "respektive åldersgrupp (årsmedelvärde)"
    )


def unemployment_source(area: Area) -> str:
    """The source line of the unemployment figures."""
    return series.source([UNEMPLOYED, YOUNG, LONG_TERM], [unemployment_year(area)])


def unemployment(area: Area) -> float | None:
    """The area's unemployment 18–64 (a share) in the latest year; None for an area of
    several municipalities (no pooled figure can be made)."""
    value = _values(area, UNEMPLOYED, unemployment_year(area))[area.name]
    return None if pd.isna(value) else float(value) / 100


def unemployment_sentence(area: Area) -> str:
    """Unemployment now against Sweden and 2010, youth and long-term, in words."""
    latest = unemployment_year(area)
    now = _values(area, UNEMPLOYED, latest) / 100
    young = _values(area, YOUNG, latest) / 100
    long_term = _values(area, LONG_TERM, latest) / 100
    names = area.municipality_names if len(area.municipalities) > 1 else [area.name]
    parts = []
    for name in names:
        parts.append(
            f"i {name} {text.percent(now[name])} (16–24 år {text.percent(young[name])}, "
            f"långtidsarbetslösa {text.percent(long_term[name])})"
        )
    return (
        f"År {text.year(latest)} var andelen arbetslösa av invånarna 18–64 år "
        f"{text.join(parts)}, mot {text.percent(now['Riket'])} i riket "
        f"({text.percent(young['Riket'])} bland 16–24-åringarna). " + UNEMPLOYMENT_DENOMINATOR
    )


# --- employment rate -------------------------------------------------------------------------


def employment_rate_table(area: Area) -> pd.DataFrame:
    """The area's employment rate 20–64 by year, series (RAMS, BAS) and sex."""
    frames = []
    for gender, sex in (("K", "Kvinnor"), ("M", "Män")):
        for kpi, name in ((BAS, "BAS"), (RAMS, "RAMS")):
            table = comparisons.for_area(area, kpi, gender)
            table = table[(table["role"] == comparisons.AREA) & table["value"].notna()]
            frames.append(
                table.assign(series=f"{sex} ({name})", sex=sex, share=table["value"] / 100)
            )
    return pd.concat(frames, ignore_index=True)[["period", "series", "sex", "share"]]


def employment_rate_chart(area: Area) -> charts.Chart:
    """Employment rate of women and men, RAMS and BAS as separate lines."""
    table = employment_rate_table(area)
    bas = table[table["series"].str.contains("BAS")]
    latest = int(bas["period"].max())
    now = bas[bas["period"] == latest].set_index("series")["share"]
    women, men = now["Kvinnor (BAS)"], now["Män (BAS)"]
    title = (
        f"I {area.name} var {text.percent(women, 0)} av kvinnorna och "
        f"{text.percent(men, 0)} av männen 20–64 år sysselsatta {text.year(latest)}"
    )
    first = int(table["period"].min())
    chart = charts.lines(
        table,
        x="period",
        y="share",
        series="series",
        group="sex",
        title=title,
        source=series.source(
            [RAMS, BAS],
            [first, latest],
            "områden av flera kommuner räknade från antalet sysselsatta och invånare 20–64 år",
        ),
        value_format=text.percent,
        axis_label="Sysselsatta, andel av invånarna 20–64 år",
    )
    chart.notes.append(BREAK)
    chart.notes.extend(series.gaps(area, RAMS, kolada.load().years(RAMS)))
    return chart


def employment_rate_comparison(area: Area) -> pd.DataFrame:
    """The employment rate (BAS) in the latest year, by sex, for every comparison."""
    latest = kolada.load().latest(BAS, area.municipalities)
    table = (
        pd.DataFrame(
            {
                "Andel kvinnor": _values(area, BAS, latest, "K"),
                "Andel män": _values(area, BAS, latest, "M"),
                "Andel totalt": _values(area, BAS, latest),
            }
        )
        / 100
    )
    table.index.name = "Område"
    return table.reset_index()


def employment_rate_caption(area: Area) -> str:
    """The caption of :func:`employment_rate_comparison`."""
    latest = kolada.load().latest(BAS, area.municipalities)
    return f"Sysselsättningsgrad 20–64 år {text.year(latest)} (BAS), andel av invånarna"


def employment_rate_source(area: Area) -> str:
    """The source line of :func:`employment_rate_comparison`."""
    latest = kolada.load().latest(BAS, area.municipalities)
    return series.source([BAS], [latest], "områden av flera kommuner räknade från antalen")
