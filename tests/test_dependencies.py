"""Every package the code imports is declared in pyproject.toml.

The imports are read from the source (``ast``), each top-level module is mapped to the
distribution that installs it (``importlib.metadata.packages_distributions``), and that
distribution has to be among the declared ones: the runtime dependencies for ``src/``, and
those plus the ``dev`` extra for the tests, tools and the benchmark.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from helpers.config import paths

PYPROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _normalised(name: str) -> str:
    """A distribution's name as PEP 503 compares them (``PyYAML`` = ``pyyaml``)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(*extras: str) -> set[str]:
    """The distributions pyproject.toml declares: its dependencies and the given extras."""
    project = PYPROJECT["project"]
    specs = [*project["dependencies"]]
    for extra in extras:
        specs += project["optional-dependencies"][extra]
    return {_normalised(re.match(r"[A-Za-z0-9._-]+", spec).group()) for spec in specs}


def imported(folder: Path) -> dict[str, set[str]]:
    """The top-level modules the Python files under ``folder`` import (absolute imports),
    each with the files that import it; the standard library left out."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "__future__":
                    found.setdefault(top, set()).add(path.name)
    return found


def undeclared(folder: Path, allowed: set[str], local: set[str]) -> list[str]:
    """Each module imported under ``folder`` that no declared distribution installs (the
    project's own modules, ``local``, aside), with the files that import it."""
    installs = packages_distributions()
    missing = []
    for module, files in sorted(imported(folder).items()):
        if module in local:
            continue
        distributions = {_normalised(d) for d in installs.get(module, [])}
        if not distributions & allowed:
            where = ", ".join(sorted(files))
            missing.append(f"{module} ({', '.join(sorted(distributions)) or '?'}): {where}")
    return missing


def _own_modules(*folders: Path) -> set[str]:
    """The project's own importable names: the package and the modules in the folders that
    pytest puts on the path (tests/, tools/)."""
    own = {"helpers"}
    for folder in folders:
        own |= {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir()}
    return own


def test_the_package_imports_only_declared_dependencies():
    assert undeclared(paths.ROOT / "src", declared(), {"helpers"}) == []


@pytest.mark.parametrize("folder", ["tests", "tools", "bench"])
def test_tests_tools_and_bench_import_only_declared_dependencies(folder: str):
    local = _own_modules(paths.ROOT / "tests", paths.ROOT / "tools", paths.ROOT / "bench")
    assert undeclared(paths.ROOT / folder, declared("dev"), local) == []


def test_an_undeclared_import_is_found(tmp_path: Path):
    (tmp_path / "module.py").write_text(
        "import os\nimport numpy as np\nfrom yaml import safe_load\nfrom . import sibling\n"
        "import no_such_package_here\n"
    )
    found = undeclared(tmp_path, {"pyyaml"}, set())
    assert found == ["no_such_package_here (?): module.py", "numpy (numpy): module.py"]
    assert undeclared(tmp_path, {"pyyaml", "numpy"}, {"no_such_package_here"}) == []
