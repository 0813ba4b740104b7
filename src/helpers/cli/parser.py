"""``lka``'s command line in Swedish: help, usage errors, verbosity and exit codes.

``argparse`` writes its own words in English ("usage:", "options", "the following arguments
are required"). :class:`Parser` puts every argument in a group with a Swedish title, writes
its own ``-h``, and turns argparse's error messages into one Swedish line on stderr with the
exit code :data:`USAGE` (64, as BSD's sysexits), distinct from every error the tool itself
reports (:data:`EXIT_CODES`)::

    >>> parser = Parser(prog="lka")
    >>> _ = parser.add_argument("area", help="området")
    >>> parser.format_usage()
    'Användning: lka [-h] area\\n'
    >>> swedish("the following arguments are required: area")
    'saknas: area'
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import Any, NoReturn

from helpers.common.errors import (
    DataMissingError,
    EnvironmentIncompleteError,
    ExecutionError,
    FetchError,
    InputFileError,
    ParamsError,
    RenderError,
    ReportError,
    WriteError,
)

#: Exit code of a command line that argparse cannot read (an unknown command or flag).
USAGE = 64
#: Exit code after Ctrl-C.
INTERRUPTED = 130
#: Every exit code of ``lka`` and what it means; ``lka --help`` and the README list them.
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "klart"),
    (
        ReportError.exit_code,
        "annat fel som går att rätta (raden säger hur), "
        "eller någon rapport i lka reports misslyckades",
    ),
    (ParamsError.exit_code, "params-filen eller området: okänt namn, fel nyckel, trasig YAML"),
    (InputFileError.exit_code, "en indatafil: enkätexporten eller statistikens filer"),
    (DataMissingError.exit_code, "statistik som saknas i underlaget"),
    (FetchError.exit_code, "hämtningen misslyckades (det gamla underlaget är kvar)"),
    (ExecutionError.exit_code, "ett kapitel gick inte att köra (anteckningsboken sparas)"),
    (RenderError.exit_code, "HTML eller PDF kunde inte skapas"),
    (WriteError.exit_code, "en fil kunde inte skrivas: disken är full eller mappen skrivskyddad"),
    (EnvironmentIncompleteError.exit_code, "miljön är ofullständig (.venv): kör make install"),
    (USAGE, "fel i kommandoraden: okänt kommando, okänd flagga, saknat argument"),
    (INTERRUPTED, "avbrutet (Ctrl-C)"),
)

#: How much a command prints: errors only (-q), the usual lines, or more (-v).
QUIET, NORMAL, VERBOSE = 0, 1, 2

# argparse's messages (Python 3.11-3.13) and their Swedish; the first that matches is used.
_MESSAGES = (
    (r"the following arguments are required: (.*)", "saknas: {0}"),
    (r"unrecognized arguments: (.*)", "okända argument: {0}"),
    (r"one of the arguments (.*) is required", "ange ett av: {0}"),
    (r"argument (\S+): not allowed with argument (.*)", "{0} går inte ihop med {1}"),
    (r"argument (\S+): expected one argument", "{0} behöver ett värde"),
    (r"argument (\S+): expected at least one argument", "{0} behöver minst ett värde"),
    (r"argument (\S+): invalid int value: (.*)", "{0}: {1} är inget heltal"),
    (r"argument (\S+): invalid float value: (.*)", "{0}: {1} är inget tal"),
    (r"argument KOMMANDO: invalid choice: '?([^' ]*)'? \(choose from .*\)", "okänt kommando '{0}'"),
    (r"argument (\S+): invalid choice: '?([^' ]*)'? \(choose from .*\)", "{0}: okänt val '{1}'"),
    (r"argument (\S+): ignored explicit argument (.*)", "{0} tar inget värde ({1})"),
    (r"ambiguous option: (\S+) could match (.*)", "{0} kan betyda flera flaggor: {1}"),
)


def swedish(message: str) -> str:
    """argparse's error message in Swedish (unknown ones are left as they are)."""
    for pattern, text in _MESSAGES:
        if match := re.fullmatch(pattern, message):
            return text.format(*match.groups())
    return message


def _choices(message: str) -> list[str]:
    match = re.search(r"\(choose from (.*)\)", message)
    return re.findall(r"[\w-]+", match.group(1)) if match else []


def _given_choice(message: str) -> str:
    match = re.search(r"invalid choice: '?([^' ]*)'?", message)
    return match.group(1) if match else ""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions keep their line breaks (the exit-code table), help is 100 wide."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=100)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and errors are Swedish.

    Positional arguments are listed under "Argument", flags under "Flaggor"; ``-h`` is
    added here. A usage error is one line, ``Fel: ...``, and the exit code :data:`USAGE`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.positionals = self.add_argument_group("Argument")
        self.flags = self.add_argument_group("Flaggor")
        self.flags.add_argument(
            "-h", "--help", action="help", help="visa den här hjälpen och avsluta"
        )

    def add_argument(self, *names: str, **kwargs: Any) -> argparse.Action:
        """Add an argument under "Argument" (positional) or "Flaggor" (starts with -)."""
        group = self.flags if names and names[0].startswith("-") else self.positionals
        return group.add_argument(*names, **kwargs)

    def add_verbosity(self, *, default: Any = NORMAL) -> None:
        """``-q`` (only errors) and ``-v`` (more detail); ``default=SUPPRESS`` on a command
        keeps what was given before the command (``lka -q report x``)."""
        chosen = self.flags.add_mutually_exclusive_group()
        for flags, level, text in (
            (("-q", "--quiet"), QUIET, "skriv bara ut fel"),
            (("-v", "--verbose"), VERBOSE, "skriv ut mer: tid per steg, hela felet"),
        ):
            chosen.add_argument(
                *flags,
                dest="verbosity",
                action="store_const",
                const=level,
                default=default,
                help=text,
            )

    def format_usage(self) -> str:
        """The usage line, with a Swedish prefix."""
        return _swedish_usage(super().format_usage())

    def format_help(self) -> str:
        """The help text, with a Swedish prefix on its usage line."""
        return _swedish_usage(super().format_help())

    def error(self, message: str) -> NoReturn:
        """One Swedish line on stderr, then exit with :data:`USAGE` (argparse calls this)."""
        line = swedish(message)
        choices = _choices(message)
        if choices and (near := difflib.get_close_matches(_given_choice(message), choices, 1)):
            line += f" – menade du {near[0]}?"
        elif choices:
            line += f" (välj bland {', '.join(choices)})"
        end = "" if line.endswith("?") else "."
        self.exit(USAGE, f"Fel: {line}{end} Se {self.prog} --help.\n")


def _swedish_usage(text: str) -> str:
    return re.sub(r"^usage: ", "Användning: ", text)


def exit_codes_text() -> str:
    """The exit codes as ``lka --help`` shows them, one per line."""
    return "Felkoder:\n" + "\n".join(f"  {code:>3}  {what}" for code, what in EXIT_CODES)


def say(verbosity: int, *lines: str, level: int = NORMAL, stream: Any = None) -> None:
    """Print ``lines`` when ``verbosity`` is at least ``level`` (stdout unless ``stream``)."""
    if verbosity >= level:
        for line in lines:
            print(line, file=stream or sys.stdout, flush=True)
