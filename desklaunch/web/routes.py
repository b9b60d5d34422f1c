"""The Bottle routes over the protocol: the page, its assets, poll, events and uploads.

Bottle and what it imports take some 20-30 ms of Python to import, so `front.py` answers the
page and its files without it and builds these routes off the first answer's path.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qsl

import bottle

from desklaunch.core.protocol import PollingHandler
from desklaunch.core.resources import RESOURCE_PREFIX, Resource
from desklaunch.errors import ProtocolError
from desklaunch.web import api
from desklaunch.web.gate import UPLOAD_PATH
from desklaunch.web.remote import FetchError, RemoteFiles
from desklaunch.web.static import StaticFiles

log = logging.getLogger(__name__)

RESOURCE_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}


def build_app(handler: PollingHandler, static: StaticFiles,
              remote: RemoteFiles | None = None) -> bottle.Bottle:
    """The routes: the page, its assets, the protocol endpoints (poll, events, upload), and
    each session's own resources (the script's code and styles, files fetched for it)."""
    remote = remote if remote is not None else RemoteFiles()
    app = bottle.Bottle()  # catchall is on by default
    app.uninstall("json")  # every route returns bytes itself (autojson=False is deprecated)

    @app.get("/")
    def page() -> bytes:
        return _asset(static, "index.html")

    @app.get("/assets/<name:path>")
    def asset(name: str) -> bytes:
        return _asset(static, name)

    @app.get(RESOURCE_PREFIX + "<key>/<name>")
    def resource(key: str, name: str) -> bytes:
        return _resource(handler.resource(key, name), remote)

    # The front answers these two itself (web/api.py); here for HEAD and a wrong method.
    @app.get(api.POLL_PATH)
    def poll() -> bytes:
        return _answer(api.poll(handler, bottle.request.environ))

    @app.post(api.EVENTS_PATH)
    def events() -> bytes:
        return _answer(api.events(handler, bottle.request.environ))

    @app.post(UPLOAD_PATH)
    def upload() -> bytes:
        # One chunk (≤ 1 MiB, checked by the gate) of a file for a form's file field.
        environ = bottle.request.environ
        length = int(environ.get("CONTENT_LENGTH") or 0)
        params = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        return _json(handler.upload(api.header(environ, api.SESSION_HEADER),
                                    api.header(environ, api.VIEW_HEADER), params,
                                    length, environ["wsgi.input"].read))

    for status in (400, 404, 405, 413, 500, 503):
        app.error(status)(_error_page)
    app.install(_protocol_errors)
    return app


def _asset(static: StaticFiles, name: str) -> bytes:
    found = static.get(name)
    if found is None:
        raise bottle.HTTPError(404, "not found")
    body, content_type = found
    bottle.response.content_type = content_type
    return body


def _resource(found: Resource | None, remote: RemoteFiles) -> bytes:
    """A session's resource: the script's own text, or a file fetched from the web now."""
    if found is None:
        raise bottle.HTTPError(404, "not found")
    if found.text is not None:
        bottle.response.content_type = RESOURCE_TYPES[found.kind]
        return found.text.encode("utf-8", "replace")
    try:
        fetched = remote.get(found.url or "", found.kind)
    except FetchError as exc:
        bottle.response.status = 502
        bottle.response.content_type = "text/plain; charset=utf-8"
        return f"{exc}\n".encode()
    bottle.response.content_type = fetched.content_type
    return fetched.body


def _answer(answer: api.Answer) -> bytes:
    status, body = answer
    bottle.response.status = status
    bottle.response.content_type = "application/json"
    return body


def _json(answer: Any) -> bytes:
    bottle.response.content_type = "application/json"
    return api.to_json(answer)


def _protocol_errors(callback: Any) -> Any:
    """Turn a `ProtocolError` into its 4xx with a one-line JSON body."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except ProtocolError as exc:
            bottle.response.status = exc.status
            return _json({"error": exc.message})

    return wrapper


def _error_page(error: bottle.HTTPError) -> str:
    """Every error Bottle itself answers: a status line, never a traceback."""
    if error.status_code >= 500:
        log.error("request failed", exc_info=error.exception)
    bottle.response.content_type = "text/plain; charset=utf-8"
    return f"{error.status_line}\n"
