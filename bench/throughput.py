"""Throughput: N lines (1,000 and 10,000) and 1,000 progress-bar updates, each from a
fresh app and page, timed from the click to the last line (or a full bar) in the DOM.

`--quick` runs every case on one app and page per system, one after the other, and
leaves PyWebIO out of the 10,000 lines.
A run that does not finish within the plan's limit is recorded as a failure, with how
many lines were in the page when it was cut off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from bench import browser as web
from bench.plan import Plan
from bench.stats import summary
from bench.systems import PEERS, Running, start

CASES = (
    # metric, button, token awaited (None: the bar is full), runs, limit. 10,000 lines come
    # last: on a shared page (`--quick`) a system cut off there is still busy with the rest.
    ("lines_1k", "Go 1000", "line 999 of 1000", "runs_1k", "limit_1k_ms"),
    ("progress_1k", "Progress", None, "runs_progress", "limit_progress_ms"),
    ("lines_10k", "Go 10000", "line 9999 of 10000", "runs_10k", "limit_10k_ms"),
)


class _Fresh:
    """A new app process and page for every run (the full plan)."""

    def __init__(self, browser: Browser, peer: Path | None) -> None:
        self.browser, self.peer = browser, peer

    def run(self, system: str, label: str, token: str | None, limit: float
            ) -> tuple[float | None, int | None]:
        running = start(system, "throughput", self.peer)
        context = web.new_context(self.browser)
        try:
            return _timed(web.open_app(context, running), label, token, limit)
        finally:
            context.close()
            running.stop()

    def close(self) -> None:
        pass


class _Shared(_Fresh):
    """One app and page per system for every run, one case after the other (`--quick`)."""

    def __init__(self, browser: Browser, peer: Path | None) -> None:
        super().__init__(browser, peer)
        self.apps: dict[str, tuple[Running, BrowserContext, Page]] = {}

    def run(self, system: str, label: str, token: str | None, limit: float
            ) -> tuple[float | None, int | None]:
        if system not in self.apps:
            running = start(system, "throughput", self.peer)
            context = web.new_context(self.browser)
            self.apps[system] = running, context, web.open_app(context, running)
        return _timed(self.apps[system][2], label, token, limit)

    def close(self) -> None:
        for running, context, _ in self.apps.values():
            context.close()
            running.stop()


def _timed(page: Page, label: str, token: str | None, limit: float
           ) -> tuple[float | None, int | None]:
    elapsed = web.timed_run(page, label, token, limit)
    shown = None
    if elapsed is None and token is not None:
        shown = int(page.evaluate("(p) => window.__bench.count(p)", "line "))
    return elapsed, shown


def throughput(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
               ) -> dict[str, Any]:
    apps = _Fresh(browser, peer) if plan.fresh_apps else _Shared(browser, peer)
    try:
        return _cases(apps, systems, plan)
    finally:
        apps.close()


def _cases(apps: _Fresh, systems: list[str], plan: Plan) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for metric, label, token, runs_field, limit_field in CASES:
        runs, limit = getattr(plan, runs_field), getattr(plan, limit_field)
        taking = [s for s in systems if (token is not None or s != "floor")  # no floor bar
                  and (plan.peers_10k or metric != "lines_10k" or s not in PEERS)]
        samples: dict[str, list[float | None]] = {s: [] for s in taking}
        cut_off: dict[str, list[int]] = {s: [] for s in taking}
        for round_ in range(runs):
            shift = round_ % len(taking)
            for system in taking[shift:] + taking[:shift]:
                elapsed, shown = apps.run(system, label, token, limit)
                samples[system].append(elapsed)
                if shown is not None:
                    cut_off[system].append(shown)
        results[metric] = {}
        for system, values in samples.items():
            extra: dict[str, Any] = {"unit": "ms", "limit_ms": limit}
            if cut_off[system]:
                extra["lines_shown_when_cut_off"] = cut_off[system]
            results[metric][system] = summary(values, **extra)
    return results
