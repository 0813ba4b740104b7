"""What pyproject.toml cannot say: a wheel carries the project's folders and its kernel.

``lka init`` makes a working folder from an installed wheel, so the wheel needs the chapters,
the report template, the example params and the raw data (the statistics snapshot and the
example surveys). They stay where they are in the checkout (notebooks/, templates/,
params/, data/raw/); this build step copies them into the package as ``helpers/project_files``.
An editable install (``make install``) copies nothing: the checkout is its own working folder.

The Jupyter kernel ``lokal-kompetensanalys`` is a data file of the wheel
(``share/jupyter/kernels``, as ipykernel ships its own); "python" in its command is the
environment's Python (jupyter_client puts sys.executable in its place).
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PATHS = runpy.run_path(str(HERE / "src" / "helpers" / "config" / "paths.py"))
LEFT_OUT = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", ".DS_Store")


class BuildWithProjectFiles(build_py):
    """``build_py`` that also copies the project's folders into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "helpers" / PATHS["SHIPPED"].name
        shutil.rmtree(target, ignore_errors=True)
        for folder in PATHS["SHIPPED_FOLDERS"]:
            shutil.copytree(HERE / folder, target / folder, ignore=LEFT_OUT)


setup(
    cmdclass={"build_py": BuildWithProjectFiles},
    data_files=[
        (
            "share/jupyter/kernels/lokal-kompetensanalys",
            ["src/helpers/resources/kernel/kernel.json"],
        )
    ],
)
