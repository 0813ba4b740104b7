"""The area's employer survey, read once per kernel, and the tables the chapters build on it.

:func:`load` reads the export named in the area's params file (``survey.file``), codes its
job titles to SSYK 2012 with the analyst's override file, and reads last year's export
(``survey.previous``) the same way. Only the tidy answers are kept: contact data stays in
``SurveyData.contacts`` and is dropped here, and so is the free text of F1, so nothing a
chapter can reach names a respondent. An area without a survey gives ``None``::

    >>> from helpers.config.params import load_area
    >>> sv = load(load_area("sotenas"))
    >>> sv.answered, sv.invited, sv.previous.year
    (60, 160, 2025)
    >>> load(load_area("lysekil")) is None
    True

The other functions turn an :class:`AreaSurvey` into the tables the chapters show:
:func:`key_indicators` (shares compared year on year), :func:`recommendations` (the needs
and efforts of ``needs.recommend``), :func:`supply` (education in and near the area).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.analysis import comparison, indicators, needs, supply
from helpers.common import memo
from helpers.config.params import Area, SurveyInput
from helpers.stats import education_supply, jobads, occupations, training_routes, yrkesbarometer
from helpers.survey import disclosure
from helpers.survey.questionnaire import load_questionnaire
from helpers.survey.read import read_survey

#: Free-text answers never analysed or shown (F1 may hold names, e-mail addresses, phones).
DROPPED = ("F1",)
SOURCE = "Arbetsgivarenkät om kompetensbehov"
#: Key indicators compared year on year: id → (label in tables, subject in a sentence).
INDICATORS = {
    "tried": (
        "Har försökt rekrytera de senaste 12 månaderna",
        "andelen arbetsgivare som försökt rekrytera",
    ),
    "difficult": (
        "Tyckte att det var svårt att hitta rätt kompetens (bland dem som rekryterat)",
        "andelen som tyckt att det var svårt att hitta rätt kompetens",
    ),
    "failure": (
        "Sökta personer som inte gick att anställa med rätt kompetens",
        "andelen misslyckade rekryteringar",
    ),
    "growing": (
        "Räknar med fler anställda om 12 månader",
        "andelen arbetsgivare som räknar med fler anställda",
    ),
    "skills_gap": (
        "Personalen saknar kompetens i stor eller viss utsträckning",
        "andelen arbetsgivare vars personal saknar kompetens",
    ),
    "cofunding": (
        "Kan tänka sig att delfinansiera en utbildningsinsats",
        "andelen som kan tänka sig att delfinansiera utbildning",
    ),
    "apprentice": (
        "Kan tänka sig att anställa en lärling",
        "andelen som kan tänka sig att anställa en lärling",
    ),
}


@dataclass(frozen=True)
class SurveyKey:
    """What one year's survey is read from: the same key, the same survey (the cache's key).

    ``survey`` is the params file's ``survey:`` (export, last year's, mapping, sheet, invited,
    example); ``stamps`` are its files' modification times, so an export changed while a
    kernel is up (in JupyterLab, say) is read again.
    """

    area_name: str
    year: int
    municipalities: tuple[str, ...]
    threshold: int
    survey: SurveyInput
    stamps: tuple[int | None, ...] = ()

    @classmethod
    def of(cls, area: Area) -> SurveyKey | None:
        """The key of the survey named in the area's params file (None when it names none)."""
        if area.survey is None:
            return None
        files = (area.survey.file, area.survey.previous, area.survey.mapping)
        return cls(
            area_name=area.name,
            year=area.year,
            municipalities=tuple(area.municipality_names),
            threshold=area.suppression_threshold,
            survey=area.survey,
            stamps=tuple(_stamp(path) for path in files),
        )

    def last_year(self) -> SurveyKey | None:
        """Last year's survey, read the same way (its year from its folder's name), if named."""
        previous = self.survey.previous
        if previous is None:
            return None
        return dataclasses.replace(
            self,
            year=_year_of(previous, self.year - 1),
            survey=dataclasses.replace(self.survey, file=previous, invited=None, previous=None),
        )


