"""Decode a json-stat2 dataset (SCB PxWebApi v2, and v1 with ``"format": "json-stat2"``).

Written once and used for every SCB table: ``id`` lists the dimensions, ``size`` their
lengths, ``dimension[d].category.index`` the position of each code, and ``value`` is one flat
row-major list (or a sparse ``{position: value}`` object). ``status`` marks cells: a
suppressed or unavailable cell (``..``, ``...``, ``.``, ``x``) stays missing, whatever number
may stand in ``value``. A suppressed cell is never back-calculated from totals.

    >>> table = decode({"version": "2.0", "class": "dataset", "id": ["Region", "Tid"],
    ...     "size": [1, 2], "dimension": {
    ...         "Region": {"category": {"index": {"1427": 0}, "label": {"1427": "Sotenäs"}}},
    ...         "Tid": {"category": {"index": ["2023", "2024"]}}},
    ...     "value": [9033, None], "status": {"1": ".."}})
    >>> table[["Region", "Tid", "value", "status"]].values.tolist()
    [['1427', '2023', 9033.0, ''], ['1427', '2024', nan, '..']]
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

#: Status symbols that mean "no figure": the cell is kept as missing.
SUPPRESSED = frozenset({"..", "...", ".", "x", "X"})


class JsonStatError(ValueError):
    """The payload is not a json-stat2 dataset this decoder understands."""


def parse(payload: bytes | str | dict[str, Any]) -> dict[str, Any]:
    """A json-stat2 payload as a dict; bytes may start with a UTF-8 byte order mark (v1)."""
    if isinstance(payload, dict):
        return payload
    if isinstance(payload, bytes):
        payload = payload.decode("utf-8-sig")
    try:
        parsed = json.loads(payload.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise JsonStatError(f"not JSON ({error.msg} at position {error.pos})") from None
    if not isinstance(parsed, dict):
        raise JsonStatError("not a json-stat2 dataset (expected a JSON object)")
    return parsed


def _codes(dimension: dict[str, Any], name: str, size: int) -> list[str]:
    index = dimension.get("category", {}).get("index")
    labels = dimension.get("category", {}).get("label") or {}
    if index is None:
        if size == 1 and len(labels) == 1:  # json-stat allows a lone category without index
            return [str(next(iter(labels)))]
        raise JsonStatError(f"dimension {name} has no category index")
    if isinstance(index, list):
        codes = [str(code) for code in index]
    else:
        codes = [""] * len(index)
        for code, position in index.items():
            codes[int(position)] = str(code)
    if len(codes) != size:
        raise JsonStatError(f"dimension {name}: {len(codes)} categories, size says {size}")
    return codes


def _cells(raw: Any, total: int, kind: str) -> list[Any]:
    if raw is None:
        return [None] * total
    if isinstance(raw, list):
        if len(raw) != total:
            raise JsonStatError(f"{kind} has {len(raw)} cells, the sizes give {total}")
        return raw
    if isinstance(raw, dict):
        cells: list[Any] = [None] * total
        for position, item in raw.items():
            cells[int(position)] = item
        return cells
    if kind == "status" and isinstance(raw, str):  # one status for every cell
        return [raw] * total
    raise JsonStatError(f"{kind} is neither a list nor an object")


def decode(payload: bytes | str | dict[str, Any], labels: bool = True) -> pd.DataFrame:
    """A tidy table: one column per dimension (codes as strings), ``value`` and ``status``.

    With ``labels``, each dimension also gets a ``<dimension>_text`` column with its label.
    """
    data = parse(payload)
    try:
        ids, sizes, dimensions = data["id"], data["size"], data["dimension"]
    except KeyError as missing:
        raise JsonStatError(f"not a json-stat2 dataset (no {missing.args[0]!r})") from None
    if len(ids) != len(sizes):
        raise JsonStatError("'id' and 'size' differ in length")
    total = int(np.prod(sizes)) if sizes else 0
    values = _cells(data.get("value"), total, "value")
    statuses = _cells(data.get("status"), total, "status")
    columns: dict[str, Any] = {}
    # Row-major: the last dimension changes fastest.
    grids = np.indices(sizes).reshape(len(sizes), -1) if total else [[] for _ in ids]
    for position, name in enumerate(ids):
        if name not in dimensions:
            raise JsonStatError(f"dimension {name} is listed in 'id' but not described")
        codes = _codes(dimensions[name], name, sizes[position])
        picked = np.asarray(codes, dtype=object)[grids[position]] if total else []
        columns[name] = pd.array(picked, dtype="str")
        if labels:
            names = dimensions[name].get("category", {}).get("label") or {}
            columns[f"{name}_text"] = pd.array([str(names.get(c, c)) for c in picked], dtype="str")
    status = pd.array(["" if s is None else str(s) for s in statuses], dtype="str")
    numbers = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").astype(float)
    suppressed = np.isin(np.asarray(status, dtype=object), list(SUPPRESSED))
    numbers[suppressed] = np.nan
    columns["value"] = numbers.to_numpy()
    columns["status"] = status
    return pd.DataFrame(columns)


def roles(payload: bytes | str | dict[str, Any]) -> dict[str, list[str]]:
    """The dataset's ``role`` (``time``, ``geo``, ``metric``) → dimension ids; may be empty."""
    role = parse(payload).get("role") or {}
    return {key: list(value) for key, value in role.items()}
