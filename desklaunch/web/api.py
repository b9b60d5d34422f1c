"""The protocol's two calls over HTTP, without Bottle: `GET /api/poll` and `POST /api/events`.

They carry every click and every output, and the first poll is on the path to the page's
first content; Bottle's request and response objects would add an import of some 20-30 ms
before that poll and work on every click. `front.py` answers them straight from the WSGI
environ; the Bottle routes (`routes.py`) call the same functions for what the front leaves
to them (HEAD, and the 405 answer of a wrong method).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from desklaunch.errors import ProtocolError
from desklaunch.web.server import EVENTS_BODY_LIMIT

if TYPE_CHECKING:
    from desklaunch.core.protocol import PollingHandler

SESSION_HEADER = "X-Desklaunch-Session"
VIEW_HEADER = "X-Desklaunch-View"
POLL_PATH = "/api/poll"
EVENTS_PATH = "/api/events"

Answer = tuple[int, bytes]
"""An HTTP status and a JSON body."""


def poll(handler: PollingHandler, environ: dict[str, Any]) -> Answer:
    """`GET /api/poll`: create, re-attach or long-poll (docs/protocol.md)."""
    return _answered(lambda: handler.poll(
        header(environ, SESSION_HEADER), header(environ, VIEW_HEADER), ack(environ) or 0))


def events(handler: PollingHandler, environ: dict[str, Any]) -> Answer:
    """`POST /api/events`: the page's events, answered with the output they caused."""
    return _answered(lambda: handler.post(
        header(environ, SESSION_HEADER), header(environ, VIEW_HEADER),
        read_body(environ, EVENTS_BODY_LIMIT), ack(environ)))


def _answered(call: Callable[[], Any]) -> Answer:
    try:
        return 200, to_json(call())
    except ProtocolError as exc:
        return exc.status, to_json({"error": exc.message})


def header(environ: dict[str, Any], name: str) -> str | None:
    """A request header's value; None when it is missing or empty."""
    value = environ.get("HTTP_" + name.upper().replace("-", "_"))
    return value if value else None


def ack(environ: dict[str, Any]) -> int | None:
    """The `ack` query parameter: the highest command seq the page has rendered."""
    found = None
    for key, value in parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True):
        if key == "ack":
            found = value  # the last one counts, as with any repeated parameter
    if found is None:
        return None
    if not (found.isascii() and found.isdigit() and len(found) <= 18):
        raise ProtocolError("ack must be a whole number of at least 0")
    return int(found)


def read_body(environ: dict[str, Any], limit: int) -> bytes:
    """The request body, read from the stream directly (the gate checked its length)."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > limit:
        raise ProtocolError("the body is too large", status=413)
    body: bytes = environ["wsgi.input"].read(length)
    return body


def to_json(answer: Any) -> bytes:
    """`answer` as compact UTF-8 JSON."""
    text = json.dumps(answer, separators=(",", ":"), ensure_ascii=False)
    # A lone surrogate (valid in a JSON string the page sent) has no UTF-8 form: send it as
    # the JSON escape `\udXXX` it arrived as, instead of failing the whole answer.
    return text.encode("utf-8", "backslashreplace")
