import datetime as dt
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from helpers.cli import new_area
from helpers.common.errors import ParamsError
from helpers.config import params, paths


def files_in(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(folder.iterdir())}


def test_one_municipality_round_trips(params_dir: Path):
    written = new_area.write_params(["Sotenäs kommun"])
    assert written == params_dir / "sotenas.yaml"
    area = params.load_area("sotenas")
    assert area.params_file == written
    assert (area.slug, area.name, area.municipalities) == ("sotenas", "Sotenäs", ("1427",))
    assert area.year == params.default_year() == dt.date.today().year
    assert area.author == "Kompetensmäklaren, Sotenäs kommun"
    assert (area.region.name, area.county) == ("Fyrbodal", "14")
    assert area.survey is None
    assert area.colour == params.read_defaults()["colour"]


def test_a_new_area_gets_an_empty_comments_file_its_params_name(params_dir: Path):
    from helpers.build import execute
    from helpers.report import comments

    written = new_area.write_params(["1484"])
    area = params.load_area(written.stem)
    assert area.comments == params_dir / "lysekil-kommentarer.md"
    text = area.comments.read_text("utf-8")
    assert text.startswith("<!--\nKompetensmäklarens kommentarer till rapporten för Lysekil.")
    titles = execute.chapter_titles(execute.chapter_paths())
    assert list(comments.sections(text)) == titles
    assert comments.read(area.comments, titles) == {}  # nothing printed until written
    # the broker's words are kept when the params file is written again
    area.comments.write_text("## Inledning\nVarvet anställer.\n", "utf-8")
    new_area.write_params(["1484"], force=True)
    assert area.comments.read_text("utf-8") == "## Inledning\nVarvet anställer.\n"


def test_several_municipalities_default_like_the_shipped_area(params_dir: Path):
    shipped = yaml.safe_load((ROOT / "params" / "trollhattan-vanersborg.yaml").read_text("utf-8"))
    written = new_area.write_params(["1488", "vänersborg"])
    assert written.stem == "trollhattan-vanersborg"
    area = params.load_area(written.stem)
    assert area.name == shipped["name"] == "Trollhättan och Vänersborg"
    assert area.municipalities == tuple(shipped["municipalities"]) == ("1488", "1487")
    assert area.author == "Kompetensmäklarna, Trollhättans kommun och Vänersborgs kommun"
    # Codes are written in quotes, as the params check demands.
    assert 'municipalities: ["1488", "1487"]' in written.read_text("utf-8")


def test_a_given_name_and_slug_round_trip(params_dir: Path):
    name = 'Norra Bohuslän: "kusten" # och fjällen'  # YAML-special characters survive
    new_area.write_params(["1427", "1430", "1435"], name=name, slug="norra-bohuslan")
    area = params.load_area("norra-bohuslan")
    assert (area.name, area.municipalities) == (name, ("1427", "1430", "1435"))
    assert area.author.startswith("Kompetensmäklarna, Sotenäs kommun, Munkedals kommun och ")


def test_a_municipality_outside_the_region_is_compared_with_its_county(params_dir: Path):
    without_file = params.load_area("0180")
    new_area.write_params(["0180"])
    area = params.load_area("stockholm")
    assert area.params_file == params_dir / "stockholm.yaml"
    assert (
        (area.region, area.county)
        == (without_file.region, without_file.county)
        != (
            params.load_area("1427").region,
            "14",
        )
    )
    assert [c.name for c in area.comparisons] == ["Stockholm", "Stockholms län", "Riket"]


