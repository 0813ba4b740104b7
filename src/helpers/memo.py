"""Tables a report asks for in several chapters, computed once per kernel.

The education share, for one, is asked for by the summary, the chapter's text, its chart and
a key figure: ten times per report. ``per_area`` keeps a function's tables for the areas it
saw last, and hands out copies, so that a caller that changes its table changes nobody
else's.

>>> calls = []
>>> @per_area
... def table(area):
...     calls.append(area)
...     return pd.DataFrame({"x": [1]})
>>> from helpers.params import load_area
>>> sotenas = load_area("sotenas")
>>> _ = table(sotenas); _ = table(sotenas); len(calls)
1
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd

from .params import Area

#: Areas remembered per function: a batch worker's kernel builds one area after another.
KEPT = 8


def per_area(
    function: Callable[..., pd.DataFrame],
) -> Callable[..., pd.DataFrame]:
    """Remember ``function(area, *args)`` for the last ``KEPT`` areas and arguments.

    An area is known by all its settings (its repr), not its name: a changed params file or
    a test's own area is another area.
    """
    kept: OrderedDict[tuple[Hashable, ...], pd.DataFrame] = OrderedDict()

    @functools.wraps(function)
    def remembered(area: Area, *args: Hashable, **kwargs: Hashable) -> pd.DataFrame:
        key = (repr(area), args, tuple(sorted(kwargs.items())))
        if key in kept:
            kept.move_to_end(key)
        else:
            kept[key] = function(area, *args, **kwargs)
            if len(kept) > KEPT:
                kept.popitem(last=False)
        return kept[key].copy()

    remembered.cache_clear = kept.clear  # type: ignore[attr-defined]
    return remembered
