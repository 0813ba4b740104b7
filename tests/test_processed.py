"""tools/processed: data/processed is rebuilt byte for byte from data/raw, with its manifests."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.config import paths
from helpers.stats import education_supply, occupations
from processed import __main__ as cli
from processed import common, education, title_lookup


def manifest(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_education_rebuild_gives_the_committed_tables(tmp_path):
    written = education.rebuild(out_dir=tmp_path)
    assert sorted(written) == sorted(education_supply.TABLES.values())
    for name, path in written.items():
        assert path.read_bytes() == (paths.PROCESSED_EDUCATION / name).read_bytes(), name
    built = manifest(tmp_path / education_supply.MANIFEST)
    assert built == manifest(paths.PROCESSED_EDUCATION / education_supply.MANIFEST)
    assert built["built_by"].startswith("make processed")
    assert len(built["sources"]) == len(education.PROGRAMME_FILES) + len(education.COURSE_FILES)
    for shown, digest in built["sources"].items():
        assert shown.startswith("data/raw/education/")
        assert common.sha256(paths.ROOT / shown) == digest


def test_title_lookup_rebuild_gives_the_committed_lookup(tmp_path):
    target = title_lookup.rebuild(out_dir=tmp_path)
    assert target.read_bytes() == occupations.LOOKUP_FILE.read_bytes()
    built = manifest(tmp_path / occupations.MANIFEST_FILE.name)
    assert built == manifest(occupations.MANIFEST_FILE)


def test_lookup_manifest_matches_the_files():
    built = manifest(occupations.MANIFEST_FILE)
    assert built["version"] == occupations.LOOKUP_VERSION
    assert built["sha256"] == common.sha256(occupations.LOOKUP_FILE)
    assert built["rows"] == len(pd.read_csv(occupations.LOOKUP_FILE, dtype=str))
    assert len(built["sources"]) == len(title_lookup.LOOKUP_SOURCES)
    for shown, digest in built["sources"].items():
        assert shown.startswith("data/raw/classifications/")
        assert common.sha256(paths.ROOT / shown) == digest


def test_nothing_is_written_under_data_raw():
    # data/raw is untouched input: the builders write only to data/processed.
    assert not list(paths.DATA_RAW.rglob("derived"))
    assert paths.PROCESSED_EDUCATION.parent == paths.PROCESSED == paths.DATA / "processed"
    for module in (education, title_lookup):
        assert "paths.PROCESSED_" in Path(module.__file__).read_text(encoding="utf-8")


def test_the_command_builds_what_it_is_asked_and_refuses_unknown_names(monkeypatch, capsys):
    called = []
    monkeypatch.setattr(
        cli,
        "BUILDERS",
        {
            "education": lambda: called.append("education"),
            "title_lookup": lambda: called.append("title_lookup"),
        },
    )
    assert cli.main(["title_lookup"]) == 0 and called == ["title_lookup"]
    assert cli.main([]) == 0 and called == ["title_lookup", "education", "title_lookup"]
    with pytest.raises(SystemExit) as exit_:
        cli.main(["lookup"])
    assert exit_.value.code == 2 and "unknown: lookup" in capsys.readouterr().err
