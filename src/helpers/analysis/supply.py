"""Education supply in and near an area: YH programmes and courses, and vocational offers.

"Near" is the rest of the area's region (Fyrbodal for its members, else the county); the
chapters show what is granted where, and ``needs`` matches it to the survey's needs::

    >>> from helpers.config.params import load_area
    >>> latest_round(load_area("sotenas"))
    2024
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.common import memo
from helpers.config.params import Area
from helpers.stats import education_supply

OFFERS_SOURCE = (
    "Arbetsförmedlingen, yrkesutbildningar per yrke, maj 2025 (ett urval, inget komplett register)"
)


def near_codes(area: Area) -> list[str]:
    """Municipalities counted as "near" the area: the rest of its region (e.g. Fyrbodal)."""
    return [c for c in area.region.municipalities if c not in area.municipalities]


def supply(area: Area, codes: Sequence[str] = ()) -> pd.DataFrame:
    """Education in and near the area: YH programmes and courses (MYH, rounds 2020–2024) and
    Arbetsförmedlingen's vocational offers for ``codes`` (SSYK 4), ``where`` = in/near."""
    return _supply(area, tuple(sorted(codes)))


@memo.remembered
def _supply(area: Area, codes: tuple[str, ...]) -> pd.DataFrame:
    here, near = list(area.municipalities), near_codes(area)
    yh = education_supply.education_supply(here, near)
    parts = [yh]
    if codes:
        offers = education_supply.vocational_offers(codes, here, near)
        parts.append(offers.assign(provider=pd.NA, year=pd.NA))
    return pd.concat(parts, ignore_index=True)


YH_KINDS = {"YH-program": "YH-utbildningar", "YH-kurs": "YH-kurser"}


def yh_supply(area: Area) -> pd.DataFrame:
    """The YH programmes and courses (MYH) in and near the area, all rounds."""
    table = supply(area)
    return table[table["kind"].isin(list(YH_KINDS))]


def supply_overview(area: Area) -> pd.DataFrame:
    """Distinct YH programmes and courses per education area, in the area and near it."""
    table = yh_supply(area)
    table = table.assign(education_area=table["education_area"].fillna("Övrigt"))
    counts = table.groupby(["education_area", "kind", "where"])["name"].nunique()
    columns = [
        (kind, where)
        for kind in YH_KINDS
        for where in (education_supply.IN_AREA, education_supply.NEAR)
    ]
    wide = counts.unstack(["kind", "where"]).reindex(columns=columns).fillna(0).astype(int)
    wide.columns = [f"{YH_KINDS[kind]} {where}" for kind, where in columns]
    wide = wide.assign(_total=wide.sum(axis=1)).sort_values("_total", ascending=False)
    wide = wide.drop(columns="_total").rename_axis("Utbildningsområde").reset_index()
    return wide


def supply_latest(area: Area) -> pd.DataFrame:
    """The YH programmes and courses granted in the latest application round, in and near."""
    table = yh_supply(area)
    if table.empty:
        return pd.DataFrame(columns=["Utbildning", "Typ", "Anordnare", "Kommun", "Läge"])
    latest = table[table["year"] == table["year"].max()]
    near_last = latest["where"].eq(education_supply.NEAR).astype(int)
    latest = latest.assign(_near=near_last).sort_values(["_near", "kind", "name"])
    return (
        pd.DataFrame(
            {
                "Utbildning": latest["name"],
                "Typ": latest["kind"],
                "Anordnare": latest["provider"],
                "Kommun": latest["municipality"],
                "Läge": latest["where"],
            }
        )
        .drop_duplicates()
        .reset_index(drop=True)
    )


def latest_round(area: Area) -> int | None:
    """The latest YH application round in the data."""
    years = yh_supply(area)["year"].dropna()
    return int(years.max()) if len(years) else None


def offers(area: Area, codes: Sequence[str]) -> pd.DataFrame:
    """Arbetsförmedlingen's vocational offers in and near the area for the given SSYK codes."""
    columns = ["Yrke", "Utbildning", "Typ", "Ort", "Läge"]
    table = supply(area, codes)
    table = table[~table["kind"].isin(list(YH_KINDS))]
    if table.empty or "ssyk4_label" not in table:  # no occupation in the survey, or no offer
        return pd.DataFrame(columns=columns)
    return (
        pd.DataFrame(
            {
                "Yrke": table["ssyk4_label"],
                "Utbildning": table["name"],
                "Typ": table["kind"],
                "Ort": table["town"],
                "Läge": table["where"],
            }
        )
        .drop_duplicates()
        .sort_values(["Yrke", "Utbildning"])
        .reset_index(drop=True)
    )


def scope(area: Area) -> str:
    """Where education was looked for, as it reads after "utbildning för yrket".

    >>> from helpers.config.params import load_area
    >>> scope(load_area("sotenas"))
    'i Sotenäs eller övriga Fyrbodal'
    """
    return f"i {area.name} eller övriga {area.region.name}"


def rounds_text(area: Area) -> str:
    """The YH data's source and rounds in short ("MYH 2020–2024")."""
    years = yh_supply(area)["year"].dropna()
    return f"MYH {int(years.min())}–{int(years.max())}" if len(years) else "MYH"


#: What the education supply does not cover, said wherever it is used.
NOT_COVERED = (
    "Underlaget om utbud omfattar Yrkeshögskolans beviljade utbildningar och kurser och ett "
    "urval av Arbetsförmedlingens yrkesutbildningar. Komvux och yrkesvux, gymnasieskolans "
    "program, folkhögskolor, universitet och högskolor samt distansutbildningar ingår inte: "
    "att inget hittas betyder inte att ingen utbildning finns."
)


def supply_source(area: Area) -> str:
    """The source line of the YH tables, with the application rounds they cover."""
    years = yh_supply(area)["year"].dropna()
    rounds = f" {int(years.min())}–{int(years.max())}" if len(years) else ""
    return f"Myndigheten för yrkeshögskolan, beviljade YH-utbildningar och YH-kurser{rounds}"
