"""Benchmark: how long reports take on this machine. Run with `make bench`.

Measures, in one run, with wall-clock time:
1. one report cold (forced rebuild, a fresh process as `make report` starts it), with the
   time of each stage as the pipeline measured it (kernel and survey, chapters, HTML, PDF);
   the median of --repeat runs, as a virtual machine's timings vary by a second;
2. the same report when it is up to date (the skip path), median of as many runs;
3. Fyrbodal's 14 municipalities as one batch (forced, all cores);
4. the same 14 reports the way a user would make them without this project: the papermill
   CLI, then `jupyter nbconvert --to html`, then WeasyPrint's CLI for the PDF, one area after
   another — and the ratio between 4 and 3.
Memory is sampled while 1 and 3 run: the largest single process (a kernel, a batch worker)
and all processes together. With --all, also all 290 municipalities as a batch. Figures go
to stdout and, with --json, to a file; the README's performance section quotes them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from helpers.config.regions import FYRBODAL

ROOT = Path(__file__).resolve().parents[1]

BIN = Path(sys.executable).parent


@dataclass
class Run:
    """One measured command: wall-clock seconds, its output, and memory (MiB) at its peak:
    the largest single process (the command or any it started: kernels, batch workers) and
    all of them together, sampled every 0,1 s."""

    seconds: float
    stdout: str
    largest_mib: float
    together_mib: float


def measured(command: list[str], **kwargs) -> Run:
    """Run ``command``; its time is taken the moment it ends, while a thread samples memory
    every 0,1 s (the output is read as it comes, so a chatty command never blocks)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )
    peak = {"largest": 0, "together": 0}
    ended = threading.Event()

    def sample() -> None:
        with contextlib.suppress(psutil.Error):  # ended before the first sample
            root = psutil.Process(process.pid)
            while True:
                sizes = []
                for member in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a process that has just ended
                        sizes.append(member.memory_info().rss)
                peak["largest"] = max([peak["largest"], *sizes])
                peak["together"] = max(peak["together"], sum(sizes))
                if ended.wait(0.1):
                    return

    sampler = threading.Thread(target=sample)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    ended.set()
    sampler.join()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
    return Run(seconds, stdout, peak["largest"] / 2**20, peak["together"] / 2**20)


def timed(command: list[str], **kwargs) -> float:
    return measured(command, **kwargs).seconds


def _memory(run: Run) -> str:
    return (
        f"   memory at its peak: {run.largest_mib:.0f} MiB the largest process, "
        f"{run.together_mib:.0f} MiB all processes together"
    )


def _spread(runs: list[Run]) -> str:
    """The median's company: every run's time, when there was more than one."""
    if len(runs) < 2:
        return ""
    seconds = sorted(run.seconds for run in runs)
    return f" (median of {len(runs)} runs: {seconds[0]:.1f}–{seconds[-1]:.1f} s)"


def lka(*args: str) -> list[str]:
    return [sys.executable, "-m", "helpers.cli.main", *args]


def naive_chain(areas: list[str], scratch: Path) -> float:
    """papermill CLI → jupyter nbconvert → weasyprint CLI, one area after another."""
    import nbformat

    from helpers.build import execute

    notebook = scratch / "report.ipynb"
    nbformat.write(execute.assemble(execute.chapter_paths()), notebook)
    started = time.perf_counter()
    for area in areas:
        out = scratch / f"{area}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                str(notebook),
                str(out),
                "-r",
                "area",
                area,
                "-k",
                execute.KERNEL_NAME,
                "--cwd",
                str(ROOT / "notebooks"),
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(out)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(BIN / "weasyprint"), str(out.with_suffix(".html")), str(out.with_suffix(".pdf"))],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--area", default="sotenas")
    parser.add_argument("--all", action="store_true", help="also all 290 municipalities")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the single report, cold and up to date: the median is shown (default 3)",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    env = {**os.environ}
    results: dict[str, object] = {
        "machine": f"{platform.node()}: {os.cpu_count()} cores, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
    }
    print(f"Machine: {results['machine']}")
    colds = [
        measured(lka("report", args.area, "--force", "--timings"), cwd=ROOT, env=env)
        for _ in range(args.repeat)
    ]
    cold = sorted(colds, key=lambda run: run.seconds)[len(colds) // 2]  # the median run
    results["one_report_cold_s"] = cold.seconds
    results["one_report_cold_runs_s"] = [run.seconds for run in colds]
    stages = next((line.strip() for line in cold.stdout.splitlines() if "Tid per steg" in line), "")
    results["one_report_cold_stages"] = stages
    results["one_report_memory_mib"] = {"largest": cold.largest_mib, "all": cold.together_mib}
    print(f"1. One report, cold (HTML + PDF):     {cold.seconds:6.1f} s{_spread(colds)}")
    print(f"   {stages}")
    print(_memory(cold))
    current = [measured(lka("report", args.area), cwd=ROOT, env=env) for _ in range(args.repeat)]
    results["one_report_up_to_date_s"] = statistics.median(run.seconds for run in current)
    print(
        f"2. One report, up to date:            {results['one_report_up_to_date_s']:6.1f} s"
        f"{_spread(current)}"
    )
    batch = measured(lka("reports", "--region", "--force"), cwd=ROOT, env=env)
    results["fyrbodal_batch_s"] = batch.seconds
    results["fyrbodal_batch_memory_mib"] = {"largest": batch.largest_mib, "all": batch.together_mib}
    print(f"3. Fyrbodal, 14 reports as a batch:   {batch.seconds:6.1f} s")
    print(_memory(batch))
    if not args.skip_naive:
        scratch = Path(tempfile.mkdtemp(prefix="lka-bench-"))
        try:
            results["fyrbodal_naive_s"] = naive_chain(FYRBODAL, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        ratio = results["fyrbodal_naive_s"] / results["fyrbodal_batch_s"]
        results["speedup_vs_naive"] = ratio
        print(
            f"4. Fyrbodal, naive chain:             {results['fyrbodal_naive_s']:6.1f} s "
            f"(this project is {ratio:.1f}× faster)"
        )
    if args.all:
        results["all_290_s"] = timed(lka("reports", "--all", "--force"), cwd=ROOT, env=env)
        print(f"5. All 290 municipalities:            {results['all_290_s']:6.1f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
