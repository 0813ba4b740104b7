"""Issue 17, item 2: statistics are checked before a report is built, and every table's
loader checks its columns and rows: a damaged file is one line, never a wrong report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import make_tree, run_cli
from helpers.build import pipeline
from helpers.common.errors import InputFileError
from helpers.config import paths, regions
from helpers.stats import integrity, manifest, scb

POPULATION = "scb_population_age_sex_2019.csv"


def cut(path: Path, size: int = 1 << 20) -> None:
    """The file cut at ``size`` bytes, as an interrupted copy leaves it."""
    path.write_bytes(path.read_bytes()[:size])


@pytest.fixture
def public(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/raw/public to damage; the cache in its own build folder."""
    copy = tmp_path / "data" / "raw" / "public"
    shutil.copytree(paths.PUBLIC, copy)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "PUBLIC", copy)
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    return copy


@pytest.fixture
def fresh_tables():
    """The code lists and SCB's tables read anew in the test, and again after it."""
    cached = (regions.municipalities, regions.counties, regions._codes, regions._names)
    cached += (regions._by_code, scb._population_all, scb._birth_region_all)

    def clear() -> None:
        for function in cached:
            function.cache_clear()

    clear()
    yield
    clear()


def test_the_shipped_statistics_match_their_manifests(tmp_path: Path):
    cache = tmp_path / "checksums.json"
    integrity.check(cache_file=cache)
    assert cache.is_file()
    # derived data: never written into the statistics folders themselves
    assert not integrity.cache_path().is_relative_to(paths.DATA_RAW)
    assert integrity.cache_path().is_relative_to(paths.BUILD)


def test_a_population_file_cut_at_1_mb_stops_the_report_with_one_line(public: Path):
    cut(public / POPULATION)
    with pytest.raises(InputFileError) as error:
        integrity.check([public])
    message = str(error.value)
    assert message.startswith(f"data/raw/public/{POPULATION} stämmer inte med MANIFEST.csv")
    assert "make fetch" in message and f"git checkout -- data/raw/public/{POPULATION}" in message
    assert "\n" not in message


def test_a_missing_file_and_a_missing_manifest(public: Path):
    (public / "counties.csv").unlink()
    with pytest.raises(InputFileError, match=r"^data/raw/public/counties.csv saknas \(den står"):
        integrity.check([public])
    (public / manifest.FILE).unlink()
    with pytest.raises(InputFileError, match=r"^data/raw/public/MANIFEST.csv saknas"):
        integrity.check([public])


def test_unchanged_files_are_not_read_again(public: Path, monkeypatch: pytest.MonkeyPatch):
    integrity.check([public])  # fills the cache
    read: list[str] = []
    real = manifest.sha256
    monkeypatch.setattr(manifest, "sha256", lambda path: read.append(path.name) or real(path))
    integrity.check([public])
    assert read == []
    cut(public / POPULATION)  # size and time change: read again, and told
    with pytest.raises(InputFileError, match=POPULATION):
        integrity.check([public])
    assert read == [POPULATION]


def test_a_damaged_or_unwritable_cache_only_makes_it_slower(public: Path, tmp_path: Path):
    cache = tmp_path / "build" / "checksums.json"
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json", encoding="utf-8")
    integrity.check([public], cache_file=cache)
    assert '"version": 1' in cache.read_text("utf-8")
    blocked = tmp_path / "a-file" / "checksums.json"  # its folder cannot be made
    blocked.parent.write_text("", encoding="utf-8")
    integrity.check([public], cache_file=blocked)
    cut(public / POPULATION)
    with pytest.raises(InputFileError, match=POPULATION):
        integrity.check([public], cache_file=blocked)


def test_the_report_checks_before_a_kernel_starts(public: Path, monkeypatch: pytest.MonkeyPatch):
    from helpers.build import execute

    cut(public / POPULATION)
    monkeypatch.setattr(execute, "start_kernel", lambda *a: pytest.fail("a kernel started"))
    with pytest.raises(InputFileError, match=f"{POPULATION} stämmer inte med MANIFEST.csv"):
        pipeline.build_report("1484", force=True)  # no params file: paths.ROOT is elsewhere


# The loaders: columns and rows of every table, also where no manifest guards the file.


def test_the_population_loader_refuses_a_file_cut_short(public: Path, fresh_tables):
    cut(public / POPULATION)
    with pytest.raises(InputFileError) as error:
        scb.population(["1427"])
    message = str(error.value)
    assert message.startswith(f"data/raw/public/{POPULATION}: ") and "rader" in message
    assert "make fetch" in message and "\n" not in message


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"", "filen är tom"),
        (b" \n\n  \n", "filen är tom"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe garbage", "inte UTF-8"),
        ("kommun;län\nSotenäs;14\n".encode(), "kolumnen municipality_code"),
        (None, "rader, inte 290"),  # the first 100 lines only
    ],
)
def test_a_garbled_or_empty_municipality_list_is_one_line(
    public: Path, fresh_tables, content: bytes | None, what: str
):
    path = public / "municipalities.csv"
    if content is None:
        path.write_text("".join(path.read_text("utf-8").splitlines(True)[:100]), "utf-8")
    else:
        path.write_bytes(content)
    with pytest.raises(InputFileError) as error:
        regions.municipality_name("1427")
    message = str(error.value)
    assert message.startswith("data/raw/public/municipalities.csv: ") and what in message
    assert "\n" not in message and "git checkout" in message


def test_a_garbled_municipality_list_through_the_command_line(tmp_path: Path):
    tree = make_tree(tmp_path / "project")
    (tree / "data" / "raw").unlink()  # its own data/raw: links, and a copy of public/
    raw = tree / "data" / "raw"
    raw.mkdir()
    for folder in paths.DATA_RAW.iterdir():
        if folder.name != "public":
            (raw / folder.name).symlink_to(folder)
    shutil.copytree(paths.PUBLIC, raw / "public")
    (raw / "public" / "municipalities.csv").write_text("", "utf-8")
    for command in (["report", "sotenas"], ["validate", "--area", "sotenas"], ["areas"]):
        result = run_cli(tree, *command)
        assert result.returncode == InputFileError.exit_code, (command, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("Fel: data/raw/public/municipalities.csv: filen är tom")


def _garbled_loaders():
    from helpers.stats import jobads, kolada, occupations, yrkesbarometer

    return {
        "jobads": (jobads.FILE, lambda folder: jobads.load(folder)),
        "kolada": (kolada.VALUES_FILE, lambda folder: kolada.load(folder)),
        "yrkesbarometer": (yrkesbarometer.PARTIAL_FILE, lambda f: yrkesbarometer.load(f)),
        "taxonomy": (
            occupations.GROUPS_FILE,
            lambda folder: occupations.taxonomy_concepts(occupations.GROUPS_FILE, folder),
        ),
    }


@pytest.mark.parametrize("loader", ["jobads", "kolada", "yrkesbarometer", "taxonomy"])
@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage;;\n", b"a,b\n1,2\n"])
def test_every_loader_refuses_a_garbled_file_with_one_line(
    tmp_path: Path, loader: str, content: bytes
):
    from helpers.stats import kolada

    name, load = _garbled_loaders()[loader]
    shutil.copy(paths.KOLADA / kolada.KPIS_FILE, tmp_path / kolada.KPIS_FILE)
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputFileError) as error:
        load(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{tmp_path / name}: ") and "\n" not in message, message
    assert "filen är skadad eller ändrad" in message and "git checkout" in message
