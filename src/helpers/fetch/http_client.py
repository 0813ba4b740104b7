"""HTTP for the live sources: timeouts, retries with back-off, rate limits and progress.

One client per source. It keeps under the source's published rate limit (SCB v2: 30 calls
per 10 s; v1: 10 per 10 s, answering 403 past that), retries 429, 5xx, time-outs and broken
connections with exponential back-off (honouring ``Retry-After``), and turns every failure
into one :class:`~helpers.common.errors.FetchError` that names the source. Sleeping and the clock
are injectable so tests run without waiting.

    >>> client = HttpClient("https://api.kolada.se/v3", name="Kolada")
    >>> client.url("/kpi", {"title": "arbetslösa"})
    'https://api.kolada.se/v3/kpi?title=arbetsl%C3%B6sa'
"""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from helpers.common.errors import FetchError

USER_AGENT = "lokal-kompetensanalys/0.1 (+https://github.com/; open statistics, no key)"
#: Statuses worth another try: rate limiting and server trouble.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class HttpStatusError(FetchError):
    """The source answered with an error status that another try will not mend."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def stderr_progress(message: str) -> None:
    """Default progress output: one line per step on stderr (stdout stays for results)."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class RateLimit:
    """At most ``calls`` requests in any ``seconds``-long window (a sliding window)."""

    calls: int
    seconds: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _sent: deque[float] = field(default_factory=deque, repr=False)

    def wait(self) -> float:
        """Block until one more call fits in the window; returns the seconds waited."""
        now = self.clock()
        while self._sent and now - self._sent[0] >= self.seconds:
            self._sent.popleft()
        waited = 0.0
        if len(self._sent) >= self.calls:
            waited = self.seconds - (now - self._sent[0])
            if waited > 0:
                self.sleep(waited)
            self._sent.popleft()
        self._sent.append(self.clock())
        return max(waited, 0.0)


@dataclass
class Response:
    """A finished HTTP exchange: status, headers and the raw body."""

    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    def json(self, source: str) -> Any:
        """The body as JSON; a malformed body is a FetchError naming the source and URL."""
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise FetchError(
                f"{source}: svaret från {self.url} är inte giltig JSON ({error})."
            ) from None


class HttpClient:
    """GET/POST JSON against one source, politely and with clear failures."""

    def __init__(
        self,
        base_url: str,
        *,
        name: str,
        timeout: float = 60.0,
        retries: int = 4,
        backoff: float = 2.0,
        max_backoff: float = 60.0,
        rate: RateLimit | None = None,
        retry_statuses: frozenset[int] = RETRY_STATUSES,
        sleep: Callable[[float], None] = time.sleep,
        progress: Callable[[str], None] = stderr_progress,
    ):
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.rate = rate
        self.retry_statuses = retry_statuses
        self.sleep = sleep
        self.progress = progress
        self.calls = 0

    def url(self, path: str, params: dict[str, Any] | None = None) -> str:
        """An absolute URL: ``path`` under the base URL (or already absolute, e.g. next_url)."""
        url = path if path.startswith(("http://", "https://")) else f"{self.base_url}{path}"
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
        return url

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET and parse JSON."""
        return self.request("GET", path, params=params).json(self.name)

    def post_json(self, path: str, body: Any, params: dict[str, Any] | None = None) -> Any:
        """POST a JSON body and parse the JSON answer."""
        return self.request("POST", path, params=params, body=body).json(self.name)

    def get_bytes(self, path: str, params: dict[str, Any] | None = None) -> bytes:
        """GET the raw body (for files the snapshot stores as they come)."""
        return self.request("GET", path, params=params).body

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after:
            try:
                return min(self.max_backoff, max(0.0, float(retry_after)))
            except ValueError:
                pass  # an HTTP date: fall back to our own back-off
        return min(self.max_backoff, self.backoff * 2**attempt)

    def request(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = None
    ) -> Response:
        """One request with rate limiting and retries; raises FetchError when it gives up."""
        url = self.url(path, params)
        data = json.dumps(body).encode() if body is not None else None
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        problem = ""
        for attempt in range(self.retries + 1):
            if self.rate:
                self.rate.wait()
            self.calls += 1
            retry_after = None
            try:
                request = urllib.request.Request(url, data=data, headers=headers, method=method)
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                    return Response(answer.status, dict(answer.headers), answer.read(), url)
            except urllib.error.HTTPError as error:
                detail = error.read()[:300].decode("utf-8", "replace").strip()
                if error.code not in self.retry_statuses:
                    raise HttpStatusError(
                        f"{self.name}: {url} svarade {error.code} ({detail or error.reason}).",
                        error.code,
                    ) from None
                retry_after = error.headers.get("Retry-After")
                problem = f"svarade {error.code}" + (
                    " (för många anrop)" if error.code in (403, 429) else ""
                )
            except TimeoutError:
                problem = f"svarade inte inom {self.timeout:g} s"
            except urllib.error.URLError as error:
                if isinstance(error.reason, TimeoutError):
                    problem = f"svarade inte inom {self.timeout:g} s"
                else:
                    problem = f"kunde inte nås ({error.reason})"
            except (ConnectionError, OSError) as error:  # reset or dropped mid-answer
                problem = f"bröt förbindelsen ({error})"
            if attempt < self.retries:
                delay = self._delay(attempt, retry_after)
                self.progress(
                    f"{self.name}: {problem}; försöker igen om {delay:.3g} s "
                    f"(försök {attempt + 2} av {self.retries + 1})."
                )
                self.sleep(delay)
        raise FetchError(f"{self.name}: {url} {problem}, även efter {self.retries + 1} försök.")
