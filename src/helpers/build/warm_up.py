"""What a new kernel does before the first chapter asks for it.

The pipeline has each kernel run :func:`warm_up` as it starts (``execute.start_kernel`` passes
it as the kernel's ``exec_lines``), so the heavy imports, Kolada's series and the area's
survey are done on the kernel's core while the pipeline checks the survey on its own.
"""

from __future__ import annotations

import warnings


def warm_up(area: str | None = None, year: int | None = None) -> None:
    """Ready a new kernel: the heavy imports, the garbage collector tuned for them and, for
    an ``area``, its survey read and coded into the cache, so that the chapters find them done.

    The pipeline has the kernel run this as it starts (``execute.start_kernel``), while the
    pipeline itself checks the survey, so the two overlap on separate cores. It never raises
    and prints nothing: a problem shows where a chapter meets it, with its chapter and cell.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from helpers.analysis import area_survey  # pandas, openpyxl
            from helpers.build import gc_tuning
            from helpers.config.params import load_area
            from helpers.report import context  # noqa: F401  (IPython's display, the charts)
            from helpers.report.chapters import employer_survey  # noqa: F401
            from helpers.stats import kolada

            gc_tuning.tune()
            kolada.load()  # read once per kernel; three chapters and the summary use it
            if area is not None:
                area_survey.load(load_area(area, year=year))
    except Exception:  # noqa: BLE001, S110  (the chapter that loads it reports it)
        pass
