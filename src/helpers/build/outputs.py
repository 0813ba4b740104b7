"""The data the chapters hand on beside the page, and the files made of it.

A chapter records key figures, appendix tables and fixes for missing data as display
outputs of their own MIME types (``report.context``); the HTML page leaves them out
(``html.ProjectDataPreprocessor``). Reading them from the executed notebook
(:func:`key_figures`, :func:`appendix_tables`, :func:`fixes`) is kept apart from writing
files of them (:func:`write_appendix`, the Excel appendix), so another format is one more
writer.

>>> import nbformat
>>> figure = {KEY_FIGURE_MIME: {"name": "folkmangd", "value": 9061}}
>>> cell = nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", figure)])
>>> key_figures(nbformat.v4.new_notebook(cells=[cell]))
{'folkmangd': {'value': 9061}}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

from helpers.report import appendix
from helpers.report.context import APPENDIX_MIME, EXAMPLE_NOTE, FIX_MIME, KEY_FIGURE_MIME


def _project_outputs(notebook: nbformat.NotebookNode, mime: str) -> list[Any]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if mime in output.get("data", {}):
                found.append(output["data"][mime])
    return found


def key_figures(notebook: nbformat.NotebookNode) -> dict[str, Any]:
    """The key figures the chapters recorded, by name."""
    return {
        item["name"]: {k: v for k, v in item.items() if k != "name"}
        for item in _project_outputs(notebook, KEY_FIGURE_MIME)
    }


def fixes(notebook: nbformat.NotebookNode) -> dict[str, list[str]]:
    """What the builder can do about missing data: each fix with what it would bring, in
    report order, each once."""
    found: dict[str, list[str]] = {}
    for item in _project_outputs(notebook, FIX_MIME):
        whats = found.setdefault(item["fix"], [])
        if item["what"] not in whats:
            whats.append(item["what"])
    return found


def appendix_tables(notebook: nbformat.NotebookNode) -> list[dict[str, Any]]:
    """The appendix tables (title, source, columns, rows), in report order."""
    found = _project_outputs(notebook, APPENDIX_MIME)
    return found[-1] if found else []


def write_appendix(
    tables: list[dict[str, Any]], target: Path, *, title: str = "Bilaga", author: str = ""
) -> None:
    """The Excel appendix: a contents sheet, then each figure's and table's data on a sheet
    named by its number in the report (``report.appendix`` lays it out)."""
    appendix.workbook(tables, title=title, author=author, example_note=EXAMPLE_NOTE).save(target)
