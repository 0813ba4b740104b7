"""The project's exception hierarchy.

Every error a user can cause (bad params, a broken survey file, a failed fetch, a failing
notebook) is a ``ReportError``: the CLI prints its message as one line and exits non-zero,
without a traceback. Anything else is a bug and keeps its traceback.
"""


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
