"""Fixtures of the accessibility checks in the real browser: a page to audit (`audited`,
`axe_context`), in light and dark mode (`scheme`). `audit()` is in tests/access.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pilot import Pilot, ScriptTarget, build_app
from playwright.sync_api import Browser, BrowserContext

from desklaunch.app import App
from desklaunch.console import ConsoleProgram
from desklaunch.core.settings import AppSettings
from desklaunch.core.target import resolve


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    """The colour scheme the page is shown in (`prefers-color-scheme`)."""
    return str(request.param)


@pytest.fixture
def axe_context(browser: Browser, scheme: str) -> Iterator[BrowserContext]:
    """A browser context in `scheme`, under the page's real security policy (axe-core runs
    in a world of its own: desklaunch.testing.audit)."""
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def audited(axe_context: BrowserContext, tmp_path: Path) -> Iterator[Callable[..., Pilot]]:
    """`app = audited(script, console=False, argv=None, expect_error=False)`: a script (a
    function or a file) in a real app, on a page axe can audit. `console=True` runs the file
    in console mode, as `desklaunch` does with a plain terminal program."""
    started: list[Pilot] = []

    def start(target: ScriptTarget, *, console: bool = False, argv: list[str] | None = None,
              expect_error: bool = False) -> Pilot:
        app: App
        if console:
            resolved = resolve(str(target))
            program = ConsoleProgram(resolved, argv, settings=AppSettings(tmp_path / "settings"))
            app = App(program, kind="thread", title=resolved.title)
        else:
            app = build_app(target)
        page = axe_context.new_page()
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


def shown(app: Pilot, *texts: Any) -> None:
    """Wait until each of `texts` is on the page."""
    for text in texts:
        app.expect_text(text)
