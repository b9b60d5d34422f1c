"""driver.py with real key presses: {"do": "keys", "text": "Ada\\n"} ("\\t" for Tab) types into
whatever has the keyboard focus, as the system would deliver a person's typing;
{"do": "focus_in_page", "label": L} waits until the page has the keyboard focus, in the field
labelled L.

Usage: keys_driver.py SCRIPT ACTIONS RESULT [console] (`console`: started as `desklaunch
SCRIPT` is, console mode detected). Nothing is focused or clicked first: the keys go
to the focus widget of the application's active window (Qt's own routing of key events from
the system), so they reach the page only if the window gave the page the keyboard focus. The
result's "focus" says where the keys went.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

import driver
from qtpy.QtCore import QObject, Qt, Signal
from qtpy.QtTest import QTest
from qtpy.QtWidgets import QApplication


class Typist(QObject):
    """Types on the GUI thread (Qt widgets are touched only there)."""

    asked = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.asked.connect(self.type_now)

    def type_now(self, text: str, done: Any) -> None:
        widget = QApplication.focusWidget()
        done["focus"] = type(widget).__name__ if widget is not None else None
        if widget is not None:
            for char in text:
                if char == "\n":
                    QTest.keyClick(widget, Qt.Key.Key_Return)
                elif char == "\t":
                    QTest.keyClick(widget, Qt.Key.Key_Tab)
                else:
                    QTest.keyClicks(widget, char)
        done["event"].set()


typist = Typist()  # made on the main thread, where the GUI loop will run


def keys(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    done: dict[str, Any] = {"event": threading.Event()}
    typist.asked.emit(action["text"], done)
    if not done["event"].wait(driver.STEP_TIMEOUT):
        raise TimeoutError("the GUI thread never typed")
    result.setdefault("focus", []).append(done["focus"])
    if done["focus"] is None:
        raise AssertionError("no widget of the window has the keyboard focus")


def focus_in_page(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    """Wait until the page has the keyboard focus, in the field labelled action["label"]."""
    label = json.dumps(action["label"])
    driver.wait_for(window, "document.hasFocus() && document.activeElement?.labels?.[0]"
                            f"?.textContent === {label}")
    # A person sees the field before typing into it: wait until it has been on screen (the
    # frame after the one that drew it), as Chromium drops keys sent before the page's frame.
    window.run_js("window.__dlShown = false; requestAnimationFrame(() => "
                  "requestAnimationFrame(() => { window.__dlShown = true; }))")
    driver.wait_for(window, "window.__dlShown === true")


driver.EXTRA_ACTIONS["keys"] = keys
driver.EXTRA_ACTIONS["focus_in_page"] = focus_in_page

if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv.pop(4) == "console":  # through the command line
        import cli_driver

        cli_driver.main()
    else:
        driver.main()
