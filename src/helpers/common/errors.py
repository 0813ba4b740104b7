"""The project's exception hierarchy.

Every error a user can cause (bad params, a broken survey file, a failed fetch, a failing
notebook) is a ``ReportError``: the CLI prints its message as one line and exits non-zero,
without a traceback. Anything else is a bug and keeps its traceback.
"""

import errno
import os


class ReportError(Exception):
    """Base class for errors that are the user's to fix; the message says what and how."""

    exit_code = 1


class ParamsError(ReportError):
    """A params file is missing, malformed or names something that does not exist."""

    exit_code = 2


class InputFileError(ReportError):
    """An input file (survey export, statistics file) cannot be read or has wrong content."""

    exit_code = 3


class SurveyError(InputFileError):
    """A survey export is unreadable or its answers fail validation."""


class DataMissingError(ReportError):
    """A statistic the caller asked for is not in the snapshot."""

    exit_code = 4


class FetchError(ReportError):
    """Refreshing the snapshot from a live source failed; the old snapshot is intact."""

    exit_code = 5


class ExecutionError(ReportError):
    """A notebook cell failed; the failed notebook is kept and nothing is rendered."""

    exit_code = 6


class RenderError(ReportError):
    """Turning the executed notebook into HTML or PDF failed."""

    exit_code = 7


class WriteError(ReportError):
    """A file could not be written (disk full, read-only folder); nothing half-written is
    published and an earlier report is intact."""

    exit_code = 8


class EnvironmentIncompleteError(ReportError):
    """The installed environment lacks a part (``.venv`` removed or half installed)."""

    exit_code = 9


#: Why writing a file fails where the user can do something about it.
WRITE_FAILURES = {
    errno.ENOSPC: "disken är full: frigör utrymme och kör igen",
    errno.EDQUOT: "diskkvoten är slut: frigör utrymme och kör igen",
    errno.EROFS: "filsystemet är skrivskyddat: välj en arbetsmapp där du får skriva",
    errno.EACCES: "åtkomst nekas: ge dig skrivrätt till mappen, eller välj en annan arbetsmapp",
    errno.EPERM: "åtkomst nekas: ge dig skrivrätt till mappen, eller välj en annan arbetsmapp",
}


def write_error(error: OSError) -> WriteError | None:
    """The one line for an OSError the user can fix (disk full, read-only, no permission);
    None for any other.

    >>> print(write_error(OSError(errno.ENOSPC, "No space left", "reports/x/a.pdf")))
    reports/x/a.pdf kunde inte skrivas: disken är full: frigör utrymme och kör igen.
    """
    why = WRITE_FAILURES.get(error.errno or 0)
    if why is None:
        return None
    where = os.fsdecode(error.filename) if error.filename is not None else "en fil"
    return WriteError(f"{where} kunde inte skrivas: {why}.")
