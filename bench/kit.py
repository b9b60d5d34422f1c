"""The test kit: how long a test of examples/hello.py takes, from `AppTest` to the text
asserted — in process (the kit's default) and against the real page in Chromium (the same
test with `browser=True`, the peer measured in the same run).

Each sample is one whole test: start the app, type a name, submit, read the greeting, then
close (the close is not counted: a test's verdict is known by then).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from bench.plan import Plan
from bench.stats import summary
from desklaunch.testing import AppTest

HELLO = Path(__file__).resolve().parents[1] / "examples" / "hello.py"


def one_test(browser: Browser | None) -> float:
    """Milliseconds from `AppTest` to the asserted greeting."""
    started = time.perf_counter()
    app = AppTest.from_file(HELLO, browser=browser if browser is not None else False)
    try:
        app.fill("Your name", "Ada")
        app.submit()
        shown = app.text
        if "Hello, Ada!" not in shown:
            raise RuntimeError(f"the greeting did not show; the screen read {shown!r}")
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        app.close()
    return elapsed


def kit(browser: Browser, plan: Plan) -> dict[str, Any]:
    for _ in range(plan.warmup):
        one_test(None)
    in_process = [one_test(None) for _ in range(plan.kit_runs)]
    one_test(browser)
    real = [one_test(browser) for _ in range(plan.kit_browser_runs)]
    return {"kit_hello": {"desklaunch": summary(in_process, unit="ms"),
                          "desklaunch-browser": summary(real, unit="ms")}}
