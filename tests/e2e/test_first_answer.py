"""The page asks for its first answer while its own script is still loading.

`assets/first-poll.js`, a small `async` script, sends the first poll the moment it runs;
the page's script (`bundle.js`, 170 KB) takes that answer when it starts instead of asking
only then. Here the page's script is held back by the browser until that poll has gone out,
so the test fails if the first answer is asked for only once the page's script runs; and
an early poll that never answers is given up like any poll.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pilot import build_app
from playwright.sync_api import BrowserContext, Page, Request, Route, expect

from desklaunch.app import App
from desklaunch.ui import put_text


def greet() -> None:
    put_text("Hello from the first answer")


@pytest.fixture
def app() -> Iterator[App]:
    app = build_app(greet, "First answer")
    yield app
    app.close()


def first_polls(requests: list[Request]) -> list[Request]:
    """The polls of a page load: those without a view (the page has not been answered)."""
    return [request for request in requests if "/api/poll" in request.url
            and "x-desklaunch-view" not in request.headers]


def until(page: Page, condition: Callable[[], object]) -> None:
    """Let the page's events in until `condition()` holds (bounded)."""
    for _ in range(1000):
        if condition():
            return
        page.wait_for_timeout(10)
    raise AssertionError("the page never got there")


def open_with_script_held(context: BrowserContext, url: str) -> tuple[Page, list[Request]]:
    """Open `url` with the page's script held until its first poll has gone out."""
    page = context.new_page()
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    held: list[Route] = []
    page.route("**/assets/bundle.js", lambda route: held.append(route))
    page.goto(url, wait_until="commit")
    until(page, lambda: held and first_polls(requests))
    assert not page.get_by_text("Hello from the first answer").count()
    assert len(held) == 1, "the page asked for its script more than once"
    held[0].continue_()
    page.unroute("**/assets/bundle.js")
    return page, requests


def test_the_first_answer_is_asked_for_before_the_pages_script_runs(
        context: BrowserContext, app: App) -> None:
    page, requests = open_with_script_held(context, app.start())
    expect(page.get_by_text("Hello from the first answer")).to_be_visible()
    expect(page).to_have_title("First answer")
    polls = first_polls(requests)
    assert len(polls) == 1, "the page's script asked for its first answer again"
    assert "x-desklaunch-session" not in polls[0].headers
    assert len(app.handler) == 1


def test_a_reload_asks_early_too_and_stays_in_the_same_session(
        context: BrowserContext, app: App) -> None:
    page, requests = open_with_script_held(context, app.start())
    expect(page.get_by_text("Hello from the first answer")).to_be_visible()
    session = app.first_session
    requests.clear()
    page.reload()
    expect(page.get_by_text("Hello from the first answer")).to_have_count(1)
    polls = first_polls(requests)
    assert len(polls) == 1
    assert polls[0].headers.get("x-desklaunch-session") is not None
    assert app.first_session is session and len(app.handler) == 1


def test_an_early_poll_that_never_answers_is_given_up_and_asked_again(
        context: BrowserContext, app: App) -> None:
    """The early poll is raced with the poll's watchdog like any poll: when it never
    answers (a connection that hangs), the page's client gives up on it and polls itself,
    and the person sees the script's output without any warning. The watchdog's 60 s is
    made 1.5 s in the page's script for this test."""
    page = context.new_page()
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))

    def quick_watchdog(route: Route) -> None:
        response = route.fetch()
        script = response.text()
        assert "const POLL_WATCHDOG_MS = 60000;" in script
        route.fulfill(response=response,
                      body=script.replace("const POLL_WATCHDOG_MS = 60000;",
                                          "const POLL_WATCHDOG_MS = 1500;"))

    hung: list[Route] = []

    def hang_the_first(route: Route) -> None:
        if not hung:
            hung.append(route)  # never answered while the page waits on it
        else:
            route.continue_()

    page.route("**/assets/bundle.js", quick_watchdog)
    page.route("**/api/poll*", hang_the_first)
    page.goto(app.start(), wait_until="commit")
    expect(page.get_by_text("Hello from the first answer")).to_be_visible(timeout=15_000)
    assert len(hung) == 1
    assert len(first_polls(requests)) == 2, "the client did not ask again itself"
    hung[0].abort()  # the hung poll fails late: that is not news to the person
    page.wait_for_timeout(300)
    expect(page.get_by_text("Hello from the first answer")).to_have_count(1)
    expect(page.get_by_text("Can't reach the app")).to_have_count(0)
    assert len(app.handler) == 1
