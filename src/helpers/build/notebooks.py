"""Guardrails for the chapter notebooks, and the one place that normalises them.

Each chapter is a notebook ``notebooks/NN_name.ipynb`` paired with its text form
``notebooks/NN_name.py`` (jupytext ``py:percent``), which is the file to edit and review.
The checks keep the chapters safe to run, diff and review:

- the pair exists and the two files say the same (so a changed sentence is a one-line diff);
- exactly one ``parameters`` cell, assigning ``area``, ``year`` and ``run`` to None (papermill
  injects all three; in JupyterLab ``make lab MUNI=...`` picks the area);
- no outputs or execution counts; kernelspec, language_info and jupytext metadata normalised;
- the chapter opens with its ``## Heading``, code cells stay short, no file or API access, and
  the helper modules a chapter imports document themselves with an example.

From the command line (``make lint`` and the pre-commit hooks run the checks)::

    .venv/bin/python -m helpers.build.notebooks --check      # report problems, exit 1 if any
    .venv/bin/python -m helpers.build.notebooks --fix        # strip, normalise and sync the pairs

In Python:

    >>> [str(problem) for problem in check()]
    []
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import re
import sys
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs
from jupytext.compare import NotebookDifference, compare_notebooks

from helpers.build.execute import KERNEL_NAME
from helpers.config import paths

#: The kernel every notebook names: the project's own, installed by ``make install``.
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Lokal kompetensanalys", "language": "python"}
LANGUAGE_INFO = {"name": "python"}
#: The pairing: the notebook and its text form, the one to edit and review.
TEXT_FORMAT = "py:percent"
FORMATS = f"ipynb,{TEXT_FORMAT}"
PARAMETERS_TAG = "parameters"
#: What every chapter's parameters cell says. None lets ``open_report`` choose the area:
#: the one papermill injects, or LKA_AREA set by ``make lab MUNI=...``, or Sotenäs; and with
#: no ``run`` (papermill injects one per build) a chapter is a report of its own.
#: No second "=" on a line: papermill reads the comments as the parameters' help texts.
PARAMETERS_SOURCE = (
    "area = None  # papermill sets it; in JupyterLab it is the area given to make lab\n"
    "year = None  # None: the year in the area's params file\n"
    "run = None  # papermill sets it: the chapters of one build share figures and appendix"
)
#: The names the parameters cell assigns.
PARAMETERS = ("area", "year", "run")
#: A chapter's file name: two digits give its place in the report (execute.chapter_paths).
CHAPTER_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")
#: Longer code belongs in a helper function, so the chapter reads like the report.
MAX_CODE_LINES = 15
_NOTEBOOK_METADATA = ("kernelspec", "language_info", "jupytext")
# Editor and run state that would only add noise to diffs (nbstripout's list, and papermill's).
_VOLATILE_CELL_METADATA = (
    "collapsed",
    "scrolled",
    "ExecuteTime",
    "execution",
    "papermill",
    "heading_collapsed",
    "hidden",
    "jupyter",
)
# Notebooks never open files or call APIs: they call helpers (docs/architecture.md).
_FORBIDDEN = (
    (re.compile(r"(?<![\w.])open\("), "opens a file"),
    (re.compile(r"\bread_(csv|excel|json|parquet|table|fwf)\("), "reads a file"),
    (re.compile(r"^\s*(import|from)\s+(requests|urllib|httpx)\b", re.M), "calls an API"),
)
_FIX_HINT = "run `.venv/bin/python -m helpers.build.notebooks --fix`"


@dataclass(frozen=True)
class Problem:
    """One guardrail a notebook breaks, said so that the reader knows what to change."""

    path: Path
    message: str
    fixable: bool = False

    def __str__(self) -> str:
        hint = f" ({_FIX_HINT})" if self.fixable else ""
        return f"{_shown(self.path)}: {self.message}{hint}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(paths.ROOT))
    except ValueError:
        return str(path)


def pair(path: Path) -> tuple[Path, Path]:
    """The notebook and its text form, given either of them.

    >>> pair(Path("notebooks/02_befolkning.py"))
    (PosixPath('notebooks/02_befolkning.ipynb'), PosixPath('notebooks/02_befolkning.py'))
    """
    return path.with_suffix(".ipynb"), path.with_suffix(".py")


def notebook_paths(folder: Path | None = None) -> list[Path]:
    """Every notebook in ``folder`` (default ``notebooks/``) as its ``.ipynb`` path.

    A text form without its notebook counts too (the check then says the pair is missing).
    """
    folder = folder or paths.NOTEBOOKS
    found = {
        p.with_suffix(".ipynb")
        for p in folder.iterdir()
        if p.suffix in (".ipynb", ".py") and not p.name.startswith(".")
    }
    return sorted(found)


def _selected(files: Iterable[Path] | None) -> list[Path]:
    """The notebooks named by ``files`` (either form); all of ``notebooks/`` when None."""
    if files is None:
        return notebook_paths()
    chosen = set()
    for file in files:
        file = Path(file).resolve()
        if file.suffix in (".ipynb", ".py") and file.parent == paths.NOTEBOOKS.resolve():
            chosen.add(paths.NOTEBOOKS / file.with_suffix(".ipynb").name)
    return sorted(chosen)


def is_parameters(cell: MutableMapping[str, Any]) -> bool:
    """True for the cell tagged ``parameters`` (papermill injects the values after it)."""
    return PARAMETERS_TAG in cell.get("metadata", {}).get("tags", [])


def _source(cell: MutableMapping[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _python(source: str) -> ast.Module | None:
    """A code cell as Python (IPython magics removed); None if it does not parse."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return None


