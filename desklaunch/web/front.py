"""The first answers without Bottle: the page and its files, straight from the manifest.

A window or a browser asks for the page the moment the server runs, and the page's script
asks for nothing else until it has loaded and run. Only those later requests (poll, events,
uploads) need the Bottle routes (`routes.py`), whose imports cost some 20-30 ms of Python; so
`Front` answers the page and its files itself and has the routes built once the page has
been sent, while the browser is busy loading it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desklaunch.core.protocol import PollingHandler
    from desklaunch.web.gate import WSGIApp
    from desklaunch.web.static import StaticFiles

PAGE = "/"
ASSETS = "/assets/"


class Front:
    """The WSGI app behind the gate: GET of the page or a packaged file answered here (as
    the Bottle routes would), every other request passed to the routes."""

    def __init__(self, handler: PollingHandler, static: StaticFiles,
                 schedule: Callable[[Callable[[], Any]], Any] | None = None) -> None:
        self._handler = handler
        self._static = static
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
        """Have the routes built off the request path, once the page has been answered."""
        with self._lock:
            if self._scheduled or self._routes is not None or self._schedule is None:
                return
            self._scheduled = True
        self._schedule(self.routes)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]
                 ) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET":
            path = environ.get("PATH_INFO", "")
            name = "index.html" if path == PAGE else \
                path[len(ASSETS):] if path.startswith(ASSETS) else None
            found = self._static.get(name) if name else None
            if found is not None:
                body, content_type = found
                start_response("200 OK", [("Content-Type", content_type),
                                          ("Content-Length", str(len(body)))])
                if path == PAGE:
                    self._prepare()
                return [body]
        return self.routes()(environ, start_response)
