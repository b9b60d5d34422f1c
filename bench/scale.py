"""Scale: many concurrent sessions of the click app in one process, each page clicking once
a second (from a random phase); click → rendered over all of them, and the threads and
memory each extra session costs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from bench import browser as web
from bench.plan import Plan
from bench.startup import rss_mb, threads
from bench.stats import summary
from bench.systems import start

PERIOD_MS = 1000


def _system(browser: Browser, system: str, plan: Plan, peer: Path | None) -> dict[str, Any]:
    print(f"bench: scale {system}", file=sys.stderr, flush=True)
    running = start(system, "click", peer)
    context = web.new_context(browser)
    contexts = [context]
    try:
        pages = [web.open_app(context, running)]
        time.sleep(0.3)
        one = rss_mb(running.pid), threads(running.pid)
        for _ in range(plan.scale_sessions - 1):
            # A profile of its own per session: Chromium keeps at most 6 connections per
            # origin in one profile, and each page's long poll holds one of them.
            contexts.append(web.new_context(browser))
            contexts[-1].add_cookies(context.cookies())
            pages.append(web.open_app(contexts[-1], running, first=False))
        time.sleep(0.3)
        many = rss_mb(running.pid), threads(running.pid)
        for page in pages:
            page.evaluate("(period) => window.__bench.clickEvery('Click', period)", PERIOD_MS)
        time.sleep(plan.scale_seconds)
        latencies = [ms for page in pages for ms in page.evaluate("window.__bench.clicks")]
        extra = max(1, plan.scale_sessions - 1)
        return summary(
            latencies, unit="ms", sessions=plan.scale_sessions,
            rss_one_session_mib=one[0], rss_all_sessions_mib=many[0],
            rss_per_session_mib=(many[0] - one[0]) / extra,
            threads_one_session=one[1], threads_all_sessions=many[1],
            threads_per_session=(many[1] - one[1]) / extra)
    finally:
        for each in contexts:
            each.close()
        running.stop()


def scale(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
          ) -> dict[str, Any]:
    """One system at a time (50 pages of every system at once would measure the browser)."""
    return {"scale": {system: _system(browser, system, plan, peer) for system in systems}}
