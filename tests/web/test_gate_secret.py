"""The launch secret, the cookie it buys, and session ids nobody can guess or choose."""

from __future__ import annotations

import hmac
import secrets
import threading

import pytest
from rawhttp import Launch, assert_refused

from desklaunch.web import gate


def test_the_secret_buys_an_httponly_strict_cookie_and_a_url_without_it(new_launch) -> None:
    fresh = new_launch()
    answer = fresh.request("GET", f"/?x=1&launch={fresh.secret}&y=%C3%A9", cookie=False)
    assert answer.status == 303
    assert answer.header("Location") == "/?x=1&y=%C3%A9"
    assert fresh.secret not in str(answer.headers) and fresh.secret.encode() not in answer.body
    cookie = answer.header("Set-Cookie") or ""
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite", "path"} <= attributes and "SameSite=Strict" in cookie
    name, _, value = cookie.split(";")[0].partition("=")
    assert name == f"desklaunch-{fresh.port}" and len(value) >= 32
    fresh.cookie = f"{name}={value}"
    assert fresh.request("GET", "/").status == 200


def test_the_secret_works_once(new_launch) -> None:
    fresh = new_launch()
    fresh.enter()
    assert_refused(fresh.request("GET", f"/?launch={fresh.secret}", cookie=False), 403)


def test_only_one_of_many_racing_uses_of_the_secret_wins(new_launch) -> None:
    fresh = new_launch()
    statuses: list[int] = []
    lock = threading.Lock()

    def try_secret() -> None:
        status = fresh.request("GET", f"/?launch={fresh.secret}", cookie=False).status
        with lock:
            statuses.append(status)

    racers = [threading.Thread(target=try_secret, name=f"racer-{i}") for i in range(20)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(10)
    assert sorted(statuses) == [303] + [403] * 19


@pytest.mark.parametrize("offer", [
    "", "{wrong}", "{secret}x", "{prefix}", "{secret_upper}", "%00{secret}", "{secret}%00",
    "%C3%A9" * 43, "{secret}&launch={secret}",
])
def test_a_wrong_or_missing_secret_is_refused_and_does_not_spend_it(new_launch,
                                                                    offer: str) -> None:
    fresh = new_launch()
    wrong = secrets.token_urlsafe(32)
    target = "/?launch=" + offer.format(secret=fresh.secret, wrong=wrong,
                                        prefix=fresh.secret[:-1], secret_upper=fresh.secret.upper())
    if offer == "{secret}&launch={secret}":
        target = f"/?launch={wrong}&launch={fresh.secret}"
    assert_refused(fresh.request("GET", target, cookie=False), 403)
    assert_refused(fresh.request("GET", "/", cookie=False), 403)
    assert fresh.enter().status == 303


def test_the_secret_in_a_post_or_an_api_call_buys_nothing(new_launch) -> None:
    fresh = new_launch()
    assert_refused(fresh.request("POST", f"/?launch={fresh.secret}",
                                 {"Content-Type": "application/json"}, b"{}"), 403)
    assert fresh.enter().status == 303


def test_a_secret_offered_again_with_the_cookie_is_stripped_by_a_redirect(launch: Launch
                                                                          ) -> None:
    answer = launch.request("GET", f"/assets/js/main.js?launch={launch.secret}")
    assert answer.status == 303
    assert answer.header("Location") == "/assets/js/main.js"
    assert answer.header("Set-Cookie") is None


@pytest.mark.parametrize("cookie", [
    "desklaunch-{port}=", "desklaunch-{port}=wrong", "desklaunch-1=VALUE", "desklaunch=VALUE",
    "desklaunch-{port}=VALUEx", "desklaunch-{port}=\"VALUE\"", "DESKLAUNCH-{port}=VALUE",
    "desklaunch-{port}=é", "desklaunch-{port}",
])
def test_a_wrong_cookie_is_refused(launch: Launch, cookie: str) -> None:
    value = (launch.cookie or "").partition("=")[2]
    header = cookie.format(port=launch.port).replace("VALUE", value)
    assert_refused(launch.request("GET", "/", {"Cookie": header}, cookie=False), 403)


def test_the_right_cookie_among_others_is_accepted(launch: Launch) -> None:
    answer = launch.request("GET", "/", {"Cookie": f"a=b; {launch.cookie}; c=d"}, cookie=False)
    assert answer.status == 200


def test_secret_and_cookie_are_compared_in_constant_time(new_launch, monkeypatch) -> None:
    """Every comparison of a secret goes through hmac.compare_digest (no early exit)."""
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(gate.hmac, "compare_digest", spy)
    fresh = new_launch()
    fresh.enter()
    fresh.request("GET", "/")
    assert fresh.secret.encode() in {b for _, b in compared}
    assert (fresh.cookie or "").partition("=")[2].encode() in {b for _, b in compared}


def test_a_client_chosen_or_guessed_session_id_gets_the_close_answer(launch: Launch) -> None:
    before_sessions = len(launch.app.handler)
    before_threads = threading.active_count()
    for chosen in ["chosen", "0", "a" * 32, secrets.token_urlsafe(24), "../../x", "é☃",
                   "x" * 5000]:
        for view in (None, "v"):
            headers = {"X-Desklaunch-Session": chosen}
            if view:
                headers["X-Desklaunch-View"] = view
            answer = launch.request("GET", "/api/poll?ack=0", headers)
            assert answer.status == 200
            assert answer.json() == {"closed": True, "reason": "unknown"}
    assert len(launch.app.handler) == before_sessions
    assert threading.active_count() == before_threads


def test_another_sessions_id_with_a_stale_view_is_detached(launch: Launch) -> None:
    session, view = launch.open_session()
    other_session, other_view = launch.open_session()
    answer = launch.request("GET", "/api/poll?ack=0", {
        "X-Desklaunch-Session": session, "X-Desklaunch-View": other_view})
    assert answer.json() == {"detached": True}
    answer = launch.post_events(session, other_view, [{"seq": 1, "type": "click", "id": "c1"}])
    assert answer.json() == {"detached": True}
    assert session != other_session and view != other_view


def test_two_hundred_session_attempts_stay_bounded(new_launch) -> None:
    fresh = new_launch()
    fresh.enter()
    baseline = threading.active_count()
    for _ in range(200):
        session, view = fresh.open_session()
        fresh.wait_for(session, view, "input")  # attached: its script runs
    cap = fresh.app.handler.max_sessions
    assert len(fresh.app.handler) <= cap
    live = {session._script_thread for session in fresh.app.handler.sessions()}
    for thread in threading.enumerate():  # evicted sessions' scripts wake and end
        if thread.name.startswith("desklaunch-script-") and thread not in live:
            thread.join(10)
    assert threading.active_count() <= baseline + cap
