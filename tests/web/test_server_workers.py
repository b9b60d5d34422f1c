"""The server's workers start as requests need them: a page's requests one after another
need no more than it starts with; every tab holding a long poll gets a worker of its own,
and a request that comes meanwhile is still answered at once."""

from __future__ import annotations

import threading

from rawhttp import HANG_GUARD, Connection, Launch, request_bytes

from desklaunch.ui import input
from desklaunch.web.server import FIRST_THREADS
from desklaunch.web.static import StaticFiles

TABS = 3 * FIRST_THREADS


def ask() -> None:
    input("Your name")


def hold_polls(launch: Launch, tabs: int) -> list[Connection]:
    """`tabs` sessions, each with its long poll sent and left waiting (each script waits
    in input(), so nothing new comes)."""
    held: list[Connection] = []
    for _ in range(tabs):
        session, view = launch.open_session()
        _, ack = launch.wait_for(session, view, "input")
        conn = Connection(launch.port)
        conn.send(request_bytes("GET", f"/api/poll?ack={ack}", [
            ("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1"),
            ("X-Desklaunch-Session", session), ("X-Desklaunch-View", view)]))
        held.append(conn)
    return held


def test_loading_the_page_needs_no_more_workers_than_the_server_starts_with(new_launch) -> None:
    launch = new_launch(ask)
    launch.enter()
    assert launch.request("GET", "/").status == 200
    for name in StaticFiles().names():
        assert launch.request("GET", f"/assets/{name}").status == 200
    session, view = launch.open_session()
    launch.wait_for(session, view, "input")
    assert launch.app._serving.server.workers == FIRST_THREADS


def test_every_waiting_long_poll_gets_a_worker_and_the_page_still_loads(new_launch) -> None:
    launch = new_launch(ask)
    launch.app.handler.poll_timeout = 3 * HANG_GUARD  # a starved request would hang the test
    launch.enter()
    held = hold_polls(launch, TABS)
    try:
        # Every poll is now waiting inside a worker; the page's next request still needs one.
        assert launch.page_is_served()
        assert launch.app._serving.server.workers > TABS
        launch.app.handler.close_all()
        for conn in held:
            assert conn.read().json()["closed"] is True
    finally:
        for conn in held:
            conn.close()


def test_stopping_ends_every_worker_it_started(new_launch) -> None:
    launch = new_launch(ask)
    launch.enter()
    before = {t for t in threading.enumerate() if t.name.startswith("waitress-")}
    held = hold_polls(launch, TABS)
    try:
        assert launch.page_is_served()
        assert launch.close()
        assert launch.app._serving.server.workers == 0
        started = {t for t in threading.enumerate() if t.name.startswith("waitress-")} - before
        for thread in started:
            thread.join(HANG_GUARD)
            assert not thread.is_alive()
    finally:
        for conn in held:
            conn.close()
