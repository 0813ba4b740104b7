"""The command line: ``lka report sotenas``, ``lka survey lysekil export.xlsx --invited 150`` ...

The Makefile calls these; ``lka --help`` and ``lka KOMMANDO --help`` say everything in
Swedish. Each command prints one clear line on stderr on a user error and exits with that
error's code (``lka --help`` lists them, see ``parser.EXIT_CODES``), never a traceback
(``-v`` adds it). A single report prints one line per stage as it goes, unless ``-q``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from helpers import __version__
from helpers.cli.parser import (
    INTERRUPTED,
    NORMAL,
    QUIET,
    VERBOSE,
    Parser,
    exit_codes_text,
    say,
)
from helpers.common.errors import (
    EnvironmentIncompleteError,
    ParamsError,
    ReportError,
    write_error,
)
from helpers.common.text import capitalize
from helpers.config import paths


def _report(args: argparse.Namespace) -> int:
    from helpers.build.pipeline import STAGES, build_report
    from helpers.common.text import number

    verbosity = args.verbosity

    def progress(area: object, stage: str) -> None:
        say(verbosity, f"{area.name}: {STAGES[stage]} …")

    started = time.perf_counter()
    result = build_report(
        args.area,
        year=args.year,
        pdf=not args.no_pdf,
        force=args.force,
        draft=args.draft,
        progress=progress,
    )
    seconds = number(time.perf_counter() - started, 1)
    files = result.files
    if result.skipped:
        say(
            verbosity,
            f"Rapporten för {result.area.name} är redan aktuell ({seconds} s); "
            "--force (make: FORCE=1) bygger om den:",
        )
    elif args.draft or args.no_pdf:
        say(
            verbosity,
            f"Utkastet för {result.area.name} är klart på {seconds} s "
            "(en publicerad rapport ändras inte):",
        )
    else:
        say(verbosity, f"Rapporten för {result.area.name} är klar på {seconds} s:")
    if (args.timings or verbosity >= VERBOSE) and result.timings:
        stages = (f"{STAGES[k]} {number(v, 1)} s" for k, v in result.timings.items())
        say(verbosity, f"  Tid per steg: {' · '.join(stages)}", level=QUIET)
    for path in (files.html, files.pdf, files.docx, files.appendix, files.key_figures):
        if path.exists():
            say(verbosity, f"  {_shown(path)}")
    for fix, whats in result.fixes.items():
        say(verbosity, f"Rapporten säger att uppgifter saknas ({len(whats)} st.). {fix}")
        say(verbosity, *(f"  – {what}" for what in whats))
    return 0


def _reports(args: argparse.Namespace) -> int:
    from helpers.build import batch

    names = batch.select_areas(
        args.areas, county=args.county, region=args.region, everything=args.all
    )
    started = time.perf_counter()
    outcomes = batch.build_many(
        names,
        jobs=args.jobs,
        force=args.force,
        pdf=not args.no_pdf,
        progress=args.verbosity > QUIET,
    )
    summary = batch.summary(outcomes, time.perf_counter() - started)
    failed = any(o.status == "failed" for o in outcomes)
    say(args.verbosity, summary, level=QUIET if failed else NORMAL)
    return 1 if failed else 0


def _open(args: argparse.Namespace) -> int:
    from helpers.cli.show import show_report

    shown = show_report(args.area, pdf=args.pdf, draft=args.draft)
    say(args.verbosity, f"Öppnar {_shown(shown.file)}" + ("" if shown.opened else " …"))
    if not shown.opened:
        say(
            args.verbosity, f"Hittade inget program som öppnar filen; öppna den själv: {shown.file}"
        )
    return 0


def _survey(args: argparse.Namespace) -> int:
    from helpers.cli.add_survey import add_survey

    added = add_survey(
        args.area, args.file, invited=args.invited, previous=args.previous, force=args.force
    )
    say(args.verbosity, *added.checks, level=VERBOSE)
    if added.created_params:
        say(args.verbosity, f"{_shown(added.params)} är skriven (området hade ingen params-fil).")
    for copied in added.copied:
        say(args.verbosity, f"Kopierad: {_shown(copied)}")
    area = added.params.stem
    say(
        args.verbosity,
        f"Enkäten står nu i {_shown(added.params)} ({args.invited} inbjudna).",
        f"Nästa steg: make report MUNI={area} (eller lka report {area}).",
    )
    return 0


def _lab(args: argparse.Namespace) -> int:
    from helpers.cli.lab import open_lab

    return open_lab(args.area, no_browser=args.no_browser, port=args.port)


def _areas(args: argparse.Namespace) -> int:
    from helpers.config.params import available_areas, load_area

    # A params file that does not load is named with its one line; the others are listed.
    worst = 0
    for name in available_areas():
        try:
            area = load_area(name)
        except ParamsError as error:
            print(f"Fel: {error}", file=sys.stderr)
            worst = max(worst, error.exit_code)
            continue
        say(args.verbosity, f"{name:28} {area.name} ({', '.join(area.municipalities)})")
    return worst


def _fetch(args: argparse.Namespace) -> int:
    from helpers.fetch.refresh import Settings, run

    options = {"retries": args.retries, "timeout": args.timeout}
    settings = (
        Settings.for_base_url(args.base_url, **options) if args.base_url else Settings(**options)
    )
    for fetched in run(args.only, settings):
        for folder, names in fetched.files.items():
            say(args.verbosity, f"{fetched.source}: {', '.join(names)} i {folder}")
    say(args.verbosity, "Underlaget är uppdaterat (MANIFEST.csv har källor och kontrollsummor).")
    return 0


def _clean(args: argparse.Namespace) -> int:
    from helpers.build import publish

    swept = publish.sweep_all(paths.REPORTS)
    say(
        args.verbosity,
        f"Skräp efter avbrutna körningar borttaget: {', '.join(swept)}."
        if swept
        else "Inget skräp efter avbrutna körningar.",
        "Rapporterna är kvar (make clean-reports CONFIRM=1 tar bort dem).",
    )
    return 0


def _validate(args: argparse.Namespace) -> int:
    from helpers.config.params import load_area
    from helpers.report.chapters import survey_check
    from helpers.survey import inputs, validate
    from helpers.survey.issues import ERROR, Issue

    if args.area:
        area = load_area(args.area)
        if area.survey is None:
            say(args.verbosity, f"{area.name}: ingen enkät angiven i params-filen.")
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
        if index == 0 and args.area and area.survey is not None and result.survey is not None:
            # last year's export and invited, as the report checks them before any chapter
            found = inputs.problems(area.survey, answered=result.n_responses)
            result.issues += [Issue(ERROR, path.name, None, None, None, p) for p in found]
        if index == 0 and result.ok and area is not None:
            result.issues += survey_check.problems(area)
            result.analysis = "rapportens enkätdelar byggdes utan fel" if result.ok else ""
        elif index == 0 and area is None:
            result.analysis = (
                "rapportens enkätdelar provkördes inte (ange en kommun med --municipality, "
                "eller validera med --area)"
            )
        say(args.verbosity, result.format(), level=QUIET if not result.ok else NORMAL)
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
    from helpers.cli.new_area import comments_file, write_params
    from helpers.config.params import load_area

    written = write_params(args.municipalities, name=args.name, slug=args.slug, force=args.force)
    area = load_area(written.stem)
    say(
        args.verbosity,
        f"{_shown(written)} är skriven för {area.name} "
        f"({', '.join(area.municipalities)}, {area.year}).",
        f"Egna kommentarer till kapitlen skriver du i {_shown(comments_file(area.slug))}.",
        f"Enkäten läggs in när exporten finns: make survey MUNI={area.slug} FILE=... "
        "INVITED=... (eller lka survey).",
        f"Nästa steg: make report MUNI={area.slug}",
    )
    return 0


def _init(args: argparse.Namespace) -> int:
    from helpers.cli.init import init_folder

    added = init_folder(args.folder, chapters=args.chapters)
    where = args.folder
    if added:
        say(args.verbosity, f"Arbetsmappen {where} har nu: {', '.join(added)}.")
    else:
        say(args.verbosity, f"{where} är redan en arbetsmapp; inget lades till.")
    say(args.verbosity, f"Nästa steg: cd {shlex.quote(str(where))} && lka report sotenas")
    return 0


def _shown(path: Path) -> str:
    return str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)


AREA_HELP = 'params-filens namn, kommunkod eller kommunnamn (t.ex. sotenas, 1484, "Lilla Edet")'


def build_parser() -> Parser:
    """The ``lka`` command line and its commands, all help in Swedish."""
    parser = Parser(
        prog="lka",
        description="Lokal kompetensanalys: kommunens årliga kompetensanalys som HTML och PDF,\n"
        "från arbetsgivarenkäten och offentlig statistik. Kommandona körs i en arbetsmapp:\n"
        "en klon av projektet, eller en mapp som lka init har skapat.",
        epilog=exit_codes_text(),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"lka {__version__}",
        help="visa versionen och avsluta",
    )
    parser.add_verbosity()
    commands = parser.add_subparsers(
        title="Kommandon", dest="command", metavar="KOMMANDO", required=True
    )

    def command(name: str, summary: str, run: Callable[[argparse.Namespace], int]) -> Parser:
        sub = commands.add_parser(name, help=summary, description=capitalize(summary) + ".")
        sub.add_verbosity(default=argparse.SUPPRESS)
        sub.set_defaults(run=run)
        return sub

    report = command("report", "bygg ett områdes rapport (HTML och PDF)", _report)
    report.add_argument("area", metavar="OMRÅDE", help=AREA_HELP)
    report.add_argument("--year", type=int, metavar="ÅR", help="rapportår (annars params-filens)")
    report.add_argument(
        "--draft",
        action="store_true",
        help="ett utkast: i en egen mapp (ÅR-utkast), märkt Utkast, rör inte den publicerade",
    )
    report.add_argument(
        "--no-pdf", action="store_true", help="bara HTML (snabbare; alltid ett utkast)"
    )
    report.add_argument("--force", action="store_true", help="bygg om även om den är aktuell")
    report.add_argument("--timings", action="store_true", help="skriv ut tiden för varje steg")

    many = command("reports", "bygg många rapporter parallellt", _reports)
    many.add_argument(
        "areas", nargs="*", metavar="OMRÅDE", help="områden (annars alla med params-fil)"
    )
    chosen = many.flags.add_mutually_exclusive_group()
    chosen.add_argument("--county", metavar="LÄN", help="alla kommuner i ett län, t.ex. 14")
    chosen.add_argument(
        "--region", action="store_true", help="alla kommuner i regionen i params/defaults.yaml"
    )
    chosen.add_argument("--all", action="store_true", help="alla 290 kommuner")
    many.add_argument(
        "--jobs", type=int, metavar="N", help="parallella arbetare (annars en per kärna)"
    )
    many.add_argument("--force", action="store_true", help="bygg om även aktuella rapporter")
    many.add_argument("--no-pdf", action="store_true", help="bara HTML (snabbare; utkast)")

    opened = command("open", "öppna ett områdes färdiga rapport", _open)
    opened.add_argument("area", metavar="OMRÅDE", help=AREA_HELP)
    opened.add_argument("--pdf", action="store_true", help="öppna PDF:en (annars HTML-sidan)")
    opened.add_argument("--draft", action="store_true", help="öppna utkastet (lka report --draft)")

    survey = command(
        "survey", "lägg in en enkätexport och skriv den i områdets params-fil", _survey
    )
    survey.add_argument("area", metavar="OMRÅDE", help=AREA_HELP)
    survey.add_argument("file", type=Path, metavar="FIL", help="exporten (.xlsx eller .csv)")
    survey.add_argument(
        "--invited",
        type=int,
        required=True,
        metavar="N",
        help="hur många arbetsgivare som bjöds in att svara",
    )
    survey.add_argument(
        "--previous", type=Path, metavar="FIL", help="fjolårets export, om den finns"
    )
    survey.add_argument("--force", action="store_true", help="ersätt en annan fil med samma namn")

    validate = command("validate", "kontrollera en enkätexport före rapporten", _validate)
    validate.add_argument("file", nargs="?", type=Path, metavar="FIL", help="en exportfil")
    validate.add_argument(
        "--area", metavar="OMRÅDE", help="kontrollera filerna i områdets params-fil"
    )
    validate.add_argument(
        "--mapping", type=Path, metavar="FIL", help="mappningsfil för andra verktyg"
    )
    validate.add_argument(
        "--municipality",
        action="append",
        metavar="NAMN",
        help="kommunnamn som får stå i A1 (kan upprepas)",
    )

    command("areas", "lista områdena som har params-fil", _areas)
    command(
        "clean",
        "ta bort det avbrutna körningar lämnat (halvfärdiga mappar), inte rapporterna",
        _clean,
    )

    new_area = command("new-area", "skriv params-filen för ett nytt område", _new_area)
    new_area.add_argument(
        "municipalities",
        nargs="*",
        metavar="KOMMUN",
        help='kommunkoder eller kommunnamn, t.ex. 1488 1487 eller "Lilla Edet"',
    )
    new_area.add_argument("--name", metavar="NAMN", help="områdets namn (annars kommunernas)")
    new_area.add_argument("--slug", metavar="FILNAMN", help="params-filens namn (annars av namnen)")
    new_area.add_argument("--force", action="store_true", help="skriv över en befintlig fil")

    init = command("init", "skapa en arbetsmapp (params, data, rapporter) för paketet", _init)
    init.add_argument("folder", type=Path, metavar="MAPP", help="mappen (skapas om den saknas)")
    init.add_argument(
        "--chapters",
        action="store_true",
        help="kopiera även kapitlen och rapportmallen hit, för att ändra dem",
    )

    lab = command("lab", "redigera kapitlen i JupyterLab med ett områdes data", _lab)
    lab.add_argument("area", metavar="OMRÅDE", help=AREA_HELP)
    lab.add_argument("--no-browser", action="store_true", help="skriv bara ut adressen")
    lab.add_argument(
        "--port", type=int, metavar="PORT", help="port (annars Jupyters, 8888 eller nästa lediga)"
    )

    suggest = command(
        "suggest-mapping",
        "skriv ut en mappningsfil att utgå från: varje kolumn, dess värden, gissade frågor",
        _suggest_mapping,
    )
    suggest.add_argument("file", type=Path, metavar="FIL", help="en exportfil")
    suggest.add_argument(
        "--sheet", metavar="BLAD", help="bladet med svaren (annars hittat av innehållet)"
    )

    fetch = command(
        "fetch",
        "hämta aktuell statistik från SCB, Kolada och Arbetsförmedlingen (kräver internet)",
        _fetch,
    )
    fetch.add_argument("--only", choices=["scb", "kolada", "yrkesbarometer"], help="bara en källa")
    fetch.add_argument(
        "--base-url",
        metavar="URL",
        help="hämta allt från den här servern (en lokal server i testerna)",
    )
    fetch.add_argument("--retries", type=int, default=4, metavar="N", help="försök per anrop (4)")
    fetch.add_argument(
        "--timeout", type=float, default=60.0, metavar="S", help="sekunder att vänta på svar (60)"
    )
    return parser


@contextmanager
def _working_folder(needed: bool) -> Iterator[None]:
    """Check that there is a working folder, and name it for the kernels and workers this
    command starts (``LKA_ROOT``), for as long as the command runs."""
    if not needed or os.environ.get("LKA_ROOT"):  # named outright: used as it is
        yield
        return
    if not paths.is_working_folder(paths.ROOT):
        raise ParamsError(
            f"Här finns ingen arbetsmapp för lka: {paths.MARKER} saknas i {Path.cwd()} och "
            "mapparna ovanför. Skapa en med lka init MAPP och gå in i den (cd MAPP)."
        )
    before = os.environ.get("LKA_ROOT")
    os.environ["LKA_ROOT"] = str(paths.ROOT)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("LKA_ROOT", None)
        else:
            os.environ["LKA_ROOT"] = before


def _environment_gone() -> bool:
    """True when the environment this process runs in was removed under it (``.venv``)."""
    return not Path(sys.executable).exists() or not Path(sys.prefix).is_dir()


def _user_error(error: BaseException) -> ReportError | None:
    """The one line an error gives the user, or None for a bug (it keeps its traceback).

    An environment removed while the command ran (``.venv``, and with it the modules not yet
    imported and the kernel) and a module that is missing are the same fix; a disk that is
    full or a folder that cannot be written is named with its file.
    """
    outside = isinstance(error, ImportError) and not (error.name or "").startswith("helpers")
    if _environment_gone() or outside:
        missing = getattr(error, "name", None)
        what = f"modulen {missing} saknas" if missing else "miljön (.venv) saknas eller är ändrad"
        return EnvironmentIncompleteError(
            f"Miljön är ofullständig ({what}). Installera den på nytt med make install "
            "och kör kommandot igen."
        )
    if isinstance(error, ReportError):
        return error
    if isinstance(error, OSError):
        return write_error(error)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; user errors become one line on stderr and their exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.run is _validate and bool(args.area) == bool(args.file):
        parser.error("ange antingen en exportfil (lka validate FIL) eller --area OMRÅDE")
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        with _working_folder(needed=run is not _init):
            if run in (_report, _reports):
                from helpers.build.pipeline import prepare_process

                prepare_process()
            return run(args)
    except (ReportError, OSError, ImportError) as caught:
        error = _user_error(caught)
        if error is None:  # a bug: its traceback
            raise
        print(f"Fel: {error}", file=sys.stderr)
        if args.verbosity >= VERBOSE:
            traceback.print_exception(caught, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Avbrutet.", file=sys.stderr)
        return INTERRUPTED
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
