"""Garbage-collector settings for the processes that build reports.

Building a report allocates millions of short-lived objects (WeasyPrint's boxes, pandas'
frames). With Python's default thresholds the collector runs thousands
of times per report and rescans every imported module's objects on each full pass: measured
1,2 s of a report's parent process and 0,25 s of its kernel. Everything imported so far is
moved out of the collector's sight, and young objects are collected less often; cycles are
still found, so memory stays bounded.
"""

from __future__ import annotations

import gc

#: Allocations between young-generation collections (Python's default is 700), and how many
#: of those before each older generation is scanned.
THRESHOLDS = (50_000, 20, 100)


def tune() -> None:
    """Freeze what is loaded now (modules, caches) and collect young objects less often.

    Call it once the heavy imports are done: objects created before the call are never
    scanned again. No collection first: after imports it found a dozen objects and took
    0,05 s, on the way to the kernel's first cell.
    """
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
