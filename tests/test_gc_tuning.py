"""The garbage-collector settings of the processes that build reports."""

from __future__ import annotations

import gc

import pytest

from helpers.build import gc_tuning


@pytest.mark.usefixtures("restored_collector")
def test_tune_freezes_what_is_loaded_and_collects_young_objects_less_often():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    gc_tuning.tune()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == gc_tuning.THRESHOLDS
    assert gc.get_threshold()[0] > 700  # Python's default, which the module raises


@pytest.mark.usefixtures("restored_collector")
def test_cycles_made_after_tuning_are_still_collected():
    gc_tuning.tune()

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    marker = id(a)
    del a, b
    gc.collect()
    assert marker not in {id(o) for o in gc.get_objects() if type(o).__name__ == "Node"}
