"""What a chapter talks to (``open_report``)."""

from __future__ import annotations

import pytest

from helpers.config.params import load_area
from helpers.report import context


def test_open_report_is_one_report_per_area_and_year():
    assert context.open_report("sotenas", 2026) is context.open_report("sotenas", 2026)
    assert context.open_report("sotenas", 2026) is not context.open_report("lysekil", 2026)


def test_a_fix_for_missing_data_goes_to_the_build_not_into_the_report(
    monkeypatch: pytest.MonkeyPatch,
):
    shown = []
    monkeypatch.setattr(context, "display", lambda item, raw=False: shown.append(item))
    rpt = context.Report(load_area("lysekil"))
    rpt.missing("Uppgifter om pendling saknas.", "Mer för läsaren.", fix="Kör make fetch.")
    visible, data = shown
    assert "Uppgifter om pendling saknas." in visible.data and "Mer för läsaren." in visible.data
    assert "make fetch" not in visible.data
    assert data == {
        context.FIX_MIME: {"what": "Uppgifter om pendling saknas.", "fix": "Kör make fetch."}
    }
    rpt.missing("Inga svar.")
    assert len(shown) == 3  # no fix: nothing for the build


def test_a_missing_or_suppressed_key_figure_is_none(monkeypatch):
    import json

    import numpy as np
    import pandas as pd

    shown = []
    report = context.Report(load_area("sotenas"), output=lambda obj, raw=False: shown.append(obj))
    for value in (pd.NA, float("nan"), None, np.int64(7), np.float64(0.25)):
        report.key_figure("x", value, "X", "Källa")
    values = [obj[context.KEY_FIGURE_MIME]["value"] for obj in shown]
    assert values == [None, None, None, 7, 0.25]
    json.dumps(shown, allow_nan=False)  # what Jupyter's messages must be