def _stamp(path: Path | None) -> int | None:
    return path.stat().st_mtime_ns if path is not None and path.exists() else None


@dataclass(frozen=True, eq=False)
class AreaSurvey:
    """One year's survey of an area: tidy answers without personal data, and coded titles.

    ``coded``: ``occupations.code_titles`` of the distinct job titles (C5, C8, D4);
    ``mentions``: the same for every title given (one row per filled slot), for the
    coding share. ``previous``: last year's survey, read the same way, or None. ``key``:
    what it was read from (None for one made by hand); the tables computed from a survey
    are remembered by it. ``n_outside``: respondents whose workplace is outside the area's
    municipalities (A1 = "Annan kommun"); ``outside_excluded``: they were left out of
    ``responses`` (params ``survey.exclude_outside_area``), else they are counted.
    """

    area_name: str
    year: int
    responses: pd.DataFrame
    coded: pd.DataFrame
    mentions: pd.DataFrame
    invited: int | None
    example: bool
    threshold: int
    layout: str
    file_name: str
    n_duplicates: int
    n_incomplete: int
    previous: AreaSurvey | None = None
    key: SurveyKey | None = None
    n_outside: int = 0
    outside_excluded: bool = False

    @property
    def answered(self) -> int:
        """Number of respondents counted (duplicates and incomplete answers left out)."""
        return len(self.responses)

    @property
    def source(self) -> str:
        """The source line of every survey chart and table."""
        return f"{SOURCE}, {self.area_name} {self.year}"

    def copy(self) -> AreaSurvey:
        """The same survey with tables of its own (what ``load`` hands out each caller)."""
        return dataclasses.replace(
            self,
            responses=memo.copied(self.responses),
            coded=memo.copied(self.coded),
            mentions=memo.copied(self.mentions),
            previous=self.previous.copy() if self.previous is not None else None,
        )


def _remembered_as(sv: AreaSurvey) -> Hashable:
    """What a table computed from ``sv`` is remembered by: the key it was read from, or the
    survey itself when it was made by hand (then as long as that object lives)."""
    return sv.key if sv.key is not None else sv


def load(area: Area) -> AreaSurvey | None:
    """The area's survey, or None when its params name no survey. Read once per kernel
    (``memo``): each caller gets its own copy of the tables.

    Raises ``SurveyError`` with one clear line when the export cannot be read.
    """
    key = SurveyKey.of(area)
    return None if key is None else _load(key)


@memo.remembered
def _load(key: SurveyKey) -> AreaSurvey:
    last = key.last_year()
    return _read(key, _read(last, None) if last is not None else None)


def _year_of(path: Path, default: int) -> int:
    """The survey year a file belongs to: its folder's name when that is a year."""
    for part in reversed(path.parts[:-1]):
        if re.fullmatch(r"(19|20)\d\d", part):
            return int(part)
    return default


def _read(key: SurveyKey, previous: AreaSurvey | None) -> AreaSurvey:
    given = key.survey
    data = read_survey(
        given.file,
        municipalities=list(key.municipalities),
        mapping=given.mapping,
        sheet=given.sheet,
    )
    responses = data.responses.drop(columns=[c for c in DROPPED if c in data.responses])
    outside = outside_area(responses)
    if given.exclude_outside_area:
        responses = responses[~outside.to_numpy()]
    overrides = occupations.DEFAULT_OVERRIDES
    coded = occupations.code_titles(indicators.titles(responses), overrides)
    return AreaSurvey(
        area_name=key.area_name,
        year=key.year,
        responses=responses,
        coded=coded,
        mentions=occupations.code_titles(_title_mentions(responses), overrides),
        invited=given.invited,
        example=given.example,
        threshold=key.threshold,
        layout=data.layout_name,
        file_name=given.file.name,
        n_duplicates=data.n_duplicates,
        n_incomplete=data.n_incomplete,
        previous=previous,
        key=key,
        n_outside=int(outside.sum()),
        outside_excluded=given.exclude_outside_area,
    )


