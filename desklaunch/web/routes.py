"""The Bottle routes over the protocol: the page, its assets, poll, events and uploads.

Bottle and what it imports take some 20-30 ms of Python to import, so `front.py` answers the
page and its files without it and builds these routes off the first answer's path.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qsl

import bottle

from desklaunch.core.protocol import PollingHandler
from desklaunch.core.resources import RESOURCE_PREFIX, Resource
from desklaunch.errors import ProtocolError
from desklaunch.web.gate import UPLOAD_PATH
from desklaunch.web.remote import FetchError, RemoteFiles
from desklaunch.web.server import EVENTS_BODY_LIMIT
from desklaunch.web.static import StaticFiles

log = logging.getLogger(__name__)

RESOURCE_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}
SESSION_HEADER = "X-Desklaunch-Session"
VIEW_HEADER = "X-Desklaunch-View"


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

    @app.get("/api/poll")
    def poll() -> bytes:
        ack = _ack() or 0
        return _json(handler.poll(_header(SESSION_HEADER), _header(VIEW_HEADER), ack))

    @app.post("/api/events")
    def events() -> bytes:
        body = _read_body(bottle.request.environ, EVENTS_BODY_LIMIT)
        return _json(handler.post(_header(SESSION_HEADER), _header(VIEW_HEADER), body, _ack()))

    @app.post(UPLOAD_PATH)
    def upload() -> bytes:
        # One chunk (≤ 1 MiB, checked by the gate) of a file for a form's file field.
        environ = bottle.request.environ
        length = int(environ.get("CONTENT_LENGTH") or 0)
        params = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
        return _json(handler.upload(_header(SESSION_HEADER), _header(VIEW_HEADER), params,
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


def _ack() -> int | None:
    """The `ack` query parameter: the highest command seq the page has rendered."""
    ack = bottle.request.query.get("ack")
    if ack is None:
        return None
    if not (ack.isascii() and ack.isdigit() and len(ack) <= 18):
        raise ProtocolError("ack must be a whole number of at least 0")
    return int(ack)


def _header(name: str) -> str | None:
    value = bottle.request.get_header(name)
    return value if value else None


def _json(answer: Any) -> bytes:
    bottle.response.content_type = "application/json"
    text = json.dumps(answer, separators=(",", ":"), ensure_ascii=False)
    # A lone surrogate (valid in a JSON string the page sent) has no UTF-8 form: send it as
    # the JSON escape `\udXXX` it arrived as, instead of failing the whole answer.
    return text.encode("utf-8", "backslashreplace")


def _read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The request body, read from the stream directly (the gate checked its length)."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > limit:
        raise ProtocolError("the body is too large", status=413)
    body: bytes = environ["wsgi.input"].read(length)
    return body


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
