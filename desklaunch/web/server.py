"""The HTTP side: the app's routes (`front.py`, `routes.py`), behind the gate, served by
waitress.

`Server` serves on an `Endpoint` (a socket on 127.0.0.1:0 bound before anything starts, so
the port is known and owned before the app is built); `start()` runs waitress in a named
thread and `stop()` ends it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from desklaunch.web.endpoint import Endpoint
from desklaunch.web.gate import SECURITY_HEADERS, Gate, WSGIApp

log = logging.getLogger(__name__)

EVENTS_BODY_LIMIT = 1024 * 1024
FIRST_THREADS = 4
"""waitress workers started with the server; more start one by one as requests need them."""


def _stopping_quietly(record: logging.LogRecord) -> bool:
    """Leave out waitress's note that it dropped the requests still queued as it stops (a
    page's poll, sent as the app closes): the stop is ours, nothing went wrong."""
    return record.msg != "Canceling %d pending task(s)"


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


class _Counted:
    """A request handed to the worker pool, telling it once it has been answered (or
    cancelled as the server stops)."""

    __slots__ = ("_done", "_task")

    def __init__(self, task: Any, done: Callable[[], None]) -> None:
        self._task = task
        self._done = done

    def service(self) -> None:
        try:
            self._task.service()
        finally:
            self._done()

    def cancel(self) -> None:
        try:
            self._task.cancel()
        finally:
            self._done()

    def __repr__(self) -> str:
        return repr(self._task)


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
            self._count_lock = threading.Lock()  # not `self.lock`: a cancel runs under it
            self._outstanding = 0
            """Requests handed over and not yet answered (or cancelled). Idle workers are
            counted from this, not from waitress's `active_count`, which also counts a
            worker just started that has not yet waited for its first request."""

        def add_task(self, task: Any) -> None:
            with self._grow_lock:  # held across the check and the start: shutdown waits
                with self._count_lock:
                    outstanding = self._outstanding
                    self._outstanding += 1
                if not self._closing:
                    with self.lock:
                        running = self.running()
                    if outstanding >= running and running < limit:
                        self.set_thread_count(running + 1)
            super().add_task(_Counted(task, self._answered))

        def _answered(self) -> None:
            with self._count_lock:
                self._outstanding -= 1

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
        from waitress.channel import HTTPChannel

        def close_everything() -> None:
            for channel in list(server._map.values()):
                if isinstance(channel, HTTPChannel):  # closes its buffers too: a large
                    with contextlib.suppress(OSError):  # answer unsent spills to a file
                        channel.handle_close()
            wasyncore.close_all(server._map, ignore_all=True)

        waitress_log = logging.getLogger("waitress")
        waitress_log.addFilter(_stopping_quietly)
        try:
            server.task_dispatcher.shutdown(timeout=timeout)
        finally:
            waitress_log.removeFilter(_stopping_quietly)
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
