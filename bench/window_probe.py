"""Runs in its own process: a native window (pywebview, Qt offscreen) showing either the
desklaunch hello app or a bare static page; prints the wall time "hello world" was first
seen in the page (as JSON), then closes the window.

    python window_probe.py desklaunch|bare

Both kinds are watched the same way, from a thread polling the page every few ms.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

import webview

POLL = 0.004
LIMIT = 30.0
BARE_PAGE = ("<!doctype html><html><head><title>bench</title></head>"
             "<body><p>hello world</p></body></html>")
SEEN = "!!document.body && document.body.textContent.includes('hello world')"


def watch(result: dict[str, Any]) -> None:
    deadline = time.monotonic() + LIMIT
    while not webview.windows and time.monotonic() < deadline:
        time.sleep(POLL)
    window = webview.windows[0]
    while time.monotonic() < deadline:
        try:
            if window.run_js(SEEN):
                result["first_wall"] = time.time() * 1000
                break
        except Exception:  # noqa: BLE001 - the page may not be there yet
            pass
        time.sleep(POLL)
    window.destroy()


def main() -> None:
    kind = sys.argv[1]
    result: dict[str, Any] = {}
    threading.Thread(target=watch, args=(result,), name="bench-watch", daemon=True).start()
    if kind == "bare":
        webview.create_window("bench", html=BARE_PAGE)
        webview.start(gui="qt", private_mode=True)
    else:  # exactly what `desklaunch --title bench --gui qt dl_app.py hello` does
        from desklaunch.cli import main as desklaunch

        app = Path(__file__).resolve().parent / "apps" / "dl_app.py"
        with contextlib.suppress(SystemExit):  # it ends with sys.exit(the script's code)
            desklaunch(["--title", "bench", "--gui", "qt", str(app), "hello"])
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
