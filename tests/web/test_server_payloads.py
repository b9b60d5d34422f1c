"""Malformed and oversized input: every one a 4xx with a short body, never a 500 or a hang."""

from __future__ import annotations

import json

import pytest
from rawhttp import Connection, Launch, assert_refused, request_bytes


def event_headers(launch: Launch, session: str, view: str) -> list[tuple[str, str]]:
    return [("Host", launch.host), ("Cookie", launch.cookie or ""), ("X-Desklaunch", "1"),
            ("X-Desklaunch-Session", session), ("X-Desklaunch-View", view),
            ("Content-Type", "application/json")]


def post_raw(launch: Launch, body: bytes, extra: list[tuple[str, str]] | None = None):
    session, view = launch.open_session()
    return launch.send(request_bytes("POST", "/api/events",
                                     event_headers(launch, session, view) + (extra or []), body))


def test_a_declared_200_mb_body_is_refused_before_it_is_sent(launch: Launch) -> None:
    session, view = launch.open_session()
    with Connection(launch.port) as conn:
        conn.send(request_bytes("POST", "/api/events", [
            *event_headers(launch, session, view), ("Content-Length", str(200 * 1024 * 1024))]))
        assert_refused(conn.read(), 413)


def test_a_chunked_body_over_the_limit_is_refused(launch: Launch) -> None:
    session, view = launch.open_session()
    chunk = b"x" * 65536
    with Connection(launch.port) as conn:
        conn.send(request_bytes("POST", "/api/events", [
            *event_headers(launch, session, view), ("Transfer-Encoding", "chunked")]))
        try:
            for _ in range(40):
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        assert_refused(conn.read(), 413)


def test_a_small_chunked_body_is_read_like_any_other(launch: Launch) -> None:
    session, view = launch.open_session()
    body = json.dumps({"events": [{"seq": 1, "type": "click", "id": "c9"}]}).encode()
    data = request_bytes("POST", "/api/events", [
        *event_headers(launch, session, view), ("Transfer-Encoding", "chunked")])
    data += b"%x\r\n%s\r\n" % (10, body[:10]) + b"%x\r\n%s\r\n0\r\n\r\n" % (len(body) - 10,
                                                                         body[10:])
    answer = launch.send(data)
    assert answer.status == 200 and answer.json() == {"ok": True}


@pytest.mark.parametrize("length", ["abc", "-1", "+5", "0x10", " 5 5", "1e3", "١٢",
                                    "99999999999999999999999999", "5, 5"])
def test_a_bad_content_length_is_refused(launch: Launch, length: str) -> None:
    answer = post_raw(launch, b"", [("Content-Length", length)])
    assert_refused(answer, 400, 413)


def test_two_different_content_lengths_are_refused(launch: Launch) -> None:
    answer = post_raw(launch, b"{}", [("Content-Length", "2"), ("Content-Length", "30")])
    assert_refused(answer, 400)


def test_content_length_and_chunked_together_are_refused(launch: Launch) -> None:
    answer = post_raw(launch, b"0\r\n\r\n", [("Content-Length", "5"),
                                            ("Transfer-Encoding", "chunked")])
    assert_refused(answer, 400)


@pytest.mark.parametrize("body", [
    b"{bad json", b"", b"null", b"[]", b'"events"', b"{}", b'{"events": {}}',
    b'{"events": null}', b"[" * 40_000 + b"]" * 40_000, b'{"events": [' * 20_000,
    b'{"events": [1]}', b'{"events": [{"seq": "1", "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": -1, "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": 0, "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": 1.5, "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": true, "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": 2, "type": "click", "id": "c1"}, '
    b'{"seq": 1, "type": "click", "id": "c1"}]}',
    b'{"events": [{"seq": 1, "type": "explode", "id": "c1"}]}',
    b'{"events": [{"seq": 1, "type": "click", "id": ""}]}',
    b'{"events": [{"seq": 1, "type": "click", "id": 5}]}',
    b'{"events": [{"seq": 1, "type": "click", "id": "' + b"x" * 65 + b'"}]}',
    b'{"events": [{"seq": 1, "type": "click", "id": "c1", "value": ' + b"[" * 40 + b"]" * 40
    + b"}]}",
    b'{"events": [{"seq": 1' + b"0" * 5000 + b', "type": "click", "id": "c1"}]}',
    b"\xff\xfe\xfd", b'{"events": ["\xff"]}', b'{"events": [], "x": "\xc3\x28"}',
    b'{"events": []}\x00', b'{"events": []} {"events": []}',
])
def test_malformed_event_bodies_are_refused(launch: Launch, body: bytes) -> None:
    assert_refused(post_raw(launch, body), 400)


