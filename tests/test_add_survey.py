"""`lka survey OMRÅDE FIL --invited N`: the export in place and in params, no YAML by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import ROOT, run_cli

EXPORT = ROOT / "data/raw/surveys/sotenas/2026/kompetensbehov-2026.xlsx"
LAST_YEAR = ROOT / "data/raw/surveys/sotenas/2025/kompetensbehov-2025.xlsx"


def writable_surveys(tree: Path) -> None:
    """The tree's data/raw/surveys its own copy (the rest of data/raw stays linked)."""
    raw = tree / "data" / "raw"
    raw.unlink()
    raw.mkdir()
    for item in (ROOT / "data" / "raw").iterdir():
        if item.name == "surveys":
            shutil.copytree(item, raw / item.name)
        else:
            (raw / item.name).symlink_to(item)


def snapshot(tree: Path) -> dict[str, bytes]:
    """Every file under params/ and data/ (the links to data/raw are followed)."""
    return {
        str(p.relative_to(tree)): p.read_bytes()
        for folder in ("params", "data/raw/surveys")
        for p in sorted((tree / folder).rglob("*"))
        if p.is_file()
    }


def test_an_area_without_params_gets_its_file_and_the_export(tree: Path):
    writable_surveys(tree)
    result = run_cli(tree, "survey", "Lilla Edet", str(EXPORT), "--invited", "150",
                     "--previous", str(LAST_YEAR))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "params/lilla-edet.yaml är skriven" in result.stdout
    body = (tree / "params" / "lilla-edet.yaml").read_text("utf-8")
    survey = yaml.safe_load(body)["survey"]
    assert survey == {
        "file": "data/raw/surveys/lilla-edet/2026/kompetensbehov-2026.xlsx",
        "previous": "data/raw/surveys/lilla-edet/2025/kompetensbehov-2025.xlsx",
        "invited": 150,
    }
    assert (tree / survey["file"]).read_bytes() == EXPORT.read_bytes()
    assert "# survey:" not in body and "# colour:" in body  # the template block is replaced
    checked = run_cli(tree, "validate", "--area", "lilla-edet")
    assert checked.returncode == 0, checked.stdout


def test_an_existing_block_is_replaced_and_the_comments_kept(tree: Path):
    writable_surveys(tree)
    params_file = tree / "params" / "sotenas.yaml"
    params_file.write_text(
        params_file.read_text("utf-8") + "  exclude_outside_area: true\n", encoding="utf-8"
    )
    before = params_file.read_text("utf-8")
    export = tree / "ny export.xlsx"
    shutil.copyfile(EXPORT, export)
    result = run_cli(tree, "survey", "sotenas", str(export), "--invited", "170")
    assert result.returncode == 0, result.stderr
    after = (tree / "params" / "sotenas.yaml").read_text("utf-8")
    assert after.splitlines()[:3] == before.splitlines()[:3]  # comments and name as they were
    survey = yaml.safe_load(after)["survey"]
    assert survey["file"] == "data/raw/surveys/sotenas/2026/ny export.xlsx"
    assert survey["invited"] == 170 and "example" not in survey  # a real export now
    assert survey["previous"] == "data/raw/surveys/sotenas/2025/kompetensbehov-2025.xlsx"
    assert survey["exclude_outside_area"] is True  # the area's choice stays


def test_nothing_changes_when_a_check_fails(tree: Path):
    writable_surveys(tree)
    before = snapshot(tree)
    (tree / "inloggning.xlsx").write_text("<html><body>Logga in</body></html>", "utf-8")
    broken = run_cli(tree, "survey", "sotenas", "inloggning.xlsx", "--invited", "10")
    assert broken.returncode == 3 and broken.stderr.count("\n") == 1
    assert "webbsida" in broken.stderr and "lades inte in" in broken.stderr
    other = tree / "kompetensbehov-2026.xlsx"  # same name as the export in place, other content
    shutil.copyfile(LAST_YEAR, other)
    clash = run_cli(tree, "survey", "sotenas", str(other), "--invited", "10")
    assert clash.returncode == 3 and "--force (make: FORCE=1)" in clash.stderr
    missing = run_cli(tree, "survey", "Strömstadt", str(EXPORT), "--invited", "10")
    assert missing.returncode == 2 and "Menade du Strömstad?" in missing.stderr
    assert snapshot(tree) == before
