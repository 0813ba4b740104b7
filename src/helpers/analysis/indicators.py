"""Indicators from the tidy employer survey, every one already through disclosure control.

Input is ``SurveyData.responses`` (see ``helpers.survey.read``): index ``respondent``, one column
per question id of the standard questionnaire; single choice as strings, multi-select as
frozensets (empty = answered, nothing chosen), numbers as ``Int64``. Job titles are coded to
SSYK 2012 beforehand (``occupations.code_titles``) and passed in as a table, so every
function here is pure: tables in, tables out.

Output tables are tidy, with English column names for code (``group``, ``option``, ``n``,
``base``, ``share``, ``suppressed`` ...); hidden figures are ``<NA>``. :func:`to_display` turns
any of them into a Swedish table of formatted strings for the report and the appendix. Each
table's ``attrs["base"]`` says in Swedish who the shares are counted among.

Groups: without ``by`` one group, ``"Totalt"``; with ``by="A2"`` (branch) or ``"A1"``
(municipality) one group per answer, largest first, then ``"Totalt"`` (which also holds
respondents who left ``by`` unanswered, so it is at least the sum of the groups and is
protected as a total).

    >>> distribution(responses, "C1", options=["Ja", "Nej"])  # doctest: +SKIP
      question   group option   n  base  share  suppressed
    0       C1  Totalt     Ja  14    20    0.7       False
    1       C1  Totalt    Nej   6    20    0.3       False
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.common import text
from helpers.common.errors import ParamsError
from helpers.survey import disclosure
from helpers.survey.disclosure import THRESHOLD

TOTAL = "Totalt"
UNCODED = "Ej kodad yrkestitel"
UNKNOWN = "Vet ej"
BRANCH = "A2"
MUNICIPALITY = "A1"
TRIED = "Ja"
DIFFICULT = ("Ganska svårt", "Mycket svårt")
#: The slots holding free-text job titles, per question.
TITLE_SLOTS = {
    "C5": ("C5_1", "C5_2", "C5_3"),
    "C8": ("C8_1_yrke", "C8_2_yrke", "C8_3_yrke"),
    "D4": ("D4_1", "D4_2", "D4_3"),
}
HORIZONS = {"0–12 månader": "hires_0_12", "1–3 år": "hires_1_3"}
#: C8 levels from the shortest education to the longest (breaks ties in typical_level).
LEVELS = ("Ingen särskild utbildning", "Gymnasial yrkesutbildning", "Yrkeshögskola", "Högskola")

BASE_ALL = "Samtliga svarande som besvarat frågan"
BASE_TRIED = "Arbetsgivare som försökt rekrytera de senaste 12 månaderna (C1 = Ja)"
BASE_FAILURE = (
    "Arbetsgivare som angett både hur många de försökte rekrytera (C2, minst 1) och hur många "
    "de lyckades anställa (C3, högst C2); andelen räknas på summan av tjänsterna"
)

DISPLAY_NAMES = {
    "question": "Fråga",
    "group": "Grupp",
    "option": "Svarsalternativ",
    "n": "Antal",
    "base": "Antal svarande",
    "share": "Andel",
    "staff": "Antal anställda",
    "employers": "Antal arbetsgivare",
    "sought": "Sökta personer",
    "hired": "Anställda med rätt kompetens",
    "failure_rate": "Andel misslyckade rekryteringar",
    "ssyk4": "SSYK 2012",
    "ssyk4_label": "Yrke",
    "hires": "Planerade anställningar",
    "hires_0_12": "Inom 12 månader",
    "hires_1_3": "Om 1–3 år",
    "hires_no_horizon": "Tid ej angiven",
    "level": "Vanligaste utbildningsnivå",
    "total": "Summa",
    "sum": "Summa",
    "mean": "Medelvärde",
    "answered": "Svarande",
    "invited": "Inbjudna",
    "rate": "Svarsfrekvens",
}
GROUP_NAMES = {BRANCH: "Bransch", MUNICIPALITY: "Kommun"}
#: Columns holding shares (0–1), shown as percentages; with suffix ``_change`` (comparison
#: with last year) they are differences, shown in procentenheter.
SHARE_COLUMNS = frozenset({"share", "failure_rate", "rate"})


# --- building blocks -----------------------------------------------------------------------


def _subset(responses: pd.DataFrame, among: pd.Series | None) -> pd.DataFrame:
    if among is None:
        return responses
    keep = among.reindex(responses.index).fillna(False).astype(bool)
    return responses[keep.to_numpy()]


def _groups(responses: pd.DataFrame, by: str | None) -> list[tuple[str, pd.Index]]:
    """(label, respondents) per group, largest first, then the total."""
    groups: list[tuple[str, pd.Index]] = []
    if by is not None:
        labels = responses[by].dropna().astype(str)
        sizes = labels.value_counts()
        for label in sorted(sizes.index, key=lambda g: (-sizes[g], g)):
            groups.append((label, labels.index[labels == label]))
    groups.append((TOTAL, responses.index))
    return groups


def _is_multi(answers: pd.Series) -> bool:
    return any(isinstance(v, (set, frozenset)) for v in answers.dropna())


def chosen_options(answers: pd.Series, multi: bool) -> pd.Series:
    """One row per chosen option, indexed by respondent (unanswered left out)."""
    answered = answers.dropna()
    if not multi:
        return answered.astype(str)
    pairs = [(r, o) for r, options in answered.items() for o in sorted(options)]
    return pd.Series([o for _, o in pairs], index=[r for r, _ in pairs], dtype=object)


def _with_base(table: pd.DataFrame, base: str, by: str | None = None) -> pd.DataFrame:
    table.attrs["base"] = base
    table.attrs["by"] = by
    return table


def tried(responses: pd.DataFrame) -> pd.Series:
    """True for respondents who tried to recruit in the last 12 months (C1 = Ja)."""
    return responses["C1"].eq(TRIED).fillna(False).astype(bool)


def had_difficulties(responses: pd.DataFrame) -> pd.Series:
    """True for respondents who found recruiting rather or very hard (C4)."""
    return responses["C4"].isin(DIFFICULT).fillna(False).astype(bool)


def distribution(
    responses: pd.DataFrame,
    question: str,
    *,
    by: str | None = None,
    among: pd.Series | None = None,
    options: Sequence[str] | None = None,
    sum_of: str | None = None,
    base_text: str = BASE_ALL,
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Counts and shares of each option of a single-choice or multi-select question.

    The base of a group is its respondents who answered the question (a multi-select
    answered with nothing chosen counts). ``among`` restricts respondents (a boolean Series,
    e.g. :func:`tried`); ``options`` fixes order and adds options nobody chose (pass the
    questionnaire's labels); ``sum_of`` adds column ``sum``: that numeric question summed
    over the respondents choosing each option (e.g. staff D5 per skill area D3).

    >>> distribution(responses, "E3", options=["Ja", "Kanske", "Nej"])  # doctest: +SKIP
    """
    data = _subset(responses, among)
    answers = data[question]
    multi = _is_multi(answers)
    chosen = chosen_options(answers, multi)
    labels = _option_order(chosen, options)
    rows, largest = [], []
    for group, members in _groups(data, by):
        picked = chosen[chosen.index.isin(members)]
        counts = picked.value_counts()
        base = int(answers.loc[members].notna().sum())
        for option in labels:
            row = {
                "question": question,
                "group": group,
                "option": option,
                "n": int(counts.get(option, 0)),
                "base": base,
            }
            if sum_of is not None:
                who = picked.index[picked == option]
                given = data.loc[who, sum_of].astype("Int64")
                row["sum"] = given.sum()
                largest.append(disclosure.largest(given.dropna()))
            rows.append(row)
    columns = ["question", "group", "option", "n", "base"] + (["sum"] if sum_of else [])
    table = pd.DataFrame(rows, columns=columns)
    table = disclosure.protect_shares(
        table,
        additive=not multi,
        total=TOTAL if by else None,
        follow=["sum"] if sum_of else [],
        threshold=threshold,
    )
    if sum_of is not None:
        table["sum"] = table["sum"].mask(_dominated_sums(table, largest, by))
    return _with_base(table, base_text, by)


