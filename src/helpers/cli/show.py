"""``lka open OMRÅDE`` (``make open MUNI=...``): open a finished report with the system's viewer.

The opener is the platform's own: ``open`` on macOS, ``wslview`` or Windows' ``explorer.exe``
under WSL (the report opens in Windows' browser), ``xdg-open`` on Linux. Without one (a server,
CI) the file is named for the broker to open::

    >>> opener("linux", "5.15.0-microsoft-standard-WSL2", {"wslview"})[0]
    'wslview'
    >>> opener("darwin", "23.1.0", set())
    ['open']
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from helpers.common.errors import ReportError
from helpers.config.params import load_area

_LINUX_OPENERS = ("xdg-open", "gio", "sensible-browser")


@dataclass(frozen=True)
class Shown:
    """The report file that was opened, and whether a program was found to open it."""

    file: Path
    opened: bool


def opener(system: str, release: str, available: Collection[str]) -> list[str] | None:
    """The command that opens a file on this platform (without the file), or None.

    ``system`` is ``sys.platform``, ``release`` ``platform.release()`` (WSL's says
    "microsoft"), ``available`` the programs found on PATH.
    """
    if system == "darwin":
        return ["open"]
    if system == "win32":
        return ["explorer.exe"]
    if "microsoft" in release.lower():  # WSL: Windows opens it
        if "wslview" in available:
            return ["wslview"]
        if "explorer.exe" in available:
            return ["explorer.exe"]
    for name in _LINUX_OPENERS:
        if name in available:
            return [name, "open"] if name == "gio" else [name]
    return None


def show_report(area_name: str, *, pdf: bool = False, draft: bool = False) -> Shown:
    """Open the area's latest report (HTML, or the PDF), or its ``draft``; the draft also when
    no report is published. Raises ReportError when none is built."""
    from helpers.build.pipeline import report_files

    area = load_area(area_name)
    published, drafted = report_files(area), report_files(area, draft=True)
    chosen = drafted if draft else published
    file = chosen.pdf if pdf else chosen.html
    if not file.exists() and not draft:
        file = drafted.pdf if pdf else drafted.html
    if not file.exists():
        raise ReportError(
            f"Rapporten för {area.name} {area.year} är inte byggd än: kör make report "
            f"MUNI={area.slug} (eller lka report {area.slug}) först."
        )
    names = {*_LINUX_OPENERS, "wslview", "explorer.exe"}
    command = opener(sys.platform, platform.release(), {n for n in names if shutil.which(n)})
    if command is None:
        return Shown(file, opened=False)
    target = str(file)
    if command[0] == "explorer.exe" and shutil.which("wslpath"):  # a Windows path for Windows
        target = subprocess.run(
            ["wslpath", "-w", target], capture_output=True, text=True, check=True
        ).stdout.strip()
    # The viewer goes on after lka ends: started, not waited for; its own messages go away.
    subprocess.Popen(
        [*command, target],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return Shown(file, opened=True)
