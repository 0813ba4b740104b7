import dataclasses
from pathlib import Path

import pytest

from helpers.common.errors import ParamsError
from helpers.config import params


def write(folder: Path, name: str, body: str) -> None:
    (folder / f"{name}.yaml").write_text(body, encoding="utf-8")


def test_shipped_areas_are_valid():
    assert {"sotenas", "trollhattan-vanersborg"} <= set(params.available_areas())
    area = params.load_area("trollhattan-vanersborg")
    assert area.municipalities == ("1488", "1487")
    assert [c.name for c in area.comparisons] == [
        "Trollhättan och Vänersborg",
        "Fyrbodal",
        "Västra Götalands län",
        "Riket",
    ]
    assert len(area.comparisons[1].municipalities) == 14


def test_an_area_is_a_frozen_hashable_value():
    """Caches key on the area itself: equal settings, equal areas and hashes."""
    area = params.load_area("trollhattan-vanersborg")
    again = params.load_area("trollhattan-vanersborg")
    assert area == again and hash(area) == hash(again)
    assert len({area, again, params.load_area("sotenas")}) == 2
    assert dataclasses.replace(area, colour="#000000") != area
    with pytest.raises(dataclasses.FrozenInstanceError):
        area.year = 2030  # type: ignore[misc]
    values = [getattr(area, f.name) for f in dataclasses.fields(area)]
    values += [area.region.municipalities, *dataclasses.astuple(area.survey)]
    assert not [v for v in values if isinstance(v, list | dict | set)], "lists are unhashable"


def test_a_valid_area(params_dir: Path):
    write(
        params_dir,
        "demo",
        'name: Demo\nmunicipalities: ["1427"]\nyear: 2026\n'
        "survey:\n  file: survey.xlsx\n  invited: 40\n  example: true\n",
    )
    area = params.load_area("demo")
    assert area.municipalities == ("1427",)
    assert area.survey is not None and area.survey.invited == 40 and area.survey.example
    assert area.suppression_threshold == 5


@pytest.mark.parametrize("written, shown", [("1427", "1427"), ("0114", "76")])
def test_a_code_written_as_a_number_is_refused(params_dir: Path, written: str, shown: str):
    write(params_dir, "demo", f"name: Demo\nmunicipalities: [{written}]\n")
    with pytest.raises(ParamsError, match="citattecken") as error:
        params.load_area("demo")
    # YAML 1.1 reads 0114 as octal 76: the message shows what YAML made of it.
    assert shown in str(error.value)


def test_an_unknown_code(params_dir: Path):
    write(params_dir, "demo", 'name: Demo\nmunicipalities: ["9999"]\n')
    with pytest.raises(ParamsError, match="9999.*ingen kommunkod"):
        params.load_area("demo")


def test_an_unknown_area_lists_the_areas_that_exist(params_dir: Path):
    write(params_dir, "demo", 'name: Demo\nmunicipalities: ["1427"]\n')
    with pytest.raises(ParamsError, match="Okänt område 'atlantis'.*demo"):
        params.load_area("atlantis")


def test_a_missing_input_file(params_dir: Path):
    write(
        params_dir,
        "demo",
        'name: Demo\nmunicipalities: ["1427"]\n'
        "survey:\n  file: data/raw/surveys/demo/missing.xlsx\n",
    )
    with pytest.raises(ParamsError, match="survey.file.*missing.xlsx"):
        params.load_area("demo")


def test_an_unknown_key_is_a_typo(params_dir: Path):
    write(params_dir, "demo", 'name: Demo\nmunicipalitys: ["1427"]\n')
    with pytest.raises(ParamsError, match="okänd nyckel municipalitys"):
        params.load_area("demo")


def test_broken_yaml_names_the_line(params_dir: Path):
    write(params_dir, "demo", 'name: Demo\nmunicipalities: ["1427"\n')
    with pytest.raises(ParamsError, match="rad"):
        params.load_area("demo")


def test_any_municipality_without_a_params_file(params_dir: Path):
    area = params.load_area("1484")
    assert (area.slug, area.name, area.survey) == ("lysekil", "Lysekil", None)
    assert params.load_area("Lysekil").municipalities == ("1484",)
    outside = params.load_area("0114")
    assert outside.region.name == "Stockholms län"  # compared with its own county
    assert [c.name for c in outside.comparisons] == ["Upplands Väsby", "Stockholms län", "Riket"]


def test_exclude_outside_area_defaults_to_counting_everyone(params_dir: Path):
    write(
        params_dir, "demo", 'name: Demo\nmunicipalities: ["1427"]\nsurvey:\n  file: survey.xlsx\n'
    )
    assert params.load_area("demo").survey.exclude_outside_area is False
    write(
        params_dir,
        "demo",
        'name: Demo\nmunicipalities: ["1427"]\n'
        "survey:\n  file: survey.xlsx\n  exclude_outside_area: true\n",
    )
    assert params.load_area("demo").survey.exclude_outside_area is True


@pytest.mark.parametrize("written", ['"true"', "1", "ja", "null"])
def test_exclude_outside_area_must_be_true_or_false(params_dir: Path, written: str):
    write(
        params_dir,
        "demo",
        'name: Demo\nmunicipalities: ["1427"]\n'
        f"survey:\n  file: survey.xlsx\n  exclude_outside_area: {written}\n",
    )
    with pytest.raises(ParamsError, match="exclude_outside_area' ska vara true eller false"):
        params.load_area("demo")
