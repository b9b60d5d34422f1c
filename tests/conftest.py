"""Fixtures shared by the tests: a real Chromium (one per run), the `pilot` factory, and
sessions with a recording sink (`make_session`) and an event loop thread (`loop`).

Chromium is Debian's (/usr/bin/chromium, installed by `make test`); Playwright never
downloads a browser of its own here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pilot import Pilot, ScriptTarget, build_app
from playwright.sync_api import Browser, BrowserContext, Playwright, expect, sync_playwright

from desklaunch.compat import install_pywebio_alias, remove_pywebio_alias
from desklaunch.core.loop import EventLoopThread
from desklaunch.core.session import Session

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
TIMEOUT_MS = 10_000
"""How long an expectation waits before failing: generous, since the machines are shared."""


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Chromium "
                    "before running the tests", pytrace=False)
    expect.set_options(timeout=TIMEOUT_MS)
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def desklaunch_browser(browser: Browser) -> Browser:
    """The test kit's browser-mode apps open in the suite's Chromium (Playwright's sync API
    allows one driver per thread)."""
    return browser


@pytest.fixture
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """A fresh browser profile per test: no cookies or session storage left over. A test
    marked `@pytest.mark.screen(device_scale_factor=2)` has its pages on such a screen."""
    screen = request.node.get_closest_marker("screen")
    context = browser.new_context(**(screen.kwargs if screen else {}))
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def pilot(context: BrowserContext) -> Iterator[Callable[..., Pilot]]:
    """Start a script in a real app and open it in a page: `app = pilot(script_or_function)`.

    Keyword arguments: `title` (the window title), `expect_error=True` when the script is
    meant to raise. At teardown the app is closed and the test fails if the script (or a
    callback) raised unexpectedly, if the page had JavaScript errors, or if a script thread
    did not stop.
    """
    started: list[Pilot] = []

    def start(target: ScriptTarget, *, title: str | None = None,
              expect_error: bool = False) -> Pilot:
        app = build_app(target, title)
        page = context.new_page()
        try:
            started.append(Pilot(app, page, expect_error=expect_error))
        except BaseException:
            app.close()
            raise
        return started[-1]

    yield start
    problems = [problem for run in started for problem in run.stop()]
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


SESSION_WAIT = 10.0
"""A hang guard for the session fixtures; nothing there should take more than a blink."""


class Recorder:
    """A sink that keeps every command and lets a test wait for one."""

    def __init__(self) -> None:
        self.commands: list[dict[str, Any]] = []
        self._lock = threading.RLock()  # taken directly: see desklaunch/core/interrupt.py
        self._cond = threading.Condition(self._lock)

    def __call__(self, command: dict[str, Any]) -> None:
        with self._lock:
            self.commands.append(command)
            self._cond.notify_all()

    def kinds(self) -> list[str]:
        return [c["cmd"] for c in self.commands]

    def wait_for(self, kind: str) -> dict[str, Any]:
        with self._lock:
            found = self._cond.wait_for(lambda: kind in self.kinds(), SESSION_WAIT)
        assert found, f"no {kind!r} command came; got {self.commands}"
        return next(c for c in self.commands if c["cmd"] == kind)


@pytest.fixture
def make_session() -> Iterator[Callable[..., tuple[Session, Recorder]]]:
    """Build sessions with a recording sink; close and join them all afterwards."""
    made: list[Session] = []

    def make(main: Callable[[], Any], **options: Any) -> tuple[Session, Recorder]:
        sink = Recorder()
        session = Session(main, sink, **options)
        made.append(session)
        return session, sink

    yield make
    for session in made:
        session.close()
        session.interrupt()
        assert session.join(SESSION_WAIT), f"{session} did not stop"


@pytest.fixture
def loop() -> Iterator[Any]:
    thread = EventLoopThread()
    thread.start()
    yield thread.loop
    thread.stop()


@pytest.fixture
def alias() -> Iterator[None]:
    """What the `desklaunch` command does before running a PyWebIO script: `import pywebio`
    gives desklaunch's stand-ins (PyWebIO itself is not installed here)."""
    assert install_pywebio_alias(), "these tests need PyWebIO not to be installed"
    yield
    remove_pywebio_alias()
