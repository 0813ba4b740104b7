"""Chapter 09, method: what the snapshot lacks, said as a list."""

from __future__ import annotations

import pandas as pd

from helpers.report.chapters import method


def test_lacking_lists_what_the_snapshot_misses():
    assert method.lacking(pd.DataFrame(columns=["topic", "what"])).startswith(
        "Underlaget innehåller all statistik"
    )
    listed = method.lacking(pd.DataFrame({"topic": ["x"], "what": ["Pendling saknas."]}))
    assert listed.endswith("- Pendling saknas.")