def _assigned(source: str) -> dict[str, Any] | None:
    """``{name: value}`` for a cell made only of ``name = constant`` lines, else None."""
    tree = _python(source)
    if tree is None:
        return None
    values = {}
    for statement in tree.body:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Constant)
        ):
            return None
        values[statement.targets[0].id] = statement.value.value
    return values


def _read(
    ipynb: Path, py: Path
) -> tuple[nbformat.NotebookNode | None, nbformat.NotebookNode | None]:
    notebook = nbformat.read(ipynb, as_version=4) if ipynb.exists() else None
    text = jupytext.read(py, fmt=TEXT_FORMAT) if py.exists() else None
    return notebook, text


def _difference(text: nbformat.NotebookNode, notebook: nbformat.NotebookNode) -> str:
    """How the text form differs from the notebook (empty when they say the same)."""
    try:
        compare_notebooks(text, notebook, fmt=TEXT_FORMAT)
    except NotebookDifference as difference:
        first = str(difference).strip().splitlines()
        return first[0] if first else "they differ"
    return ""


def check_pairing(path: Path) -> list[Problem]:
    """The notebook and its ``.py`` text form both exist and say the same."""
    ipynb, py = pair(path)
    if not ipynb.exists():
        return [Problem(py, f"has no paired notebook {ipynb.name}", fixable=True)]
    if not py.exists():
        return [Problem(ipynb, f"has no paired text form {py.name}", fixable=True)]
    notebook, text = _read(ipynb, py)
    if notebook.metadata.get("jupytext", {}).get("formats") != FORMATS:
        return [Problem(ipynb, f"jupytext pairing is not '{FORMATS}'", fixable=True)]
    difference = _difference(text, notebook)
    if difference:
        return [Problem(py, f"is out of sync with {ipynb.name}: {difference}", fixable=True)]
    return []


def _check_metadata(notebook: nbformat.NotebookNode, ipynb: Path) -> list[Problem]:
    problems = []
    metadata = notebook.get("metadata", {})
    if metadata.get("kernelspec") != KERNELSPEC:
        problems.append(Problem(ipynb, f"kernelspec is not {KERNELSPEC}", fixable=True))
    if metadata.get("language_info") != LANGUAGE_INFO:
        problems.append(Problem(ipynb, f"language_info is not {LANGUAGE_INFO}", fixable=True))
    extra = sorted(set(metadata) - set(_NOTEBOOK_METADATA))
    if extra:
        problems.append(Problem(ipynb, f"has editor metadata {extra}", fixable=True))
    return problems


