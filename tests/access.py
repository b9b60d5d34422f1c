"""Helpers for the accessibility tests: the keyboard alone, and what a screen reader gets.

`Keys(page)` drives a page with the keyboard alone, as a person who uses no mouse does: it
presses keys and moves focus with Tab, and every element Tab lands on must show a focus ring
(a solid outline of 2 px or more, on the element or, for the hidden file input, on its drop
zone). Nothing here clicks, fills or focuses an element directly.

`audit(page)` runs axe-core on the page, as the test kit's `accessibility_problems()` does.

`live_regions(page)` reads Chromium's own accessibility tree (over the DevTools protocol),
the tree screen readers are given: a live region's text is what it last announced.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

from playwright.sync_api import Locator, Page, expect

from desklaunch.testing.audit import audit as kit_audit

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

    def pause(self) -> None:
        """Wait as a person does who reads what came before pressing on: the console takes a
        key pressed within a second of the page moving the focus for one meant for before
        (a line's second Enter), not for the button it lands on."""
        self.page.wait_for_timeout(1100)

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


LOG = os.environ.get("DESKLAUNCH_AXE_LOG")


def audit(page: Page) -> list[str]:
    """axe-core's violations on `page` as it is now, one line per element (the kit's own
    audit, `desklaunch.testing.audit`, which runs under the page's real security policy).
    An empty list is a pass."""
    problems = kit_audit(page)
    if LOG:  # DESKLAUNCH_AXE_LOG=file: every violation found, for counting by rule
        with open(LOG, "a", encoding="utf-8") as log:
            rules = Counter((problem.rule, problem.impact) for problem in problems)
            for (rule, impact), elements in rules.items():
                log.write(f"{rule}\t{impact}\t{elements}\n")
    return [str(problem) for problem in problems]
