"""The snapshot's manifests: every file listed with its source, checksums that match."""

from __future__ import annotations

import csv
import hashlib
import shutil

import pytest

from helpers.config import paths
from helpers.stats import manifest


@pytest.mark.parametrize(
    "folder", [paths.PUBLIC, paths.YRKESBAROMETER, paths.KOLADA], ids=["public", "af", "kolada"]
)
def test_shipped_checksums_match(folder):
    with open(folder / manifest.FILE, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    on_disk = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != manifest.FILE
    )
    assert sorted(row["file"] for row in rows) == on_disk
    for row in rows:
        digest = hashlib.sha256((folder / row["file"]).read_bytes()).hexdigest()
        assert digest == row["sha256"], row["file"]
        assert row["source"], f"{row['file']}: no source"
    assert manifest.verify(folder) == []


def test_statistics_files_say_where_and_when_they_came_from():
    rows = manifest.read(paths.PUBLIC)
    population = rows["scb_population_age_sex_2019.csv"]
    assert population["years"] == "2019" and "SCB" in population["source"]
    assert "SCBHandlerPlotter" in population["origin"]


def test_verify_finds_changed_missing_and_unlisted_files(tmp_path):
    (tmp_path / "a.csv").write_text("x\n1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text("[]")
    manifest.update(tmp_path, {"a.csv": {"source": "SCB"}, "sub/b.json": {"source": "AF"}})
    assert manifest.verify(tmp_path) == []
    (tmp_path / "a.csv").write_text("x\n2\n")
    (tmp_path / "c.csv").write_text("new")
    (tmp_path / "sub" / "b.json").unlink()
    problems = manifest.verify(tmp_path)
    assert any("a.csv: kontrollsumman" in p for p in problems)
    assert any("sub/b.json: står i manifestet" in p for p in problems)
    assert any("c.csv: saknas i manifestet" in p for p in problems)


def test_a_file_without_an_entry_cannot_enter(tmp_path):
    (tmp_path / "a.csv").write_text("x")
    with pytest.raises(ValueError, match="without a manifest entry: a.csv"):
        manifest.update(tmp_path, {})


def test_update_keeps_other_entries_and_drops_removed_files(tmp_path):
    shutil.copy(paths.PUBLIC / "counties.csv", tmp_path)
    (tmp_path / "old.csv").write_text("x")
    manifest.update(
        tmp_path,
        {"counties.csv": {"source": "SCB", "years": "current"}, "old.csv": {"source": "x"}},
    )
    (tmp_path / "old.csv").unlink()
    (tmp_path / "new.csv").write_text("y")
    manifest.update(tmp_path, {"new.csv": {"source": "Kolada", "retrieved": "2026-11-27"}})
    rows = manifest.read(tmp_path)
    assert sorted(rows) == ["counties.csv", "new.csv"]
    assert rows["counties.csv"]["years"] == "current"
    assert rows["new.csv"]["retrieved"] == "2026-11-27"