def _dominated_sums(table: pd.DataFrame, largest: list[float], by: str | None) -> pd.Series:
    """Which ``sum`` cells to hide by the dominance rule: those one employer dominates, and,
    by groups, the option's Totalt too (the groups add up to it, so a hidden group would be
    Totalt minus the others)."""
    sums = table["sum"].astype("Float64").fillna(0).to_numpy(dtype=float)
    hide = pd.Series(
        [
            top > 0 and top > disclosure.DOMINANCE * total
            for top, total in zip(largest, sums, strict=True)
        ],
        index=table.index,
    )
    if by is not None:
        options = set(table.loc[hide & (table["group"] != TOTAL), "option"])
        hide |= (table["group"] == TOTAL) & table["option"].isin(options)
    return hide


def _option_order(chosen: pd.Series, options: Sequence[str] | None) -> list[str]:
    counts = chosen.value_counts()
    observed = sorted(counts.index, key=lambda o: (-counts[o], o))
    if options is None:
        return observed
    return list(options) + [o for o in observed if o not in options]


def _protect_groups(
    table: pd.DataFrame,
    base: str,
    respondents: str,
    by: str | None,
    threshold: int,
    largest: Mapping[str, Sequence[float]] | None = None,
) -> pd.DataFrame:
    """Suppress a table with one row per group whose other columns rest on ``respondents``.

    ``largest`` maps a column of sums over employers to each row's largest single
    contribution: a sum one employer dominates is hidden (``disclosure.dominated``), and its
    complement is chosen by the dominance rule.
    """
    counts = table.set_index("group").select_dtypes("number")
    biggest = dominated = None
    if largest:
        biggest = pd.DataFrame(
            {c: list(v) for c, v in largest.items()}, index=counts.index, dtype=float
        )
        dominated = biggest > disclosure.DOMINANCE * counts[list(largest)].astype(float)
    mask = disclosure.suppression_mask(
        counts,
        threshold,
        total_row=TOTAL if by else None,
        base_column=respondents,
        respondent_columns=[respondents],
        whole_rows=True,
        dominated=dominated,
        largest=biggest,
    )
    out = table.copy()
    for c in counts.columns:
        out[c] = out[c].mask(mask[c].to_numpy())
    out["suppressed"] = mask[respondents].to_numpy()
    return _with_base(out, base, by)


