"""json-stat2 decoding: row-major order, codes as strings, suppressed cells kept missing."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from helpers.fetch import jsonstat
from http_replay import FIXTURES


def dataset(**changes):
    base = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Region", "Kon", "Tid"],
        "size": [2, 2, 1],
        "role": {"geo": ["Region"], "time": ["Tid"]},
        "dimension": {
            "Region": {
                "label": "region",
                "category": {
                    "index": {"1488": 1, "0114": 0},
                    "label": {"0114": "Upplands Väsby", "1488": "Trollhättan"},
                },
            },
            "Kon": {
                "label": "kön",
                "category": {"index": ["1", "2"], "label": {"1": "män", "2": "kvinnor"}},
            },
            "Tid": {"label": "år", "category": {"index": {"2024": 0}}},
        },
        "value": [10, 11, 20, 21],
    }
    base.update(changes)
    return base


def test_row_major_order_and_string_codes():
    table = jsonstat.decode(dataset())
    assert table[["Region", "Kon", "value"]].values.tolist() == [
        ["0114", "1", 10.0],
        ["0114", "2", 11.0],
        ["1488", "1", 20.0],
        ["1488", "2", 21.0],
    ]
    assert table["Region_text"].tolist()[2] == "Trollhättan"
    assert table["Tid_text"].tolist() == ["2024"] * 4  # no label: the code
    assert str(table["Region"].dtype) == "str"


def test_suppressed_cell_is_missing_even_if_a_number_stands_there():
    table = jsonstat.decode(dataset(value=[10, 999, 20, None], status={"1": "..", "3": "..."}))
    assert math.isnan(table.loc[1, "value"]) and math.isnan(table.loc[3, "value"])
    assert table["status"].tolist() == ["", "..", "", "..."]
    assert table["value"].sum() == 30  # nothing worked out from totals


def test_sparse_values_and_list_status():
    table = jsonstat.decode(dataset(value={"0": 5, "3": 7}, status=["", "", "", "x"]))
    assert table["value"].tolist()[0] == 5.0
    assert math.isnan(table["value"].tolist()[1])
    assert math.isnan(table["value"].tolist()[3])  # "x" marks a hidden figure


def test_byte_order_mark_from_the_v1_api():
    payload = "\ufeff" + json.dumps(dataset())
    assert len(jsonstat.decode(payload.encode("utf-8"))) == 4
    assert jsonstat.roles(payload.encode("utf-8"))["geo"] == ["Region"]


@pytest.mark.parametrize(
    "payload, message",
    [
        (b'{"version": "2.0", "id": [', "not JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (json.dumps({"class": "dataset"}), "no 'id'"),
        (dataset(size=[2, 2, 2], value=[0] * 8), "categories, size says"),
        (dataset(value=[1, 2, 3]), "3 cells"),
        (dataset(id=["Region", "Kon", "Alder"]), "Alder"),
    ],
)
def test_malformed_payloads_say_what_is_wrong(payload, message):
    with pytest.raises(jsonstat.JsonStatError, match=message):
        jsonstat.decode(payload)


def test_recorded_scb_answer_decodes_to_the_expected_cells():
    table = jsonstat.decode((FIXTURES / "scb" / "data_TAB3785.json").read_bytes())
    expected = pd.read_csv(
        FIXTURES / "expected" / "scb_employment_industry_bas.csv", dtype=str, keep_default_na=False
    )
    assert table["Region"].tolist() == expected["region"].tolist()
    assert table["SNI2007"].tolist() == expected["industry"].tolist()
    got = ["" if math.isnan(v) else f"{v:.1f}" for v in table["value"]]
    assert got == expected["value"].tolist()
    assert table["status"].tolist() == expected["status"].tolist()