def outside_area(responses: pd.DataFrame) -> pd.Series:
    """True for respondents whose workplace is in none of the area's municipalities (A1 is
    the questionnaire's "Annan kommun"); unanswered A1 counts as inside."""
    other = load_questionnaire()["A1"].other
    if "A1" not in responses or other is None:
        return pd.Series(False, index=responses.index)
    return responses["A1"].eq(other).fillna(False).astype(bool)


def _title_mentions(responses: pd.DataFrame) -> list[str]:
    """Every job title given, one per filled slot of C5, C8 and D4."""
    found = []
    for slots in indicators.TITLE_SLOTS.values():
        for column in slots:
            if column in responses:
                values = responses[column].dropna().astype(str).str.strip()
                found += [v for v in values if v]
    return found


# --- tables built on the survey --------------------------------------------------------------


def named(sv: AreaSurvey) -> pd.DataFrame:
    """Occupations named as hard to fill (C5) or as planned hires (C8), one row per mention."""
    return pd.concat(
        [indicators.mentions(sv.responses, sv.coded, q) for q in ("C5", "C8")],
        ignore_index=True,
    )


#: Each share indicator: its question, the indicator function that makes the question's own
#: table (the one its chart shows) and the options it counts.
_SHARES: dict[str, tuple[str, Callable[..., pd.DataFrame], tuple[str, ...]]] = {
    "tried": ("C1", indicators.recruitment_tried, (indicators.TRIED,)),
    "difficult": ("C4", indicators.difficulty, indicators.DIFFICULT),
    "growing": ("B1", indicators.outlook_12_months, ("Ökar",)),
    "skills_gap": (
        "D1",
        indicators.skills_gap_extent,
        ("I stor utsträckning", "I viss utsträckning"),
    ),
    "cofunding": ("D9", indicators.cofunding, needs.COFUNDING),
    "apprentice": ("E3", indicators.apprentices, ("Ja",)),
}


def question_options(question: str) -> list[str]:
    """A question's options in the questionnaire's order: what every table of it is made with."""
    return list(load_questionnaire()[question].options)


def _binary(indicator: str, responses: pd.DataFrame, threshold: int) -> dict:
    """One indicator share, from the very table its question's chart shows and through its
    suppression (``disclosure.combined``): a share of several options is hidden when it
    would give back one of that table's hidden cells (a title's "70 %" beside one shown
    option and two hidden ones)."""
    question, table_of, chosen = _SHARES[indicator]
    options = (
        {} if table_of is indicators.recruitment_tried else {"options": question_options(question)}
    )
    table = table_of(responses, threshold=threshold, **options)
    raw = table_of(responses, threshold=0, **options)["n"]  # nothing hidden: the true counts
    row = disclosure.combined(table, chosen, raw=raw, threshold=threshold)
    return {
        "question": indicator,
        "group": "Totalt",
        "option": INDICATORS[indicator][0],
        "n": row["n"],
        "base": row["base"],
        "share": row["share"],
        "suppressed": bool(row["suppressed"]),
    }


def indicators_of(responses: pd.DataFrame, threshold: int = disclosure.THRESHOLD) -> pd.DataFrame:
    """The key indicators (:data:`INDICATORS`) of one year's tidy responses.

    Columns ``question`` (indicator id), ``group``, ``option`` (its Swedish label), ``n``,
    ``base``, ``share``, ``suppressed``; for ``failure`` n is the employers counted and the
    share is pooled over positions (``indicators.failure_rate``).
    """
    r = responses
    rows = [_binary("tried", r, threshold), _binary("difficult", r, threshold)]
    failure = indicators.failure_rate(r, threshold=threshold).iloc[-1]
    rows.append(
        {
            "question": "failure",
            "group": "Totalt",
            "option": INDICATORS["failure"][0],
            "n": failure["employers"],
            "base": failure["employers"],
            "share": failure["failure_rate"],
            "suppressed": bool(failure["suppressed"]),
        }
    )
    rows += [
        _binary(name, r, threshold) for name in ("growing", "skills_gap", "cofunding", "apprentice")
    ]
    table = pd.DataFrame(rows)
    table = table.astype({"n": "Int64", "base": "Int64", "share": "Float64"})
    table.attrs["base"] = "Se respektive fråga"
    return table


