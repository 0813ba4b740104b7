"""Chapter 08, compared with last year: the survey's key indicators both years.

A change is said in procentenheter, and called a change only when it is larger than its
uncertainty (``comparison.difference_interval``: a 95 % interval for the difference of two
independent shares); the tables show the largest shifts first. A figure hidden either year is
not compared::

    >>> from helpers.config.params import load_area
    >>> no_comparison(load_area("lysekil"), None)[:44]
    'Jämförelsen med förra året börjar året efter'
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import comparison, summary
from helpers.analysis.area_survey import INDICATORS, AreaSurvey, changes, skill_area_changes
from helpers.common import text
from helpers.config.params import Area

#: The column that says whether a change is larger than its uncertainty.
CERTAIN = "Säker förändring"
CHANGE = "Förändring, procentenheter"
INTERVAL = "95\u00a0% konfidensintervall, procentenheter"


def method() -> str:
    """How a change is judged (said in the chapter and in the method chapter).

    >>> method()[:60]
    'Årets och förra årets svarande är inte samma arbetsgivare, s'
    """
    return comparison.METHOD_TEXT


def change(sv: AreaSurvey) -> str:
    """Who answered each year, and the biggest change that is larger than its uncertainty,
    or that no change is (and the largest difference, said to be within the uncertainty)."""
    table = changes(sv)
    if table is None:
        return ""
    subjects = {k: v[1] for k, v in INDICATORS.items()}
    respondents = (
        f"Förra året ({text.year(sv.previous.year)}) svarade "
        f"{text.number(sv.previous.answered)} arbetsgivare och i år ({text.year(sv.year)}) "
        f"{text.number(sv.answered)}."
    )
    certain = table[table["significant"]] if "significant" in table else table.iloc[0:0]
    fact = summary.change_fact(table, subjects)
    if fact is None:
        return respondents
    if certain.empty:
        largest = comparison.largest_change(table)
        sentence = (
            f"{respondents} Ingen av skillnaderna i nyckeltalen är större än den statistiska "
            "osäkerheten, så det finns ingen säker förändring sedan förra året."
        )
        if largest is not None and float(largest["share_change"]) != 0:
            subject = subjects.get(largest["question"], text.mid_sentence(largest["option"]))
            sentence += (
                f" Störst är skillnaden för {subject} "
                f"({text.points(largest['share_change'])}), men den ryms inom osäkerheten."
            )
        return sentence
    others = len(certain) - 1
    more = (
        f" Sammanlagt är {text.number(len(certain))} av nyckeltalens förändringar säkra."
        if others
        else ""
    )
    return f"{respondents} {fact.sentence}{more}"


#: How a skill area's share reads in a sentence.
SKILL_SUBJECT = "andelen arbetsgivare vars personal behöver utvecklas inom {}"


def all_changes(sv: AreaSurvey) -> pd.DataFrame | None:
    """The key indicators' and every skill area's (D3) changes in one table, each row with
    the ``subject`` a sentence names it by (``summary.change_fact`` reads it)."""
    key = changes(sv)
    if key is None:
        return None
    key = key.assign(subject=key["question"].map(lambda q: INDICATORS[q][1]))
    skills = skill_area_changes(sv, top=None)
    skills = skills.assign(
        subject=[SKILL_SUBJECT.format(text.mid_sentence(o)) for o in skills["option"]]
    )
    return pd.concat([key, skills], ignore_index=True)


def certain_skills(table: pd.DataFrame | None) -> str:
    """The skill areas whose change is larger than its uncertainty, said after their table.

    >>> t = pd.DataFrame({"option": ["Engelska", "Yrkessvenska"], "significant": [True, False],
    ...     "share_change": [-0.2, 0.07]})
    >>> certain_skills(t)
    'Säker är förändringen för engelska (−20,0 procentenheter).'
    """
    if table is None or table.empty or "significant" not in table:
        return ""
    sure = table[table["significant"].astype(bool)]
    if sure.empty:
        return "Ingen av förändringarna i tabellen är större än den statistiska osäkerheten."
    parts = [
        f"{text.mid_sentence(r.option)} ({text.points(r.share_change)})" for r in sure.itertuples()
    ]
    word = "förändringen" if len(parts) == 1 else "förändringarna"
    return f"Säker är {word} för {text.join(parts)}."


def changes_table(sv: AreaSurvey) -> pd.DataFrame:
    """Key indicators both years and the change in procentenheter, largest change first."""
    return _year_table(comparison.by_size(changes(sv)), sv, "Indikator")


def _interval(row: pd.Series) -> str:
    low, high = row.get("share_change_low"), row.get("share_change_high")
    if text.is_missing(low) or text.is_missing(high):
        return text.MISSING
    return text.points_range(low, high, unit=False)


def _hundred(share_change: object) -> object:
    """A change of shares in procentenheter (missing stays missing)."""
    return share_change if text.is_missing(share_change) else float(share_change) * 100


def _year_table(table: pd.DataFrame, sv: AreaSurvey, first: str) -> pd.DataFrame:
    certain = table["significant"] if "significant" in table else pd.Series(False, table.index)
    compared = table["share_change"].notna()
    out = pd.DataFrame(
        {
            first: table["option"],
            text.year(sv.previous.year): table["share_previous"].map(text.percent),
            text.year(sv.year): table["share_current"].map(text.percent),
            CHANGE: table["share_change"].map(lambda v: text.signed(_hundred(v))),
            INTERVAL: [_interval(row) for _, row in table.iterrows()],
            CERTAIN: [
                ("Ja" if sure else "Nej") if shown else text.MISSING
                for sure, shown in zip(certain, compared, strict=True)
            ],
        }
    ).reset_index(drop=True)
    out.attrs["suppressed"] = bool(table["suppressed"].any())
    return out


def skills_changes_table(sv: AreaSurvey, table: pd.DataFrame) -> pd.DataFrame:
    """The skill areas that changed most (``area_survey.skill_area_changes``)."""
    return _year_table(table, sv, "Kompetensområde")


def no_comparison(area: Area, sv: AreaSurvey | None) -> str:
    """What the comparison chapter says when there is no previous year to compare with."""
    if sv is not None:
        return comparison.no_previous_text(sv.year)
    return (
        f"Jämförelsen med förra året börjar året efter att {area.name} har gjort "
        f"arbetsgivarenkäten för första gången. Ingen enkät har genomförts "
        f"{text.year(area.year)}."
    )
