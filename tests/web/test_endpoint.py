"""The endpoint comes before the server: its URL can be handed out at once, and a page that
connects before the server has started is answered once it has."""

from __future__ import annotations

import socket

import pytest
from rawhttp import Connection, greet, request_bytes

from desklaunch.app import App
from desklaunch.web.endpoint import Endpoint


def test_a_request_sent_before_the_server_starts_is_answered_when_it_does() -> None:
    endpoint = Endpoint()
    with Connection(endpoint.port) as early:
        early.send(request_bytes("GET", f"/?launch={endpoint.secret}",
                                 [("Host", f"127.0.0.1:{endpoint.port}")]))
        app = App(greet, endpoint=endpoint)
        try:
            assert app.start() == endpoint.url
            answer = early.read()
        finally:
            assert app.close()
    assert answer.status == 303  # the launch secret traded for the page's cookie
    assert (answer.header("Set-Cookie") or "").startswith("desklaunch")


def test_each_endpoint_is_a_local_port_with_a_secret_of_its_own() -> None:
    first, second = Endpoint(), Endpoint()
    try:
        assert first.socket.getsockname() == ("127.0.0.1", first.port)
        assert first.url == f"http://127.0.0.1:{first.port}/?launch={first.secret}"
        assert first.port != second.port and first.secret != second.secret
        assert len(first.secret) >= 43  # 32 random bytes
    finally:
        first.close()
        second.close()


def test_a_closed_endpoint_refuses_connections() -> None:
    endpoint = Endpoint()
    endpoint.close()
    endpoint.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", endpoint.port), timeout=1).close()
