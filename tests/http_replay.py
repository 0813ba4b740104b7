"""A local HTTP server for tests that replays recorded responses (127.0.0.1 only).

    with ReplayServer() as server:
        server.add("GET", "/scb/api/v2/config", Reply.file("scb/config.json"))
        server.add("POST", r"/scb/api/v2/tables/TAB638/data", Reply(429), Reply.file(...))
        ... server.url ...

A route matches the method and the path (a regular expression, matched in full, without the
query string); optional ``body`` and ``query`` are regular expressions the request body
and query string must contain.
Its replies are used in order, the last one repeating. ``{base}`` in a recorded body is
replaced by the server's own address (Kolada's ``next_url`` is absolute). Every request is
kept in ``server.requests``.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "http"


@dataclass
class Reply:
    """One recorded answer: status, body, headers, and an optional delay before answering."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    @classmethod
    def file(cls, name: str, status: int = 200, **options) -> Reply:
        content_type = "application/json; charset=utf-8"
        if status >= 400:
            content_type = "application/problem+json; charset=utf-8"
        headers = {"Content-Type": content_type, **options.pop("headers", {})}
        return cls(status, (FIXTURES / name).read_bytes(), headers, **options)


@dataclass
class Route:
    method: str
    path: re.Pattern[str]
    replies: list[Reply]
    body: re.Pattern[bytes] | None = None
    query: re.Pattern[str] | None = None
    served: int = 0

    def next_reply(self) -> Reply:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


@dataclass
class Request:
    method: str
    path: str
    query: str
    body: bytes


class ReplayServer:
    """Serves registered routes on 127.0.0.1 at a random free port, in a thread."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path, _, query = self.path.partition("?")
                with server._lock:
                    server.requests.append(Request(self.command, path, query, body))
                    route = server._match(self.command, path, query, body)
                    reply = (
                        route.next_reply()
                        if route
                        else Reply(404, b'{"title": "Not Found", "status": 404}')
                    )
                if reply.delay:
                    time.sleep(reply.delay)
                content = reply.body.replace(b"{base}", server.url.encode())
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the time-out test)

            do_GET = _answer
            do_POST = _answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False  # don't wait for a deliberately slow answer
        # A short poll keeps shutdown quick (the default waits up to half a second per test).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def add(
        self,
        method: str,
        path: str,
        *replies: Reply,
        body: str | None = None,
        query: str | None = None,
    ) -> Route:
        route = Route(
            method,
            re.compile(path),
            list(replies),
            re.compile(body.encode()) if body else None,
            re.compile(query) if query else None,
        )
        self.routes.insert(0, route)  # routes added later win (scenario overrides)
        return route

    def _match(self, method: str, path: str, query: str, body: bytes) -> Route | None:
        for route in self.routes:
            if (
                route.method == method
                and route.path.fullmatch(path)
                and (route.body is None or route.body.search(body))
                and (route.query is None or route.query.search(query))
            ):
                return route
        return None

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
