"""Latency in the page: click → rendered, input round trip, background push.

Every system's app runs at once; samples alternate between systems (A, B, C, A, B, C …)
after warm-ups, so a burst of load from elsewhere on the machine hits them all alike.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page

from bench import browser as web
from bench.plan import Plan
from bench.stats import summary
from bench.systems import FLOOR_ON_WAITRESS, Running, start

Sampler = Callable[[Page, int], float]
PAUSE = 0.02
"""Seconds between two samples of one system, as a person never clicks back to back."""


def _interleaved(pages: dict[str, Page], sample: Sampler, warmup: int, count: int
                 ) -> dict[str, list[float]]:
    order = list(pages)
    counter = itertools.count(1)
    for _ in range(warmup):
        for system in order:
            sample(pages[system], next(counter))
    samples: dict[str, list[float]] = {system: [] for system in order}
    for round_ in range(count):
        shift = round_ % len(order)  # rotate who goes first
        for system in order[shift:] + order[:shift]:
            samples[system].append(sample(pages[system], next(counter)))
            time.sleep(PAUSE)
    return samples


class Apps:
    """One scenario's app per system, each open in a page of its own context."""

    def __init__(self, browser: Browser, systems: list[str], scenario: str,
                 peer: Path | None) -> None:
        self.running: dict[str, Running] = {}
        self.pages: dict[str, Page] = {}
        self._contexts = []
        try:
            for system in systems:
                self.running[system] = start(system, scenario, peer)
                context = web.new_context(browser)
                self._contexts.append(context)
                self.pages[system] = web.open_app(context, self.running[system])
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for context in self._contexts:
            context.close()
        for running in self.running.values():
            running.stop()


def clicks(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
           ) -> dict[str, Any]:
    """click → rendered: dispatched inside the page, and with real input events.

    With the floor, also the floor on waitress: desklaunch over it is desklaunch's own time.
    """
    if "floor" in systems:
        systems = [*systems, FLOOR_ON_WAITRESS]
    apps = Apps(browser, systems, "click", peer)
    try:
        dispatched = _interleaved(
            apps.pages, lambda page, _: web.click_in_page(page, "Click", "clicked "),
            plan.warmup, plan.clicks)
        real = _interleaved(
            apps.pages, lambda page, _: web.click_for_real(page, "Click", "clicked "),
            plan.warmup // 2, plan.real_clicks)
    finally:
        apps.close()
    return {"click": {s: summary(v, unit="ms") for s, v in dispatched.items()},
            "click_real_input": {s: summary(v, unit="ms") for s, v in real.items()}}


def _submit(page: Page, number: int) -> float:
    """Type a value into the one empty field and press its submit button; ms until shown."""
    page.wait_for_function("""() => {
        const fields = [...document.querySelectorAll("form input")]
          .filter((f) => f.type === "text" && !f.disabled && f.offsetParent !== null);
        return fields.length === 1 && fields[0].value === "";
    }""")
    return float(page.evaluate(
        """async (token) => {
          const field = [...document.querySelectorAll("form input")]
            .find((f) => f.type === "text" && !f.disabled && f.offsetParent !== null);
          field.focus();
          field.value = token;
          field.dispatchEvent(new Event("input", { bubbles: true }));
          field.dispatchEvent(new Event("change", { bubbles: true }));
          const pending = window.__bench.expect("got " + token);
          field.form.querySelector("button[type=submit]").click();
          return await pending;
        }""", f"v{number}x"))


def inputs(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
           ) -> dict[str, Any]:
    """input round trip: fill the asked value, submit, until the script's answer shows."""
    apps = Apps(browser, systems, "input", peer)
    try:
        samples = _interleaved(apps.pages, _submit, plan.warmup // 2, plan.inputs)
    finally:
        apps.close()
    return {"input": {s: summary(v, unit="ms") for s, v in samples.items()}}


def pushes(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
           ) -> dict[str, Any]:
    """background push: every system's timer thread pushes at once; delay until in the DOM."""
    apps = Apps(browser, systems, "push", peer)
    wanted = plan.warmup // 2 + plan.pushes
    try:
        deadline = time.monotonic() + 0.2 * wanted * 3 + 10
        while time.monotonic() < deadline:
            counts = [page.evaluate("window.__bench.pushes.length") for page in apps.pages.values()]
            if min(counts) >= wanted:
                break
            time.sleep(0.2)
        samples = {s: page.evaluate("window.__bench.pushes")[plan.warmup // 2:wanted]
                   for s, page in apps.pages.items()}
    finally:
        apps.close()
    return {"push": {s: summary(v, unit="ms") for s, v in samples.items()}}
