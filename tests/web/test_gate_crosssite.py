"""Cross-site requests: foreign origins, simple-request tricks, preflights, session creation."""

from __future__ import annotations

import json

import pytest
from rawhttp import Launch, assert_no_cors, assert_refused

EVENTS = json.dumps({"events": []}).encode()


def post(launch: Launch, headers: dict[str, str], body: bytes = EVENTS, *,
         cookie: bool = True, api: bool | None = None):
    session, view = launch.open_session()
    return launch.request("POST", "/api/events", {
        "X-Desklaunch-Session": session, "X-Desklaunch-View": view, **headers}, body,
        cookie=cookie, api=api)


@pytest.mark.parametrize("origin", [
    "https://evil.example", "null", "http://127.0.0.1", "http://127.0.0.1:1",
    "https://127.0.0.1:{port}", "http://localhost:{port}", "http://127.0.0.1:{port}/",
    "http://127.0.0.1:{port}.evil.example", "HTTP://127.0.0.1:{port}", "",
    "http://127.0.0.1:{port}, https://evil.example",
])
def test_a_post_from_any_other_origin_is_refused(launch: Launch, origin: str) -> None:
    answer = post(launch, {"Origin": origin.format(port=launch.port),
                           "Content-Type": "application/json"})
    assert_refused(answer, 403)


@pytest.mark.parametrize("site", ["cross-site", "same-site", "CROSS-SITE", "garbage", ""])
@pytest.mark.parametrize("method, target", [("GET", "/"), ("GET", "/api/poll?ack=0"),
                                            ("POST", "/api/events")])
def test_sec_fetch_site_other_than_same_origin_is_refused(launch: Launch, site: str,
                                                          method: str, target: str) -> None:
    answer = launch.request(method, target, {"Sec-Fetch-Site": site,
                                             "Content-Type": "application/json"},
                            EVENTS if method == "POST" else b"")
    assert_refused(answer, 403)


@pytest.mark.parametrize("site", ["same-origin", "none"])
def test_the_windows_own_fetch_metadata_is_served(launch: Launch, site: str) -> None:
    assert launch.request("GET", "/", {"Sec-Fetch-Site": site}).status == 200


@pytest.mark.parametrize("media_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
    "application/jsonx", "application/json-patch+json", "text/json", "",
    "application/json, text/plain", "application/octet-stream",
])
def test_a_post_whose_body_is_not_json_is_refused(launch: Launch, media_type: str) -> None:
    headers = {"Content-Type": media_type} if media_type else {}
    assert_refused(post(launch, headers), 415)


@pytest.mark.parametrize("media_type", ["application/json", "APPLICATION/JSON",
                                        "application/json; charset=utf-8"])
def test_json_posts_from_the_window_are_accepted(launch: Launch, media_type: str) -> None:
    answer = post(launch, {"Content-Type": media_type, "Origin": launch.origin})
    assert answer.status == 200
    assert answer.json() == {"ok": True}


@pytest.mark.parametrize("method", ["OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT",
                                    "PROPFIND", "get"])
def test_other_methods_and_preflights_get_no_cors_and_no_way_in(launch: Launch,
                                                               method: str) -> None:
    answer = launch.request(method, "/api/events", {
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "x-desklaunch, content-type"})
    assert_refused(answer, 400, 403, 405)  # 400: a lowercase method is not HTTP
    assert_no_cors(answer)


def test_a_post_can_never_create_a_session(launch: Launch) -> None:
    before = len(launch.app.handler)
    answer = launch.request("POST", "/api/events", {"Content-Type": "application/json",
                                                    "Origin": launch.origin}, EVENTS)
    assert_refused(answer, 400)
    answer = launch.request("POST", "/api/events", {
        "Content-Type": "application/json", "X-Desklaunch-Session": "chosen-by-client",
        "X-Desklaunch-View": "v"}, EVENTS)
    assert answer.json() == {"closed": True, "reason": "unknown"}
    assert len(launch.app.handler) == before


def test_a_cross_site_form_post_without_the_cookie_is_refused(launch: Launch) -> None:
    """What a foreign page's <form method=post> can send: no cookie (SameSite), no header."""
    answer = launch.request("POST", "/api/events", {
        "Content-Type": "text/plain", "Origin": "https://evil.example",
        "Sec-Fetch-Site": "cross-site"}, EVENTS, cookie=False, api=False)
    assert_refused(answer, 403)


@pytest.mark.parametrize("target", ["/api/poll?ack=0", "/api/events"])
def test_the_api_needs_its_custom_header(launch: Launch, target: str) -> None:
    method = "POST" if target == "/api/events" else "GET"
    before = len(launch.app.handler)
    answer = launch.request(method, target, {"Content-Type": "application/json"},
                            EVENTS if method == "POST" else b"", api=False)
    assert_refused(answer, 403)
    assert len(launch.app.handler) == before


def test_a_get_without_the_secret_or_cookie_never_creates_a_session(launch: Launch) -> None:
    before = len(launch.app.handler)
    for target in ("/api/poll?ack=0", "/", "/?launch=", "/api/poll?launch=x"):
        assert_refused(launch.request("GET", target, cookie=False), 403)
    assert len(launch.app.handler) == before