def _check_cells(notebook: nbformat.NotebookNode, ipynb: Path) -> list[Problem]:
    problems = []
    cells = notebook.cells
    with_output = [
        n
        for n, c in enumerate(cells, 1)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    if with_output:
        problems.append(
            Problem(ipynb, f"cells {with_output} have outputs or execution counts", fixable=True)
        )
    parameters = [c for c in cells if is_parameters(c)]
    if len(parameters) != 1:
        problems.append(
            Problem(
                ipynb,
                f"has {len(parameters)} cells tagged 'parameters'; a "
                "chapter needs exactly one (area, year and run)",
            )
        )
    elif _source(parameters[0]).strip() != PARAMETERS_SOURCE or parameters[0].cell_type != "code":
        values = _assigned(_source(parameters[0]))
        problems.append(
            Problem(
                ipynb,
                "the parameters cell must be the standard one, "
                "`area = None`, `year = None` and `run = None` (papermill or make lab sets "
                "the area)",
                fixable=values is not None and set(values) <= set(PARAMETERS),
            )
        )
    first = _source(cells[0]).lstrip() if cells else ""
    if not (cells and cells[0].cell_type == "markdown" and first.startswith("## ")):
        problems.append(
            Problem(
                ipynb,
                "must open with a Markdown cell '## Chapter title' "
                "(h2 is a chapter in the table of contents)",
            )
        )
    for number, cell in enumerate(cells, 1):
        if cell.cell_type != "code":
            continue
        source = _source(cell)
        lines = [line for line in source.splitlines() if line.strip()]
        if len(lines) > MAX_CODE_LINES:
            problems.append(
                Problem(
                    ipynb,
                    f"cell {number} has {len(lines)} lines of code; "
                    f"more than {MAX_CODE_LINES} belongs in a helper function",
                )
            )
        for pattern, what in _FORBIDDEN:
            if pattern.search(source):
                problems.append(
                    Problem(
                        ipynb, f"cell {number} {what}: notebooks call helpers instead (src/helpers)"
                    )
                )
    return problems


def imported_helpers(notebook: nbformat.NotebookNode) -> list[str]:
    """The ``helpers`` modules a notebook imports, e.g. ``['helpers.report.context']``.

    ``from helpers.report import tables`` imports the module ``helpers.report.tables``;
    ``from helpers.report.context import open_report`` the module it names.
    """
    modules: set[str] = set()
    for cell in notebook.cells:
        tree = _python(_source(cell)) if cell.cell_type == "code" else None
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "helpers":
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    modules.add(candidate if _is_module(candidate) else node.module)
            elif isinstance(node, ast.Import):
                modules.update(a.name for a in node.names if a.name.startswith("helpers."))
    return sorted(modules)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def has_example(module: str) -> bool | None:
    """True if the module's docstring shows an example (``>>>`` or a ``::`` block).

    None when ``module`` is not a module of the package (e.g. a function imported by name).
    """
    spec = importlib.util.find_spec(module) if _is_module(module) else None
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    docstring = ast.get_docstring(ast.parse(Path(spec.origin).read_text("utf-8"))) or ""
    return ">>>" in docstring or "::" in docstring


def check_notebook(path: Path) -> list[Problem]:
    """Every guardrail for one notebook (either form of the pair)."""
    try:
        return _check_notebook(path)
    except Exception as error:  # e.g. git's conflict markers left in the JSON or the .py
        first = (str(error).strip().splitlines() or [""])[0]
        return [
            Problem(
                pair(path)[0],
                f"cannot be read ({type(error).__name__}: {first}): "
                "repair it, or delete the broken file of the pair and run --fix",
            )
        ]


def _check_notebook(path: Path) -> list[Problem]:
    ipynb, py = pair(path)
    problems = check_pairing(path)
    if not CHAPTER_NAME.match(ipynb.stem):
        problems.append(
            Problem(
                ipynb,
                "is not named NN_name (two digits, then lower-case "
                "name): only such notebooks are chapters of the report",
            )
        )
    if not ipynb.exists():
        return problems
    notebook = nbformat.read(ipynb, as_version=4)
    problems += _check_metadata(notebook, ipynb)
    problems += _check_cells(notebook, ipynb)
    for module in imported_helpers(notebook):
        if has_example(module) is False:
            problems.append(
                Problem(
                    ipynb,
                    f"imports {module}, whose docstring has no example: "
                    "add a short `>>>` example for the analysts",
                )
            )
    return problems


def check(files: Iterable[Path] | None = None) -> list[Problem]:
    """Every guardrail for the given notebooks (default: all of ``notebooks/``)."""
    return [problem for path in _selected(files) for problem in check_notebook(path)]


def normalise(notebook: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Strip outputs, counts and editor state; set the project's kernel and pairing.

    Works in place on a notebook or on the plain dict Jupyter saves, and returns it.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=3)])
    >>> normalise(nb)["cells"][0]["execution_count"], nb["metadata"]["kernelspec"]["name"]
    (None, 'lokal-kompetensanalys')
    """
    metadata = notebook.setdefault("metadata", {})
    for key in [k for k in metadata if k not in _NOTEBOOK_METADATA]:
        del metadata[key]
    metadata["kernelspec"] = dict(KERNELSPEC)
    metadata["language_info"] = dict(LANGUAGE_INFO)
    metadata["jupytext"] = {"formats": FORMATS}
    for cell in notebook.get("cells", []):
        cell_metadata = cell.setdefault("metadata", {})
        for key in _VOLATILE_CELL_METADATA:
            cell_metadata.pop(key, None)
        if cell_metadata.get("tags") == []:
            del cell_metadata["tags"]
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return notebook


def _canonical_parameters(notebook: nbformat.NotebookNode) -> None:
    """Write the standard parameters cell where the cell only sets area, year and run."""
    for cell in notebook.cells:
        if is_parameters(cell):
            values = _assigned(_source(cell))
            if values is not None and set(values) <= set(PARAMETERS):
                cell.source = PARAMETERS_SOURCE


def _merged(ipynb: Path, py: Path) -> nbformat.NotebookNode:
    """The notebook to keep: the newer of the two forms wins, as in ``jupytext --sync``."""
    notebook, text = _read(ipynb, py)
    if notebook is None:
        return text
    if text is None or not _difference(text, notebook):
        return notebook
    if py.stat().st_mtime > ipynb.stat().st_mtime:
        return combine_inputs_with_outputs(text, notebook, fmt=TEXT_FORMAT)
    return notebook


def fix_notebook(path: Path) -> list[Path]:
    """Normalise one notebook and write both forms of its pair; returns the files changed."""
    ipynb, py = pair(path)
    if not ipynb.exists() and not py.exists():
        return []
    notebook = nbformat.from_dict(_merged(ipynb, py))
    _canonical_parameters(notebook)
    normalise(notebook)
    written = []
    for file, content in (
        (ipynb, nbformat.writes(notebook) + "\n"),
        (py, jupytext.writes(notebook, fmt=TEXT_FORMAT)),
    ):
        if not file.exists() or file.read_text("utf-8") != content:
            file.write_text(content, encoding="utf-8")
            written.append(file)
    return written


def fix(files: Iterable[Path] | None = None) -> list[Path]:
    """Fix what can be fixed in the given notebooks (default: all); returns files changed.

    A pair that cannot be read is left alone; :func:`check` then says so.
    """
    written = []
    for path in _selected(files):
        try:
            written += fix_notebook(path)
        except Exception:  # reported by the check that follows
            continue
    return written


def before_save(
    model: MutableMapping[str, Any], path: str, contents_manager: Any = None, **_: Any
) -> None:
    """Jupyter pre-save hook (``make lab`` sets it): chapters are saved normalised.

    The analyst still sees the outputs in JupyterLab; only the files on disk lose them (and
    get the project's kernel), so the working tree always passes the guardrails.
    """
    root = Path(getattr(contents_manager, "root_dir", paths.ROOT))
    target = (root / path.lstrip("/")).resolve()
    if target.parent != paths.NOTEBOOKS.resolve() or model.get("content") is None:
        return
    if model.get("type") == "notebook":
        normalise(model["content"])
    elif target.suffix == ".py" and isinstance(model["content"], str):
        # jupytext saves the pair's text form from the unnormalised notebook: normalise its
        # header the same way, or the two files would disagree about the kernel.
        text = jupytext.reads(model["content"], fmt=TEXT_FORMAT)
        model["content"] = jupytext.writes(normalise(text), fmt=TEXT_FORMAT)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m helpers.build.notebooks --check|--check-sync|--fix [FILES]``; 1 on problems."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.build.notebooks", description="Check or fix the chapter notebooks."
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="every guardrail (the default)")
    mode.add_argument(
        "--check-sync",
        action="store_true",
        help="only that each .ipynb and its .py exist and say the same",
    )
    mode.add_argument(
        "--fix",
        action="store_true",
        help="strip outputs, normalise metadata and parameters, sync the pairs",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="notebooks (.ipynb or .py); default: all in notebooks/"
    )
    args = parser.parse_args(argv)
    files = args.files or None
    if args.fix:
        for file in fix(files):
            print(f"fixed {_shown(file)}")
    if args.check_sync:
        problems = [p for path in _selected(files) for p in check_pairing(path)]
    else:
        problems = check(files)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
