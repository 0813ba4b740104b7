"""Headless Chromium for looking at and checking the HTML report: screenshots, scripts, axe.

A tiny client of the Chrome DevTools Protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4): no network port, no browser download, no extra package. It drives
Debian's ``chromium``::

    with Browser() as browser:
        page = browser.open(Path("report.html"), width=375)
        page.evaluate("document.documentElement.scrollWidth")   # → 375 when nothing overflows
        page.screenshot(Path("phone.png"))
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from helpers.common.errors import ReportError
from helpers.config import paths

#: Flags that keep headless Chromium quiet and offline on a build machine.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
#: axe-core, installed from the npm registry by ``make system-deps`` (version pinned there).
AXE_SCRIPT = paths.BUILD / "node" / "node_modules" / "axe-core" / "axe.min.js"


class BrowserError(ReportError):
    """Chromium is missing, did not start, or a page script failed."""


def chromium_path() -> str:
    """The Chromium executable (``CHROMIUM`` overrides); raises when it is not installed."""
    found = (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if not found:
        raise BrowserError("Chromium saknas. Installera det med: make system-deps")
    return found


class Browser:
    """One headless Chromium process; use it as a context manager."""

    def __init__(self, timeout: float = 90.0):  # axe over a whole report, on a busy machine
        self.timeout = timeout
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        self._profile = tempfile.TemporaryDirectory(prefix="lka-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        self._process = subprocess.Popen(
            [chromium_path(), *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Chromium reads commands on fd 3 and replies on fd 4; the child's other fds are
            # closed on exec anyway (Python opens them non-inheritable), so no close_fds pass
            # that would also close 3 and 4.
            close_fds=False,
            preexec_fn=_pipe_fds(to_browser_r, from_browser_w),
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        return self

    def __exit__(self, *_: object) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """Send one DevTools command and wait for its reply (events are kept for ``wait``)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._events.append(reply)

    def wait(self, event: str, session: str | None = None) -> dict[str, Any]:
        """Wait for an event (e.g. ``Page.loadEventFired``) of a session."""
        while True:
            for index, seen in enumerate(self._events):
                if seen.get("method") == event and seen.get("sessionId") == session:
                    return self._events.pop(index).get("params", {})
            self._events.append(self._read())

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise BrowserError(f"Chromium svarade inte inom {self.timeout:.0f} s.")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium avslutades oväntat.")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def open(
        self,
        page: Path | str,
        *,
        width: int = 1280,
        height: int = 900,
        scale: float = 1,
        mobile: bool = False,
    ) -> Page:
        """A new tab showing ``page`` (a file or URL) at a viewport of ``width`` CSS pixels.

        ``scale`` is the device pixel ratio: ``width=640, scale=2`` is how a 1280 px wide
        window looks at 200 % zoom.
        """
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        tab = Page(self, session)
        tab.send("Page.enable")
        tab.resize(width, height, scale=scale, mobile=mobile)
        url = Path(page).resolve().as_uri() if isinstance(page, Path) else page
        tab.send("Page.navigate", {"url": url})
        self.wait("Page.loadEventFired", session)
        return tab


class Page:
    """One tab of the browser."""

    def __init__(self, browser: Browser, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A DevTools command for this tab."""
        return self.browser.send(method, params, self.session)

    def resize(
        self, width: int, height: int = 900, *, scale: float = 1, mobile: bool = False
    ) -> None:
        """Set the viewport (CSS pixels) and the device pixel ratio."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile},
        )

    def evaluate(self, expression: str, *, wait: bool = False) -> Any:
        """Run JavaScript in the page and return its (JSON) value; ``wait`` awaits a promise."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": wait},
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(
                "Skriptet i sidan misslyckades: "
                + details.get("exception", {}).get("description", details.get("text", ""))
            )
        return result["result"].get("value")

    def axe(self, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run axe-core on the page; returns axe's results (``violations``, ``passes`` ...)."""
        if not AXE_SCRIPT.exists():
            raise BrowserError(
                f"axe-core saknas ({AXE_SCRIPT}). Installera det med: make system-deps"
            )
        self.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
        options_json = json.dumps(options or {})
        return json.loads(
            self.evaluate(
                f"axe.run(document, {options_json}).then(r => JSON.stringify(r))", wait=True
            )
        )

    def screenshot(self, target: Path, *, top: float = 0, height: float | None = None) -> Path:
        """A PNG of the page from ``top`` (CSS pixels), ``height`` high (default: to the end)."""
        width = self.evaluate("document.documentElement.scrollWidth")
        full = self.evaluate("document.documentElement.scrollHeight")
        height = min(height or full, full - top)
        shot = self.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {"x": 0, "y": top, "width": width, "height": height, "scale": 1},
            },
        )
        target.write_bytes(base64.b64decode(shot["data"]))
        return target


def _pipe_fds(read_fd: int, write_fd: int):  # noqa: ANN202 - a preexec_fn
    """Place the pipe ends on the fds Chromium expects (3: commands in, 4: replies out)."""

    def place() -> None:
        # copy both to fds >= 10 first, so neither move can overwrite the other end
        high_read = fcntl.fcntl(read_fd, fcntl.F_DUPFD, 10)
        high_write = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 10)
        os.dup2(high_read, 3)  # dup2 makes the copies inheritable
        os.dup2(high_write, 4)

    return place
