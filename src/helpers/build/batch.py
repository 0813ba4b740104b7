"""Many reports at once: every params file, a county, Fyrbodal or all 290 municipalities.

Areas are built in separate worker processes (one per core by default), each reusing its
imports from one report to the next; each report's kernel talks over its own Unix sockets,
so parallel kernels never compete for ports. One progress bar shows the whole batch; a
failed area is reported at the end and does not stop the others.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.util import Finalize

from tqdm import tqdm

from helpers.common.errors import ReportError
from helpers.common.text import number
from helpers.config import regions
from helpers.config.params import available_areas, load_area


@dataclass(frozen=True)
class Outcome:
    """How one area of a batch went: "built", "up to date" or "failed" (with the message)."""

    area: str
    status: str
    seconds: float
    message: str = ""


def select_areas(
    names: list[str] | None = None,
    *,
    county: str | None = None,
    region: bool = False,
    everything: bool = False,
) -> list[str]:
    """The areas a batch covers: named ones, a county's or the region's municipalities, all
    290, or (by default) every area that has a params file."""
    if everything:
        return regions.all_codes()
    if county:
        return regions.county_members(county)
    if region:
        return list(load_area(available_areas()[0]).region.municipalities)
    return names or available_areas()


#: The worker process's kernel, kept up from one report to the next (imports and loaded
#: statistics are reused); replaced after a report fails, so no state from it carries over.
_kernel: dict[str, object] = {}


def _worker_kernel() -> object:
    from helpers.build import execute

    if "running" not in _kernel:
        _kernel["running"] = execute.start_kernel()
        # Pool workers end without running atexit handlers; multiprocessing's finalizers do
        # run, so the kernel is shut down with its worker instead of noticing it later.
        Finalize(None, _drop_worker_kernel, exitpriority=10)
    return _kernel["running"]


def _prepare_worker() -> None:
    from helpers.build.pipeline import prepare_process

    prepare_process()


def _drop_worker_kernel() -> None:
    from helpers.build import execute

    kernel = _kernel.pop("running", None)
    if kernel is not None:
        execute.stop_kernel(kernel)


def _build_one(name: str, force: bool, pdf: bool) -> Outcome:
    from helpers.build.pipeline import build_report

    started = time.perf_counter()
    try:
        result = build_report(name, force=force, pdf=pdf, kernel=_worker_kernel)
    except ReportError as error:
        _drop_worker_kernel()
        return Outcome(name, "failed", time.perf_counter() - started, str(error))
    except Exception as error:  # a bug in one area must not stop the others
        _drop_worker_kernel()
        return Outcome(
            name, "failed", time.perf_counter() - started, f"{type(error).__name__}: {error}"
        )
    status = "up to date" if result.skipped else "built"
    return Outcome(result.area.slug, status, time.perf_counter() - started)


def build_many(
    names: list[str],
    *,
    jobs: int | None = None,
    force: bool = False,
    pdf: bool = True,
    progress: bool = True,
) -> list[Outcome]:
    """Build the areas in parallel; returns one Outcome per area, in the order given."""
    names = list(dict.fromkeys(names))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(names)))
    outcomes: dict[str, Outcome] = {}
    # forkserver: workers start clean, not as copies of a parent that may hold threads.
    with (
        ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=get_context("forkserver"),
            initializer=_prepare_worker,
        ) as pool,
        tqdm(
            total=len(names),
            desc="Rapporter",
            unit="område",
            disable=not progress,
            dynamic_ncols=True,
        ) as bar,
    ):
        futures = {pool.submit(_build_one, name, force, pdf): name for name in names}
        for future in as_completed(futures):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            mark = {"built": "klar", "up to date": "aktuell", "failed": "MISSLYCKADES"}
            bar.set_postfix_str(f"{outcome.area}: {mark[outcome.status]}")
            if outcome.status == "failed" and progress:
                bar.write(f"  {outcome.area}: misslyckades – {outcome.message}")
            bar.update()
    return [outcomes[name] for name in names]


def summary(outcomes: list[Outcome], seconds: float) -> str:
    """A Swedish summary of a batch: counts, time, and every failure with its reason."""
    built = sum(o.status == "built" for o in outcomes)
    current = sum(o.status == "up to date" for o in outcomes)
    failed = [o for o in outcomes if o.status == "failed"]
    lines = [
        f"{len(outcomes)} områden på {number(seconds, 1)} s: {built} byggda, {current} redan "
        f"aktuella, {len(failed)} misslyckade."
    ]
    lines += [f"  {o.area}: {o.message}" for o in failed]
    return "\n".join(lines)
