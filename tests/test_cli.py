"""The command line as a broker meets it: Swedish help, exit codes, quiet and verbose runs,
one error line (also through make), names with spaces and suggestions for typos."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from helpers import __version__
from helpers.cli import main, parser
from helpers.common import errors
from helpers.config import paths, yaml_errors

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "required")


def commands() -> list[str]:
    (action,) = [a for a in main.build_parser()._actions if a.dest == "command"]
    return list(action.choices)


@pytest.mark.parametrize("command", [None, *commands()])
def test_every_help_is_swedish(command: str | None, capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as done:
        main.main([command, "--help"] if command else ["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Användning: lka")
    assert not [word for word in ENGLISH if word in text.lower()], text
    assert "-q, --quiet" in text and "visa den här hjälpen" in text


def test_the_main_help_lists_every_exit_code(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        main.main(["--help"])
    text = capsys.readouterr().out
    for code, meaning in parser.EXIT_CODES:
        assert re.search(rf"^\s+{code}\s+{re.escape(meaning[:20])}", text, re.M), code


def test_exit_codes_are_distinct_and_cover_every_error():
    codes = [code for code, _ in parser.EXIT_CODES]
    assert len(codes) == len(set(codes))
    kinds = [errors.ReportError, *errors.ReportError.__subclasses__()]
    kinds += [sub for kind in kinds for sub in kind.__subclasses__()]
    assert {kind.exit_code for kind in kinds} <= set(codes)
    assert parser.USAGE not in {kind.exit_code for kind in kinds}


def test_version(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as done:
        main.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"lka {__version__}"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["reprot", "sotenas"], "okänt kommando 'reprot' – menade du report?"),
        (["report"], "saknas: OMRÅDE"),
        (["report", "sotenas", "--year", "tjugo"], "--year: 'tjugo' är inget heltal"),
        (["report", "sotenas", "--pfd"], "okända argument: --pfd"),
        (["survey", "sotenas", "export.xlsx"], "saknas: --invited"),
        (["validate"], "ange antingen en exportfil"),
        ([], "saknas: KOMMANDO"),
    ],
)
def test_a_usage_error_is_one_swedish_line_with_its_own_code(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
):
    with pytest.raises(SystemExit) as done:
        main.main(argv)
    assert done.value.code == parser.USAGE
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("Fel: ") and expected in error, error


def test_bad_params_and_a_bad_command_line_exit_differently(tree: Path):
    (tree / "params" / "demo.yaml").write_text("name: Demo\nmunicipalities: [1427]\n", "utf-8")
    bad_params = run_cli(tree, "validate", "--area", "demo")
    bad_usage = run_cli(tree, "validate", "--area")
    assert (bad_params.returncode, bad_usage.returncode) == (2, parser.USAGE)
    assert bad_params.stdout == bad_usage.stdout == ""


def test_quiet_prints_nothing_and_verbose_adds_the_traceback(tree: Path):
    assert run_cli(tree, "-q", "areas").stdout == run_cli(tree, "areas", "-q").stdout == ""
    assert "sotenas" in run_cli(tree, "areas").stdout
    quiet = run_cli(tree, "-q", "report", "atlantis")
    assert quiet.returncode == 2 and quiet.stderr.count("\n") == 1
    verbose = run_cli(tree, "report", "atlantis", "-v")
    assert verbose.stderr.startswith("Fel: Okänt område") and "Traceback" in verbose.stderr


def test_unknown_names_get_the_closest_ones(tree: Path):
    result = run_cli(tree, "report", "Strömstadt")
    assert "Menade du Strömstad?" in result.stderr
    result = run_cli(tree, "validate", "--area", "trollhatan-vanersborg")
    assert "Menade du trollhattan-vanersborg?" in result.stderr
    result = run_cli(tree, "new-area", "Lila", "Edet")
    assert "Okänd kommun: 'Lila Edet'. Menade du Lilla Edet?" in result.stderr
    assert result.returncode == 2 and list((tree / "params").glob("lilla*")) == []


def test_names_with_spaces(tree: Path):
    made = run_cli(tree, "new-area", "Lilla Edet", "--slug", "lilla-edet")
    assert made.returncode == 0, made.stderr
    assert '"1462"' in (tree / "params" / "lilla-edet.yaml").read_text("utf-8")
    result = run_cli(tree, "validate", "--area", "Upplands Väsby")
    assert result.returncode == 0 and "Upplands Väsby" in result.stdout


def test_no_working_folder_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.delenv("LKA_ROOT", raising=False)
    monkeypatch.setattr(paths, "ROOT", tmp_path)  # what find_root gives outside any
    assert main.main(["areas"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "ingen arbetsmapp" in error and "lka init MAPP" in error


@pytest.mark.parametrize(
    ("text", "line", "slip"),
    [
        (
            'name: "X"\n# survey:\n  file: a.xlsx\n  invited: 3\n',
            3,
            "ta bort '# ' framför 'survey:'",
        ),
        ('name: "X"\nsurvey:\n  file: a.xlsx\n  invited:150\n', 4, "skriv 'invited: 150'"),
        ('name: "X"\nsurvey:\n\tfile: a.xlsx\n', 3, "tabbtecken"),
        ("name: Norra: Södra\n", 1, 'name: "Norra: Södra"'),
        ('name: "Sotenäs\nyear: 2026\n', 1, "citattecken"),
        ('municipalities: ["1427", "1428"\nyear: 2026\n', 1, "avslutande ]"),
        ('name: "X"\n  year: 2026\n', 2, "indragen mer än rad 1"),
    ],
)
def test_a_yaml_slip_is_named_with_its_line(text: str, line: int, slip: str):
    with pytest.raises(yaml.YAMLError) as error:
        yaml.safe_load(text)
    explained = yaml_errors.explain(error.value, text)
    assert explained.startswith(f"rad {line}: ") and slip in explained, explained


def test_a_yaml_slip_in_a_params_file_is_one_line(tree: Path):
    sotenas = (tree / "params" / "sotenas.yaml").read_text("utf-8")
    (tree / "params" / "sotenas.yaml").write_text(sotenas.replace("survey:", "# survey:"))
    result = run_cli(tree, "report", "sotenas")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("Fel: params/sotenas.yaml, rad ")
    assert "ta bort '# ' framför 'survey:'" in result.stderr


def test_make_stops_after_the_tools_line_without_its_own():
    result = subprocess.run(
        ["make", "validate", "MUNI=Strömstadt"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert result.stderr.startswith("Fel: Okänt område 'Strömstadt'. Menade du Strömstad?")
    assert result.stderr.count("\n") == 1 and "make:" not in result.stderr + result.stdout


def test_make_asks_for_what_a_command_needs():
    result = subprocess.run(
        ["make", "survey", "MUNI=Lilla Edet"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode != 0 and "make:" not in result.stderr
    assert (
        result.stderr
        == "Fel: ange exportfilen: make survey MUNI=Lilla Edet FILE=export.xlsx INVITED=150\n"
    )


def test_make_passes_a_name_with_spaces_as_one_word():
    dry_run = subprocess.run(
        ["make", "-n", "report", "MUNI=Upplands Väsby", "FORCE=1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "helpers.cli.main report 'Upplands Väsby' --force" in dry_run.stdout


# Issue 17, item 6: make variables are data, area names are plain names.


@pytest.mark.parametrize(
    ("target", "value"),
    [
        ("validate", "x; touch {f}"),
        ("validate", "$(shell touch {f})"),  # make itself would run it unless kept as written
        ("survey", 'a"; touch {f}; "'),  # the message that asks for FILE= shows MUNI
        ("survey", "`touch {f}`"),
        ("survey", "'$(touch {f})'"),
    ],
)
def test_make_never_runs_a_command_given_as_a_value(tmp_path: Path, target: str, value: str):
    witness = tmp_path / "ran"
    result = subprocess.run(
        ["make", target, "MUNI=" + value.format(f=witness)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and result.stderr.startswith("Fel: ")
    assert result.stderr.count("\n") == 1, result.stderr
    assert not witness.exists(), f"make ran the command in MUNI={value}"


def test_make_keeps_a_value_from_the_environment_as_written(tmp_path: Path):
    witness = tmp_path / "ran"
    dry_run = subprocess.run(
        ["make", "-n", "report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "MUNI": f"$(shell touch {witness})"},
        check=True,
    )
    assert f"report '$(shell touch {witness})'" in dry_run.stdout and not witness.exists()


def test_an_area_given_as_a_path_is_refused(tree: Path):
    result = run_cli(tree, "report", "../params/sotenas")
    assert result.returncode == errors.ParamsError.exit_code
    assert result.stderr.count("\n") == 1 and "är inget namn" in result.stderr
    assert not (tree / "params" / "sotenas").exists() and list((tree / "reports").iterdir()) == []


# Issue 17, item 3: a params file that is not UTF-8 is one line wherever it is read.


def test_a_params_file_that_is_not_utf8_is_one_line_everywhere(tree: Path):
    (tree / "params" / "broken.yaml").write_bytes('name: "Göteborg"\n'.encode("latin-1"))
    areas = run_cli(tree, "areas")
    assert areas.returncode == 2 and "sotenas" in areas.stdout  # the others are still listed
    assert areas.stderr == areas.stderr.splitlines()[0] + "\n"
    assert "params/broken.yaml: filen är inte sparad som UTF-8" in areas.stderr
    for name in ("broken", "1484", "lysekil"):
        result = run_cli(tree, "validate", "--area", name)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "params/broken.yaml: filen är inte sparad som UTF-8" in result.stderr
