"""HTTP on the wire: 1.0 clients, pipelining, keep-alive, and clients that stall on purpose."""

from __future__ import annotations

import contextlib
import json
import threading
import time

import pytest
from rawhttp import HANG_GUARD, Connection, Launch, assert_refused, request_bytes

CHANNEL_TIMEOUT = 15
"""waitress's `channel_timeout` (desklaunch/web/server.py): an idle connection lives this long."""
CLEANUP_INTERVAL = 5


def page_request(launch: Launch, version: str = "HTTP/1.1", host: bool = True) -> bytes:
    headers = [("Host", launch.host)] if host else []
    return request_bytes("GET", "/", [*headers, ("Cookie", launch.cookie or "")],
                         version=version)


def test_an_http_1_0_request_is_answered_and_closed(launch: Launch) -> None:
    with Connection(launch.port) as conn:
        conn.send(page_request(launch, "HTTP/1.0"))
        answer = conn.read()
        assert answer.status == 200 and b"<!doctype html>" in answer.body
        assert conn.closed_by_server()


@pytest.mark.parametrize("version", ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/1.10"])
def test_other_http_versions_meet_the_same_gate(launch: Launch, version: str) -> None:
    data = request_bytes("GET", "/", [("Host", "evil.example")], version=version)
    with Connection(launch.port) as conn:
        conn.send(data)
        assert_refused(conn.read(), 400, 403, 505)


def test_an_http_0_9_request_is_refused(launch: Launch) -> None:
    with Connection(launch.port) as conn:
        conn.send(b"GET /\r\n\r\n")
        with contextlib.suppress(ConnectionError):  # closing without an answer refuses too
            assert_refused(conn.read(), 400, 403, 505)


def test_pipelined_requests_are_answered_in_order(launch: Launch) -> None:
    session, view = launch.open_session()
    ids = [("X-Desklaunch-Session", session), ("X-Desklaunch-View", view)]
    base = [("Host", launch.host), ("Cookie", launch.cookie or "")]
    api = [*base, ("X-Desklaunch", "1"), *ids]
    body = json.dumps({"events": [{"seq": 1, "type": "click", "id": "c404"}]}).encode()
    burst = b"".join([
        request_bytes("GET", "/", base),
        request_bytes("GET", "/", [("Host", "evil.example"), ("Cookie", launch.cookie or "")]),
        request_bytes("GET", "/assets/js/main.js", base),
        request_bytes("POST", "/api/events", [*api, ("Content-Type", "application/json")], body),
        request_bytes("GET", "/assets/nope.js", base),
        request_bytes("POST", "/api/events", [*api, ("Content-Type", "text/plain")], body),
        request_bytes("GET", "/", base),
    ])
    with Connection(launch.port) as conn:
        conn.send(burst)
        statuses = [conn.read().status for _ in range(7)]
    assert statuses == [200, 403, 200, 200, 404, 415, 200]


def test_a_request_inside_a_body_is_never_answered_as_a_request(launch: Launch) -> None:
    """Bytes that look like a request but sit inside a declared body stay body bytes."""
    hidden = page_request(launch)
    smuggle = request_bytes("POST", "/api/events", [
        ("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1"),
        ("Content-Type", "application/json")], hidden)
    with Connection(launch.port, timeout=3) as conn:
        conn.send(smuggle)
        assert_refused(conn.read(), 400)
        with pytest.raises(AssertionError, match="hang guard"):
            conn.read()  # nothing more comes: the hidden request was never run


@pytest.mark.parametrize("stalled", [1, 10, 100])
def test_clients_that_stall_mid_request_do_not_block_the_window(launch: Launch,
                                                                stalled: int) -> None:
    half_head = b"GET / HTTP/1.1\r\nHost: " + launch.host.encode() + b"\r\nX-Slow: "
    session, view = launch.open_session()
    half_body = request_bytes("POST", "/api/events", [
        ("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1"),
        ("X-Desklaunch-Session", session), ("X-Desklaunch-View", view),
        ("Content-Type", "application/json"), ("Content-Length", "100")]) + b'{"events": ['
    slow = [Connection(launch.port) for _ in range(stalled)]
    try:
        for index, conn in enumerate(slow):
            conn.send(half_head if index % 2 == 0 else half_body)
        assert launch.page_is_served()
        assert launch.post_events(session, view, []).status == 200
    finally:
        for conn in slow:
            conn.close()


def test_a_post_is_answered_while_long_polls_are_open(new_launch) -> None:
    launch = new_launch()
    launch.enter()
    handler = launch.app.handler
    handler.poll_timeout = 60.0  # the polls stay open until the app closes
    pages = []
    for _ in range(20):
        session, view = launch.open_session()
        _, ack = launch.wait_for(session, view, "input")
        pages.append((session, view, ack))
    answers: list[dict] = []

    def long_poll(session: str, view: str, ack: int) -> None:
        answers.append(launch.poll(session, view, ack))

    waiting = [threading.Thread(target=long_poll, args=page, name=f"poll-{i}")
               for i, page in enumerate(pages)]
    for thread in waiting:
        thread.start()
    open_polls = lambda: sum(c.polls for c in list(handler._channels.values()))  # noqa: E731
    deadline = time.monotonic() + HANG_GUARD
    while open_polls() < len(pages) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert open_polls() == len(pages)
    session, view, _ = pages[0]
    assert launch.post_events(session, view, []).json() == {"ok": True}
    assert launch.page_is_served()
    assert open_polls() == len(pages)  # answered while every long poll was still open
    handler.close_all()
    for thread in waiting:
        thread.join(HANG_GUARD)
    assert answers == [{"closed": True, "reason": "ended"}] * len(pages)


def test_an_idle_half_sent_request_is_closed_by_the_server(launch: Launch) -> None:
    """Stated bound: waitress closes a stalled connection after `channel_timeout` (15 s),
    checked every `cleanup_interval` (5 s); the hang guard waits a little beyond both."""
    with Connection(launch.port, timeout=CHANNEL_TIMEOUT + CLEANUP_INTERVAL + 5) as conn:
        conn.send(b"GET / HTTP/1.1\r\nHost: " + launch.host.encode() + b"\r\n")
        assert conn.closed_by_server(within=CHANNEL_TIMEOUT + CLEANUP_INTERVAL + 5)
