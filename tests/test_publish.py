import pytest

from helpers.build import publish


def test_success_replaces_the_old_folder(tmp_path):
    final = tmp_path / "2026"
    final.mkdir()
    (final / "old.html").write_text("old")
    with publish.staged(final) as staging:
        (staging / "new.html").write_text("new")
    assert [p.name for p in final.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["2026"]


def test_failure_keeps_the_old_folder_exactly(tmp_path):
    final = tmp_path / "2026"
    final.mkdir()
    (final / "old.html").write_text("old")
    with pytest.raises(RuntimeError), publish.staged(final) as staging:
        (staging / "half.html").write_text("half")
        raise RuntimeError("render failed")
    assert [p.name for p in final.iterdir()] == ["old.html"]
    assert (final / "old.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["2026"]
