"""Helpers for the accessibility tests: the keyboard alone, and what a screen reader gets.

`Keys(page)` drives a page with the keyboard alone, as a person who uses no mouse does: it
presses keys and moves focus with Tab, and every element Tab lands on must show a focus ring
(a solid outline of 2 px or more, on the element or, for the hidden file input, on its drop
zone). Nothing here clicks, fills or focuses an element directly.

`audit(page)` runs axe-core on the page (which must be in a context made with
`bypass_csp=True`: see tests/e2e/a11y/conftest.py).

`live_regions(page)` reads Chromium's own accessibility tree (over the DevTools protocol),
the tree screen readers are given: a live region's text is what it last announced.
"""

from __future__ import annotations

import os
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

RING = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing has focus";
  const ringed = el.closest(".dl-dropzone") ?? el;
  const style = getComputedStyle(ringed);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle === "none" || width < 2) {
    return `no focus ring on ${el.outerHTML.slice(0, 120)}`;
  }
  return "";
}"""
IS_FOCUSED = "el => el === document.activeElement"
MAX_TABS = 40


class Keys:
    """The keyboard of one page."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def retype(self, text: str) -> None:
        """Replace the focused field's text: select all, then type."""
        self.press("Control+A")
        self.type(text)

    def ring(self) -> None:
        """The focused element shows a focus ring."""
        problem = self.page.evaluate(RING)
        assert not problem, problem

    def tab_to(self, target: Locator, *, back: bool = False) -> None:
        """Press Tab (Shift+Tab when `back`) until `target` has focus, checking the focus
        ring of every element passed on the way."""
        key = "Shift+Tab" if back else "Tab"
        expect(target).to_be_visible()  # a person sees what they Tab to before pressing Tab
        for _ in range(MAX_TABS):
            if target.count() == 1 and target.evaluate(IS_FOCUSED):
                self.ring()
                return
            self.press(key)
            self.ring()
        raise AssertionError(f"{MAX_TABS} presses of {key} never reached {target}")

    def focused(self, target: Locator) -> None:
        """`target` has focus (it was moved there by the page, not by the test)."""
        expect(target).to_be_focused()


def live_regions(page: Page) -> list[dict[str, Any]]:
    """Every live region of the page: its role, politeness and the text it holds now."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def text(node: dict[str, Any]) -> str:
        if node["role"]["value"] == "StaticText":
            return str(node["name"]["value"])
        return " ".join(text(by_id[child]) for child in node.get("childIds", [])
                        if child in by_id).strip()

    regions = []
    for node in nodes:
        props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        if props.get("live") in ("polite", "assertive") \
                and node["role"]["value"] in ("status", "alert", "log"):
            regions.append({"role": node["role"]["value"], "live": props["live"],
                            "text": text(node)})
    return regions


def said(page: Page, live: str) -> list[str]:
    return [region["text"] for region in live_regions(page)
            if region["live"] == live and region["text"]]


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
