"""The HTTP side: Bottle routes over the protocol, behind the gate, served by waitress.

`Server` serves on an `Endpoint` (a socket on 127.0.0.1:0 bound before anything starts, so
the port is known and owned before the app is built); `start()` runs waitress in a named
thread and `stop()` ends it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from typing import Any
from urllib.parse import parse_qsl

import bottle

from desklaunch.core.protocol import PollingHandler
from desklaunch.core.resources import RESOURCE_PREFIX, Resource
from desklaunch.errors import ProtocolError
from desklaunch.web.endpoint import Endpoint
from desklaunch.web.gate import SECURITY_HEADERS, UPLOAD_PATH, Gate, WSGIApp
from desklaunch.web.remote import FetchError, RemoteFiles
from desklaunch.web.static import StaticFiles

log = logging.getLogger(__name__)

EVENTS_BODY_LIMIT = 1024 * 1024
FIRST_THREADS = 4
"""waitress workers started with the server; more start one by one as requests need them."""
RESOURCE_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}
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


def _quiet_channel_class() -> type:
    """waitress's connection, answering the errors it catches itself (a garbage request line,
    a 413, a 431, a crash) like the gate does: one line, the security headers, no name."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class QuietErrorTask(ErrorTask):  # type: ignore[misc]
        def execute(self) -> None:
            error = self.request.error
            self.status = f"{error.code} {error.reason}"
            body = f"{self.status}\n".encode()
            self.response_headers.extend(
                [("Content-Type", "text/plain; charset=utf-8"), *SECURITY_HEADERS])
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class QuietChannel(HTTPChannel):  # type: ignore[misc]
        error_task_class = QuietErrorTask

    return QuietChannel


class _QueueNotes:
    """Where waitress's "Task queue depth is N" goes: the debug log, not the person's
    terminal. A request that waits for a worker just being started is routine here."""

    @staticmethod
    def warning(message: str, *args: Any) -> None:
        log.debug(message, *args)


def _growing_dispatcher(limit: int) -> Any:
    """waitress's worker pool, started with `FIRST_THREADS` workers and grown by one whenever
    a request finds none idle, up to `limit`: a window needs a few, fifty tabs fifty-odd.
    Starting all of them up front held up the first page by 15-50 ms on a busy machine."""
    from waitress.task import ThreadedTaskDispatcher

    class GrowingDispatcher(ThreadedTaskDispatcher):  # type: ignore[misc]
        queue_logger = _QueueNotes()

        def __init__(self) -> None:
            super().__init__()
            self._grow_lock = threading.Lock()
            self._closing = False

        def add_task(self, task: Any) -> None:
            with self._grow_lock:  # held across the check and the start: shutdown waits
                if not self._closing:
                    with self.lock:
                        running = self.running()
                        busy = running - self.active_count <= len(self.queue)
                    if busy and running < limit:
                        self.set_thread_count(running + 1)
            super().add_task(task)

        def running(self) -> int:
            """Workers started and not asked to stop (the caller holds `self.lock`)."""
            return int(len(self.threads) - self.stop_count)

        def shutdown(self, *args: Any, **kwargs: Any) -> bool:
            with self._grow_lock:
                self._closing = True
            return bool(super().shutdown(*args, **kwargs))

    dispatcher = GrowingDispatcher()
    dispatcher.set_thread_count(min(limit, FIRST_THREADS))
    return dispatcher


class Server:
    """waitress on an endpoint bound before the thread starts, stopped by `stop()`."""

    def __init__(self, endpoint: Endpoint | None = None, *, threads: int = 72,
                 connection_limit: int = 200) -> None:
        self.endpoint = endpoint if endpoint is not None else Endpoint()
        self._threads = threads
        self._connection_limit = connection_limit
        self._waitress: Any = None
        self._thread: threading.Thread | None = None
        self._stop_lock = threading.Lock()

    @property
    def port(self) -> int:
        return self.endpoint.port

    def gate(self, app: WSGIApp) -> Gate:
        """`app` behind the gate that pins this endpoint's Host and admits its secret."""
        return Gate(app, port=self.port, secret=self.endpoint.secret,
                    body_limit=EVENTS_BODY_LIMIT)

    def start(self, app: WSGIApp) -> None:
        from waitress.server import create_server

        dispatcher = _growing_dispatcher(self._threads)
        try:
            self._waitress = create_server(
                app,
                sockets=[self.endpoint.socket],
                # waitress's own hook for its dispatcher (named a test shim there): the only
                # way to hand it a pool that grows instead of starting every worker up front.
                _dispatcher=dispatcher,
                connection_limit=self._connection_limit,
                channel_timeout=15,
                cleanup_interval=5,
                max_request_header_size=64 * 1024,
                max_request_body_size=EVENTS_BODY_LIMIT,
                ident="",
                expose_tracebacks=False,
                asyncore_use_poll=True,
                clear_untrusted_proxy_headers=True,
            )
        except BaseException:
            dispatcher.shutdown(timeout=1.0)
            raise
        self._waitress.channel_class = _quiet_channel_class()
        self._thread = threading.Thread(target=self._waitress.run, name="desklaunch-server")
        self._thread.start()

    @property
    def workers(self) -> int:
        """How many worker threads run now (they start as requests need them)."""
        server = self._waitress
        if server is None:
            return 0
        dispatcher = server.task_dispatcher
        with dispatcher.lock:
            return int(dispatcher.running())

    def stop(self, timeout: float = 2.0) -> None:
        """Stop accepting, finish the worker threads, close every socket, join the thread.

        Safe to call twice, from two threads, before `start()`, or after the loop died.
        """
        with self._stop_lock:
            server, self._waitress = self._waitress, None
        if server is not None:
            self._stop_waitress(server, timeout)
        self.endpoint.close()

    def _stop_waitress(self, server: Any, timeout: float) -> None:
        from waitress import wasyncore

        def close_everything() -> None:
            wasyncore.close_all(server._map, ignore_all=True)

        server.task_dispatcher.shutdown(timeout=timeout)
        thread = self._thread
        if thread is not None and thread.is_alive():
            # waitress's loop may run the queued thunk (woken by a worker's own pull) before
            # this thread writes its wake-up byte; the thunk has then closed the trigger's
            # pipe under our feet (EBADF). Everything is closed either way.
            with contextlib.suppress(OSError):
                server.trigger.pull_trigger(close_everything)
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            # The loop is gone: nothing else will close what it held.
            close_everything()
            server.close()
        else:
            log.warning("the server thread did not stop within %.1f s", timeout)
