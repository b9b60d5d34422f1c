"""The answers without Bottle: the page, its files, and the protocol's poll and events.

A window or a browser asks for the page the moment the server runs, then for its script,
then polls; every click is an events call. None of that needs the Bottle routes
(`routes.py`), whose imports cost some 20-30 ms of Python: `Front` answers the page and its
files from the manifest and the two protocol calls through `api.py`, and leaves the rest
(uploads, a session's resources, HEAD, every error page) to the routes, built once the
page has its first answer and polls on (a long poll, which waits anyway). Built any sooner,
they would take the interpreter from the threads sending the page its script and answers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from desklaunch.web import api

if TYPE_CHECKING:
    from desklaunch.core.protocol import PollingHandler
    from desklaunch.web.gate import WSGIApp
    from desklaunch.web.static import StaticFiles

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


class Front:
    """The WSGI app behind the gate: GET of the page or a packaged file answered here (as
    the Bottle routes would), every other request passed to the routes."""

    def __init__(self, handler: PollingHandler, static: StaticFiles,
                 schedule: Callable[[Callable[[], Any]], Any] | None = None,
                 on_script: Callable[[], None] | None = None) -> None:
        self._handler = handler
        self._static = static
        self._on_script = on_script
        """Told each time the page's script is sent (the app starts its own session then)."""
        self._schedule = schedule
        """Runs a function off the request path (the app's event loop); None: build the
        routes on the first request that needs them."""
        self._routes: WSGIApp | None = None
        self._lock = threading.Lock()
        self._scheduled = False

    def routes(self) -> WSGIApp:
        """The Bottle routes, built on first need (once)."""
        with self._lock:
            if self._routes is None:
                from desklaunch.web.routes import build_app

                self._routes = build_app(self._handler, self._static)
            return self._routes

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
        call = API.get((method or "", path))
        if call is not None:
            if environ.get(VIEW_KEY):  # a page that has its first answer: it waits now
                self._prepare()
            return self._api(call, environ, start_response)
        if method == "GET":
            name = "index.html" if path == PAGE else \
                path[len(ASSETS):] if path.startswith(ASSETS) else None
            found = self._static.get(name) if name else None
            if found is not None:
                body, content_type = found
                start_response("200 OK", [("Content-Type", content_type),
                                          ("Content-Length", str(len(body)))])
                if name in SCRIPTS and self._on_script is not None:
                    self._on_script()
                return [body]
        return self.routes()(environ, start_response)

    def _api(self, call: Callable[[PollingHandler, dict[str, Any]], api.Answer],
             environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        try:
            status, body = call(self._handler, environ)
            content_type = "application/json"
        except Exception:  # as the routes' error page: a status line, never a traceback
            log.error("request failed", exc_info=True)
            status, content_type = 500, "text/plain; charset=utf-8"
            body = b"500 Internal Server Error\n"
        phrase = HTTPStatus(status).phrase
        start_response(f"{status} {phrase}", [("Content-Type", content_type),
                                              ("Content-Length", str(len(body)))])
        return [body]

