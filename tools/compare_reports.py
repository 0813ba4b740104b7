"""Compare two built report folders: byte for byte where possible, by content where not.

For checking that a refactor keeps the reports the same::

    python tools/compare_reports.py BEFORE_DIR AFTER_DIR

HTML, key figures and the appendix's cell values are compared exactly; the PDF by its text
(pdftotext) and page count, since WeasyPrint writes a creation date into it; the executed
notebook by its outputs. Prints one line per file and exits 1 when anything differs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _xlsx_cells(path: Path) -> list:
    book = openpyxl.load_workbook(path, read_only=True)
    return [
        (sheet.title, [tuple(row) for row in sheet.iter_rows(values_only=True)])
        for sheet in book.worksheets
    ]


def _outputs(path: Path) -> list:
    notebook = json.loads(path.read_text("utf-8"))
    return [cell.get("outputs", []) for cell in notebook["cells"]]


def _without_fingerprint(path: Path) -> dict:
    info = json.loads(path.read_text("utf-8"))
    info.pop("fingerprint", None)
    return info


def compare(before: Path, after: Path) -> bool:
    """Print one line per file; True when everything is the same."""
    same = True
    for old in sorted(before.iterdir()):
        new = after / old.name
        if not new.exists():
            print(f"missing   {old.name}")
            same = False
            continue
        if old.read_bytes() == new.read_bytes():
            print(f"identical {old.name}")
            continue
        if old.suffix == ".pdf":
            equal = _pdf_text(old) == _pdf_text(new)
        elif old.suffix == ".xlsx":
            equal = _xlsx_cells(old) == _xlsx_cells(new)
        elif (
            old.name == "build_info.json"
        ):  # its fingerprint covers the code: a refactor changes it
            equal = _without_fingerprint(old) == _without_fingerprint(new)
        elif old.suffix == ".ipynb":
            equal = _outputs(old) == _outputs(new)
        else:
            equal = False
        print(f"{'same text' if equal else 'DIFFERENT'} {old.name}")
        same = same and equal
    return same


if __name__ == "__main__":
    sys.exit(0 if compare(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
