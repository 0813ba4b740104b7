"""The project's own tables (statistics, code lists) read with their shape checked.

A table cut short, garbled or emptied must stop the run with one line, never give a report
with wrong figures or a traceback: each loader names the columns it needs and how many rows
there must be, and :func:`read_csv` checks them. A *grid* is a table with one row for every
combination of some columns (municipality × age × sex): a file cut short lacks combinations,
so it is told even where the number of rows may change with a refresh.

    >>> import io
    >>> read_csv(io.StringIO("a,b\\n1,2\\n"), columns=["a", "b"], rows=1).shape
    (1, 2)
    >>> read_csv(io.StringIO("a\\n1\\n"), columns=["a", "b"], name="x.csv")
    Traceback (most recent call last):
    ...
    helpers.common.errors.InputFileError: x.csv: kolumnen b saknas ...
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from math import prod
from pathlib import Path
from typing import IO, Any

import pandas as pd

from helpers.common.errors import InputFileError
from helpers.common.text import number
from helpers.config import paths


def shown(path: Path) -> str:
    """A path as the broker finds it: relative to the working folder where it is inside."""
    path = Path(path)
    return str(path.relative_to(paths.ROOT)) if path.is_relative_to(paths.ROOT) else str(path)


def restore_hint(path: Path) -> str:
    """How to get a statistics file back: ``make fetch`` for what it fetches, ``make
    processed`` for the derived tables, else git."""
    path = Path(path)
    shipped = f"git checkout -- {shown(path)} (den levererade filen)"
    if path.is_relative_to(paths.PROCESSED):  # derived from data/raw by tools/processed
        return f"Bygg den på nytt med make processed, eller återställ den med {shipped}."
    if path.parent in (paths.PUBLIC, paths.YRKESBAROMETER):  # the folders make fetch writes
        return f"Hämta den på nytt med make fetch (lka fetch), eller återställ den med {shipped}."
    return f"Återställ den med {shipped}."


def read_csv(
    source: Path | IO[str],
    *,
    columns: Sequence[str],
    rows: int | None = None,
    min_rows: int = 1,
    grid: Sequence[str] = (),
    units: tuple[str, int] | None = None,
    name: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """``pd.read_csv(source, **options)``, with the table's shape checked.

    ``columns`` must all be there; ``rows`` is the exact number of rows (else at least
    ``min_rows``); ``grid`` columns must hold every combination of their values once;
    ``units`` = (column, n): the column holds n different values (e.g. 290 municipalities).
    Raises InputFileError: one line naming the file, what is wrong and how to restore it.
    """
    is_file = isinstance(source, str | Path)
    where = name or (shown(Path(source)) if is_file else "tabellen")  # type: ignore[arg-type]

    def fail(what: str) -> InputFileError:
        hint = restore_hint(Path(source)) if is_file else ""  # type: ignore[arg-type]
        return InputFileError(f"{where}: {what} (filen är skadad eller ändrad). {hint}".rstrip())

    try:
        table = pd.read_csv(source, **options)
    except FileNotFoundError:
        raise fail("filen saknas") from None
    except pd.errors.EmptyDataError:
        raise fail("filen är tom") from None
    except UnicodeDecodeError as error:
        raise fail(f"filen är inte UTF-8 (byte {error.start})") from None
    except (pd.errors.ParserError, ValueError, csv.Error) as error:
        first = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
        raise fail(f"filen går inte att läsa som en tabell ({first})") from None
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise fail(f"kolumnen {', '.join(missing)} saknas")
    if rows is not None and len(table) != rows:
        raise fail(f"{number(len(table))} rader, inte {number(rows)}")
    if len(table) < min_rows:
        raise fail(f"{number(len(table))} rader, minst {number(min_rows)} behövs")
    if grid:
        expected = prod(table[column].nunique() for column in grid)
        if len(table) != expected or table.duplicated(list(grid)).any():
            raise fail(
                f"{number(len(table))} rader, men {' × '.join(grid)} ger {number(expected)} "
                "kombinationer: rader saknas eller finns två gånger"
            )
    if units is not None:
        column, count = units
        if table[column].nunique() != count:
            raise fail(f"{number(table[column].nunique())} olika {column}, inte {number(count)}")
    return table
