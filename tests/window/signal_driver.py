"""`desklaunch --gui GUI SCRIPT` that receives SIGTERM at one chosen moment of its start.

Usage: signal_driver.py SCRIPT MOMENT [SIGNAL]. The signal (SIGTERM, or SIGINT as Ctrl+C
sends it) comes from outside desklaunch (this process sends it to itself, as `kill` would)
at MOMENT:

- `before_window`: the window is asked for, its toolkit has not made it yet;
- `page_loading`: the toolkit has just made it, the page not loaded, the server starting;
- `shown`: the window has just appeared;
- `twice_before_window`: as `before_window`, then the same signal again before the window
  has come (the first is still closing it).

desklaunch then exits the process with its own exit code, which the test reads.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

import webview

from desklaunch.cli import main as desklaunch

SIGNAL = signal.Signals[sys.argv[3]] if len(sys.argv) > 3 else signal.SIGTERM


def terminate() -> None:
    os.kill(os.getpid(), SIGNAL)


def arrange(moment: str) -> None:
    make, start = webview.create_window, webview.start

    def create_window(*args: Any, **kwargs: Any) -> Any:
        window = make(*args, **kwargs)
        if moment == "page_loading":
            window.events.before_show += terminate
        elif moment == "shown":
            window.events.shown += terminate
        return window

    def start_after_signal(*args: Any, **kwargs: Any) -> Any:
        terminate()
        if moment == "twice_before_window":
            terminate()
        return start(*args, **kwargs)

    webview.create_window = create_window
    if moment in ("before_window", "twice_before_window"):
        webview.start = start_after_signal


def main() -> None:
    script, moment = sys.argv[1], sys.argv[2]
    arrange(moment)
    gui = os.environ.get("PYWEBVIEW_GUI", "qt")
    desklaunch(["--gui", gui, "--data-dir", os.getcwd(), script])


if __name__ == "__main__":
    main()
