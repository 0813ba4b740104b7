"""Job ads per occupation and municipality, checked against sums made here from the raw file."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers.config import params, paths
from helpers.stats import jobads


def raw(codes: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(paths.PUBLIC / jobads.FILE, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["municipality_code"] in codes:
                counts[row["ssyk4"]] = counts.get(row["ssyk4"], 0) + int(row["job_ads_2024"])
    return counts


def test_sotenas_total_and_top_three_match_provenance():
    assert jobads.total(["1427"]) == sum(raw({"1427"}).values()) == 389
    top = jobads.top_occupations(["1427"], 3)
    assert top["job_ads"].tolist() == [28, 28, 21]
    assert top["ssyk4"].tolist() == ["5131", "8161", "9111"]  # a tie is ordered by code


def test_an_area_of_two_sums_its_municipalities():
    table = jobads.by_occupation(["1488", "1487"]).set_index("ssyk4")
    counts = raw({"1488", "1487"})
    assert table["job_ads"].to_dict() == counts
    assert table["share"].sum() == pytest.approx(1.0)


def test_codes_keep_their_leading_zero():
    table = jobads.ads(["0114"])
    assert not table.empty and table["municipality"].eq("0114").all()
    assert table["ssyk4"].str.len().eq(4).all()


def test_masked_counts_stay_missing(tmp_path):
    pd.DataFrame(
        {
            "ssyk4": ["5120", "5120", "9111"],
            "ssyk4_label_sv": ["Kockar"] * 2 + ["S"],
            "municipality_code": ["1427", "1488", "1427"],
            "job_ads_2024": ["7", "<5", "3"],
        }
    ).to_csv(tmp_path / jobads.FILE, index=False)
    table = jobads.by_occupation(["1427", "1488"], tmp_path).set_index("ssyk4")
    assert table.loc["5120", "job_ads"] == 7 and table.loc["5120", "masked"] == 1
    assert jobads.ads(["1488"], tmp_path)["job_ads"].isna().all()


def test_comparisons_cover_the_whole_country():
    area = params.load_area("sotenas")
    table = jobads.for_comparisons(area)
    assert list(dict.fromkeys(table["comparison"])) == [c.name for c in area.comparisons]
    with open(paths.PUBLIC / jobads.FILE, encoding="utf-8") as handle:
        every = {row["municipality_code"] for row in csv.DictReader(handle)}
    assert table[table.comparison == "Riket"]["job_ads"].sum() == sum(raw(every).values())
