"""`Server.stop()`: idempotent, and safe against waitress's own loop racing it.

The flake this pins down (EBADF in `pull_trigger` at `App.close()`): waitress's loop, woken
by a worker thread's pull (a response being written), runs every queued thunk, including
the close-everything thunk `stop()` has queued but not yet signalled. The thunk closes the
trigger's pipe, and `stop()`'s own wake-up write then hits a closed fd.
"""

from __future__ import annotations

import gc
import socket
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

import pytest

from desklaunch.core.protocol import PollingHandler
from desklaunch.core.session import Session
from desklaunch.web.routes import build_app
from desklaunch.web.server import Server
from desklaunch.web.static import StaticFiles

GUARD = 10.0


@pytest.fixture
def server() -> Server:
    handler = PollingHandler(lambda sink: Session(lambda: None, sink))
    running = Server(threads=4, connection_limit=16)
    running.start(running.gate(build_app(handler, StaticFiles())))
    return running


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


def test_stop_twice_and_before_start_is_harmless(server: Server) -> None:
    server.stop()
    server.stop()
    assert refused(server.port)
    never_started = Server()
    never_started.stop()
    never_started.stop()
    assert refused(never_started.port)


def test_stop_from_two_threads_at_once(server: Server) -> None:
    errors: list[BaseException] = []

    def stop() -> None:
        try:
            server.stop()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    stoppers = [threading.Thread(target=stop, name=f"stopper-{i}") for i in range(4)]
    for stopper in stoppers:
        stopper.start()
    for stopper in stoppers:
        stopper.join(GUARD)
    assert errors == []
    assert refused(server.port)


def test_stop_survives_the_loop_running_its_thunk_before_the_wake_up(server: Server,
                                                                    monkeypatch) -> None:
    """Replays the race: another thread's pull wakes the loop, which runs stop()'s thunk
    and closes the trigger before stop() writes its own wake-up byte."""
    trigger = server._waitress.trigger
    real_pull = trigger._physical_pull

    def late_pull() -> None:
        real_pull()  # a worker thread's pull, landing just before ours
        deadline = time.monotonic() + GUARD
        while not trigger._closed and time.monotonic() < deadline:
            time.sleep(0.001)
        assert trigger._closed, "the loop never ran the queued thunk"
        real_pull()  # ours: the pipe is gone -> EBADF inside waitress

    monkeypatch.setattr(trigger, "_physical_pull", late_pull)
    server.stop()
    assert refused(server.port)
    assert server._thread is not None and not server._thread.is_alive()


def test_stop_closes_everything_when_the_loop_already_died(server: Server) -> None:
    waitress = server._waitress
    thread = server._thread
    assert thread is not None
    waitress.trigger.pull_trigger(lambda: dict.clear(waitress._map))  # the loop ends, sockets open
    thread.join(GUARD)
    assert not thread.is_alive()
    server.stop()
    assert refused(server.port)
    assert waitress.trigger._closed


def test_stop_closes_the_temporary_file_of_a_large_answer_nobody_read() -> None:
    """waitress spills an answer over 1 MB to a temporary file until the client reads it;
    the reader here never does (a window closed mid-answer)."""

    def large(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [b"x" * 8_000_000]

    running = Server(threads=2, connection_limit=4)
    running.start(large)
    with socket.create_connection(("127.0.0.1", running.port), timeout=GUARD) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert client.recv(1024).startswith(b"HTTP/1.1 200")  # the answer is being sent
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            running.stop()
            gc.collect()
    assert [str(w.message) for w in caught if w.category is ResourceWarning] == []


def test_requests_still_queued_at_stop_are_dropped_without_a_warning(caplog) -> None:
    """The stop is ours: waitress's "Canceling 1 pending task(s)" is not shown (it was, on
    stderr, after every app that closed with a poll in flight)."""
    entered, release = threading.Event(), threading.Event()

    def slow(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        entered.set()
        release.wait(GUARD)
        start_response("200 OK", [("Content-Length", "0")])
        return [b""]

    running = Server(threads=1, connection_limit=4)
    running.start(slow)
    clients = [socket.create_connection(("127.0.0.1", running.port), timeout=GUARD)
               for _ in range(2)]
    try:
        clients[0].sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert entered.wait(GUARD)  # the one worker is busy: the next request waits
        clients[1].sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        deadline = time.monotonic() + GUARD
        while not running._waitress.task_dispatcher.queue and time.monotonic() < deadline:
            time.sleep(0.01)
        assert running._waitress.task_dispatcher.queue, "the second request never queued"
        threading.Timer(0.2, release.set).start()
        with caplog.at_level("WARNING", logger="waitress"):
            running.stop()
    finally:
        release.set()
        for client in clients:
            client.close()
    assert "pending task" not in caplog.text