@pytest.mark.parametrize("body", [
    json.dumps({"events": [{"seq": i + 1, "type": "click", "id": "c1"} for i in range(101)]}),
    json.dumps({"events": [{"seq": i + 1, "type": "click", "id": "c1"}
                           for i in range(100_000)]}),
    json.dumps({"events": [{"seq": 1, "type": "click", "id": "c1", "value": "x" * 10_000_000}]}),
])
def test_too_many_events_or_too_big_a_body_is_refused(launch: Launch, body: str) -> None:
    session, view = launch.open_session()
    with Connection(launch.port) as conn:
        conn.send(request_bytes("POST", "/api/events", [
            *event_headers(launch, session, view), ("Content-Length", str(len(body)))]))
        if len(body) < 1024 * 1024:
            conn.send(body.encode())
        assert_refused(conn.read(), 413)


@pytest.mark.parametrize("ack", ["-1", "abc", "1.5", "1e3", "", "0x1", "٣",
                                 "9" * 30, "%2D1", "+1", " 1"])
def test_a_bad_ack_is_refused(launch: Launch, ack: str) -> None:
    session, view = launch.open_session()
    answer = launch.request("GET", f"/api/poll?ack={ack.replace(' ', '%20')}", {
        "X-Desklaunch-Session": session, "X-Desklaunch-View": view})
    assert_refused(answer, 400)


def test_an_ack_ahead_of_the_commands_sent_is_refused(launch: Launch) -> None:
    session, view = launch.open_session()
    answer = launch.request("GET", "/api/poll?ack=999999", {
        "X-Desklaunch-Session": session, "X-Desklaunch-View": view})
    assert_refused(answer, 400)


def test_a_300_kb_header_is_refused(launch: Launch) -> None:
    answer = launch.request("GET", "/", {"X-Big": "a" * 300_000})
    assert_refused(answer, 431)


def test_ten_thousand_small_headers_are_refused(launch: Launch) -> None:
    answer = launch.request("GET", "/", extra=[(f"X-H{i}", "v") for i in range(10_000)])
    assert_refused(answer, 431)


@pytest.mark.parametrize("data", [
    b"GARBAGE\r\n\r\n", b"\x00\x01\x02\x03\r\n\r\n", b"GET\r\n\r\n", b"GET /\r\n\r\n",
    b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", b"GET / FOO/1.1\r\n\r\n", b"GET  / HTTP/1.1\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40 + b"\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n", b"GET / HTTP/1.1\r\n: empty\r\n\r\n",
    b"GET / HTTP/1.1\r\nX-A: b\r\n c\r\n\r\n",
    b"GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n", b"GET / HTTP/1.1\r\nX\x00: y\r\n\r\n",
])
def test_garbage_requests_are_refused(launch: Launch, data: bytes) -> None:
    with Connection(launch.port) as conn:
        conn.send(data)
        try:
            answer = conn.read()
        except ConnectionError:
            return  # closed without an answer: also a refusal, and no hang
    assert_refused(answer, 400, 403, 505)


def test_unicode_in_json_round_trips_to_the_script_and_back(launch: Launch) -> None:
    session, view = launch.open_session()
    command, ack = launch.wait_for(session, view, "input")
    form = command["form"]
    name = "Zoë 漢字 🐍 \u202e \ud800 \x00"
    body = json.dumps({"events": [{"seq": 1, "type": "submit", "id": form["id"],
                                   "value": {form["fields"][0]["name"]: name}}]}).encode()
    answer = launch.send(request_bytes("POST", "/api/events",
                                       event_headers(launch, session, view), body))
    assert answer.status == 200
    command, _ = launch.wait_for(session, view, "output", ack)
    assert command["widget"]["text"] == f"Hello, {name}!"


def test_unicode_in_event_ids_and_keys_is_only_data(launch: Launch) -> None:
    session, view = launch.open_session()
    answer = launch.post_events(session, view, [
        {"seq": 1, "type": "click", "id": "ç☃\ud800", "value": {"🐍": ["\u0000", "\ufeff"]}}])
    assert answer.status == 200 and answer.json() == {"ok": True}
