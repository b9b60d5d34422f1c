"""Leaks: 10,000 sessions through the real server leave no thread and bounded memory behind.

tests/test_protocol.py does the same at the protocol level; this goes through waitress,
Bottle and the gate, as a browser tab would (idle sessions expire, extra ones are evicted).
"""

from __future__ import annotations

import gc
import threading
import time

from rawhttp import HANG_GUARD, Connection, Launch, request_bytes

from desklaunch.core.session import Session
from desklaunch.ui import put_text

SESSIONS = 10_000
MEMORY_BOUND = 40 * 1024 * 1024
"""Stated bound on resident-memory growth over 10,000 sessions after a warm-up (measured:
about 1-3 MiB here; the bound is generous because the allocator keeps freed arenas)."""


WORKER_LIMIT = 64 + 8
"""An App's default `max_sessions` plus the workers kept for the page's other requests."""


def hello() -> None:
    put_text("hello")


def rss() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def run_sessions(launch: Launch, count: int, batch: int = 50) -> None:
    """Each one as a page does it: create, then attach with a poll that gets its output.

    Requests go pipelined in batches on one kept-alive connection, to keep the test quick.
    """
    base = [("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1")]
    create = request_bytes("GET", "/api/poll?ack=0", base)
    with Connection(launch.port) as conn:
        for done in range(0, count, batch):
            size = min(batch, count - done)
            conn.send(create * size)
            resets = [conn.read().json() for _ in range(size)]
            conn.send(b"".join(request_bytes("GET", "/api/poll?ack=1", [
                *base, ("X-Desklaunch-Session", reset["session"]),
                ("X-Desklaunch-View", reset["view"])]) for reset in resets))
            for _ in range(size):
                answer = conn.read().json()
                assert any(c.get("widget", {}).get("text") == "hello"
                           for c in answer.get("commands", ())), answer


def settle(launch: Launch) -> int:
    """The count of threads other than the server's workers once the script threads of ended
    sessions have ended (joined). The worker pool grows as requests need it, up to its
    limit, and keeps what it started until the server stops."""
    live = {session._script_thread for session in launch.app.handler.sessions()}
    for thread in threading.enumerate():
        if thread.name.startswith("desklaunch-script-") and thread not in live:
            thread.join(HANG_GUARD)
    return sum(not t.name.startswith("waitress-") for t in threading.enumerate())


def workers() -> int:
    return sum(t.name.startswith("waitress-") for t in threading.enumerate())


def test_ten_thousand_sessions_leave_no_thread_and_bounded_memory(new_launch) -> None:
    launch = new_launch(hello)
    launch.enter()
    baseline_threads = settle(launch)
    run_sessions(launch, 500)  # warm-up: caches, arenas, the session registry at its cap
    gc.collect()
    before = rss()
    run_sessions(launch, SESSIONS)
    launch.app.handler.close_all()  # the last 64 sessions' scripts ended; close them too
    assert settle(launch) == baseline_threads
    assert workers() <= WORKER_LIMIT
    assert len(launch.app.handler) == 0
    gc.collect()
    growth = rss() - before
    print(f"RSS growth over {SESSIONS} sessions: {growth / 1024 / 1024:.1f} MiB")
    assert growth < MEMORY_BOUND
    assert Session.live() == []


def test_a_session_that_never_attaches_expires_quickly_and_starts_nothing(new_launch) -> None:
    launch = new_launch()
    handler = launch.app.handler
    handler.unattached_timeout = 1.0  # 10 s in a real run; the reaper ticks every second
    launch.enter()
    baseline_threads = settle(launch)
    session, view = launch.open_session()
    deadline = time.monotonic() + HANG_GUARD
    while len(handler) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(handler) == 0
    answer = launch.request("GET", "/api/poll?ack=0", {"X-Desklaunch-Session": session,
                                                       "X-Desklaunch-View": view})
    assert answer.json() == {"closed": True, "reason": "expired"}
    assert settle(launch) == baseline_threads


def test_threads_a_request_starts_for_a_script_are_never_daemons(new_launch) -> None:
    """The waitress worker that attaches a session is a daemon; the script's threads must
    not inherit that, or an app whose script will not stop would exit as if it had."""
    launch = new_launch()
    launch.enter()
    session, view = launch.open_session()
    command, ack = launch.wait_for(session, view, "input")
    form = command["form"]
    launch.post_events(session, view, [{"seq": 1, "type": "submit", "id": form["id"],
                                        "value": {form["fields"][0]["name"]: "Ada"}}])
    buttons, ack = launch.wait_for(session, view, "output", ack)
    while buttons["widget"].get("type") != "buttons":
        buttons, ack = launch.wait_for(session, view, "output", ack)
    launch.post_events(session, view, [{"seq": 2, "type": "click",
                                        "id": buttons["widget"]["id"], "value": 0}])
    launch.wait_for(session, view, "output", ack)  # "Clicked Again": the callback ran
    number = launch.app.handler.sessions()[0].number
    threads = {t.name: t for t in threading.enumerate()}
    callbacks = threads[f"desklaunch-callbacks-{number}"]
    assert not callbacks.daemon
    script = launch.app.handler.sessions()[0]._script_thread
    assert script is not None and not script.daemon
