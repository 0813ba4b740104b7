"""The command line: ``lka report sotenas``, ``lka validate FILE``, ``lka new-area 1484 1485`` ...

The Makefile calls these; each command prints one clear line on a user error and exits
with the error's code, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from helpers.common.errors import ReportError
from helpers.config import paths


def _report(args: argparse.Namespace) -> int:
    from helpers.build.pipeline import STAGES, build_report
    from helpers.common.text import number

    started = time.perf_counter()
    result = build_report(args.area, year=args.year, pdf=not args.no_pdf, force=args.force)
    seconds = number(time.perf_counter() - started, 1)
    files = result.files
    if result.skipped:
        print(
            f"Rapporten för {result.area.name} är redan aktuell ({seconds} s); "
            "--force bygger om den:"
        )
    else:
        print(f"Rapporten för {result.area.name} är klar på {seconds} s:")
    if args.timings and result.timings:
        stages = (f"{STAGES[k]} {number(v, 1)} s" for k, v in result.timings.items())
        print(f"  Tid per steg: {' · '.join(stages)}")
    for path in (files.html, files.pdf, files.appendix, files.key_figures):
        if path.exists():
            print(f"  {path.relative_to(paths.ROOT)}")
    for fix, whats in result.fixes.items():
        print(f"Rapporten säger att uppgifter saknas ({len(whats)} st.). {fix}")
        for what in whats:
            print(f"  – {what}")
    return 0


def _reports(args: argparse.Namespace) -> int:
    from helpers.build import batch

    names = batch.select_areas(
        args.areas, county=args.county, region=args.region, everything=args.all
    )
    started = time.perf_counter()
    outcomes = batch.build_many(names, jobs=args.jobs, force=args.force, pdf=not args.no_pdf)
    print(batch.summary(outcomes, time.perf_counter() - started))
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _lab(args: argparse.Namespace) -> int:
    from helpers.cli.lab import open_lab

    return open_lab(args.area, no_browser=args.no_browser, port=args.port)


def _areas(_: argparse.Namespace) -> int:
    from helpers.config.params import available_areas, load_area

    for name in available_areas():
        area = load_area(name)
        print(f"{name:28} {area.name} ({', '.join(area.municipalities)})")
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from helpers.fetch.refresh import Settings, run

    options = {"retries": args.retries, "timeout": args.timeout}
    settings = (
        Settings.for_base_url(args.base_url, **options) if args.base_url else Settings(**options)
    )
    for fetched in run(args.only, settings):
        for folder, names in fetched.files.items():
            print(f"{fetched.source}: {', '.join(names)} i {folder}")
    print("Underlaget är uppdaterat (MANIFEST.csv har källor och kontrollsummor).")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from helpers.config.params import load_area
    from helpers.report.chapters import survey_check
    from helpers.survey import validate

    if args.area:
        area = load_area(args.area)
        if area.survey is None:
            print(f"{area.name}: ingen enkät angiven i params-filen.")
            return 0
        files = [(area.survey.file, area.survey.mapping)]
        if area.survey.previous:
            files.append((area.survey.previous, area.survey.mapping))
        names = area.municipality_names
    else:
        files = [(args.file, args.mapping)]
        names = args.municipality or []
        area = _area_of_file(names, args.file, args.mapping)
    worst = 0
    for index, (path, mapping) in enumerate(files):
        result = validate.validate_file(path, names, mapping=mapping)
        # The report's survey chapters, built from this year's file (they read last year's too).
        if index == 0 and result.ok and area is not None:
            result.issues += survey_check.problems(area)
            result.analysis = "rapportens enkätdelar byggdes utan fel" if result.ok else ""
        elif index == 0 and area is None:
            result.analysis = (
                "rapportens enkätdelar provkördes inte (ange en kommun med --municipality, "
                "eller validera med --area)"
            )
        print(result.format())
        worst = max(worst, 0 if result.ok else 3)
    return worst


def _suggest_mapping(args: argparse.Namespace) -> int:
    from helpers.survey.suggest import suggest_mapping

    print(suggest_mapping(args.file, sheet=args.sheet), end="")
    return 0


def _area_of_file(names: list[str], path: Path, mapping: Path | None):  # noqa: ANN202
    """The area a single file is checked for: the one municipality named, with this file as
    its survey; None when there is not exactly one known municipality."""
    import dataclasses

    from helpers.common.errors import ParamsError
    from helpers.config.params import SurveyInput, load_area

    if len(names) != 1:
        return None
    try:
        area = load_area(names[0])
    except ParamsError:
        return None
    return dataclasses.replace(area, survey=SurveyInput(file=Path(path), mapping=mapping))


def _new_area(args: argparse.Namespace) -> int:
    from helpers.cli.new_area import write_params
    from helpers.config.params import load_area

    written = write_params(args.municipalities, name=args.name, slug=args.slug, force=args.force)
    area = load_area(written.stem)
    print(
        f"{written.relative_to(paths.ROOT)} är skriven för {area.name} "
        f"({', '.join(area.municipalities)}, {area.year})."
    )
    print("Enkäten läggs till i filen när exporten finns (se kommentarerna i den).")
    print(f"Nästa steg: make report MUNI={area.slug}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``lka`` command line and its subcommands."""
    parser = argparse.ArgumentParser(prog="lka", description="Lokal kompetensanalys.")
    commands = parser.add_subparsers(dest="command", required=True)

    report = commands.add_parser("report", help="build one area's report (HTML and PDF)")
    report.add_argument("area", help="params file name, municipality code or name")
    report.add_argument("--year", type=int, help="report year (default: the params file's)")
    report.add_argument("--no-pdf", action="store_true", help="HTML only (faster)")
    report.add_argument("--force", action="store_true", help="rebuild even if up to date")
    report.add_argument("--timings", action="store_true", help="print the time of each stage")
    report.set_defaults(run=_report)

    many = commands.add_parser("reports", help="build many reports in parallel")
    many.add_argument("areas", nargs="*", help="areas (default: every params file)")
    chosen = many.add_mutually_exclusive_group()
    chosen.add_argument("--county", help="every municipality of a county, e.g. 14")
    chosen.add_argument(
        "--region",
        action="store_true",
        help="every municipality of the region in params/defaults.yaml",
    )
    chosen.add_argument("--all", action="store_true", help="all 290 municipalities")
    many.add_argument("--jobs", type=int, help="parallel workers (default: one per core)")
    many.add_argument("--force", action="store_true", help="rebuild even if up to date")
    many.add_argument("--no-pdf", action="store_true", help="HTML only (faster)")
    many.set_defaults(run=_reports)

    areas = commands.add_parser("areas", help="list the areas that have a params file")
    areas.set_defaults(run=_areas)

    lab = commands.add_parser("lab", help="edit the chapters in JupyterLab for one area")
    lab.add_argument("area", help="params file name, municipality code or name")
    lab.add_argument("--no-browser", action="store_true", help="print the address only")
    lab.add_argument("--port", type=int, help="port (default: Jupyter's, 8888 or next free)")
    lab.set_defaults(run=_lab)

    new_area = commands.add_parser("new-area", help="write a params file for a new area")
    new_area.add_argument(
        "municipalities",
        nargs="*",
        metavar="CODE_OR_NAME",
        help="municipality codes or names, e.g. 1488 1487",
    )
    new_area.add_argument("--name", help="the area's name (default: the municipalities' names)")
    new_area.add_argument("--slug", help="the params file's name (default: from the names)")
    new_area.add_argument("--force", action="store_true", help="overwrite an existing file")
    new_area.set_defaults(run=_new_area)

    validate = commands.add_parser("validate", help="check a survey export before the report")
    target = validate.add_mutually_exclusive_group(required=True)
    target.add_argument("--area", help="validate the survey files named in this area's params")
    target.add_argument("file", nargs="?", type=Path, help="one survey export file")
    validate.add_argument("--mapping", type=Path, help="mapping file for other tools")
    validate.add_argument(
        "--municipality", action="append", help="municipality name allowed in A1 (repeatable)"
    )
    validate.set_defaults(run=_validate)

    suggest = commands.add_parser(
        "suggest-mapping",
        help="print a mapping file to start from: every column, its values, guessed questions",
    )
    suggest.add_argument("file", type=Path, help="one survey export file")
    suggest.add_argument("--sheet", help="the sheet with the answers (default: found by content)")
    suggest.set_defaults(run=_suggest_mapping)

    fetch = commands.add_parser(
        "fetch",
        help="refresh the statistics snapshot from SCB, "
        "Kolada and Arbetsförmedlingen (needs internet)",
    )
    fetch.add_argument(
        "--only", choices=["scb", "kolada", "yrkesbarometer"], help="refresh one source only"
    )
    fetch.add_argument(
        "--base-url",
        help="fetch every source from this server instead (a local replay server in tests)",
    )
    fetch.add_argument("--retries", type=int, default=4, help="retries per call (default 4)")
    fetch.add_argument(
        "--timeout", type=float, default=60.0, help="seconds to wait for an answer (default 60)"
    )
    fetch.set_defaults(run=_fetch)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user errors become one line on stderr and a non-zero exit code."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        if args.run in (_report, _reports):
            from helpers.build.pipeline import prepare_process

            prepare_process()
        return run(args)
    except ReportError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went to e.g. `head`, which stopped reading
        # Python's documented way out: point stdout at devnull so the exit's flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        # The process ends now: spare the exit its last full garbage collection over
        # everything a build leaves (0,5 s measured after a report); atexit still runs.
        gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
