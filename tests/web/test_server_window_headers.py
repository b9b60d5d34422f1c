"""The app's own window gets every security header but the opener policy; a browser tab
gets that too. A window has no opener, and WebKitGTK starts a second web process for a page
that sets the policy (a slower first content, see BENCHMARKS.md)."""

from __future__ import annotations

from collections.abc import Callable

from rawhttp import Launch

from desklaunch.web.endpoint import Endpoint

OPENER = "Cross-Origin-Opener-Policy"


def test_a_browser_tab_gets_the_opener_policy(new_launch: Callable[..., Launch]) -> None:
    launch = new_launch()
    assert launch.enter().header(OPENER) == "same-origin"
    assert launch.request("GET", "/").header(OPENER) == "same-origin"


def test_the_window_gets_every_other_header_but_no_opener_policy(
        new_launch: Callable[..., Launch]) -> None:
    launch = new_launch(endpoint=Endpoint(window=True))
    entered = launch.enter()
    page = launch.request("GET", "/")
    refused = launch.request("GET", "/", host="evil.example")
    assert page.status == 200 and refused.status == 403
    for answer in (entered, page, refused):
        assert answer.header(OPENER) is None
        assert answer.header("X-Frame-Options") == "DENY"
        assert "frame-ancestors 'none'" in (answer.header("Content-Security-Policy") or "")
        assert answer.header("Cross-Origin-Resource-Policy") == "same-origin"
