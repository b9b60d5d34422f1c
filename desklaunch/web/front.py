"""The answers without Bottle: the page, its files, and the protocol's poll and events.

A window or a browser asks for the page the moment the server runs, then for its script,
then polls; every click is an events call. None of that needs the Bottle routes
(`routes.py`), whose imports cost some 20-30 ms of Python: `Front` answers the page and its
files from the manifest and the two protocol calls through `api.py`, and leaves the rest
(uploads, a session's resources, HEAD, every error page) to the routes, built once the
page has its first answer and polls on (a long poll, which waits anyway). Built any sooner,
they would take the interpreter from the threads sending the page its script and answers.

`Serving` starts a server on the front before the app behind it exists: the page and its
files go out while the protocol's core and its event loop are still being imported (some
20 ms), and every other request waits until `connect()` hands the front the app's handler.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from desklaunch.web import api
from desklaunch.web.endpoint import Endpoint
from desklaunch.web.server import Server
from desklaunch.web.static import StaticFiles

if TYPE_CHECKING:
    from desklaunch.core.protocol import PollingHandler
    from desklaunch.web.gate import WSGIApp

log = logging.getLogger(__name__)

PAGE = "/"
ASSETS = "/assets/"
SCRIPTS = ("bundle.js", "js/main.js")
"""The page's script (the bundle, or its first module when the bundle is stale)."""
VIEW_KEY = "HTTP_" + api.VIEW_HEADER.upper().replace("-", "_")
API: dict[tuple[str, str], Callable[[PollingHandler, dict[str, Any]], api.Answer]] = {
    ("GET", api.POLL_PATH): api.poll,
    ("POST", api.EVENTS_PATH): api.events,
}
CONNECT_WAIT = 30.0
"""Seconds a request that needs the app waits for `connect()` before a 503."""


class Front:
    """The WSGI app behind the gate: GET of the page or a packaged file answered here (as
    the Bottle routes would), every other request passed to the routes. From `connect()`
    on; until then those requests wait (the page and its files do not)."""

    def __init__(self, static: StaticFiles, on_answered: Callable[[], None] | None = None
                 ) -> None:
        self._static = static
        self._on_answered = on_answered
        """Told once, when a page first polls with its view: it has had its first answer."""
        self._handler: PollingHandler | None = None
        self._on_script: Callable[[], None] | None = None
        """Told each time the page's script is sent (the app starts its own session then)."""
        self._schedule: Callable[[Callable[[], Any]], Any] | None = None
        """Runs a function off the request path (the app's event loop); None: build the
        routes on the first request that needs them."""
        self._routes: WSGIApp | None = None
        self._lock = threading.Lock()
        self._scheduled = False
        self._script_sent = False
        self._settled = threading.Event()
        """Set by `connect()` or `close()`: requests that need the app stop waiting."""

    def connect(self, handler: PollingHandler,
                schedule: Callable[[Callable[[], Any]], Any] | None = None,
                on_script: Callable[[], None] | None = None) -> None:
        """Put the app behind the front: its protocol handler, a way to run work off the
        request path, and whom to tell that the page's script went out (at once, if it
        already has)."""
        with self._lock:
            if self._settled.is_set():
                raise RuntimeError("a front is connected once, and never after close()")
            self._handler, self._schedule, self._on_script = handler, schedule, on_script
            sent = self._script_sent
            self._settled.set()
        if sent and on_script is not None:
            on_script()

    def close(self) -> None:
        """No app will connect: requests waiting for one are answered 503 now."""
        self._settled.set()

    def _connected(self) -> PollingHandler | None:
        """The app's handler, once connected; None if the front closed (or never was)."""
        self._settled.wait(CONNECT_WAIT)
        return self._handler

    def routes(self) -> WSGIApp:
        """The Bottle routes, built on first need (once)."""
        with self._lock:
            if self._routes is None:
                from desklaunch.web.routes import build_app

                assert self._handler is not None, "the routes are built once connected"
                self._routes = build_app(self._handler, self._static)
            return self._routes

    def _answered(self) -> None:
        told, self._on_answered = self._on_answered, None
        if told is not None:
            told()

    def _prepare(self) -> None:
        """Have the routes built off the request path (once a page polls with its view)."""
        if self._scheduled or self._routes is not None:  # every later poll and click
            return
        with self._lock:
            if self._scheduled or self._routes is not None or self._schedule is None:
                return
            self._scheduled = True
        self._schedule(self.routes)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        path = environ.get("PATH_INFO", "")
        if method == "GET":
            name = "index.html" if path == PAGE else \
                path[len(ASSETS):] if path.startswith(ASSETS) else None
            found = self._static.get(name) if name else None
            if found is not None:
                body, content_type = found
                start_response("200 OK", [("Content-Type", content_type),
                                          ("Content-Length", str(len(body)))])
                if name in SCRIPTS:
                    self._script_out()
                return [body]
        handler = self._handler or self._connected()
        if handler is None:
            return _unavailable(start_response)
        call = API.get((method or "", path))
        if call is not None:
            if environ.get(VIEW_KEY):  # a page that has its first answer: it waits now
                self._answered()
                self._prepare()
            return self._api(handler, call, environ, start_response)
        return self.routes()(environ, start_response)

    def _script_out(self) -> None:
        with self._lock:
            self._script_sent = True
            on_script = self._on_script
        if on_script is not None:
            on_script()

    def _api(self, handler: PollingHandler,
             call: Callable[[PollingHandler, dict[str, Any]], api.Answer],
             environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        try:
            status, body = call(handler, environ)
            content_type = "application/json"
        except Exception:  # as the routes' error page: a status line, never a traceback
            log.error("request failed", exc_info=True)
            status, content_type = 500, "text/plain; charset=utf-8"
            body = b"500 Internal Server Error\n"
        phrase = HTTPStatus(status).phrase
        start_response(f"{status} {phrase}", [("Content-Type", content_type),
                                              ("Content-Length", str(len(body)))])
        return [body]


def _unavailable(start_response: Callable[..., Any]) -> list[bytes]:
    body = b"503 Service Unavailable: the app is not running\n"
    start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"),
                                               ("Content-Length", str(len(body)))])
    return [body]


class Serving:
    """A server answering on a `Front`, started before the app behind it is built."""

    def __init__(self, endpoint: Endpoint | None = None, *, max_sessions: int = 64,
                 on_answered: Callable[[], None] | None = None) -> None:
        self.front = Front(StaticFiles(), on_answered=on_answered)
        self.server = Server(endpoint, threads=max_sessions + 8,
                             connection_limit=2 * max_sessions + 32)
        self._started = False

    def start(self) -> None:
        """Answer the page and its files from now on (once)."""
        if not self._started:
            self._started = True
            self.server.start(self.server.gate(self.front))

    def close(self) -> None:
        """Answer waiting requests 503, stop the server, close the socket."""
        self.front.close()
        self.server.stop()
