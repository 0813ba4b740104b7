import csv

from helpers.config import paths, regions


def test_codes_are_strings_with_leading_zeros():
    codes = regions.all_codes()
    assert len(codes) == 290
    assert "0114" in codes
    assert all(isinstance(code, str) and len(code) == 4 for code in codes)


def test_lookup_by_code_or_name():
    assert regions.code_for("1484") == "1484"
    assert regions.code_for("lysekil") == "1484"
    assert regions.code_for("Trollhättans kommun") == "1488"
    assert regions.code_for("Upplands Väsby") == "0114"
    assert regions.code_for("Atlantis") is None


def test_every_municipality_is_found_by_its_report_folder_name():
    for code in regions.all_codes():
        assert regions.code_for(regions.area_slug(code)) == code
    assert {regions.area_slug("0305"), regions.area_slug("0643")} == {"habo-0305", "habo-0643"}


def test_fyrbodal_is_the_kolada_group():
    with open(paths.PUBLIC / "kolada_municipality_groups.csv", encoding="utf-8") as handle:
        members = {
            row["member_id"] for row in csv.DictReader(handle) if row["group_id"] == "G96180"
        }
    assert members == set(regions.FYRBODAL)


def test_county():
    assert regions.county_of("1427") == "14"
    assert regions.county_name("14") == "Västra Götalands län"
    assert len(regions.county_members("14")) == 49
