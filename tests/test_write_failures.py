"""Issue 17, item 3: a full disk, a read-only reports folder and an environment removed while
a command runs are one Swedish line and their exit code, never a traceback; nothing half
written is published.

Running as root, chmod does not stop writes: the faults are planted by monkeypatching here, and
in a whole report by a ``sitecustomize`` module that the subprocess (and its kernel) imports.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_tree
from helpers.build import pipeline, publish
from helpers.cli import main
from helpers.common import errors

FAULT = """
import errno, os, pathlib, tempfile
_write_text = pathlib.Path.write_text
def write_text(self, *args, **kwargs):
    if ".staging-" in str(self):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
    return _write_text(self, *args, **kwargs)
pathlib.Path.write_text = write_text
"""


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (errno.ENOSPC, "disken är full"),
        (errno.EROFS, "filsystemet är skrivskyddat"),
        (errno.EACCES, "åtkomst nekas"),
    ],
)
def test_a_write_that_fails_is_one_line_and_its_exit_code(
    code: int, says: str, monkeypatch: pytest.MonkeyPatch, capsys, restored_collector
):
    target = "reports/sotenas/2026/kompetensanalys-sotenas-2026.pdf"

    def full(*args, **kwargs):
        raise OSError(code, os.strerror(code), target)

    monkeypatch.setattr(pipeline, "build_report", full)
    assert main.main(["report", "sotenas"]) == errors.WriteError.exit_code == 8
    error = capsys.readouterr().err
    assert error == f"Fel: {target} kunde inte skrivas: {says}" + error.split(says)[1]
    assert error.count("\n") == 1


def test_other_os_errors_are_bugs_and_keep_their_traceback(monkeypatch, restored_collector):
    def broken(*args, **kwargs):
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(pipeline, "build_report", broken)
    with pytest.raises(OSError, match="Bad file descriptor"):
        main.main(["report", "sotenas"])


def test_a_read_only_reports_folder_stops_before_any_chapter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from helpers.build import execute
    from helpers.config import paths

    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    (tmp_path / "reports").mkdir()  # there, but read only
    monkeypatch.setattr(execute, "start_kernel", lambda *a: pytest.fail("a kernel started"))
    real = publish.tempfile.TemporaryFile

    def read_only(*args, dir=None, **kwargs):  # noqa: A002  (tempfile's own name)
        if dir is not None and Path(dir).is_relative_to(tmp_path / "reports"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(publish.tempfile, "TemporaryFile", read_only)
    with pytest.raises(OSError) as raised:
        pipeline.build_report("lysekil", force=True)
    assert raised.value.errno == errno.EROFS
    assert "skrivskyddat" in str(errors.write_error(raised.value))
    # no empty report folder made (the area's lock file, .lysekil.lock, may be there)
    assert [p for p in (tmp_path / "reports").iterdir() if p.is_dir()] == []


def test_staging_is_removed_when_the_disk_fills(tmp_path: Path):
    with pytest.raises(OSError), publish.staged(tmp_path / "2026") as staging:
        (staging / "a.html").write_text("<p>", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging / "a.pdf"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("missing", ["weasyprint", "nbconvert"])
def test_a_missing_module_is_an_incomplete_environment(
    missing: str, monkeypatch: pytest.MonkeyPatch, capsys, restored_collector
):
    def gone(*args, **kwargs):
        raise ModuleNotFoundError(f"No module named '{missing}'", name=missing)

    monkeypatch.setattr(pipeline, "build_report", gone)
    assert main.main(["report", "sotenas"]) == errors.EnvironmentIncompleteError.exit_code == 9
    error = capsys.readouterr().err
    assert error == (
        f"Fel: Miljön är ofullständig (modulen {missing} saknas). Installera den på nytt med "
        "make install och kör kommandot igen.\n"
    )


def test_an_environment_removed_mid_run_is_one_line_whatever_breaks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, restored_collector
):
    """.venv removed under a running command: the next file it opens is gone (a template, a
    module's data); whatever the error, the line says to install again."""

    def template_gone(*args, **kwargs):
        raise FileNotFoundError(errno.ENOENT, "No such file", ".venv/share/jupyter/x.j2")

    monkeypatch.setattr(pipeline, "build_report", template_gone)
    monkeypatch.setattr(sys, "executable", str(tmp_path / ".venv" / "bin" / "python"))
    assert main.main(["report", "sotenas"]) == 9
    error = capsys.readouterr().err
    assert error.startswith("Fel: Miljön är ofullständig (miljön (.venv) saknas eller är ändrad)")
    assert error.count("\n") == 1


@pytest.mark.slow
def test_a_full_disk_during_a_whole_report_leaves_the_old_report(tmp_path: Path):
    tree = make_tree(tmp_path / "project")
    (tmp_path / "fault").mkdir()
    (tmp_path / "fault" / "sitecustomize.py").write_text(FAULT, encoding="utf-8")
    env = {**os.environ, "LKA_ROOT": str(tree), "PYTHONPATH": str(tmp_path / "fault")}
    old = tree / "reports" / "lysekil" / "2026"
    old.mkdir(parents=True)
    (old / "kompetensanalys-lysekil-2026.html").write_text("förra rapporten", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "helpers.cli.main", "report", "lysekil", "--no-pdf", "-q"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 8, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "kunde inte skrivas: disken är full" in result.stderr
    assert [p.name for p in old.parent.iterdir()] == ["2026"]  # no staging folder left
    assert (old / "kompetensanalys-lysekil-2026.html").read_text("utf-8") == "förra rapporten"
