"""Headers on every kind of answer: the page, assets, API, and every refusal."""

from __future__ import annotations

import json
import socket

import pytest
from rawhttp import Launch, Response, assert_no_cors


def answers(launch: Launch) -> dict[str, Response]:
    session, view = launch.open_session()
    ids = {"X-Desklaunch-Session": session, "X-Desklaunch-View": view}
    post = {**ids, "Content-Type": "application/json", "Origin": launch.origin}
    return {
        "page": launch.request("GET", "/"),
        "asset": launch.request("GET", "/assets/js/main.js"),
        "poll": launch.request("GET", "/api/poll?ack=0", ids),
        "events": launch.request("POST", "/api/events", post, b'{"events": []}'),
        "bad events": launch.request("POST", "/api/events", post, b"{bad"),
        "redirect": launch.request("GET", f"/?launch={launch.secret}"),
        "wrong host": launch.request("GET", "/", host="evil.example"),
        "no cookie": launch.request("GET", "/", cookie=False),
        "not found": launch.request("GET", "/assets/nope.js"),
        "method": launch.request("DELETE", "/"),
        "media type": launch.request("POST", "/api/events", {**ids, "Content-Type": "text/plain"},
                                     b"{}"),
        "too large": launch.request("POST", "/api/events", {
            **post, "Content-Length": str(50 * 1024 * 1024)}),
        "garbage": launch.send(b"\x00garbage\r\n\r\n"),
        "headers too large": launch.request("GET", "/", {"X-Big": "b" * 100_000}),
    }


@pytest.fixture(scope="module")
def every_answer(launch: Launch) -> dict[str, Response]:
    return answers(launch)


def test_every_answer_carries_the_security_headers(every_answer: dict[str, Response]) -> None:
    for kind, answer in every_answer.items():
        csp = answer.header("Content-Security-Policy") or ""
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, kind
        assert "script-src 'self'" in csp and "unsafe-eval" not in csp, kind
        assert answer.header("X-Content-Type-Options") == "nosniff", kind
        assert answer.header("Cache-Control") == "no-store", kind
        assert answer.header("Referrer-Policy") == "no-referrer", kind
        assert answer.header("X-Frame-Options") == "DENY", kind
        assert answer.header("Cross-Origin-Resource-Policy") == "same-origin", kind
        # No opener policy: no other site can hold a working reference to the page (the
        # gate's secret and SameSite cookie), and it would cost each load a new process.
        assert answer.header("Cross-Origin-Opener-Policy") is None, kind


def test_no_answer_names_the_server_or_allows_cors(every_answer: dict[str, Response]) -> None:
    for kind, answer in every_answer.items():
        assert answer.header("Server") is None, kind
        assert answer.header("Via") is None and answer.header("X-Powered-By") is None, kind
        assert_no_cors(answer)
        assert b"waitress" not in answer.body.lower() and b"bottle" not in answer.body.lower()
        assert b"Traceback" not in answer.body, kind


def test_no_answer_is_a_server_error(every_answer: dict[str, Response]) -> None:
    statuses = {kind: answer.status for kind, answer in every_answer.items()}
    assert all(status < 500 for status in statuses.values()), statuses
    assert statuses["page"] == statuses["asset"] == statuses["poll"] == 200


def test_every_body_says_what_it_is(every_answer: dict[str, Response]) -> None:
    for kind, answer in every_answer.items():
        content_type = answer.header("Content-Type") or ""
        assert content_type.split(";")[0] in ("text/html", "text/javascript", "application/json",
                                              "text/plain"), (kind, content_type)
    assert json.loads(every_answer["bad events"].body) == {"error": "the body is not valid JSON"}


def test_the_socket_listens_on_127_0_0_1_only(launch: Launch) -> None:
    bound = launch.app._serving.server.endpoint.socket.getsockname()
    assert bound == ("127.0.0.1", launch.port)
    for address in [*_other_addresses(), "127.0.0.2", "::1"]:
        with pytest.raises(OSError), socket.create_connection((address, launch.port), 1):
            pass


def _other_addresses() -> list[str]:
    """This machine's non-loopback IPv4 addresses (the app must not answer on them)."""
    found = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing address
        found.add(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    return sorted(a for a in found if not a.startswith("127."))
