"""JupyterLab for editing the chapters with one area's data: ``make lab MUNI=lysekil``.

The chapters' parameters cell says ``area = None``, so ``open_report`` takes the area from
the environment variable LKA_AREA, which this sets for every kernel the session starts; and
``run = None``, so each run of a chapter is a report of its own (figures numbered from 1). New
notebooks get the project's kernel, and chapters are saved without outputs (the pre-save
hook :func:`helpers.build.notebooks.before_save`), so the working tree stays reviewable.

    >>> command, env = lab_command("1484", no_browser=True)
    >>> env["LKA_AREA"], "--ServerApp.open_browser=False" in command
    ('lysekil', True)
"""

from __future__ import annotations

import os
import sys

from helpers.build.notebooks import KERNEL_NAME
from helpers.common.errors import ReportError
from helpers.config import paths
from helpers.config.params import load_area


def lab_command(
    area: str, *, no_browser: bool = False, port: int | None = None
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that open JupyterLab on ``notebooks/`` for ``area``.

    The area is checked first, so a typo stops with one clear message (a ParamsError); a
    working folder whose chapters are the installed package's is told how to copy them.
    """
    chosen = load_area(area)
    if not paths.NOTEBOOKS.is_relative_to(paths.ROOT):
        raise ReportError(
            "Kapitlen i den här arbetsmappen kommer från det installerade paketet. Kopiera hit "
            "dem för att redigera dem: lka init --chapters ."
        )
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={paths.ROOT}",
        "--LabApp.default_url=/lab/tree/notebooks",
        f"--MappingKernelManager.default_kernel_name={KERNEL_NAME}",
        "--ContentsManager.pre_save_hook=helpers.build.notebooks.before_save",
    ]
    if no_browser:
        command.append("--ServerApp.open_browser=False")
    if port:
        command.append(f"--ServerApp.port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI often run as root
        command.append("--ServerApp.allow_root=True")
    return command, {**os.environ, "LKA_AREA": chosen.slug}


def open_lab(area: str, *, no_browser: bool = False, port: int | None = None) -> int:
    """Replace this process with JupyterLab (so Ctrl-C reaches it directly)."""
    command, env = lab_command(area, no_browser=no_browser, port=port)
    print(
        f"JupyterLab för {env['LKA_AREA']}: kapitlen i notebooks/ visar det området. "
        "Avsluta med Ctrl-C två gånger.",
        flush=True,
    )
    os.execve(command[0], command, env)
    return 0  # not reached: execve does not return
