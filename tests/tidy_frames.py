"""Hand-made tidy survey answers for the analysis tests, typed as helpers.survey.read types them.

One builder for every test file, with the column types taken from the questionnaire (the
one place that says which questions are numbers), so test data cannot drift from the
contract: S and T answers as ``string``, M answers as frozensets (``pd.NA`` when not
answered), N answers as ``Int64``.
"""

from __future__ import annotations

import pandas as pd

from helpers.survey.questionnaire import load_questionnaire


def tidy_responses(rows: list[dict]) -> pd.DataFrame:
    """One row per respondent (keys r1, r2, ...); columns typed by the questionnaire."""
    questionnaire = load_questionnaire()
    index = pd.Index([f"r{i}" for i in range(1, len(rows) + 1)], name="respondent")
    frame = pd.DataFrame(rows, index=index)
    for column in frame:
        values = frame[column]
        kind = questionnaire[column].type if column in questionnaire.analysis_ids() else "T"
        if kind == "N":
            frame[column] = values.astype("Int64")
        elif kind == "M" or any(isinstance(v, (set, frozenset)) for v in values.dropna()):
            frame[column] = pd.Series(
                [frozenset(v) if isinstance(v, (set, frozenset)) else pd.NA for v in values],
                index=index,
                dtype=object,
            )
        else:
            frame[column] = values.astype("string")
    return frame
