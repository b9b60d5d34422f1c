"""Start-up and footprint: time to first content in the browser, resident memory of the
hello app, and the time `import desklaunch` takes in a fresh interpreter.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from bench import browser as web
from bench.plan import Plan
from bench.stats import summary
from bench.systems import start

SETTLE = 0.5
"""Seconds after first content before the app's memory is read."""


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise RuntimeError("no Threads")


def first_content(browser: Browser, systems: list[str], plan: Plan, peer: Path | None
                  ) -> dict[str, Any]:
    """Process start → "hello world" in the DOM of a page that was already open, and RSS."""
    times: dict[str, list[float]] = {s: [] for s in systems}
    memory: dict[str, list[float]] = {s: [] for s in systems}
    warm = plan.first_content_warmup  # rounds that only warm the disk cache
    for round_ in range(warm + plan.first_content):
        shift = round_ % len(systems)
        for system in systems[shift:] + systems[:shift]:
            context = web.new_context(browser)
            page = context.new_page()
            running = None
            try:
                running = start(system, "hello", peer)
                page.goto(running.url, wait_until="commit")
                page.wait_for_function("() => window.__bench && window.__bench.first !== null")
                first = float(page.evaluate("window.__bench.first"))
                time.sleep(SETTLE)
                if round_ >= warm:
                    times[system].append(first - running.started_wall * 1000)
                    memory[system].append(rss_mb(running.pid))
            finally:
                context.close()
                if running is not None:
                    running.stop()
    return {
        "first_content_browser": {s: summary(v, unit="ms") for s, v in times.items()},
        "rss_hello_browser": {s: summary(v, unit="MiB") for s, v in memory.items()},
    }


IMPORT_PROBE = """
import sys, time, json
t = time.perf_counter()
import {module}
elapsed = (time.perf_counter() - t) * 1000
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {{'webview', 'PyQt6', 'PyQt5',
    'PySide6', 'qtpy', 'bottle', 'waitress', 'markdown_it', 'flask', 'tornado'}})
print(json.dumps({{'ms': elapsed, 'heavy': heavy}}))
"""


def imports(plan: Plan, peer: Path | None) -> dict[str, Any]:
    """`import X` in a fresh interpreter: the package ("import"), and the module a script
    imports its calls from ("import_ui": desklaunch.ui, pywebio.output)."""
    probes = [("import", "desklaunch", sys.executable, "desklaunch"),
              ("import_ui", "desklaunch", sys.executable, "desklaunch.ui")]
    if peer is not None:
        probes += [("import", "pywebio", str(peer), "pywebio"),
                   ("import_ui", "pywebio", str(peer), "pywebio.output")]
    samples: dict[tuple[str, str], list[float]] = {(m, s): [] for m, s, _, _ in probes}
    heavy: dict[tuple[str, str], list[str]] = {}
    for _ in range(plan.import_runs + 1):  # the first run warms the disk cache
        for metric, system, python, module in probes:
            out = subprocess.run([python, "-c", IMPORT_PROBE.format(module=module)],
                                 capture_output=True, text=True, check=True)
            found = json.loads(out.stdout)
            samples[metric, system].append(found["ms"])
            heavy[metric, system] = found["heavy"]
    results: dict[str, Any] = {"import": {}, "import_ui": {}}
    for (metric, system), values in samples.items():
        results[metric][system] = summary(values[1:], unit="ms",
                                          eager_heavy_modules=heavy[metric, system])
    return results
