"""`make lab MUNI=...`: JupyterLab on the chapters, with the chosen area and our kernel."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from traitlets.utils.importstring import import_item

from conftest import make_tree
from helpers.build import notebooks
from helpers.cli import lab, main
from helpers.common.errors import ParamsError
from helpers.config import paths


def test_the_command_opens_the_chapters_for_the_chosen_area():
    command, env = lab.lab_command("1484", no_browser=True, port=8899)
    assert env["LKA_AREA"] == "lysekil"
    assert f"--ServerApp.root_dir={paths.ROOT}" in command
    assert "--MappingKernelManager.default_kernel_name=lokal-kompetensanalys" in command
    assert "--ServerApp.open_browser=False" in command and "--ServerApp.port=8899" in command
    (hook,) = [c.split("=", 1)[1] for c in command if c.startswith("--ContentsManager.pre_save")]
    assert import_item(hook) is notebooks.before_save


def test_without_options_the_browser_opens():
    command, _ = lab.lab_command("sotenas")
    assert not [c for c in command if "open_browser" in c or "port" in c]


def test_an_unknown_area_stops_with_one_line(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(ParamsError, match="atlantis"):
        lab.lab_command("atlantis")
    assert main.main(["lab", "atlantis", "--no-browser"]) == 2
    error = capsys.readouterr().err
    assert len(error.strip().splitlines()) == 1 and "atlantis" in error


def test_the_parameters_cell_lets_the_lab_area_win(monkeypatch: pytest.MonkeyPatch):
    """Every chapter's parameters cell leaves the area to LKA_AREA, which make lab sets."""
    from helpers.report.context import open_report

    monkeypatch.setenv("LKA_AREA", lab.lab_command("lysekil")[1]["LKA_AREA"])
    for chapter in notebooks.notebook_paths():
        cell = next(
            c for c in nbformat.read(chapter, as_version=4).cells if notebooks.is_parameters(c)
        )
        values: dict[str, object] = {}
        exec(cell.source, {}, values)
        report = open_report(values["area"], values["year"], values["run"])
        assert report.area.slug == "lysekil", chapter.name


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_a_real_session_saves_chapters_without_outputs(tmp_path: Path):
    tree = make_tree(tmp_path / "project")
    port, token = free_port(), "lka-test"
    env = {**os.environ, "LKA_ROOT": str(tree)}
    # The command is made in the scratch tree's own process, so its root is the scratch tree.
    script = (
        "import os; from helpers.cli import lab; c, e = lab.lab_command('lysekil', "
        f"no_browser=True, port={port}); "
        f"os.execve(c[0], c + ['--IdentityProvider.token={token}'], e)"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )

    def api(method: str, url: str, body: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{url}",
            method=method,
            data=json.dumps(body).encode() if body else None,
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    try:
        for _ in range(300):  # up to a minute: the server starts slowly on a busy machine
            try:
                api("GET", "/api/status")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.2)
        assert api("GET", "/api/kernelspecs")["default"] == "lokal-kompetensanalys"

        url = "/api/contents/notebooks/02_befolkning.ipynb"
        content = api("GET", url)["content"]
        code = [c for c in content["cells"] if c["cell_type"] == "code"][-1]
        code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "Lysekil\n"}]
        code["execution_count"] = 5
        content["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
        content["metadata"]["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        api("PUT", url, {"type": "notebook", "content": content})
    finally:
        server.terminate()
        server.wait(timeout=20)

    saved = tree / "notebooks" / "02_befolkning.ipynb"
    assert notebooks.check_notebook(saved) == []
    assert (tree / "notebooks" / "02_befolkning.py").read_bytes() == (
        paths.NOTEBOOKS / "02_befolkning.py"
    ).read_bytes()
