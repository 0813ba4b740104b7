"""What the statistics snapshot holds and where each fetched file comes from.

The one place that names the SCB tables, the Kolada KPIs and the barometer file that
``make fetch`` refreshes, and the file each is stored in. Loaders (``scb``, ``kolada``,
``yrkesbarometer``), the fetch (``fetch``) and the missing-data notes (``availability``)
all read the names from here.

    >>> [spec.name for spec in SCB_TABLES][:2]
    ['scb_population', 'scb_population_ckm']
    >>> len(KOLADA_SERIES), kolada_kpi("N02235").label
    (44, 'Tillverkning och utvinning')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TableSpec:
    """One SCB table the report uses, and what to ask it for.

    ``select`` maps a variable key to value codes or selection expressions. Keys are
    ``region``, ``time`` and ``contents`` (found through the table's roles) or the start of
    a variable's Swedish label or code (``kön``, ``ålder``). ``region`` codes come from the
    fetch (the municipalities), not from here. ``columns`` names the output column for each
    key; variables not selected are left out (summed by SCB) where the table allows it.
    """

    name: str
    title: str
    v1_path: str
    query: str
    table_id: str | None = None
    select: Mapping[str, Sequence[str]] = field(default_factory=dict)
    columns: Mapping[str, str] = field(default_factory=dict)
    #: Variable labels a table found by search must have (e.g. ``("kön", "ålder")``).
    variables: Sequence[str] = ()
    #: A found table must start at or after this period (the CKM tables start in 2025).
    first_period_from: str | None = None
    #: Series name for tables that continue one another across a break (``BAS``, ``RAMS``).
    series: str = ""
    note: str = ""

    @property
    def folder(self) -> str:
        """The v1 folder id (``BE0101A``), which v2 lists among each table's ``paths``."""
        return self.v1_path.split("/")[-2]


_AGES_25_64 = tuple(str(age) for age in range(25, 65))

#: The SCB tables ``make fetch`` refreshes (PxWebApi v2), one snapshot file each.
SCB_TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="scb_population",
        title="Folkmängd 31 december efter ålder och kön",
        v1_path="BE/BE0101/BE0101A/BefolkningNy",
        table_id="TAB638",
        query="folkmängd region civilstånd ålder kön",
        select={"ålder": ("*",), "kön": ("*",), "contents": ("BE0101N1",), "time": ("TOP(10)",)},
        columns={"ålder": "age", "kön": "sex"},
    ),
    TableSpec(
        # From 2025 the population is published noise-protected (CKM) in a new table where
        # marital status and age cannot be left out: "SC" = all, "TotSA" = all ages.
        name="scb_population_ckm",
        title="Folkmängd 31 december efter ålder och kön (CKM, från 2025)",
        v1_path="BE/BE0101/BE0101A/BefolkningCKM",
        query="folkmängd region ålder kön",
        variables=("region", "civilstånd", "ålder", "kön"),
        first_period_from="2025",
        select={
            "civilstånd": ("SC",),
            "ålder": ("*",),
            "kön": ("*",),
            "contents": ("*",),
            "time": ("*",),
        },
        columns={"ålder": "age", "kön": "sex", "civilstånd": "marital"},
        note="CKM-skyddade värden (brusade), inte jämförbara cell för cell med tidigare år",
    ),
    TableSpec(
        name="scb_education_level",
        title="Befolkning 25–64 år efter utbildningsnivå, ålder och kön",
        v1_path="UF/UF0506/UF0506B/Utbildning",
        table_id="TAB3981",
        query="befolkning utbildningsnivå region ålder kön",
        variables=("region", "utbildningsnivå", "ålder", "kön"),
        select={
            "utbildningsnivå": ("*",),
            "ålder": _AGES_25_64,
            "kön": ("*",),
            "contents": ("UF0506A1",),
            "time": ("TOP(1)",),
        },
        columns={"utbildningsnivå": "level", "ålder": "age", "kön": "sex"},
    ),
    TableSpec(
        name="scb_employment_industry_bas",
        title="Förvärvsarbetande efter bransch (SNI 2007) och kön, dag- och nattbefolkning (BAS)",
        v1_path="AM/AM0210/AM0210B/ArbStDoNArNN",
        table_id="TAB3785",
        query="förvärvsarbetande dagbefolkning nattbefolkning näringsgren kön",
        variables=("region", "näringsgren", "kön"),
        select={"näringsgren": ("*",), "kön": ("*",), "contents": ("*",), "time": ("*",)},
        columns={"näringsgren": "industry", "kön": "sex"},
        series="BAS",
        note="Registerbaserad arbetsmarknadsstatistik (BAS) från 2020",
    ),
    TableSpec(
        name="scb_employment_industry_rams",
        title="Förvärvsarbetande efter bransch (SNI 2007) och kön, dagbefolkning (RAMS)",
        v1_path="AM/AM0207/AM0207K/DagSNI07KonK",
        table_id="TAB900",
        query="förvärvsarbetande dagbefolkning näringsgren SNI 2007 kön",
        variables=("region", "näringsgren", "kön"),
        select={"näringsgren": ("*",), "kön": ("*",), "contents": ("*",), "time": ("*",)},
        columns={"näringsgren": "industry", "kön": "sex"},
        series="RAMS",
        note="RAMS till 2018; serien bryts mot BAS från 2020 (inte jämförbara)",
    ),
    TableSpec(
        name="scb_commuting",
        title="In- och utpendlare över kommungräns",
        v1_path="AM/AM0210/AM0210F/ArRegPend1",
        table_id="TAB1828",
        query="pendlare kommungräns kommun kön",
        variables=("kommun", "kön"),
        select={"kön": ("*",), "contents": ("*",), "time": ("*",)},
        columns={"kön": "sex"},
        series="BAS",
    ),
)


