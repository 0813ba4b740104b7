import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

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


# --- Debris and collisions (issue 17, item 7) -------------------------------------------

#: A build's folders, held open until the process is stopped: the scratch folder (TMPDIR)
#: and the staging folder of reports/<area>/2026, in a process readied as the CLI readies it.
HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from helpers.build import pipeline, publish
    pipeline.prepare_process()
    with publish.scratch() as scratch, publish.staged(Path(sys.argv[1])) as staging:
        (staging / "half.html").write_text("half")
        print(scratch, staging, flush=True)
        time.sleep(60)
    """
)


def _holder(tmp_path: Path, destination: Path) -> tuple[subprocess.Popen, list[Path]]:
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(destination)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    held = [Path(p) for p in process.stdout.readline().split()]
    assert len(held) == 2 and all(p.is_dir() for p in held), process.stderr.read()
    return process, held


def _published(tmp_path: Path) -> Path:
    destination = tmp_path / "reports" / "sotenas" / "2026"
    destination.mkdir(parents=True)
    (destination / "report.pdf").write_text("published")
    return destination


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_build_removes_its_staging_and_scratch_folders(tmp_path, signum):
    destination = _published(tmp_path)
    process, held = _holder(tmp_path, destination)
    assert held[0].name.startswith(f"lka-run-{process.pid}-")
    assert held[1].name.startswith(f".2026.staging-{process.pid}-")
    process.send_signal(signum)
    process.wait(timeout=30)
    assert not any(p.exists() for p in held)
    assert [p.name for p in destination.parent.iterdir()] == ["2026"]
    assert (destination / "report.pdf").read_text() == "published"


def test_what_a_killed_build_left_is_swept_at_the_next_start(tmp_path):
    destination = _published(tmp_path)
    process, (scratch, staging) = _holder(tmp_path, destination)
    process.kill()  # kill -9: nothing of the process runs
    process.wait(timeout=30)
    assert scratch.exists() and staging.exists()
    live = tmp_path / "tmp" / f"lka-run-{os.getpid()}-live"  # a running build's: kept
    live.mkdir()
    sockets = tmp_path / "tmp" / f"lka-kernel-{process.pid}-x"  # its kernel's socket folder
    sockets.mkdir()
    assert publish.sweep(destination.parent) == [staging.name]
    assert sorted(publish.sweep_scratch(tmp_path / "tmp")) == sorted([scratch.name, sockets.name])
    assert live.exists() and (destination / "report.pdf").read_text() == "published"


def test_an_old_report_moved_aside_by_a_killed_build_is_put_back(tmp_path):
    area = tmp_path / "sotenas"
    (area / ".2026.previous").mkdir(parents=True)
    (area / ".2026.previous" / "report.pdf").write_text("published")
    publish.sweep(area)
    assert (area / "2026" / "report.pdf").read_text() == "published"
    assert [p.name for p in area.iterdir()] == ["2026"]


def test_scratch_folders_without_a_pid_go_only_when_a_day_old(tmp_path):
    old = tmp_path / "lka-run-abc123"
    old.mkdir()
    assert publish.sweep_scratch(tmp_path) == []
    assert publish.sweep_scratch(tmp_path, now=time.time() + 2 * publish.STALE_AFTER) == [old.name]


def test_a_second_build_of_an_area_waits_for_the_first(tmp_path):
    reports = tmp_path / "reports"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom helpers.build import publish\n"
            "with publish.locked(Path(sys.argv[1]), 'sotenas'):\n"
            "    print('held', flush=True); time.sleep(1.5)\n",
            str(reports),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    told: list[str] = []
    started = time.monotonic()
    with publish.locked(reports, "sotenas", lambda: told.append("waiting")):
        waited = time.monotonic() - started
    assert told == ["waiting"] and waited > 1.0  # until the first build let go
    # another area does not wait
    with publish.locked(reports, "lysekil", lambda: told.append("again")):
        pass
    assert told == ["waiting"]
    assert not (reports / "sotenas").exists()  # the lock makes no area folder
    holder.wait(timeout=30)


def test_make_clean_sweeps_only_what_no_build_is_using(tmp_path):
    reports = tmp_path / "reports"
    (reports / "sotenas" / "2026").mkdir(parents=True)
    (reports / "sotenas" / ".2026.staging-1-x").mkdir()
    (reports / "lysekil" / ".2026.staging-1-y").mkdir(parents=True)
    with publish.locked(reports, "lysekil"):  # being built: its staging folder is in use
        swept = publish.sweep_all(reports)
    assert "sotenas/.2026.staging-1-x" in swept
    assert (reports / "lysekil" / ".2026.staging-1-y").exists()
    assert (reports / "sotenas" / "2026").is_dir()


@pytest.mark.slow
def test_a_report_stopped_during_its_pdf_leaves_nothing_and_the_old_report(tmp_path):
    from conftest import make_tree

    tree = make_tree(tmp_path / "tree")
    published = tree / "reports" / "sotenas" / "2026"
    published.mkdir(parents=True)
    (published / "kompetensanalys-sotenas-2026.pdf").write_text("published")
    env = {**os.environ, "LKA_ROOT": str(tree), "TMPDIR": str(tmp_path)}
    build = subprocess.Popen(
        [sys.executable, "-m", "helpers.cli.main", "report", "sotenas"],
        cwd=tree,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in build.stdout:
        if line.startswith("Sotenäs: PDF"):
            time.sleep(0.3)
            build.send_signal(signal.SIGTERM)
            break
    assert build.wait(timeout=120) == 130
    assert build.stderr.read().strip() == "Avbrutet."
    assert [p.name for p in published.parent.iterdir()] == ["2026"]
    assert [p.name for p in published.iterdir()] == ["kompetensanalys-sotenas-2026.pdf"]
    assert not list(tmp_path.glob(f"lka-*-{build.pid}-*"))
