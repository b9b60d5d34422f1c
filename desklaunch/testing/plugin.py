"""The pytest plugin of desklaunch.testing (registered through the `pytest11` entry point).

    def test_greets(desklaunch_app):
        app = desklaunch_app("hello.py")
        app.fill("Your name", "Ada")
        app.submit()
        assert "Hello, Ada!" in app.text

`desklaunch_app(target, **options)` starts an `AppTest` (same arguments). At teardown every
app is closed and the test fails if a script error went unnoticed, if a thread the test
started is still running, or if a session was left open. An `AppTest` a test made itself
and left open is closed after it. A failing test's report shows each app's screen.
`pytest --desklaunch-browser` runs every app (`desklaunch_app`, and an `AppTest` that does
not say `browser=`) in Chromium against the real page instead of in process;
`desklaunch_timeout` (ini) sets the verbs' timeout in seconds.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from desklaunch.testing.apptest import AppTest

LEAK_GRACE = 2.0
"""How long teardown waits for the app's threads to end before calling them leaked."""
STUCK_GRACE = 1.0
"""How long the end of the run waits for script threads still stopping."""
_EXIT_STATUS = pytest.StashKey[int]()
_APPS = pytest.StashKey[list["AppTest"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("desklaunch")
    group.addoption("--desklaunch-browser", action="store_true", default=False,
                    help="run desklaunch_app apps in Chromium against the real page "
                         "(default: in process, on a simulated page)")
    parser.addini("desklaunch_timeout", "seconds a desklaunch_app verb waits for what it "
                  "needs to show (default 5)", default="5")


def pytest_configure(config: pytest.Config) -> None:
    from desklaunch.testing.apptest import set_timeout_by_default, use_browser_by_default

    if config.getoption("--desklaunch-browser", default=False):
        use_browser_by_default(True)
    given = config.getini("desklaunch_timeout")
    try:
        set_timeout_by_default(float(given))
    except ValueError:
        raise pytest.UsageError(f"desklaunch_timeout must be a number of seconds, "
                                f"not {given!r}") from None


@pytest.fixture(scope="session")
def desklaunch_browser() -> Iterator[Browser]:
    """The Chromium that browser-mode apps open in (one per run). Override this fixture
    to share a browser your suite already started."""
    from desklaunch.testing.chromium import close_shared_browser, shared_browser

    yield shared_browser()
    close_shared_browser()


@pytest.fixture
def desklaunch_app(request: pytest.FixtureRequest) -> Iterator[Callable[..., AppTest]]:
    """Start apps under test: `app = desklaunch_app("hello.py")` (see `AppTest`)."""
    from desklaunch.core.session import Session
    from desklaunch.testing.apptest import AppTest

    threads_before = set(threading.enumerate())
    sessions_before = set(Session.live())
    started: list[AppTest] = []
    request.node.stash[_APPS] = started

    def start(target: Any, **options: Any) -> AppTest:
        browser = options.pop("browser", None)
        if browser is None:
            browser = bool(request.config.getoption("--desklaunch-browser"))
        if browser is True:
            browser = request.getfixturevalue("desklaunch_browser")
        app = AppTest(target, browser=browser, **options)
        started.append(app)
        return app

    yield start
    problems: list[str] = []
    unseen: BaseException | None = None
    # The apps the test made itself (`AppTest(...)`) and left open are closed first too:
    # their threads are not the leaks this looks for.
    made = [app for app in request.node.stash.get(_MADE_BY_TEST, []) if app not in started]
    for app in [*started, *made]:
        if not app.close(check=False):
            problems.append(f"{app!r}: the script did not stop when the app closed")
        if unseen is None and not app.expect_error:
            unseen = _unseen_error(app)
    problems += _leaks(threads_before, sessions_before)
    if unseen is not None:
        from desklaunch.testing.errors import ScriptError

        detail = f"\n{chr(10).join(problems)}" if problems else ""
        raise ScriptError(f"the script raised {type(unseen).__name__}: {unseen}{detail}"
                          ) from unseen
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def _unseen_error(app: AppTest) -> BaseException | None:
    """The script's exception the test never looked at (nor had raised in it)."""
    from desklaunch.testing.errors import ScriptError

    try:
        app._check()
    except ScriptError as failed:
        return failed.__cause__
    return None


def _leaks(threads_before: set[threading.Thread], sessions_before: set[Any]) -> list[str]:
    """Threads started during the test and still running, sessions still open."""
    from desklaunch.core.session import Session

    deadline = time.monotonic() + LEAK_GRACE
    left: list[threading.Thread] = []
    for thread in threading.enumerate():
        if thread in threads_before or not thread.is_alive():
            continue
        if thread.daemon and not thread.name.startswith(("desklaunch", "waitress")):
            continue  # Playwright's and other libraries' helpers live for the whole run
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            left.append(thread)
    problems = [f"a thread is still running after the test: {t.name}" for t in left]
    sessions = [s for s in Session.live() if s not in sessions_before]
    problems += [f"a session is still open after the test: {s!r}" for s in sessions]
    return problems


_MADE_BY_TEST = pytest.StashKey[list["AppTest"]]()


_running: list[pytest.Item] = []
"""The test running now, if any."""


def browser_for_test() -> Browser | None:
    """The run's browser for an `AppTest(..., browser=True)` the running test makes itself:
    the `desklaunch_browser` fixture's, which a suite may override with its own Playwright
    browser (one driver per thread); None outside a test."""
    request = getattr(_running[-1], "_request", None) if _running else None
    return request.getfixturevalue("desklaunch_browser") if request is not None else None


def _open_apps() -> list[AppTest]:
    """The apps started and not closed, if the kit was used at all (nothing imported here)."""
    apptest = sys.modules.get("desklaunch.testing.apptest")
    return apptest.open_apps() if apptest is not None else []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    before = set(map(id, _open_apps()))
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.remove(item)
        item.stash[_MADE_BY_TEST] = [app for app in _open_apps() if id(app) not in before]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, None, None]:
    """Close the apps the test itself started (`app = AppTest(...)`) and left open: their
    threads would keep pytest from ending. A script error the test never looked at fails
    it here, as the fixture's teardown does. A fixture's apps are its own to close.

    They are closed before the fixtures are torn down: the last test's teardown also ends
    the session's browser, which a browser app needs to close."""
    try:
        unseen = _close_left(item, check=True)
    except Exception as exc:  # noqa: BLE001 - the fixtures must still be torn down first
        unseen = exc
    outcome = yield
    if unseen is not None:
        raise unseen
    return outcome


def _close_left(item: pytest.Item, *, check: bool) -> BaseException | None:
    """Close the apps the test left open; the first script error none of them reported."""
    unseen = None
    for app in item.stash.get(_MADE_BY_TEST, []):
        try:
            app.close(check=check)
        except AssertionError as exc:  # the kit's ScriptError
            unseen = unseen or exc
    return unseen


_BEFORE_SESSION = pytest.StashKey[set[int]]()


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_BEFORE_SESSION] = set(map(id, _open_apps()))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Close whatever apps the session started and left open (a fixture that never closed
    its app); one open before it (pytest run by a script under the kit) is not its own."""
    before = session.config.stash.get(_BEFORE_SESSION, set())
    for app in _open_apps():
        if id(app) not in before:
            app.close(check=False)
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the run even when a script's thread would not stop: one blocked where no
    exception reaches it (`threading.Event().wait()`) would keep Python from exiting. Its
    test has failed for it already; the process ends as closing a window ends an app's,
    after the exit functions have run. pytest run as a desklaunch program (`desklaunch -m
    pytest`) is itself on a script's thread, in a process that is desklaunch's to end."""
    from desklaunch.testing.apptest import (
        DEFAULT_TIMEOUT,
        set_timeout_by_default,
        use_browser_by_default,
    )

    if config.getoption("--desklaunch-browser", default=False):
        use_browser_by_default(False)
    set_timeout_by_default(DEFAULT_TIMEOUT)
    if threading.current_thread().name.startswith("desklaunch-script-"):
        return
    stuck = [thread for thread in threading.enumerate()
             if thread.name.startswith("desklaunch-script-") and not thread.daemon]
    for thread in stuck:
        thread.join(STUCK_GRACE / max(1, len(stuck)))
    stuck = [thread for thread in stuck if thread.is_alive()]
    if not stuck or _EXIT_STATUS not in config.stash:
        return
    names = ", ".join(thread.name for thread in stuck)
    print(f"desklaunch: ending the test run although a script's thread would not stop "
          f"({names})", file=sys.stderr, flush=True)
    sys.stdout.flush()
    atexit._run_exitfuncs()
    os._exit(config.stash[_EXIT_STATUS])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed and call.when == "call":
        apps = [*item.stash.get(_APPS, []), *item.stash.get(_MADE_BY_TEST, [])]
        # The fixture's apps are started during the test, so they are in both lists.
        for app in {id(app): app for app in apps}.values():
            if not app.closed:
                report.sections.append((f"desklaunch screen: {app!r}", app.screen()))
    return report
