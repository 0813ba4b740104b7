"""The package's one cache: what is read or computed once per kernel, handed out as copies.

A report asks for the same tables again and again (the education share ten times, the
area's survey in every survey chapter), and a batch worker's kernel builds one area after
another. :func:`remembered` keeps a function's results for the last ``KEPT`` distinct
arguments and gives every caller its own copy, so a caller that changes its table changes
nobody else's, and nothing a report does carries over into the next one::

    >>> calls = []
    >>> @remembered
    ... def table(codes):
    ...     calls.append(codes)
    ...     return pd.DataFrame({"code": list(codes)})
    >>> first = table(("1427",))
    >>> first.loc[0, "code"] = "changed by this caller"
    >>> table(("1427",))["code"].tolist(), len(calls)
    (['1427'], 1)

The arguments are the key: values that hash by what they are (``Area``, tuples, paths,
frozen dataclasses). ``@remembered(key=...)`` names the key itself where an argument is
not such a value (a list of codes, say). What is remembered is a ``DataFrame`` or
``Series`` (handed out as :func:`copied`), ``None``, or an object whose own ``copy()`` copies
its tables that way (``AreaSurvey``, ``Barometer``); anything else is refused.

Pure lookups that return immutable values are not tables and stay with ``functools``
(``cache``; ``lru_cache`` with a bound where the keys are open-ended: text, file versions):
a ``frozenset`` of codes (``regions._codes``); read-only ``MappingProxyType`` maps (the
municipalities by name and by code in ``regions``; the SSYK labels, the title index and the
override map in ``occupations``; the label words in ``education_supply``; the questions of
the standard questionnaire, ``questionnaire._standard``); strings and frozen records per
text (``values.label_key``, ``occupations._code_text``, ``education_supply._code_for``);
a checksum (``fingerprint._shared_digest``); Kolada's series as read-only arrays and maps,
read once per file version (``kolada._read``), the groups Kolada publishes figures for
(``comparisons._published_groups``) and a refresh's checks (``sources._checked``). A shared
immutable value cannot be changed by whoever asked for it, so it needs no copy, and the hot
ones run thousands of times per report (every answer against every option label, every job
title), where functools' C implementation matters.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, TypeVar

import pandas as pd

#: Results remembered per function: a batch worker's kernel builds one area after another.
KEPT = 8

Value = TypeVar("Value")

#: Copy-on-write (always on from pandas 3) copies a table's data only when either side writes
#: to it: a shallow copy then costs nothing and still keeps every change from the cache.
_PANDAS_3 = int(pd.__version__.split(".")[0]) >= 3


class CacheInfo(NamedTuple):
    """What a remembering function holds, as ``functools.lru_cache`` reports it."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


def copied(value: Value) -> Value:
    """A caller's own copy of a remembered value: writing to it never reaches the cache.

    >>> cached = pd.DataFrame({"x": [1]})
    >>> mine = copied(cached)
    >>> mine["y"] = 2; mine.loc[0, "x"] = 9
    >>> cached.to_dict("list")
    {'x': [1]}
    """
    if value is None:
        return value
    if isinstance(value, pd.DataFrame | pd.Series):
        shallow = _PANDAS_3 or pd.get_option("mode.copy_on_write") is True
        return value.copy(deep=not shallow)
    return value.copy()  # type: ignore[attr-defined]


def _check(value: object, function: Callable[..., Any]) -> None:
    if value is None or isinstance(value, pd.DataFrame | pd.Series):
        return
    if type(value).__module__ == "builtins" or not callable(getattr(value, "copy", None)):
        raise TypeError(
            f"{function.__qualname__} returned a {type(value).__name__}: memo remembers tables "
            "(or objects whose copy() copies their tables); keep an immutable lookup with "
            "functools.cache instead"
        )


_KWARGS = object()  # separates positional from keyword arguments in a key


def _arguments(*args: Hashable, **kwargs: Hashable) -> Hashable:
    if not kwargs:
        return args
    return (*args, _KWARGS, *sorted(kwargs.items()))


def remembered(
    function: Callable[..., Value] | None = None,
    /,
    *,
    key: Callable[..., Hashable] | None = None,
) -> Any:
    """Remember ``function``'s results for the last ``KEPT`` keys, hand out copies of them.

    Use it bare (``@remembered``: the arguments are the key) or with ``key``, a function of
    the same arguments that gives the key. The function gets ``cache_clear()`` and
    ``cache_info()``, as with ``functools.lru_cache``.
    """
    key_of = key or _arguments

    def decorate(function: Callable[..., Value]) -> Callable[..., Value]:
        kept: OrderedDict[Hashable, Any] = OrderedDict()
        counts = {"hits": 0, "misses": 0}

        @functools.wraps(function)
        def remembering(*args: Any, **kwargs: Any) -> Value:
            known = key_of(*args, **kwargs)
            if known in kept:
                kept.move_to_end(known)
                counts["hits"] += 1
            else:
                value = function(*args, **kwargs)
                _check(value, function)
                kept[known] = value
                counts["misses"] += 1
                while len(kept) > KEPT:
                    kept.popitem(last=False)
            return copied(kept[known])

        def cache_clear() -> None:
            kept.clear()
            counts.update(hits=0, misses=0)

        remembering.cache_clear = cache_clear  # type: ignore[attr-defined]
        remembering.cache_info = lambda: CacheInfo(  # type: ignore[attr-defined]
            counts["hits"], counts["misses"], KEPT, len(kept)
        )
        return remembering

    return decorate(function) if function is not None else decorate
