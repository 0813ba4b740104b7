"""Tables a report asks for in several chapters, computed once per kernel.

The education share, for one, is asked for by the summary, the chapter's text, its chart and
a key figure: ten times per report. ``per_area`` keeps a function's tables for the areas it
saw last, ``remembered(key)`` for whatever ``key`` makes of the arguments (a survey, say),
and both hand out copies, so that a caller that changes its table changes nobody else's.

>>> calls = []
>>> @per_area
... def table(area):
...     calls.append(area)
...     return pd.DataFrame({"x": [1]})
>>> from helpers.config.params import load_area
>>> sotenas = load_area("sotenas")
>>> _ = table(sotenas); _ = table(sotenas); len(calls)
1
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd

from helpers.config.params import Area

#: Areas remembered per function: a batch worker's kernel builds one area after another.
KEPT = 8


Table = Callable[..., pd.DataFrame]


def remembered(key: Callable[..., Hashable]) -> Callable[[Table], Table]:
    """Remember a function's table for the last ``KEPT`` values of ``key(*args, **kwargs)``,
    and hand out a copy of it each time."""

    def decorate(function: Table) -> Table:
        kept: OrderedDict[Hashable, pd.DataFrame] = OrderedDict()

        @functools.wraps(function)
        def remembering(*args: object, **kwargs: object) -> pd.DataFrame:
            known = key(*args, **kwargs)
            if known in kept:
                kept.move_to_end(known)
            else:
                kept[known] = function(*args, **kwargs)
                if len(kept) > KEPT:
                    kept.popitem(last=False)
            return kept[known].copy()

        remembering.cache_clear = kept.clear  # type: ignore[attr-defined]
        return remembering

    return decorate


def _area_key(area: Area, *args: Hashable, **kwargs: Hashable) -> Hashable:
    return repr(area), args, tuple(sorted(kwargs.items()))


#: ``function(area, *args)`` remembered per area and arguments. An area is known by all its
#: settings (its repr), not its name: a changed params file or a test's own area is another.
per_area = remembered(_area_key)