def test_the_commented_survey_block_names_every_survey_key(
    params_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(paths, "SURVEYS", paths.ROOT / "data" / "raw" / "surveys")
    written = new_area.write_params(["1427"])
    body = written.read_text("utf-8")
    assert "\nsurvey:" not in body and "\n# colour:" in body
    block = body[body.index("# survey:") :].splitlines()
    survey = yaml.safe_load("\n".join(line.removeprefix("# ") for line in block))["survey"]
    assert set(survey) == params._SURVEY_KEYS
    year = params.default_year()
    assert survey["file"] == f"data/raw/surveys/sotenas/{year}/kompetensbehov-{year}.xlsx"

    # The broker's step: the export in place, the lines it needs uncommented.
    (paths.ROOT / survey["file"]).parent.mkdir(parents=True)
    (paths.ROOT / survey["file"]).write_bytes(b"")
    needed = ("# survey:", "#   file:", "#   invited:", "#   example:")
    filled = [line[2:] if line.startswith(needed) else line for line in body.splitlines()]
    written.write_text("\n".join(filled), encoding="utf-8")
    area = params.load_area("sotenas")
    assert area.survey is not None
    assert (area.survey.file, area.survey.invited) == (paths.ROOT / survey["file"], 150)


@pytest.mark.parametrize(
    "given, message",
    [
        ([], "Ange minst en kommun"),
        (["1427", "9999", "atlantis"], r"Okänd kommun: '9999', 'atlantis'.*municipalities\.csv"),
        (
            ["1488", "trollhattan"],
            r"Trollhättan \(1488\) anges mer än en gång.*'1488', 'trollhattan'",
        ),
    ],
)
def test_bad_municipalities_are_refused_and_nothing_is_written(
    params_dir: Path, given: list[str], message: str
):
    before = files_in(params_dir)
    with pytest.raises(ParamsError, match=message) as error:
        new_area.write_params(given)
    assert error.value.exit_code == 2
    assert files_in(params_dir) == before


@pytest.mark.parametrize(
    "options, message",
    [
        ({"slug": "Norra Bohuslän"}, "Filnamnet 'Norra Bohuslän' duger inte"),
        ({"slug": "defaults"}, "Filnamnet 'defaults' duger inte"),
        ({"slug": "lysekil"}, r"Lysekil \(1484\), som inte ingår"),
        ({"name": "  "}, "namn '  ' duger inte"),
        ({"name": "två\nrader"}, "duger inte"),
    ],
)
def test_bad_names_and_slugs_are_refused(params_dir: Path, options: dict, message: str):
    before = files_in(params_dir)
    with pytest.raises(ParamsError, match=message):
        new_area.write_params(["1427"], **options)
    assert files_in(params_dir) == before


def test_an_existing_file_is_kept_unless_forced(params_dir: Path):
    own = params_dir / "sotenas.yaml"
    own.write_text('name: Egen\nmunicipalities: ["1427"]\n', encoding="utf-8")
    with pytest.raises(ParamsError, match=r"params/sotenas\.yaml finns redan.*--force"):
        new_area.write_params(["1427"])
    assert params.load_area("sotenas").name == "Egen"
    new_area.write_params(["1427"], force=True)
    assert params.load_area("sotenas").name == "Sotenäs"


def test_a_failed_write_leaves_no_file(params_dir: Path, monkeypatch: pytest.MonkeyPatch):
    before = files_in(params_dir)

    def disk_full(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(new_area.os, "replace", disk_full)
    with pytest.raises(OSError, match="disk full"):
        new_area.write_params(["1427"])
    assert files_in(params_dir) == before  # neither the file nor its temporary file


def test_the_command_line(tree: Path):
    shipped = (tree / "params" / "trollhattan-vanersborg.yaml").read_text("utf-8")
    refused = run_cli(tree, "new-area", "1488", "1487")
    assert refused.returncode == 2
    assert refused.stderr.startswith("Fel: params/trollhattan-vanersborg.yaml finns redan")
    assert (tree / "params" / "trollhattan-vanersborg.yaml").read_text("utf-8") == shipped

    empty = run_cli(tree, "new-area")
    assert (empty.returncode, empty.stderr.count("\n")) == (2, 1)
    assert "Fel: Ange minst en kommun" in empty.stderr

    made = run_cli(tree, "new-area", "1488", "vanersborg", "--name", "Tvåstad", "--slug", "tvastad")
    assert made.returncode == 0, made.stderr
    assert "params/tvastad.yaml är skriven för Tvåstad (1488, 1487," in made.stdout
    assert "Nästa steg: make report MUNI=tvastad" in made.stdout
    assert "kommentarer till kapitlen skriver du i params/tvastad-kommentarer.md" in made.stdout
    assert (tree / "params" / "tvastad-kommentarer.md").is_file()
    listed = run_cli(tree, "areas")
    assert "tvastad" in listed.stdout and "Tvåstad (1488, 1487)" in listed.stdout
    assert not (ROOT / "params" / "tvastad.yaml").exists()


def test_the_make_target_passes_its_variables_on():
    dry_run = subprocess.run(
        ["make", "-n", "new-area", "CODES=1488 1487", "NAME=Tvåstad", "SLUG=tvastad", "FORCE=1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        "helpers.cli.main new-area '1488 1487' --name 'Tvåstad' --slug 'tvastad' --force"
        in " ".join(dry_run.stdout.replace("\\\n", " ").split())
    )
