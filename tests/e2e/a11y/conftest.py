"""Accessibility checks in the real browser: axe-core on every kind of screen, in light and
dark mode, plus the `audit` helper the keyboard and reflow tests share.

axe-core reaches the page as text that `page.evaluate` runs, which the page's CSP (no
`unsafe-eval`) refuses. So the audited page lives in a browser context made with
`bypass_csp=True`, and only here: every other test sees the page under its real policy.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from pilot import Pilot, ScriptTarget, build_app
from playwright.sync_api import Browser, BrowserContext, Page

from desklaunch.app import App
from desklaunch.console import ConsoleProgram
from desklaunch.core.settings import AppSettings
from desklaunch.core.target import resolve

# axe's defaults run every WCAG 2.0/2.1/2.2 A and AA rule and its best practices. These are
# off by default and switched on here: target-size is WCAG 2.2 AA (2.5.8); the others are
# axe's experimental rules, worth passing too.
EXTRA_RULES = ["target-size", "css-orientation-lock", "focus-order-semantics",
               "label-content-name-mismatch", "p-as-heading", "table-fake-caption",
               "td-has-header"]
OPTIONS = {"resultTypes": ["violations"],
           "rules": {rule: {"enabled": True} for rule in EXTRA_RULES}}
_axe = Axe()
LOG = os.environ.get("DESKLAUNCH_AXE_LOG")


def audit(page: Page) -> list[str]:
    """axe-core's violations on `page` as it is now, one line per element: rule, impact,
    the element's HTML and what to fix. An empty list is a pass."""
    results = _axe.run(page, options=OPTIONS).response
    if LOG:  # DESKLAUNCH_AXE_LOG=file: every violation found, for counting by rule
        with open(LOG, "a", encoding="utf-8") as log:
            for violation in results["violations"]:
                log.write(f"{violation['id']}\t{violation['impact']}\t{len(violation['nodes'])}\n")
    return [f"{violation['id']} ({violation['impact']}): {node['html'][:160]} -- "
            + " ".join(node["failureSummary"].split())
            for violation in results["violations"] for node in violation["nodes"]]


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    """The colour scheme the page is shown in (`prefers-color-scheme`)."""
    return str(request.param)


@pytest.fixture
def axe_context(browser: Browser, scheme: str) -> Iterator[BrowserContext]:
    """A browser context that lets axe-core in (`bypass_csp`), in `scheme`."""
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # type: ignore[arg-type]
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
