"""The Chromium the kit's `browser=True` apps open in: which one, and one shared per process.

Chromium: `DESKLAUNCH_CHROMIUM` if set, else /usr/bin/chromium when it exists, else
the browser Playwright installed for itself (`playwright install chromium`).
"""

from __future__ import annotations

import atexit
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
_shared: dict[str, Any] = {}
_shared_lock = threading.Lock()


def chromium_path() -> str | None:
    """Which Chromium to start: the environment's choice, Debian's, or Playwright's own."""
    chosen = os.environ.get("DESKLAUNCH_CHROMIUM")
    if chosen:
        return chosen
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def launch(playwright: Playwright) -> Browser:
    """A headless Chromium for the kit."""
    path = chromium_path()
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def shared_browser() -> Browser:
    """One Chromium for every `browser=True` AppTest of this process (closed at exit)."""
    with _shared_lock:
        if "browser" not in _shared:
            try:
                from playwright.sync_api import sync_playwright
            except ImportError:
                raise RuntimeError('browser=True needs Playwright: pip install '
                                   '"desklaunch[testing]"') from None

            driver = sync_playwright().start()
            _shared["driver"], _shared["browser"] = driver, launch(driver)
            atexit.register(close_shared_browser)
        return _shared["browser"]  # type: ignore[no-any-return]


def close_shared_browser() -> None:
    """Stop the shared Chromium (the pytest plugin does at the end of the run)."""
    with _shared_lock:
        browser, driver = _shared.pop("browser", None), _shared.pop("driver", None)
    if browser is not None:
        browser.close()
    if driver is not None:
        driver.stop()
