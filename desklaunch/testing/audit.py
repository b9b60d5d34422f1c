"""An accessibility audit of the real page: axe-core's findings, one per element.

axe-core (the engine of Chromium's and Firefox's own audits) comes with the
`axe-playwright-python` package (`pip install "desklaunch[testing]"`). It runs here in an
isolated world of the page, as a browser extension's content script does: it sees the same
DOM and styles, while the page's own scripts never see it (no `window.axe`), so the page
under test is the page as shipped, its security policy included.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from playwright.sync_api import Page

Scheme = Literal["light", "dark"]

EXTRA_RULES = ("target-size", "css-orientation-lock", "focus-order-semantics",
               "label-content-name-mismatch", "p-as-heading", "table-fake-caption",
               "td-has-header")
"""Rules axe leaves off by default, switched on: target-size is WCAG 2.2 AA (2.5.8); the
others are axe's experimental rules, which desklaunch's own screens pass too."""
OPTIONS: dict[str, Any] = {"resultTypes": ["violations"],
                           "rules": {rule: {"enabled": True} for rule in EXTRA_RULES}}
WORLD = "desklaunch-audit"
ELEMENT_CHARS = 160
"""How much of an element's HTML a problem quotes."""


@dataclass(frozen=True)
class AccessibilityProblem:
    """One element that breaks one of axe's rules, and what would fix it."""

    rule: str
    """axe's rule id, e.g. `label` or `color-contrast`."""
    impact: str
    """`minor`, `moderate`, `serious` or `critical`."""
    element: str
    """The element's HTML (its start)."""
    fix: str
    """axe's summary of what to change, on one line."""
    help_url: str
    """axe's page on the rule."""

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.element} -- {self.fix}"

    __repr__ = __str__


def _axe_source() -> str:
    try:
        from axe_playwright_python.base import AXE_SCRIPT  # type: ignore[import-untyped]
    except ImportError:
        raise RuntimeError('the accessibility audit needs axe-core, which comes with the '
                           'axe-playwright-python package: pip install "desklaunch[testing]"'
                           ) from None
    return str(AXE_SCRIPT)


@contextlib.contextmanager
def in_scheme(page: Page, scheme: Scheme | None) -> Iterator[None]:
    """`page` shown in colour scheme `scheme` meanwhile (None: as it is), then its own."""
    if scheme not in (None, "light", "dark"):
        raise ValueError(f'scheme must be "light" or "dark", not {scheme!r}')
    if scheme is None:
        yield
        return
    page.emulate_media(color_scheme=scheme)
    try:
        yield
    finally:
        page.emulate_media(color_scheme="null")  # the page's own again


def audit(page: Page, scheme: Scheme | None = None) -> list[AccessibilityProblem]:
    """axe-core's violations on `page` as it is now (in `scheme`, when given), one per
    element; an empty list is a pass."""
    with in_scheme(page, scheme):
        results = _run(page, _axe_source())
    return [AccessibilityProblem(rule=violation["id"], impact=str(violation["impact"]),
                                 element=node["html"][:ELEMENT_CHARS],
                                 fix=_one_line(node["failureSummary"]),
                                 help_url=violation["helpUrl"])
            for violation in results["violations"] for node in violation["nodes"]]


def _run(page: Page, source: str) -> dict[str, Any]:
    cdp = page.context.new_cdp_session(page)
    try:
        frame = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        world = cdp.send("Page.createIsolatedWorld",
                         {"frameId": frame, "worldName": WORLD})["executionContextId"]
        _evaluate(cdp, world, source)
        results: dict[str, Any] = _evaluate(
            cdp, world, f"axe.run(document, {json.dumps(OPTIONS)})", wait=True)
        return results
    finally:
        cdp.detach()


def _evaluate(cdp: Any, world: int, expression: str, *, wait: bool = False) -> Any:
    answer = cdp.send("Runtime.evaluate", {"expression": expression, "contextId": world,
                                           "awaitPromise": wait, "returnByValue": wait})
    if "exceptionDetails" in answer:
        details = answer["exceptionDetails"]
        raise RuntimeError("axe-core failed in the page: "
                           + str(details.get("exception", {}).get("description")
                                 or details.get("text")))
    return answer["result"].get("value")


def _one_line(summary: str) -> str:
    """axe's summary ("Fix any of the following:" and a check per line) on one line, the
    checks apart: "Fix any of the following: Element has no alt; aria-label is empty"."""
    parts = [" ".join(line.split()) for line in summary.splitlines() if line.strip()]
    text = ""
    for part in parts:
        if not text:
            text = part
        elif text.endswith(":"):
            text = f"{text} {part}"
        elif part.endswith(":"):
            text = f"{text}. {part}"
        else:
            text = f"{text}; {part}"
    return text
