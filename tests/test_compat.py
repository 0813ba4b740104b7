"""Guards for ``helpers.build.compat``: each fails when a library changes under a departure
from its defaults, so the departure is looked at again (kept, changed or dropped)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.session import Session
from jupyter_core.utils import run_sync

from helpers.build import compat, execute


def run_python(code: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet); its last printed line."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip().splitlines()[-1]


# ---- leave_out_rfc3987_grammar ----

CHECKERS = "import jsonschema; print(sorted(jsonschema.FormatChecker.checkers))"


def test_nbformat_still_imports_the_grammar_that_is_left_out():
    # if this fails, jsonschema no longer imports rfc3987_syntax: drop the workaround
    loaded = run_python(f"import sys, nbformat; print({compat.RFC3987_GRAMMAR!r} in sys.modules)")
    assert loaded == "True"


def test_a_building_process_leaves_the_grammar_out_and_still_validates_notebooks():
    code = (
        "import sys\n"
        "from helpers.build.pipeline import prepare_process\n"
        "prepare_process()\n"
        "import nbformat\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell('x')])\n"
        "nbformat.validate(nb)\n"
        "nb.cells[0]['cell_type'] = 'no such type'\n"
        "try:\n"
        "    nbformat.validate(nb)\n"
        "    invalid = 'accepted'\n"
        "except nbformat.ValidationError:\n"
        "    invalid = 'rejected'\n"
        f"print(sys.modules[{compat.RFC3987_GRAMMAR!r}] is None, invalid)"
    )
    assert run_python(code) == "True rejected"


def string_formats(schema: object) -> set[str]:
    """The string formats (``"format": "iri"``) a JSON schema asks for, at any depth."""
    if isinstance(schema, dict):
        own = {schema["format"]} if isinstance(schema.get("format"), str) else set()
        return own.union(*(string_formats(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(string_formats(value) for value in schema))
    return set()


def test_only_the_iri_formats_are_left_unchecked_and_notebooks_use_none():
    full = set(json.loads(run_python(CHECKERS).replace("'", '"')))
    left = run_python(
        f"from helpers.build import compat; compat.leave_out_rfc3987_grammar(); {CHECKERS}"
    )
    assert full - set(json.loads(left.replace("'", '"'))) == {"iri", "iri-reference"}
    formats = {
        found
        for path in Path(nbformat.__file__).parent.rglob("*.json")
        for found in string_formats(json.loads(path.read_text(encoding="utf-8")))
    }
    assert formats == set(), "the notebook schema checks string formats now"


def test_importing_the_package_changes_nothing():
    # the JupyterLab server and every kernel import helpers: they keep jsonschema as it is
    name = compat.RFC3987_GRAMMAR
    code = f"import sys, helpers, helpers.build.notebooks; print(sys.modules.get({name!r}))"
    assert run_python(code).startswith("<module")


# ---- ReadyClient ----


def test_the_client_api_that_ready_client_uses_is_there():
    assert list(inspect.signature(AsyncKernelClient.wait_for_ready).parameters) == [
        "self",
        "timeout",
    ]
    assert inspect.signature(compat.ReadyClient.wait_for_ready).parameters.keys() == (
        inspect.signature(AsyncKernelClient.wait_for_ready).parameters.keys()
    )
    for name in ("kernel_info", "is_alive", "shell_channel", "iopub_channel", "session"):
        assert hasattr(AsyncKernelClient, name), name
    assert inspect.iscoroutinefunction(AsyncKernelClient.is_alive)
    assert "adapt_version" in Session.class_traits()
    traits = AsyncKernelManager.class_traits()
    assert {"client_factory", "transport", "ip"} <= traits.keys()


class CountingClient(compat.ReadyClient):
    waits = 0

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        type(self).waits += 1
        await super().wait_for_ready(timeout)


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": execute.KERNEL_NAME, "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    return nb


@pytest.mark.slow
def test_papermill_waits_through_the_kernels_client_and_cells_get_only_their_own_output(
    tmp_path: Path,
):
    kernel = execute.start_kernel()
    try:
        assert isinstance(kernel.client(), compat.ReadyClient)
        kernel.client_factory = CountingClient
        probe = notebook("print('första cellen')")
        ran = execute.execute(probe, tmp_path / "out.ipynb", area="x", year=2026, kernel=kernel)
        # nbclient got its client from the kernel and waited with it, once
        assert CountingClient.waits == 1
        # what the kernel said while starting stays out of the cells
        assert [o.get("text") for o in ran.cells[-1].outputs] == ["första cellen\n"]
    finally:
        execute.stop_kernel(kernel)


@pytest.mark.slow
def test_waiting_for_a_kernel_that_died_stops_with_an_error():
    import signal

    kernel = execute.start_kernel()
    client = kernel.client()
    client.start_channels()
    try:
        run_sync(client.wait_for_ready)(timeout=60)
        run_sync(kernel.signal_kernel)(signal.SIGKILL)
        with pytest.raises(RuntimeError, match="died"):
            run_sync(client.wait_for_ready)(timeout=30)
    finally:
        client.stop_channels()
        execute.stop_kernel(kernel)