# --- response ------------------------------------------------------------------------------


def response_summary(responses: pd.DataFrame, invited: int | None) -> pd.DataFrame:
    """Number of respondents, invited, and response rate (``<NA>`` when invited is unknown).

    >>> response_summary(responses, invited=40)  # doctest: +SKIP
       answered  invited  rate
    0        20       40   0.5
    """
    answered = len(responses)
    if invited is not None and invited < answered:
        raise ParamsError(
            f"Antalet inbjudna ({invited}) är mindre än antalet svar ({answered}). "
            "Rätta 'invited' för enkäten i områdets params-fil."
        )
    rate = answered / invited if invited else pd.NA
    table = pd.DataFrame({"answered": [answered], "invited": [invited], "rate": [rate]})
    table = table.astype({"answered": "Int64", "invited": "Int64", "rate": "Float64"})
    return _with_base(table, "Alla arbetsgivare som fått enkäten")


def respondents_by(
    responses: pd.DataFrame,
    question: str = BRANCH,
    *,
    options: Sequence[str] | None = None,
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Respondents per branch (A2) or municipality (A1): n, share, small groups hidden."""
    return distribution(responses, question, options=options, threshold=threshold)


def _simple(name: str, question: str, doc: str, *, among_tried: bool = False):
    """A named indicator that is a plain :func:`distribution` of one question, counted among
    every respondent or (``among_tried``) among those who tried to recruit (C1)."""
    counted = "those who tried to recruit and answered" if among_tried else "those who answered"

    def indicator(
        responses: pd.DataFrame,
        *,
        by: str | None = None,
        options: Sequence[str] | None = None,
        threshold: int = THRESHOLD,
    ) -> pd.DataFrame:
        among = {"among": tried(responses), "base_text": BASE_TRIED} if among_tried else {}
        return distribution(
            responses, question, by=by, options=options, threshold=threshold, **among
        )

    indicator.__doc__ = (
        f"{doc} ({question}): counts and shares of {counted}.\n\n"
        f'    >>> {name}(responses, by="A2")  # doctest: +SKIP\n'
    )
    indicator.__name__ = indicator.__qualname__ = name
    return indicator


# --- recruitment (C) -----------------------------------------------------------------------


def recruitment_tried(
    responses: pd.DataFrame, *, by: str | None = None, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Who tried to recruit in the last 12 months (C1), per group."""
    return distribution(responses, "C1", by=by, options=["Ja", "Nej"], threshold=threshold)


difficulty = _simple(
    "difficulty", "C4", "How hard it was to find the right competence", among_tried=True
)


def failure_rate(
    responses: pd.DataFrame, *, by: str | None = None, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Share of sought positions not filled with the right competence: 1 − ΣC3 / ΣC2.

    Pooled over positions, as in Svenskt Näringsliv's Rekryteringsenkäten: an employer
    seeking 10 weighs ten times one seeking 1. Counted: respondents with C2 ≥ 1 and
    0 ≤ C3 ≤ C2 (``attrs["excluded"]`` counts answers with C3 > C2, left out as invalid).
    Hidden per group when fewer than ``threshold`` employers count.

    >>> failure_rate(responses, by="A2")  # doctest: +SKIP
        group  employers  sought  hired  failure_rate  suppressed
    0  Handel          6      20     15          0.25       False
    """
    sought = responses["C2"].astype("Int64")
    hired = responses["C3"].astype("Int64")
    given = (sought.notna() & hired.notna() & (sought >= 1)).fillna(False).astype(bool)
    valid = given & (hired >= 0).fillna(False) & (hired <= sought).fillna(False)
    rows = []
    for group, members in _groups(responses, by):
        counted = valid.loc[members]
        who = counted.index[counted.to_numpy()]
        rows.append(
            {
                "group": group,
                "employers": len(who),
                "sought": int(sought.loc[who].sum()),
                "hired": int(hired.loc[who].sum()),
            }
        )
    table = pd.DataFrame(rows).astype({"employers": "Int64", "sought": "Int64", "hired": "Int64"})
    table = _protect_groups(table, BASE_FAILURE, "employers", by, threshold)
    rate = 1 - table["hired"].astype("Float64") / table["sought"].astype("Float64")
    table["failure_rate"] = rate.where((table["sought"] > 0).fillna(False).astype(bool))
    table = table[["group", "employers", "sought", "hired", "failure_rate", "suppressed"]]
    table.attrs.update(base=BASE_FAILURE, by=by, excluded=int((given & ~valid).sum()))
    return table


reasons = _simple("reasons", "C6", "Reasons for recruitment difficulties", among_tried=True)
consequences = _simple("consequences", "C7", "Consequences of the shortage", among_tried=True)
recruitment_channels = _simple("recruitment_channels", "C9", "Channels used to recruit")


# --- occupations (C5, C8, D4) --------------------------------------------------------------


def titles(responses: pd.DataFrame, questions: Sequence[str] = ("C5", "C8", "D4")) -> list[str]:
    """The distinct free-text job titles to code (stripped, in order of first appearance).

    >>> coded = occupations.code_titles(titles(responses), overrides)  # doctest: +SKIP
    """
    seen: dict[str, None] = {}
    for question in questions:
        for column in TITLE_SLOTS[question]:
            if column in responses:
                for title in responses[column].dropna().astype(str).str.strip():
                    if title:
                        seen.setdefault(title, None)
    return list(seen)


def mentions(responses: pd.DataFrame, coded: pd.DataFrame, question: str) -> pd.DataFrame:
    """One row per job title given in C5, C8 or D4, with its SSYK 4 code; no free text.

    ``coded`` is ``occupations.code_titles`` output (columns ``title``, ``ssyk4``,
    ``ssyk4_label``); titles not in it get ``<NA>``. For C8 the row also carries ``antal``,
    ``tid`` and ``niva``; a C8 slot with a number but no title is kept, uncoded, so the
    planned hires still add up.

    >>> mentions(responses, coded, "C5").columns.tolist()  # doctest: +SKIP
    ['respondent', 'question', 'slot', 'ssyk4', 'ssyk4_label']
    """
    missing = {"title", "ssyk4", "ssyk4_label"} - set(coded.columns)
    if missing:
        raise ValueError(f"coded titles lack columns {sorted(missing)}")
    lookup = coded.assign(key=coded["title"].astype(str).str.strip()).drop_duplicates("key")
    lookup = lookup.set_index("key")[["ssyk4", "ssyk4_label"]]
    frames = []
    for slot, column in enumerate(TITLE_SLOTS[question], start=1):
        if column not in responses:
            continue
        title = responses[column].astype("string").str.strip().replace("", pd.NA)
        frame = pd.DataFrame(
            {
                "respondent": responses.index,
                "question": question,
                "slot": slot,
                "title": title.to_numpy(),
            }
        )
        keep = frame["title"].notna()
        if question == "C8":
            for field in ("antal", "tid", "niva"):
                frame[field] = responses[f"C8_{slot}_{field}"].to_numpy()
            frame["antal"] = frame["antal"].astype("Int64")
            keep |= frame["antal"].notna()
        frames.append(frame[keep.to_numpy()])
    extra = ["antal", "tid", "niva"] if question == "C8" else []
    columns = ["respondent", "question", "slot", "ssyk4", "ssyk4_label", *extra]
    if not frames:
        return pd.DataFrame(columns=columns)
    table = pd.concat(frames, ignore_index=True)
    table = table.join(lookup, on="title").drop(columns="title")
    table["ssyk4"] = table["ssyk4"].astype("string")
    table["ssyk4_label"] = table["ssyk4_label"].astype("string")
    return table[columns].reset_index(drop=True)


def _code_key(table: pd.DataFrame) -> pd.Series:
    return table["ssyk4"].astype("string").fillna(UNCODED)


def _labels(table: pd.DataFrame) -> pd.Series:
    """The label of each code in a mentions table (uncoded titles share one label)."""
    keyed = table.assign(key=_code_key(table))
    labels = keyed.dropna(subset=["ssyk4_label"]).drop_duplicates("key")
    return labels.set_index("key")["ssyk4_label"].reindex(keyed["key"].unique()).fillna(UNCODED)


def occupation_counts(
    named: pd.DataFrame, *, base_text: str = "", threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Employers per SSYK 4 code in a :func:`mentions` table; an employer counts once per code.

    The base is the employers who gave at least one title; the share is of them. Uncoded
    titles are one row, ``ssyk4`` ``<NA>``, last. Codes named by fewer than ``threshold``
    employers are kept with ``n`` hidden (one employer can name several codes, so the rows
    do not add up and no secondary suppression is needed).

    >>> occupation_counts(mentions(responses, coded, "C5"))  # doctest: +SKIP
    """
    keyed = named.assign(key=_code_key(named)).drop_duplicates(["respondent", "key"])
    counts = keyed["key"].value_counts()
    labels = _labels(named)
    order = sorted(counts.index, key=lambda k: (k == UNCODED, -counts[k], k))
    table = pd.DataFrame(
        {
            "question": named["question"].iloc[0] if len(named) else pd.NA,
            "group": TOTAL,
            "option": order,
            "n": [int(counts[k]) for k in order],
            "base": keyed["respondent"].nunique(),
        }
    )
    table = disclosure.protect_shares(table, additive=False, threshold=threshold)
    table.insert(3, "ssyk4_label", [labels[k] for k in order])
    table = table.rename(columns={"option": "ssyk4"})
    table["ssyk4"] = table["ssyk4"].astype("string").replace(UNCODED, pd.NA)
    table = table.drop(columns="group")
    return _with_base(table, base_text or "Arbetsgivare som angett minst ett yrke")


def hard_to_fill(
    responses: pd.DataFrame, coded: pd.DataFrame, *, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Bristyrken: employers per SSYK 4 code among the hardest-to-recruit titles (C5)."""
    return occupation_counts(
        mentions(responses, coded, "C5"),
        threshold=threshold,
        base_text="Arbetsgivare som angett minst ett svårrekryterat yrke (C5)",
    )


def skill_roles(
    responses: pd.DataFrame, coded: pd.DataFrame, *, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Roles whose staff most need upskilling (D4): employers per SSYK 4 code."""
    return occupation_counts(
        mentions(responses, coded, "D4"),
        threshold=threshold,
        base_text="Arbetsgivare som angett minst en yrkesroll med kompetensbehov (D4)",
    )


def typical_level(planned: pd.DataFrame) -> str | None:
    """The most common C8 level among planned hires (``Vet ej`` and blanks left out).

    Each employer counts once per level; ties go to the level with more planned hires,
    then to the shorter education (LEVELS order). ``None`` when no level is given.

    >>> typical_level(pd.DataFrame({"respondent": ["a", "b", "c"], "antal": [1, 4, 2],
    ...     "niva": ["Yrkeshögskola", "Gymnasial yrkesutbildning", "Yrkeshögskola"]}))
    'Yrkeshögskola'
    """
    given = planned[planned["niva"].isin(LEVELS).fillna(False).astype(bool)]
    if given.empty:
        return None
    employers = given.drop_duplicates(["respondent", "niva"])["niva"].value_counts()
    hires = given.groupby("niva")["antal"].sum(min_count=0)
    return min(
        employers.index,
        key=lambda lv: (-employers[lv], -int(hires.get(lv, 0) or 0), LEVELS.index(lv)),
    )


def planned_hires(
    responses: pd.DataFrame, coded: pd.DataFrame, *, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Planned hires (C8) per SSYK 4 code: employers, number, horizon and typical level.

    Rows: codes by planned hires, then uncoded titles, then ``Totalt`` (all C8 answers).
    Numbers rest on the row's employers: a row with fewer than ``threshold`` is hidden,
    and so is the next-smallest row, because the hires add up to the total.

    >>> planned_hires(responses, coded)  # doctest: +SKIP
    """
    planned = mentions(responses, coded, "C8")
    planned = planned.assign(key=_code_key(planned), antal=planned["antal"].fillna(0))
    labels = _labels(planned)
    rows = [_hires_row(planned[planned["key"] == k], k, labels[k]) for k in labels.index]
    rows.sort(key=lambda r: (r["ssyk4"] == UNCODED, -r["hires"], -r["employers"], r["ssyk4"]))
    rows.append(_hires_row(planned, TOTAL, TOTAL) | {"level": None})
    table = pd.DataFrame(
        rows,
        columns=[
            "ssyk4",
            "ssyk4_label",
            "employers",
            "hires",
            "hires_0_12",
            "hires_1_3",
            "hires_no_horizon",
            "level",
        ],
    )
    table = table.astype({c: "Int64" for c in table.columns[2:7]} | {"level": "string"})
    counts = table.set_index("ssyk4")[table.columns[2:7]]
    sums = list(counts.columns[1:])
    # The largest planned hires of one employer in each cell: the dominance rule.
    biggest = pd.DataFrame(
        [{c: r["largest"][c] for c in sums} for r in rows], index=counts.index, dtype=float
    )
    mask = disclosure.suppression_mask(
        counts,
        threshold,
        total_row=TOTAL,
        additive_columns=sums,
        base_column="employers",
        respondent_columns=["employers"],
        whole_rows=True,
        dominated=biggest > disclosure.DOMINANCE * counts[sums].astype(float),
        largest=biggest,
    )
    for c in counts.columns:
        table[c] = table[c].mask(mask[c].to_numpy())
    table["level"] = table["level"].mask(mask["employers"].to_numpy())
    table["suppressed"] = mask["employers"].to_numpy()
    table["ssyk4"] = table["ssyk4"].astype("string").replace([UNCODED, TOTAL], pd.NA)
    return _with_base(table, "Arbetsgivare som planerar att rekrytera (C8)")


def _hires_row(planned: pd.DataFrame, key: str, label: str) -> dict:
    horizon = planned["tid"].map(HORIZONS).fillna("hires_no_horizon")
    row = {
        "ssyk4": key,
        "ssyk4_label": label,
        "employers": planned["respondent"].nunique(),
        "hires": int(planned["antal"].sum()),
    }
    per_employer = planned.groupby("respondent")["antal"].sum()
    row["largest"] = {"hires": disclosure.largest(per_employer)}
    for column in ("hires_0_12", "hires_1_3", "hires_no_horizon"):
        part = planned.loc[(horizon == column).to_numpy()]
        row[column] = int(part["antal"].sum())
        row["largest"][column] = disclosure.largest(part.groupby("respondent")["antal"].sum())
    row["level"] = typical_level(planned)
    return row


# --- skills of current staff (D) -----------------------------------------------------------


skills_gap_extent = _simple(
    "skills_gap_extent", "D1", "To what extent current staff lack needed competence"
)


def skill_areas(
    responses: pd.DataFrame,
    *,
    by: str | None = None,
    options: Sequence[str] | None = None,
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Bristkompetenser: areas where staff need development (D3), employers and staff.

    ``staff`` sums D5 (staff needing upskilling) over the employers choosing the area;
    it is hidden with the employer count it rests on.
    """
    table = distribution(responses, "D3", by=by, options=options, sum_of="D5", threshold=threshold)
    return table.rename(columns={"sum": "staff"})


def numeric_total(
    responses: pd.DataFrame,
    question: str,
    *,
    by: str | None = None,
    among: pd.Series | None = None,
    base_text: str = BASE_ALL,
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Sum and mean of a number question (B3, D5, E2) per group, with employers answering.

    >>> numeric_total(responses, "B3", by="A2")  # doctest: +SKIP
        group  employers  total  mean  suppressed
    """
    data = _subset(responses, among)
    values = data[question].astype("Int64")
    rows, largest = [], []
    for group, members in _groups(data, by):
        given = values.loc[members].dropna()
        rows.append({"group": group, "employers": len(given), "total": int(given.sum())})
        largest.append(disclosure.largest(given))
    table = pd.DataFrame(rows).astype({"employers": "Int64", "total": "Int64"})
    table = _protect_groups(table, base_text, "employers", by, threshold, {"total": largest})
    table["mean"] = table["total"].astype("Float64") / table["employers"].astype("Float64")
    table.insert(0, "question", question)
    return table[["question", "group", "employers", "total", "mean", "suppressed"]]


def staff_to_upskill(
    responses: pd.DataFrame, *, by: str | None = None, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Staff who would need upskilling in the next 12 months (D5), summed per group."""
    return numeric_total(responses, "D5", by=by, threshold=threshold)


meeting_needs = _simple(
    "meeting_needs", "D2", "How employers mainly plan to meet the competence need"
)
course_formats = _simple("course_formats", "D6", "Education formats employers prefer")
course_places = _simple("course_places", "D7", "Places and times that suit education best")
obstacles = _simple("obstacles", "D8", "What keeps employers from upskilling staff")
cofunding = _simple("cofunding", "D9", "Whether employers could co-fund an education effort")
internships = _simple("internships", "E1", "Which interns or students employers can take")
apprentices = _simple("apprentices", "E3", "Whether employers could hire an apprentice")
cooperation = _simple(
    "cooperation", "E4", "Which education providers employers cooperate with today"
)
councils = _simple("councils", "E5", "Whether employers want to join a branch or programme council")
outlook_12_months = _simple(
    "outlook_12_months", "B1", "Expected change in staff numbers in 12 months"
)
outlook_3_years = _simple("outlook_3_years", "B2", "Expected change in staff numbers in 1–3 years")
labour_obstacle = _simple("labour_obstacle", "B4", "How big an obstacle access to labour is")
drivers = _simple("drivers", "B5", "Changes that drive the competence need most")
contact_wish = _simple(
    "contact_wish", "E6", "Whether employers want the municipality's broker to contact them"
)

#: D2's two options that set bristkompetens (upskilling) against bristyrke (hiring).
UPSKILL = "Utbilda befintlig personal"
RECRUIT = "Rekrytera nya medarbetare"
#: How employers split between the two (every D2 respondent in exactly one).
UPSKILL_OR_RECRUIT = (
    "Utbilda befintlig personal, inte rekrytera",
    "Både utbilda och rekrytera",
    "Rekrytera, inte utbilda",
    "Varken utbilda eller rekrytera (andra sätt)",
)


def upskill_or_recruit(responses: pd.DataFrame, *, threshold: int = THRESHOLD) -> pd.DataFrame:
    """How employers mainly meet their competence need (D2): by upskilling current staff,
    by recruiting, both, or neither. Each D2 respondent is in one of
    :data:`UPSKILL_OR_RECRUIT`, so the four add up to the base and are protected as a
    single-choice question (a hidden cell cannot be recovered from the others).

    >>> upskill_or_recruit(responses)  # doctest: +SKIP
    """
    chosen = responses["D2"].dropna()
    up = chosen.map(lambda options: UPSKILL in options)
    hire = chosen.map(lambda options: RECRUIT in options)
    split = pd.Series(
        [
            UPSKILL_OR_RECRUIT[0 if u and not h else 1 if u else 2 if h else 3]
            for u, h in zip(up, hire, strict=True)
        ],
        index=chosen.index,
        dtype=object,
    )
    frame = pd.DataFrame({"split": split}).reindex(responses.index)
    return distribution(
        frame, "split", options=list(UPSKILL_OR_RECRUIT), threshold=threshold
    ).assign(question="D2")


def internship_places(
    responses: pd.DataFrame, *, by: str | None = None, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Internship places per year employers can offer (E2), summed per group."""
    return numeric_total(responses, "E2", by=by, threshold=threshold)


def retirements(
    responses: pd.DataFrame, *, by: str | None = None, threshold: int = THRESHOLD
) -> pd.DataFrame:
    """Staff expected to retire in the next 3 years (B3), summed per group."""
    return numeric_total(responses, "B3", by=by, threshold=threshold)


# --- the branch matrix ---------------------------------------------------------------------


def branch_matrix(
    responses: pd.DataFrame,
    named: pd.DataFrame,
    *,
    top: int = 5,
    by: str = BRANCH,
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Bristyrken and bristkompetenser per branch: employers naming each, small cells hidden.

    ``named``: a :func:`mentions` table (C5, or C5 and C8 concatenated). Rows: branches
    (largest first) and ``Totalt``; columns: ``("Svarande", "Antal")``, then the ``top``
    coded occupations ``("Bristyrke", label)`` and ``top`` D3 areas ``("Bristkompetens",
    area)`` named by most employers. Branches add up to ``Totalt``, so secondary suppression
    runs down every column; a branch with fewer than ``threshold`` respondents is hidden.
    """
    groups = _groups(responses, by)
    coded = named.dropna(subset=["ssyk4"]).drop_duplicates(["respondent", "ssyk4"])
    occupations = _top(coded.set_index("respondent")["ssyk4"], top)
    labels = coded.drop_duplicates("ssyk4").set_index("ssyk4")["ssyk4_label"]
    areas = chosen_options(responses["D3"], True)
    areas = _top(areas[areas != "Annat"], top)
    data: dict[tuple[str, str], list[int]] = {("Svarande", "Antal"): []}
    for code in occupations:
        data[("Bristyrke", labels[code])] = []
    for area in areas:
        data[("Bristkompetens", area)] = []
    chosen_areas = chosen_options(responses["D3"], True)
    for _, members in groups:
        data[("Svarande", "Antal")].append(len(members))
        in_group = coded[coded["respondent"].isin(members)]["ssyk4"].value_counts()
        for code in occupations:
            data[("Bristyrke", labels[code])].append(int(in_group.get(code, 0)))
        picked = chosen_areas[chosen_areas.index.isin(members)].value_counts()
        for area in areas:
            data[("Bristkompetens", area)].append(int(picked.get(area, 0)))
    matrix = pd.DataFrame(data, index=pd.Index([g for g, _ in groups], name=GROUP_NAMES.get(by)))
    matrix.columns = pd.MultiIndex.from_tuples(matrix.columns)
    mask = disclosure.suppression_mask(
        matrix, threshold, total_row=TOTAL, base_column=("Svarande", "Antal")
    )
    return _with_base(matrix.astype("Int64").mask(mask), "Samtliga svarande", by)


def _top(values: pd.Series, top: int) -> list[str]:
    """The ``top`` values by number of distinct respondents, ties by label."""
    counts = values.groupby(values.to_numpy()).apply(lambda s: s.index.nunique())
    return sorted(counts.index, key=lambda v: (-counts[v], v))[:top]


# --- display -------------------------------------------------------------------------------


def to_display(table: pd.DataFrame, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A Swedish copy for the report and the appendix: headers translated, numbers formatted.

    Counts read ``9 061``, shares ``31,7 %``, hidden or missing values ``–``; the internal
    ``suppressed`` flag is dropped. ``names`` adds or overrides header translations.

    >>> to_display(failure_rate(responses))  # doctest: +SKIP
      Grupp  Antal arbetsgivare  Sökta personer  ...  Andel misslyckade rekryteringar
    """
    names = {
        **DISPLAY_NAMES,
        "group": GROUP_NAMES.get(table.attrs.get("by"), "Grupp"),
        **(names or {}),
    }
    out = table.drop(columns=["suppressed"], errors="ignore").copy()
    for column in out.columns:
        out[column] = _formatted(out[column], column_kind(column))
    return out.rename(columns=lambda c: names.get(c, c) if isinstance(c, str) else c)


def column_kind(column: object) -> str:
    """'points', 'share' or 'other', from the column's name (see SHARE_COLUMNS)."""
    if not isinstance(column, str):
        return "other"
    stem, _, suffix = column.rpartition("_")
    if stem in SHARE_COLUMNS and suffix == "change":
        return "points"
    if column in SHARE_COLUMNS or (stem in SHARE_COLUMNS and suffix in ("current", "previous")):
        return "share"
    return "other"


def _formatted(values: pd.Series, kind: str) -> pd.Series:
    if kind == "points":
        return values.map(text.points).astype(object)
    if kind == "share":
        return values.map(text.percent).astype(object)
    if pd.api.types.is_bool_dtype(values):
        return values.map(lambda v: text.MISSING if text.is_missing(v) else ("Ja" if v else "Nej"))
    if pd.api.types.is_numeric_dtype(values):
        decimals = 0 if pd.api.types.is_integer_dtype(values) else 1
        return values.map(lambda v: text.number(v, decimals)).astype(object)
    return values.map(lambda v: text.MISSING if text.is_missing(v) else str(v)).astype(object)
