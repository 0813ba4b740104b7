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


# Issue 17, items 3, 5 and 6: params are data; types are strict, names are plain names.

AREA = 'name: Demo\nmunicipalities: ["1427"]\n'


@pytest.mark.parametrize(
    "body, message",
    [
        # YAML's true is a bool, which Python counts as the integer 1: never a number here.
        ("suppression_threshold: true\n", "'suppression_threshold' ska vara ett heltal"),
        ("survey:\n  file: survey.xlsx\n  invited: true\n", "'survey.invited'.*inte True"),
        ("year: true\n", "'year' ska vara ett årtal"),
        ('colour: "#0b5c7a\\n"\n', "'colour' ska vara en färg"),
        ('colour: "#0b5c7a "\n', "'colour' ska vara en färg"),
        # 1e32 is text to YAML (no dot); a huge integer is no count of employers either.
        ("survey:\n  file: survey.xlsx\n  invited: 1e32\n", "'survey.invited'.*'1e32'"),
        ("survey:\n  file: survey.xlsx\n  invited: 1.0e+32\n", "'survey.invited'.*1e\\+32"),
        (f"survey:\n  file: survey.xlsx\n  invited: {10**32}\n", "från 1 till 1\xa0000\xa0000"),
        ("survey:\n  file: survey.xlsx\n  invited: 0\n", "'survey.invited'"),
        ("survey:\n  file: survey.xlsx\n  sheet: [a]\n", "'survey.sheet' ska vara bladets namn"),
        ("survey:\n  file: survey.xlsx\n  example: ja\n", "'survey.example' ska vara true"),
    ],
)
def test_wrong_types_are_refused_with_one_line(params_dir: Path, body: str, message: str):
    write(params_dir, "demo", AREA + body)
    with pytest.raises(ParamsError, match=message) as error:
        params.load_area("demo")
    assert "\n" not in str(error.value) and str(error.value).startswith("params/demo.yaml: ")


def test_a_sane_invited_count_and_sheet_name_pass(params_dir: Path):
    write(
        params_dir,
        "demo",
        AREA + "survey:\n  file: survey.xlsx\n  invited: 1000000\n  sheet: Svar\n",
    )
    survey = params.load_area("demo").survey
    assert survey is not None and (survey.invited, survey.sheet) == (1_000_000, "Svar")


def test_a_params_file_that_is_not_utf8(params_dir: Path):
    (params_dir / "demo.yaml").write_bytes(AREA.replace("Demo", "Sotenäs").encode("latin-1"))
    with pytest.raises(ParamsError, match="params/demo.yaml: filen är inte sparad som UTF-8"):
        params.load_area("demo")
    # Looking a municipality up by code or name reads every params file: still one line.
    with pytest.raises(ParamsError, match="demo.yaml: filen är inte sparad som UTF-8"):
        params.load_area("1484")


@pytest.mark.parametrize(
    "name", ["../params/sotenas", "params/sotenas", ".hidden", "..", "a/../b", "x\x00y", "a\\b"]
)
def test_an_area_name_is_a_plain_name_never_a_path(params_dir: Path, name: str):
    write(params_dir, "sotenas", AREA)
    with pytest.raises(ParamsError, match="är inget namn: ange params-filens namn utan mapp"):
        params.load_area(name)


def _survey_in(root: Path, year: int, monkeypatch: pytest.MonkeyPatch) -> str:
    surveys = root / "data" / "raw" / "surveys"
    monkeypatch.setattr(params.paths, "SURVEYS", surveys)
    (surveys / "demo" / str(year)).mkdir(parents=True)
    (surveys / "demo" / str(year) / "export.xlsx").write_bytes(b"")
    return f"data/raw/surveys/demo/{year}/export.xlsx"


def test_the_report_year_is_the_surveys_year(params_dir: Path, monkeypatch: pytest.MonkeyPatch):
    file = _survey_in(params_dir.parent, 2026, monkeypatch)
    write(params_dir, "demo", AREA + f"year: 2026\nsurvey:\n  file: {file}\n")
    assert params.load_area("demo").year == 2026
    assert params.load_area("demo", year=2026).year == 2026
    with pytest.raises(ParamsError, match="rapportåret 2025 är inte enkätens år 2026.*utan --year"):
        params.load_area("demo", year=2025)
    write(params_dir, "demo", AREA + f"year: 2027\nsurvey:\n  file: {file}\n")
    with pytest.raises(ParamsError, match="rapportåret 2027 är inte enkätens år 2026.*'year' till"):
        params.load_area("demo")


@pytest.mark.parametrize("key", ["name", "author", "report_title"])
def test_a_nul_or_other_control_character_in_a_shown_text(params_dir: Path, key: str):
    body = 'municipalities: ["1427"]\n' + ("" if key == "name" else "name: Demo\n")
    write(params_dir, "demo", body + f'{key}: "Sot\\0enäs"\n')
    with pytest.raises(ParamsError, match=f"'{key}' innehåller ett styrtecken"):
        params.load_area("demo")
    write(params_dir, "demo", body + f'{key}: "Sot\\x1benäs"\n')
    with pytest.raises(ParamsError, match=f"'{key}' innehåller ett styrtecken"):
        params.load_area("demo")


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