@memo.remembered(key=_remembered_as)  # the summary, the survey chapter and the comparison ask
def key_indicators(sv: AreaSurvey) -> pd.DataFrame:
    """This year's key indicators (see :func:`indicators_of`)."""
    return indicators_of(sv.responses, sv.threshold)


def changes(sv: AreaSurvey) -> pd.DataFrame | None:
    """Key indicators this year against last year (``comparison.compare``), or None."""
    if sv.previous is None:
        return None
    return comparison.compare(
        key_indicators(sv),
        key_indicators(sv.previous),
        values=["share"],
        years=(sv.year, sv.previous.year),
    )


def skill_area_changes(sv: AreaSurvey, top: int | None = 6) -> pd.DataFrame | None:
    """The ``top`` D3 skill areas whose share changed most since last year (largest change
    first, ``comparison.by_size``), with both years' shares, the change, its 95 % interval
    and whether it is larger than its uncertainty (``top=None``: every area). Areas hidden
    either year are left out."""
    if sv.previous is None:
        return None
    options = list(load_questionnaire()["D3"].options)  # so a year where none was chosen compares
    now = indicators.skill_areas(sv.responses, options=options, threshold=sv.threshold)
    then = indicators.skill_areas(sv.previous.responses, options=options, threshold=sv.threshold)
    keep = ["question", "group", "option", "n", "base", "share", "suppressed"]
    table = comparison.compare(
        now[keep], then[keep], values=["share"], years=(sv.year, sv.previous.year)
    )
    table = table[table["option"] != "Annat"].dropna(subset=["share_change"])
    ordered = comparison.by_size(table)
    return ordered if top is None else ordered.head(top)


# --- needs, job ads, barometer and education supply ---------------------------------------


def barometer(area: Area) -> pd.DataFrame:
    """Yrkesbarometern's rows for the area's county."""
    return yrkesbarometer.load().county(area.county)


def barometer_source() -> str:
    """The barometer's source line (says when the snapshot is partial)."""
    return yrkesbarometer.load().source


def survey_codes(sv: AreaSurvey) -> list[str]:
    """Every SSYK 4 code the survey's job titles were coded to."""
    return sorted(set(sv.coded["ssyk4"].dropna().astype(str)))


def signals(sv: AreaSurvey, area: Area) -> pd.DataFrame:
    """The survey's occupations against the area's job ads and the county's barometer."""
    return needs.occupation_signals(
        named(sv),
        ads=jobads.ads(area.municipalities),
        barometer=barometer(area),
        threshold=sv.threshold,
    )


@memo.remembered(key=lambda sv, area: (_remembered_as(sv), area))
def recommendations(sv: AreaSurvey, area: Area) -> pd.DataFrame:
    """``needs.recommend`` for the area: one row per need, strongest first."""
    education = supply.supply(area, survey_codes(sv))
    near = tuple(area.municipalities) + tuple(supply.near_codes(area))
    return needs.recommend(
        sv.responses,
        sv.coded,
        ads=jobads.ads(area.municipalities),
        barometer=barometer(area),
        match=functools.partial(education_supply.match_needs, supply=education),
        match_skills=functools.partial(education_supply.match_skills, supply=education),
        universities=functools.partial(training_routes.universities, municipality_codes=near),
        supply_scope=supply.scope(area),
        yh_source=supply.rounds_text(area),
        threshold=sv.threshold,
    )


def coding(sv: AreaSurvey) -> dict:
    """``occupations.coding_summary`` of every title mention in the survey."""
    return occupations.coding_summary(sv.mentions)
