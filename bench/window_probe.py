"""Runs in its own process: a native window (pywebview, Qt offscreen or GTK) showing either
the desklaunch hello app or a bare static page; prints the wall time "hello world" was first
seen in the page (as JSON), then closes the window.

    python window_probe.py desklaunch|bare [qt|gtk]

Both kinds are watched the same way, from a thread polling the page every few ms. The result
is printed before the window closes: with GTK desklaunch ends the process as soon as it
has stopped (`os._exit`, GTK's teardown being slow), so nothing would run after; and a
process that does not end soon after is ended by the watcher.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import webview

POLL = 0.004
LIMIT = 30.0
EXIT_GRACE = 3.0
"""Seconds the process may take to end once the window is closed: a bare pywebview GTK
window sometimes never ends its process (a known pywebview hang at close), and the number
is taken by then."""
BARE_PAGE = ("<!doctype html><html><head><title>bench</title></head>"
             "<body><p>hello world</p></body></html>")
SEEN = "!!document.body && document.body.textContent.includes('hello world')"
printed = threading.Event()


def report(result: dict[str, Any]) -> None:
    if not printed.is_set():
        printed.set()
        print(json.dumps(result), flush=True)


def watch(result: dict[str, Any]) -> None:
    deadline = time.monotonic() + LIMIT
    while not webview.windows and time.monotonic() < deadline:
        time.sleep(POLL)
    if not webview.windows:
        report(result)
        return
    window = webview.windows[0]
    while time.monotonic() < deadline:
        try:
            if window.run_js(SEEN):
                result["first_wall"] = time.time() * 1000
                break
        except Exception:  # noqa: BLE001 - the page may not be there yet
            pass
        time.sleep(POLL)
    report(result)
    window.destroy()
    time.sleep(EXIT_GRACE)
    os._exit(0)


def main() -> None:
    kind = sys.argv[1]
    gui = sys.argv[2] if len(sys.argv) > 2 else "qt"
    result: dict[str, Any] = {}
    threading.Thread(target=watch, args=(result,), name="bench-watch", daemon=True).start()
    if kind == "bare":
        webview.create_window("bench", html=BARE_PAGE)
        webview.start(gui=gui, private_mode=True)
    else:  # exactly what `desklaunch --title bench --gui GUI dl_app.py hello` does
        from desklaunch.cli import main as desklaunch

        app = Path(__file__).resolve().parent / "apps" / "dl_app.py"
        with contextlib.suppress(SystemExit):  # it ends with sys.exit(the script's code)
            desklaunch(["--title", "bench", "--gui", gui, str(app), "hello"])
    report(result)


if __name__ == "__main__":
    main()
