"""A raw-socket HTTP client for the gate tests, and a real running app to point it at.

The gate must hold against any bytes any local process can send, so these tests write the
request bytes themselves (`socket.create_connection`) instead of going through an HTTP
library that would tidy them up. Every read has a hang guard: a server that never answers
fails the test instead of hanging it.

    launch = Launch.start(script)             # a real App: waitress + Bottle + the gate
    answer = launch.send(b"GET / HTTP/1.1\\r\\nHost: evil\\r\\n\\r\\n")
    assert answer.status == 403
    session, view = launch.open_session()     # trade the secret, create a session
"""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desklaunch.app import App
from desklaunch.ui import input, put_buttons, put_text

HANG_GUARD = 10.0
"""Seconds any single read may take before the test fails as a hang (not a time budget)."""


class HangError(AssertionError):
    """The server did not answer within the hang guard."""


@dataclass
class Response:
    """One HTTP answer as it came over the wire."""

    status: int
    reason: str
    version: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of header `name` (case-insensitive), None when absent."""
        values = self.all(name)
        return values[0] if values else None

    def all(self, name: str) -> list[str]:
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def names(self) -> set[str]:
        return {k.lower() for k, _ in self.headers}

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


class Connection:
    """One TCP connection: write exact bytes, read whole responses one by one."""

    def __init__(self, port: int, timeout: float = HANG_GUARD) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self._buffer = b""

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self) -> bool:
        try:
            chunk = self.sock.recv(65536)
        except TimeoutError:
            raise HangError("the server did not answer within the hang guard") from None
        except ConnectionResetError:
            chunk = b""
        self._buffer += chunk
        return bool(chunk)

    def _read_until(self, marker: bytes) -> bytes:
        while marker not in self._buffer:
            if not self._fill():
                raise ConnectionError(f"closed before {marker!r}; got {self._buffer[:200]!r}")
        head, _, self._buffer = self._buffer.partition(marker)
        return head

    def _read_exactly(self, count: int) -> bytes:
        while len(self._buffer) < count:
            if not self._fill():
                raise ConnectionError("closed in the middle of a body")
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data

    def read(self, *, head_only: bool = False) -> Response:
        """The next response on this connection (`head_only` for an answer to HEAD)."""
        head = self._read_until(b"\r\n\r\n").decode("latin-1")
        status_line, *lines = head.split("\r\n")
        version, status, reason = [*status_line.split(" ", 2), ""][:3]
        headers = [(k.strip(), v.strip()) for k, _, v in (line.partition(":") for line in lines)]
        answer = Response(int(status), reason, version, headers)
        if head_only or answer.status in (204, 304) or 100 <= answer.status < 200:
            return answer
        length = answer.header("Content-Length")
        if answer.header("Transfer-Encoding") == "chunked":
            answer.body = self._read_chunked()
        elif length is not None:
            answer.body = self._read_exactly(int(length))
        else:
            while self._fill():
                pass
            answer.body, self._buffer = self._buffer, b""
        return answer

    def _read_chunked(self) -> bytes:
        body = b""
        while True:
            size = int(self._read_until(b"\r\n").split(b";")[0], 16)
            if size == 0:
                self._read_until(b"\r\n")
                return body
            body += self._read_exactly(size)
            self._read_exactly(2)

    def closed_by_server(self, within: float = HANG_GUARD) -> bool:
        """True once the server closes this connection (reads and drops any answer)."""
        self.sock.settimeout(within)
        try:
            while self.sock.recv(65536):
                pass
        except TimeoutError:
            return False
        except ConnectionResetError:
            pass
        return True


def request_bytes(method: str, target: str, headers: Iterable[tuple[str, str]] = (),
                  body: bytes = b"", version: str = "HTTP/1.1") -> bytes:
    """Exact request bytes; a Content-Length is added only for a body (none is implied)."""
    lines = [f"{method} {target} {version}"]
    lines += [f"{name}: {value}" for name, value in headers]
    if body and not any(name.lower() in ("content-length", "transfer-encoding")
                        for name, _ in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "surrogateescape") + body


POLL_TIMEOUT = 2.0
"""A long poll with nothing to say answers after this (20 s in a real run): keeps tests quick."""


def greet() -> None:
    """The script the raw-socket test apps run: one input, one line, one button."""
    name = input("Your name")
    put_text(f"Hello, {name}!")
    put_buttons(["Again"], onclick=lambda label: put_text(f"Clicked {label}"))


def start(main: Callable[[], Any] = greet, **options: Any) -> Launch:
    """A started app running `main` (App options as keywords), with quick long polls."""
    launch = Launch.start(main, **options)
    launch.app.handler.poll_timeout = POLL_TIMEOUT
    return launch


class Launch:
    """A real App, started, and what its window would know: the port and the secret."""

    def __init__(self, app: App, url: str) -> None:
        self.app = app
        self.url = url
        self.port = app.port
        self.host = f"127.0.0.1:{self.port}"
        self.origin = f"http://{self.host}"
        self.secret = re.search(r"[?&]launch=([^&]+)", url).group(1)  # type: ignore[union-attr]
        self.cookie: str | None = None

    @classmethod
    def start(cls, main: Callable[[], Any], **options: Any) -> Launch:
        app = App(main, title="raw", **options)
        return cls(app, app.start())

    def close(self) -> bool:
        return self.app.close()

    # -- raw exchanges --------------------------------------------------------------------

    def send(self, data: bytes, *, head_only: bool = False) -> Response:
        """Send exact bytes on a new connection and read the one answer."""
        with Connection(self.port) as conn:
            conn.send(data)
            return conn.read(head_only=head_only)

    def request(self, method: str, target: str, headers: Mapping[str, str] | None = None,
                body: bytes = b"", *, host: str | None = None, omit_host: bool = False,
                cookie: bool = True,
                api: bool | None = None, extra: Iterable[tuple[str, str]] = ()) -> Response:
        """A request as the window would send it, with each part overridable.

        `host` replaces the right Host (`omit_host` leaves it out); `cookie` adds the
        launch's cookie; `api` adds `X-Desklaunch: 1` (by default for /api/ targets).
        """
        pairs: list[tuple[str, str]] = []
        if not omit_host:
            pairs.append(("Host", self.host if host is None else host))
        if cookie and self.cookie is not None:
            pairs.append(("Cookie", self.cookie))
        if api if api is not None else target.startswith("/api/"):
            pairs.append(("X-Desklaunch", "1"))
        pairs += list((headers or {}).items()) + list(extra)
        return self.send(request_bytes(method, target, pairs, body),
                         head_only=method == "HEAD")

    # -- what the window does -------------------------------------------------------------

    def enter(self) -> Response:
        """Trade the launch secret for the cookie, as the window's first request does."""
        answer = self.request("GET", f"/?launch={self.secret}", cookie=False)
        assert answer.status == 303, answer
        set_cookie = answer.header("Set-Cookie") or ""
        self.cookie = set_cookie.split(";", 1)[0]
        return answer

    def open_session(self) -> tuple[str, str]:
        """Create a session (the first poll of a page): its id and the page's view id."""
        if self.cookie is None:
            self.enter()
        answer = self.request("GET", "/api/poll?ack=0")
        assert answer.status == 200, answer
        data = answer.json()
        return data["session"], data["view"]

    def poll(self, session: str, view: str, ack: int = 0) -> dict[str, Any]:
        answer = self.request("GET", f"/api/poll?ack={ack}", {
            "X-Desklaunch-Session": session, "X-Desklaunch-View": view})
        assert answer.status == 200, answer
        return answer.json()

    def post_events(self, session: str, view: str, events: list[dict[str, Any]]) -> Response:
        body = json.dumps({"events": events}).encode()
        return self.request("POST", "/api/events", {
            "X-Desklaunch-Session": session, "X-Desklaunch-View": view,
            "Content-Type": "application/json", "Origin": self.origin}, body)

    def wait_for(self, session: str, view: str, cmd: str, ack: int = 0
                 ) -> tuple[dict[str, Any], int]:
        """Poll until a command of kind `cmd` arrives; that command and the new ack."""
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            answer = self.poll(session, view, ack)
            assert "commands" in answer, answer
            for command in answer["commands"]:
                ack = max(ack, command["seq"])
                if command["cmd"] == cmd:
                    return command, ack
        raise HangError(f"no {cmd!r} command came")

    def page_is_served(self) -> bool:
        """The window's own page still loads: the server is alive and serving."""
        return self.request("GET", "/").status == 200


SHORT_BODY = 200
"""The most bytes a refusal's body may have: one line, never a traceback or a page."""
LEAKS = ("Traceback", "File \"", "waitress", "bottle", "Python", "desklaunch/")


def assert_refused(answer: Response, *statuses: int) -> None:
    """A refusal: one of `statuses` (a 4xx), a short plain body, no leak, no CORS."""
    assert answer.status in statuses, f"{answer.status} {answer.text!r}"
    assert 400 <= answer.status < 500
    assert len(answer.body) <= SHORT_BODY, answer.text
    for leak in LEAKS:
        assert leak.lower() not in answer.text.lower(), answer.text
    assert_no_cors(answer)
    assert answer.header("Server") is None
    assert answer.header("X-Content-Type-Options") == "nosniff", answer.headers
    assert answer.header("Cache-Control") == "no-store", answer.headers


def assert_no_cors(answer: Response) -> None:
    assert not any(name.startswith("access-control-") for name in answer.names), answer.headers
