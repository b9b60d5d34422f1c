"""Debian's Chromium under Playwright, and pages with the in-page harness (harness.js).

Launched exactly as tests/conftest.py launches it; Playwright never downloads a browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from bench.systems import Running

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
HARNESS = Path(__file__).resolve().parent / "harness.js"
TIMEOUT_MS = 30_000


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser: Browser) -> BrowserContext:
    """A fresh profile whose every page gets the harness before its own scripts run."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(path=str(HARNESS))
    return context


def open_app(context: BrowserContext, running: Running, *, first: bool = True) -> Page:
    """A new page (a new session) on the app, once it shows "ready".

    desklaunch's launch URL works once: later pages of the same context open the origin,
    with the cookie the first one got.
    """
    page = context.new_page()
    url = running.url if first else running.url.split("?", 1)[0]
    page.goto(url)
    page.get_by_text("ready", exact=True).wait_for()
    return page


def click_in_page(page: Page, label: str, token: str) -> float:
    """Dispatch a click on button `label` inside the page; ms until `token` is in the DOM."""
    return float(page.evaluate(
        """async ([label, token]) => {
          const pending = window.__bench.expect(token);
          const button = [...document.querySelectorAll("button")]
            .find((b) => b.textContent.trim() === label);
          button.click();
          return await pending;
        }""", [label, token]))


def click_for_real(page: Page, label: str, token: str) -> float:
    """Click `label` with real input events from the driver; ms until `token` is in the DOM."""
    page.evaluate("(token) => { window.__pending = window.__bench.expect(token); }", token)
    page.get_by_role("button", name=label, exact=True).click()
    return float(page.evaluate("() => window.__pending"))


def timed_run(page: Page, label: str, token: str | None, limit_ms: float) -> Any:
    """Click `label`; ms until `token` is in the DOM (None: a progress bar is full).

    None when it took longer than `limit_ms`.
    """
    return page.evaluate(
        """async ([label, token, limit]) => {
          const bench = window.__bench;
          const pending = token === null ? bench.expectFull() : bench.expect(token);
          const button = [...document.querySelectorAll("button")]
            .find((b) => b.textContent.trim() === label);
          button.click();
          const late = new Promise((resolve) => setTimeout(() => resolve(null), limit));
          return await Promise.race([pending, late]);
        }""", [label, token, limit_ms])
