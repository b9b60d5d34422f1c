"""Runs `desklaunch ARGS...` in-process with a real window, and moves it like a person would.

A geometry test starts this file as a subprocess. Once the page shows TEXT, a helper thread
records the window's place; with PLACE ("x,y,width,height") it then resizes and moves the
window and waits until the window reports that place; with `wait:FILE` it keeps the window
open until FILE exists. Then it closes the window, and desklaunch stops as it would for a
person. The result (JSON) goes to RESULT.
With `confirm` it tries closing twice (see `close_twice`).
Usage: geometry_driver.py RESULT TEXT PLACE|wait:FILE|confirm|- ARGS...
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import webview

from desklaunch.cli import main as desklaunch_main

STEP_TIMEOUT = 45.0
FRAME = 40


def wait_until(check: Any, what: str) -> Any:
    """Poll `check()` until it is truthy (bounded); return its value."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            value = check()
        except Exception:  # noqa: BLE001 - the window or page may not be there yet
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"never happened: {what}")


def place(window: Any) -> dict[str, int]:
    return {"x": window.x, "y": window.y, "width": window.width, "height": window.height}


def arrived(now: dict[str, int], x: int, y: int, width: int, height: int) -> bool:
    """The window has the size asked for, and its inside is near the outer place asked for
    (`move` places the frame; `window.x` reports the inside, a frame's width away)."""
    return (now["width"], now["height"]) == (width, height) and \
        abs(now["x"] - x) <= FRAME and abs(now["y"] - y) <= FRAME


ANSWER = """(() => { const field = document.querySelector("form input");
field.value = "yes"; field.form.requestSubmit(); })()"""


def escape_the_question(answered: list[str]) -> bool:
    """Answer GTK's question before quitting as Escape does (DELETE_EVENT), once it shows;
    True (look again) until then."""
    from gi.repository import Gtk

    for dialog in Gtk.Window.list_toplevels():
        if isinstance(dialog, Gtk.MessageDialog) and dialog.get_visible():
            answered.append(dialog.props.text)
            dialog.response(Gtk.ResponseType.DELETE_EVENT)
            return False
    return True


def close_twice(window: Any, result: dict[str, Any], result_path: str) -> None:
    """`confirm`: try closing while the script waits for an answer, then after it finished.

    Each time, record whether closing would ask; the first close is refused here instead of
    by a person answering the dialog (which an offscreen test cannot see). With GTK,
    where desklaunch asks itself, the question is answered with Escape, which must keep the
    window open.
    """
    asked: list[bool] = []
    answered: list[str] = []  # GTK's questions, which desklaunch asks itself, answered here
    gtk = os.environ.get("PYWEBVIEW_GUI") == "gtk"
    if gtk:
        from gi.repository import GLib

        GLib.timeout_add(50, escape_the_question, answered)

    def closing() -> bool:
        asked.append(bool(window.confirm_close) or len(answered) > sum(asked))
        if len(asked) == 1:
            return gtk  # GTK: Escape alone keeps the window open
        result["asked"] = asked
        with open(result_path, "w", encoding="utf-8") as out:
            json.dump(result, out)
        return True

    window.events.closing += closing
    window.destroy()
    wait_until(lambda: asked, "a first try at closing")
    window.run_js(ANSWER)
    wait_until(lambda: window.run_js("document.body.innerText.includes('Finished') || "
                                     "document.body.innerText.includes('Exited with code')"),
               "the script (or the console program's run) to finish")


def drive(result_path: str, text: str, wanted: str) -> None:
    result: dict[str, Any] = {}
    window = wait_until(lambda: webview.windows and webview.windows[0], "a window")
    try:
        wait_until(lambda: window.run_js(f"document.body.innerText.includes({text!r})"),
                   f"the page shows {text!r}")
        result["initial"] = place(window)
        result["screens"] = [[s.x, s.y, s.width, s.height] for s in webview.screens]
        if wanted == "confirm":
            close_twice(window, result, result_path)
            window.destroy()
            return
        if wanted != "-" and not wanted.startswith("wait:"):
            x, y, width, height = (int(n) for n in wanted.split(","))
            window.resize(width, height)
            window.move(x, y)
            wait_until(lambda: arrived(place(window), x, y, width, height),
                       f"the window at {wanted}")
            result["moved"] = place(window)
    except Exception as exc:  # noqa: BLE001 - reported to the test
        result["error"] = f"{type(exc).__name__}: {exc}"
    with open(result_path, "w", encoding="utf-8") as out:
        json.dump(result, out)
    if wanted.startswith("wait:"):  # keep the window open until the test says so
        release = Path(wanted[len("wait:"):])
        wait_until(release.exists, f"{release} to appear")
    window.destroy()


def main() -> None:
    result_path, text, wanted, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    threading.Thread(target=drive, args=(result_path, text, wanted),
                     name="geometry-test-driver", daemon=True).start()
    desklaunch_main(args)


if __name__ == "__main__":
    main()
