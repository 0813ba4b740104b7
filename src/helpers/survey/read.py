"""Read the employer survey from any tool's export into one tidy, personal-data-free result.

    >>> from helpers.config import paths
    >>> survey = read_survey(paths.SURVEYS / "sotenas" / "2026" / "kompetensbehov-2026.xlsx",
    ...                      municipalities=["Sotenäs"])
    >>> survey.layout, survey.responses.index.name
    ('microsoft_forms', 'respondent')
    >>> survey.responses["C2"].dtype
    Int64Dtype()

``read_survey`` raises ``SurveyError`` (one line: file, sheet, column, row) when the report
cannot be made from the file; warnings stay in ``SurveyData.issues``. ``inspect_survey`` reads
the same way but keeps errors in ``issues`` too, for ``lka validate``.

The tidy contract (other modules rely on it):

* ``responses``: index ``respondent`` (a random key such as ``r-3f9a1c2b``), one column per
  question of the questionnaire except contact data (A5, G1..G4), in questionnaire order.
  S: ``string`` standard label or <NA>; M: frozenset of standard labels (empty if answered with
  nothing chosen), None if not answered; N: ``Int64``; T/TL: ``string``, masked.
* ``multi``: respondent, question, option: one row per chosen option of every M question.
* ``other_text``: respondent, question, text: typed "other" text, masked.
* ``contacts``: the respondent key with A5, G1..G4 and the tool's identity columns. It is only
  ever written by ``privacy.write_contacts``.

Rows keep the file's (submission) order. Keys are random on every read, so they cannot be
traced back to a row or a person without the contact file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from helpers.survey.answers import Answers, read_row
from helpers.survey.checks import check_answers, check_columns, find_duplicates
from helpers.survey.files import Sheet, read_sheets
from helpers.survey.issues import Issue, IssueLog, errors, survey_error
from helpers.survey.layouts.base import Plan
from helpers.survey.layouts.registry import (
    LAYOUT_NAMES,
    MAPPING,
    UNKNOWN_FORMAT_PAGE,
    detect_layout,
    layout_named,
    plan_layout,
    unknown_format,
)
from helpers.survey.mapping import MappingSpec, load_mapping
from helpers.survey.questionnaire import Questionnaire, load_questionnaire
from helpers.survey.values import is_blank


@dataclass
class SurveyData:
    """A survey export read into tidy tables; see the module docstring for the contract."""

    responses: pd.DataFrame
    multi: pd.DataFrame
    other_text: pd.DataFrame
    layout: str
    source: Path
    n_rows: int
    n_duplicates: int
    n_incomplete: int
    issues: list[Issue] = field(default_factory=list)
    contacts: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    mapped: bool = False

    @property
    def layout_name(self) -> str:
        """The layout as the broker knows it: ``Microsoft Forms``, or ``SurveyMonkey (med
        mappningsfil)`` when a mapping file was used."""
        return layout_title(self.layout, self.mapped)


def layout_title(layout: str, mapped: bool = False) -> str:
    """The tool that wrote a file, as the broker knows it, and whether a mapping file was used.

    >>> layout_title("surveymonkey", mapped=True), layout_title("mapping", mapped=True)
    ('SurveyMonkey (med mappningsfil)', 'okänt verktyg (med mappningsfil)')
    """
    if layout == MAPPING:
        return "okänt verktyg (med mappningsfil)"
    name = LAYOUT_NAMES.get(layout, layout)
    return f"{name} (med mappningsfil)" if mapped else name


def read_survey(
    path: Path,
    *,
    municipalities: list[str],
    mapping: Path | None = None,
    sheet: str | None = None,
) -> SurveyData:
    """Read a survey export; ``municipalities`` are A1's options before ``Annan kommun``.

    Raises ``SurveyError`` if the file cannot be read or has errors (not for warnings).
    """
    survey = inspect_survey(path, municipalities=municipalities, mapping=mapping, sheet=sheet)
    if found := errors(survey.issues):
        raise survey_error(found)
    return survey


def inspect_survey(
    path: Path,
    *,
    municipalities: list[str],
    mapping: Path | None = None,
    sheet: str | None = None,
) -> SurveyData:
    """Like ``read_survey`` but errors found in the answers stay in ``issues``.

    A file that cannot be opened at all still raises ``SurveyError``.
    """
    path = Path(path)
    questionnaire = load_questionnaire(municipalities)
    spec = load_mapping(mapping) if mapping is not None else None
    sheets = read_sheets(path)
    chosen = _choose_sheet(sheets, sheet or (spec.sheet if spec else None), path, questionnaire)
    # Issues name the sheet by its number, not its name (which may be a person's).
    log = IssueLog(path.name, str(sheets.index(chosen) + 1) if chosen.name is not None else None)
    numbered = _without_blank_and_total_rows(chosen.rows, log)
    plan = _plan(chosen.rows, [cells for _, cells in numbered], spec, questionnaire, log)
    check_columns(plan, questionnaire, log)

    # A mapping file's header rows are counted in the sheet; a tool's at the top of the rows.
    last_header = plan.header_rows
    if not plan.mapped and plan.header_rows:
        last_header = numbered[plan.header_rows - 1][0]
    data = [(number, cells) for number, cells in numbered if number > last_header]
    # Each row's warnings are kept apart and reported only for rows that count, so a dropped
    # duplicate or incomplete response does not repeat its original's warnings.
    row_logs = {number: IssueLog(log.file, log.sheet) for number, _ in data}
    rows = [
        read_row(cells, number, plan, questionnaire, row_logs[number]) for number, cells in data
    ]
    complete = [r for r in rows if r.submitted is not False]
    if len(complete) < len(rows):
        log.warning(
            f"{len(rows) - len(complete)} ofullständiga svar (utan inskickningsdatum) räknas inte."
        )
    answered = []
    for answers in complete:
        if answers.empty:
            log.warning("svaret är tomt och räknas inte.", row=answers.row, kind="empty")
        else:
            answered.append(answers)
    keep = find_duplicates(answered, log)
    kept = [a for a, k in zip(answered, keep, strict=True) if k]
    for answers in kept:
        log.issues += row_logs[answers.row].issues
        check_answers(answers, questionnaire, log)
    if not kept:
        log.error("filen innehåller inga svar.")
    log.issues.sort(key=lambda issue: issue.row or 0)
    return _tidy(
        kept,
        questionnaire,
        layout=plan.layout,
        source=path,
        n_rows=len(rows),
        n_duplicates=len(answered) - len(kept),
        n_incomplete=len(rows) - len(complete),
        issues=log.issues,
        mapped=plan.mapped,
    )


#: What a first cell says in a row of sums an analyst added below the answers.
TOTAL_WORDS = frozenset(
    {"totalt", "total", "totals", "summa", "sum", "antal", "medel", "medelvärde", "average"}
)


def _without_blank_and_total_rows(rows: list[list[object]], log: IssueLog) -> list[tuple]:
    """(row number, cells) of every row but blank rows and rows of sums below the first row,
    each left out with a warning (a row of sums is no respondent)."""
    kept, blank = [], []
    for number, cells in enumerate(rows, start=1):
        filled = [c for c in cells if not is_blank(c)]
        if number > 1 and not filled:
            blank.append(number)
            continue
        word = str(filled[0]).strip().casefold().rstrip(":") if filled else ""
        if number > 1 and word in TOTAL_WORDS:
            log.warning(
                f"raden börjar med '{filled[0]}' och ser ut som en summarad, inte ett svar; den "
                "räknas inte.",
                row=number,
            )
            continue
        kept.append((number, cells))
    if blank:
        shown = ", ".join(map(str, blank[:5])) + (" med flera" if len(blank) > 5 else "")
        log.warning(f"{len(blank)} tomma rader hoppades över (rad {shown}).")
    return kept


def _choose_sheet(
    sheets: list[Sheet], name: str | None, path: Path, questionnaire: Questionnaire
) -> Sheet:
    if name is not None:
        for sheet in sheets:
            if sheet.name == name or (sheet.name or "").casefold() == name.casefold():
                return sheet
        # The file's own sheet names are not listed (they may be names of people).
        raise IssueLog(path.name).fail(
            f"bladet '{name}' finns inte; filen har {len(sheets)} blad. Skriv bladets namn "
            "precis som på fliken i Excel (survey.sheet i params)."
        )
    filled = [s for s in sheets if s.rows]
    if not filled:
        raise IssueLog(path.name).fail("filen innehåller inga ifyllda celler.")
    recognised = [s for s in filled if detect_layout(s.rows, questionnaire)]
    return (recognised or filled)[0]


def _plan(
    sheet_rows: list[list[object]],
    rows: list[list[object]],
    spec: MappingSpec | None,
    questionnaire: Questionnaire,
    log: IssueLog,
) -> Plan:
    """How to read the sheet: through the mapping file, if any, else by the detected tool.

    ``rows`` are the sheet's rows without blank rows and rows of sums (``sheet_rows`` all of
    them: a mapping file counts header rows in the sheet).
    """
    if spec is not None:
        found = detect_layout(rows, questionnaire, sure=True) if len(rows) >= 2 else None
        return spec.plan(sheet_rows, questionnaire, log, layout_named(found) if found else None)
    layout = detect_layout(rows, questionnaire) if len(rows) >= 2 else None
    if len(rows) < 2:
        raise log.fail("filen har bara en rubrikrad och inga svar. Exportera när svar kommit in.")
    if layout is None:
        raise log.fail(unknown_format(rows, questionnaire))
    plan = plan_layout(rows, questionnaire, log, layout)
    if not plan.questions():
        raise log.fail(
            "inga kolumner med fråge-id (t.ex. 'C4. Hur svårt ...') hittades i "
            f"{LAYOUT_NAMES[layout]}-exporten. Lägg till id i frågetexterna, eller beskriv "
            f"kolumnerna i en mappningsfil (lka suggest-mapping FIL skriver ett utkast; se "
            f"{UNKNOWN_FORMAT_PAGE})."
        )
    return plan


def _keys(count: int) -> list[str]:
    keys: set[str] = set()
    ordered = []
    while len(ordered) < count:
        key = f"r-{secrets.token_hex(4)}"
        if key not in keys:
            keys.add(key)
            ordered.append(key)
    return ordered


def _tidy(rows: list[Answers], questionnaire: Questionnaire, **meta: object) -> SurveyData:
    keys = _keys(len(rows))
    index = pd.Index(keys, name="respondent", dtype="string")
    columns = {}
    for qid in questionnaire.analysis_ids():
        values = [r.values.get(qid) for r in rows]
        kind = questionnaire[qid].type
        if kind == "N":
            columns[qid] = pd.array(values, dtype="Int64")
        elif kind == "M":
            columns[qid] = pd.Series(values, index=index, dtype=object)
        else:
            columns[qid] = pd.array(values, dtype="string")
    responses = pd.DataFrame(columns, index=index)

    multi = [
        (key, qid, option)
        for key, answers in zip(keys, rows, strict=True)
        for qid in questionnaire.analysis_ids()
        if questionnaire[qid].type == "M" and answers.values.get(qid)
        for option in questionnaire.options(qid)
        if option in answers.values[qid]
    ]
    other = [
        (key, qid, answers.other[qid])
        for key, answers in zip(keys, rows, strict=True)
        for qid in questionnaire.analysis_ids()
        if qid in answers.other
    ]
    contact_columns = ["respondent", "rad", "E6", *questionnaire.contact_ids()]
    for answers in rows:
        contact_columns += [h for h in answers.contacts if h not in contact_columns]
    contacts = pd.DataFrame(
        [
            {"respondent": key, "rad": answers.row, "E6": answers.values.get("E6")}
            | answers.contacts
            for key, answers in zip(keys, rows, strict=True)
        ],
        columns=contact_columns,
    )
    return SurveyData(
        responses=responses,
        multi=pd.DataFrame(multi, columns=["respondent", "question", "option"], dtype="string"),
        other_text=pd.DataFrame(other, columns=["respondent", "question", "text"], dtype="string"),
        contacts=contacts,
        **meta,
    )
