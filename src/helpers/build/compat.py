"""Where building a report departs from what its libraries do by default, for speed.

The one place for such departures; each is measured (README, "Speed") and has a test in
``tests/test_compat.py`` that fails when the library changes underneath it, so it is
reconsidered then instead of silently doing nothing, or harm.

- :func:`leave_out_rfc3987_grammar`: nbformat's import of jsonschema compiles a grammar the
  notebook schema never uses (0,8–1,0 s of every report's start). Only the processes that
  build reports call it (``pipeline.prepare_process``), not the package's import.
- :class:`ReadyClient`: a kernel client that is ready when its kernel is, not 0,2 s later.
  Only public API: jupyter_client's ``KernelManager.client_factory`` and the documented
  ``wait_for_ready``.
"""

from __future__ import annotations

import sys
import time
from queue import Empty
from typing import Any

from jupyter_client import protocol_version_info
from jupyter_client.asynchronous import AsyncKernelClient

#: The optional module that jsonschema imports to check the "iri" string formats.
RFC3987_GRAMMAR = "rfc3987_syntax"


def leave_out_rfc3987_grammar() -> None:
    """Have jsonschema (imported by nbformat) leave out its optional "iri" format check.

    When ``rfc3987_syntax`` is installed (Jupyter's own dependencies bring it), importing
    jsonschema imports it, and that compiles a grammar: more time than all of nbformat
    takes. The notebook schema has no "iri" formats, so nothing it checks is lost. A module
    set to None in ``sys.modules`` cannot be imported (Python's documented import system);
    jsonschema catches the ImportError and leaves that one format out.

    Call it before nbformat is first imported; it changes only the calling process.
    """
    sys.modules.setdefault(RFC3987_GRAMMAR, None)


class ReadyClient(AsyncKernelClient):
    """A kernel client that is ready when its kernel is, not 0,2 s later.

    jupyter_client's ``wait_for_ready`` ends by reading IOPub until nothing has come for
    0,2 s: every report waited that long before its first cell (measured from the end of the
    kernel's warm-up). Messages left on IOPub do no harm, as nbclient takes only the answers
    to its own requests; this client takes what is already there and goes on.

    ``execute.start_kernel`` makes its kernels hand out this client (the kernel manager's
    ``client_factory``); nbclient calls ``wait_for_ready`` before the first cell.
    """

    async def wait_for_ready(self, timeout: float | None = None) -> None:  # type: ignore[override]
        """Wait until the kernel answers on both channels (or died, or ``timeout`` passed)."""
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while not await self._kernel_info_answered():
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
        while True:  # what is queued already, without waiting for more
            try:
                await self.iopub_channel.get_msg(timeout=0)
            except Empty:
                return

    async def _kernel_info_answered(self) -> bool:
        """Ask for kernel_info; True once it is answered and IOPub delivers too (then the
        kernel is up and both channels are connected)."""
        self.kernel_info()
        try:
            reply = await self.shell_channel.get_msg(timeout=1)
            if reply["msg_type"] != "kernel_info_reply":
                return False
            await self.iopub_channel.get_msg(timeout=0.2)
        except Empty:
            return False
        self._speak_kernel_protocol(reply)
        return True

    def _speak_kernel_protocol(self, reply: dict[str, Any]) -> None:
        """Talk to a kernel of an older message protocol in its own version, as
        jupyter_client's clients do (the session adapts the messages)."""
        major = int(reply["content"]["protocol_version"].split(".")[0])
        if major != protocol_version_info[0]:
            self.session.adapt_version = major