@dataclass(frozen=True)
class Kpi:
    """One Kolada key figure the report uses, and how an area of several municipalities gets it.

    ``kind`` is ``count`` (summed over municipalities) or ``share`` (per cent). A share whose
    ``denominator`` KPI is in the series is pooled from its parts: share × denominator summed,
    over the denominator summed. A share without one (``None``: the population 18–64, say,
    is not in the series) cannot be pooled, and the area's municipalities are shown one by one.
    """

    id: str
    label: str
    kind: str = "share"
    denominator: str | None = None
    genders: tuple[str, ...] = ("T",)
    #: ``BAS`` or ``RAMS``: SCB's two employment statistics, never joined into one line.
    series: str = ""
    #: ``branch``, ``sector``, ``age`` ...: the KPIs a chart or table shows together.
    group: str = ""


_SEX = ("T", "K", "M")
_DAY, _NIGHT, _AGED_20_64 = "N02201", "N02202", "N01955"


def _branch(kpi: str, label: str) -> Kpi:
    return Kpi(kpi, label, denominator=_DAY, genders=_SEX, series="BAS", group="branch")


#: The Kolada KPIs the report uses, in id order: what the shipped series in ``data/raw/kolada/``
#: holds and what ``make fetch`` refreshes (KPIs Kolada has retired are carried over).
KOLADA_SERIES: tuple[Kpi, ...] = (
    Kpi(
        "N00914",
        "Sysselsättningsgrad 20–64 år (RAMS)",
        denominator=_AGED_20_64,
        genders=_SEX,
        series="RAMS",
        group="employment_rate",
    ),
    Kpi("N01951", "Invånare", kind="count", genders=_SEX, group="population"),
    Kpi("N01952", "0–5 år", kind="count", group="age"),
    Kpi("N01953", "6–15 år", kind="count", group="age"),
    Kpi("N01954", "16–19 år", kind="count", group="age"),
    Kpi("N01955", "20–64 år", kind="count", genders=_SEX, group="age"),
    Kpi("N01956", "65–79 år", kind="count", group="age"),
    Kpi("N01957", "80 år och äldre", kind="count", group="age"),
    Kpi("N01982", "Eftergymnasial utbildning", genders=_SEX, group="education"),
    Kpi("N01983", "Gymnasial utbildning", group="education"),
    Kpi("N01984", "Förgymnasial utbildning", group="education"),
    Kpi(
        _DAY,
        "Sysselsatta med arbetsplats i området (dagbefolkning)",
        kind="count",
        genders=_SEX,
        series="BAS",
        group="employed",
    ),
    Kpi(
        _NIGHT,
        "Sysselsatta som bor i området (nattbefolkning)",
        kind="count",
        genders=_SEX,
        series="BAS",
        group="employed",
    ),
    Kpi("N02203", "Kommun och region", denominator=_DAY, series="BAS", group="sector"),
    Kpi("N02205", "Näringslivet", denominator=_DAY, series="BAS", group="sector"),
    Kpi("N02206", "Staten", denominator=_DAY, series="BAS", group="sector"),
    Kpi("N02208", "Övriga organisationer", denominator=_DAY, series="BAS", group="sector"),
    _branch("N02210", "Byggverksamhet"),
    _branch("N02212", "Energi och miljö"),
    _branch("N02214", "Fastighetsverksamhet"),
    _branch("N02216", "Finans och försäkring"),
    _branch("N02218", "Företagstjänster"),
    _branch("N02220", "Handel"),
    _branch("N02222", "Hotell och restauranger"),
    _branch("N02224", "Information och kommunikation"),
    _branch("N02226", "Jord- och skogsbruk, fiske"),
    _branch("N02228", "Kultur och personliga tjänster"),
    _branch("N02231", "Offentlig förvaltning och försvar"),
    _branch("N02233", "Okänd verksamhet"),
    _branch("N02235", "Tillverkning och utvinning"),
    _branch("N02237", "Transport och magasinering"),
    _branch("N02239", "Utbildning"),
    _branch("N02241", "Vård och omsorg"),
    Kpi(
        "N02251",
        "Företagare bland dem som bor i området",
        denominator=_NIGHT,
        series="BAS",
        group="self_employed",
    ),
    Kpi(
        "N02252",
        "Företagare bland dem som arbetar i området",
        denominator=_DAY,
        series="BAS",
        group="self_employed",
    ),
    Kpi(
        "N02267",
        "Sysselsättningsgrad 20–64 år (BAS)",
        denominator=_AGED_20_64,
        genders=_SEX,
        series="BAS",
        group="employment_rate",
    ),
    Kpi(
        "N02274", "Bor och arbetar i kommunen", denominator=_NIGHT, series="BAS", group="commuting"
    ),
    Kpi("N02276", "Inpendlare", denominator=_DAY, series="BAS", group="commuting"),
    Kpi("N02279", "Utpendlare", denominator=_NIGHT, series="BAS", group="commuting"),
    Kpi("N02832", "20–44 år", kind="count", group="working_age"),
    Kpi("N02833", "45–64 år", kind="count", group="working_age"),
    Kpi("N03920", "Arbetslösa 18–64 år", genders=_SEX, group="unemployment"),
    Kpi("N03921", "Arbetslösa 16–24 år", group="unemployment"),
    Kpi("N03926", "Långtidsarbetslösa 25–64 år", group="unemployment"),
)


def kolada_kpi(kpi: str) -> Kpi:
    """The registry entry of a Kolada KPI.

    >>> kolada_kpi("N02276").denominator
    'N02201'
    """
    for entry in KOLADA_SERIES:
        if entry.id == kpi:
            return entry
    raise KeyError(kpi)


def kolada_group(group: str) -> tuple[Kpi, ...]:
    """The KPIs shown together (``branch``: the 16 branch groups), in registry order."""
    return tuple(entry for entry in KOLADA_SERIES if entry.group == group)


#: The complete barometer in ``data/raw/yrkesbarometer/``.
BAROMETER_FULL = "yrkesbarometer.json"


def scb_file(name: str) -> str:
    """The snapshot file of an SCB table spec (``scb_commuting`` → ``scb_commuting.csv``)."""
    return f"{name}.csv"


def spec(name: str) -> TableSpec:
    """The SCB table spec by name."""
    for table in SCB_TABLES:
        if table.name == name:
            return table
    raise KeyError(name)
