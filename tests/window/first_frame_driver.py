"""Runs an app whose server is held back, and looks at the window before its page loads.

    first_frame_driver.py SCRIPT ACTIONS RESULT [fail]

The App's start waits until this driver has looked at the window (its Qt widget, grabbed
on the GUI thread half a second after it was first shown), so the server cannot answer
before: the
colour in its middle, its title, its size and whether the server was still held back go
into the result. Then the page loads and
the ACTIONS run as in driver.py. With `fail`, the App's start then fails instead: the
window must close and `run()` raise what happened.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

import webview
from driver import RESULT_FIELDS, start_driving  # type: ignore[import-not-found]

from desklaunch.app import App
from desklaunch.core.target import resolve
from desklaunch.desktop.options import Options
from desklaunch.launcher import run

HELD = threading.Event()
"""Set while `held_back` keeps the server from starting."""
LOOKED = threading.Event()


def look_when_shown(result: dict[str, Any]) -> None:
    """Once the window exists: half a second after it shows, grab it on the GUI thread."""
    from qtpy.QtCore import QTimer

    def look() -> None:
        native = webview.windows[0].native
        image = native.grab().toImage()
        result["first_frame"] = {
            "middle": image.pixelColor(image.width() // 2, image.height() // 2).name(),
            "title": native.windowTitle(),
            "size": [native.width(), native.height()],
            "server_held": HELD.is_set(),
        }
        LOOKED.set()

    def before_show() -> None:  # on the GUI thread
        QTimer.singleShot(500, look)

    def wait_for_window() -> None:
        while not webview.windows:
            threading.Event().wait(0.01)
        webview.windows[0].events.before_show += before_show

    threading.Thread(target=wait_for_window, daemon=True).start()


def main() -> None:
    script, actions, result_path = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    start = App.start

    def held_back(app: App) -> str:
        HELD.set()
        LOOKED.wait(20)
        HELD.clear()
        if sys.argv[4:] == ["fail"]:
            raise RuntimeError("the server could not start")
        return start(app)

    App.start = held_back  # type: ignore[method-assign]
    target = resolve(script)
    result: dict[str, Any] = dict(RESULT_FIELDS)
    look_when_shown(result)
    start_driving(actions, result)
    try:
        code = run(target.runner(as_main=True), target.kind,
                   Options(title="First frame", width=640, height=480))
    except RuntimeError as exc:
        result["raised"] = str(exc)
        code = 1
    result["code"] = code
    with open(result_path, "w", encoding="utf-8") as out:
        json.dump(result, out)
    from desklaunch.launcher import exit_process

    exit_process(code)


if __name__ == "__main__":
    main()
