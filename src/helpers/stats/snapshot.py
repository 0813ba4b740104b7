"""What the statistics snapshot holds and where each fetched file comes from.

The one place that names the SCB tables, the Kolada KPIs and the barometer file that
``make fetch`` refreshes, and the file each is stored in. Loaders (``scb``, ``kolada``,
``yrkesbarometer``), the fetch (``fetch``) and the missing-data notes (``availability``)
all read the names from here.

    >>> [spec.name for spec in SCB_TABLES][:2]
    ['scb_population', 'scb_population_ckm']
    >>> len(KOLADA_KPIS) > 20 and "N03937" in KOLADA_KPIS
    True
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

#: Kolada KPIs the report compares with (checked against /v3/kpi before each fetch).
KOLADA_KPIS: tuple[str, ...] = (
    "N01951",  # invånare totalt (the weight for group values)
    "N01982",  # 25–64 with post-secondary education, %
    "N00927",  # demographic dependency ratio
    "N02243",  # employed 20–65, %
    "N02276",
    "N02279",  # in-/out-commuting, %
    "N02277",
    "N02278",  # in-/out-commuters, count
    "N03937",  # openly unemployed 18–65, %
    "N03926",  # long-term unemployed 25–65, %
    *(f"N0{number}" for number in range(2210, 2243)),  # employed per industry, %
    "N18897",  # Komvux students
    *(f"N{number}" for number in range(18821, 18833)),  # Komvux vocational packages
    "N02834",  # expected population in ten years
    "N45700",  # enterprises per 1 000 inhabitants
    "N01005",  # new workplaces
)
#: How many years of Kolada values a fetch asks for (the latest ones).
KOLADA_YEARS = 6

#: Fetched files in ``data/raw/public/`` besides the SCB tables.
KOLADA_VALUES = "kolada_values.csv"
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
