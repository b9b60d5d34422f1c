"""Host pinning: only `Host: 127.0.0.1:<port>` gets in, on every route (DNS rebinding)."""

from __future__ import annotations

import pytest
from rawhttp import Connection, Launch, assert_refused, request_bytes

OTHER_HOSTS = [
    "attacker.example:{port}", "attacker.example", "localhost.attacker.example:{port}",
    "127.0.0.1.nip.io:{port}", "localhost:{port}", "LOCALHOST:{port}", "localhost",
    "127.1:{port}", "0x7f.1:{port}", "0x7f000001:{port}", "2130706433:{port}",
    "0177.0.0.1:{port}", "127.0.0.01:{port}", "[::1]:{port}", "[::ffff:127.0.0.1]:{port}",
    "0.0.0.0:{port}", "127.0.0.2:{port}", "127.0.0.1.:{port}", "127.0.0.1", "127.0.0.1:",
    "127.0.0.1:1", "127.0.0.1:0{port}", "127.0.0.1:{port}0", "127.0.0.1:+{port}",
    "127.0.0.1:{port}.attacker.example", "attacker.example@127.0.0.1:{port}",
    "127.0.0.1:{port}@attacker.example", "127.0.0.1:{port}/", "127.0.0.1 :{port}",
    "127.0.0.1:{port},attacker.example", "\uff11\uff12\uff17.0.0.1:{port}", "",
]
ROUTES = [("GET", "/"), ("GET", "/assets/js/main.js"), ("GET", "/api/poll?ack=0"),
          ("POST", "/api/events"), ("HEAD", "/"), ("GET", "/?launch={secret}")]


@pytest.mark.parametrize("method, target", ROUTES)
@pytest.mark.parametrize("host", OTHER_HOSTS)
def test_any_other_host_is_refused_on_every_route(launch: Launch, host: str, method: str,
                                                  target: str) -> None:
    answer = launch.request(method, target.format(secret=launch.secret),
                            {"Content-Type": "application/json"} if method == "POST" else {},
                            b'{"events": []}' if method == "POST" else b"",
                            host=host.format(port=launch.port))
    assert_refused(answer, 403)
    if method != "HEAD":
        assert b"wrong host" in answer.body


@pytest.mark.parametrize("target", ["/", "/api/poll?ack=0"])
def test_a_missing_host_header_is_refused(launch: Launch, target: str) -> None:
    assert_refused(launch.request("GET", target, omit_host=True), 400, 403)


def test_http_1_0_without_a_host_is_refused(launch: Launch) -> None:
    answer = launch.send(request_bytes("GET", "/", [("Cookie", launch.cookie or "")],
                                       version="HTTP/1.0"))
    assert_refused(answer, 403)


@pytest.mark.parametrize("second", ["attacker.example:{port}", "127.0.0.1:{port}"])
def test_a_duplicate_host_header_is_refused(launch: Launch, second: str) -> None:
    answer = launch.request("GET", "/", extra=[("Host", second.format(port=launch.port))])
    assert_refused(answer, 400, 403)


@pytest.mark.parametrize("header", ["X-Forwarded-Host", "Forwarded", "X-Host", "X-Original-Host"])
def test_forwarded_headers_never_stand_in_for_the_host(launch: Launch, header: str) -> None:
    value = f"host={launch.host}" if header == "Forwarded" else launch.host
    answer = launch.request("GET", "/", {header: value}, host=f"attacker.example:{launch.port}")
    assert_refused(answer, 403)


def test_an_absolute_url_for_this_app_with_another_host_header_is_refused(launch: Launch
                                                                          ) -> None:
    answer = launch.request("GET", f"http://{launch.host}/", host="attacker.example")
    assert_refused(answer, 403)


def test_a_wrong_host_does_not_spend_the_launch_secret(new_launch) -> None:
    fresh = new_launch()
    for host in ("attacker.example:{port}", "localhost:{port}"):
        answer = fresh.request("GET", f"/?launch={fresh.secret}", host=host.format(port=fresh.port))
        assert_refused(answer, 403)
    assert fresh.enter().status == 303


def test_the_exact_host_is_served(launch: Launch) -> None:
    answer = launch.request("GET", "/")
    assert answer.status == 200
    assert answer.header("Content-Type") == "text/html; charset=utf-8"
    with Connection(launch.port) as conn:  # and the same again, kept alive, twice
        for _ in range(2):
            conn.send(request_bytes("GET", "/", [("Host", launch.host),
                                                 ("Cookie", launch.cookie or "")]))
            assert conn.read().status == 200
