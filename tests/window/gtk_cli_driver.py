"""`desklaunch OPTIONS SCRIPT` in a real GTK window (on the test's Xvfb), driven by actions.

Usage: gtk_cli_driver.py SCRIPT ACTIONS RESULT [OPTIONS...]. The app starts through
desklaunch's command line with `--gui gtk`, OPTIONS and SCRIPT; driver.py's actions, and:

- `{"do": "write", "path", "text"}`: save a file, as a person editing the script would;
- `{"do": "expect_title", "title"}`: wait until the GTK window's own title is `title`;
- `{"do": "look"}`: record the window's title and its icon's size in the result;
- `{"do": "keys", "keys": [...]}`: press keys (GDK's names) as a person does.

The window is read on GTK's own thread, as GTK wants. The result is written when the
`close` action closes the window (the command then ends the process itself).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import driver

STEP_TIMEOUT = 20.0


def on_gtk_thread(read: Callable[[], Any]) -> Any:
    """`read()` run by GTK's main loop; its value."""
    from gi.repository import GLib

    done = threading.Event()
    box: list[Any] = []

    def call() -> bool:
        box.append(read())
        done.set()
        return False

    GLib.idle_add(call)
    if not done.wait(STEP_TIMEOUT):
        raise TimeoutError("GTK's loop did not answer")
    return box[0]


def write(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    path = Path(action["path"])
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(action["text"])
    while path.stat().st_mtime_ns == before:  # a coarse clock: save again until it shows
        time.sleep(0.05)
        path.write_text(action["text"])


def expect_title(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT
    while on_gtk_thread(window.native.get_title) != action["title"]:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window's title never became {action['title']!r}")
        time.sleep(0.05)


def look(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    def read() -> dict[str, Any]:
        icon = window.native.get_icon()
        return {"title": window.native.get_title(),
                "icon": None if icon is None else [icon.get_width(), icon.get_height()]}

    result.setdefault("looks", []).append(on_gtk_thread(read))


def keys(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    """Press each key of action["keys"] (GDK's names: "o", "Tab", "Return") in the window,
    as the system delivers a person's key presses: to GTK's main loop, which hands them to
    the widget with the keyboard focus."""
    from gi.repository import Gdk, Gtk

    def press(name: str) -> None:
        display = Gdk.Display.get_default()
        keyval = Gdk.keyval_from_name(name)
        found, entries = Gdk.Keymap.get_for_display(display).get_entries_for_keyval(keyval)
        for kind in (Gdk.EventType.KEY_PRESS, Gdk.EventType.KEY_RELEASE):
            event = Gdk.Event.new(kind)
            event.key.window = window.native.get_window()
            event.key.keyval = keyval
            event.key.hardware_keycode = entries[0].keycode if found else 0
            event.key.time = Gtk.get_current_event_time()
            event.set_device(display.get_default_seat().get_keyboard())
            Gtk.main_do_event(event)

    for name in action["keys"]:
        on_gtk_thread(lambda name=name: press(name))
        time.sleep(0.03)  # a person's pace, and WebKit's own answer to each key


driver.EXTRA_ACTIONS.update(write=write, expect_title=expect_title, look=look, keys=keys)


def main() -> None:
    script, actions, result_path = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    options = sys.argv[4:]
    result: dict[str, Any] = dict(driver.RESULT_FIELDS)

    def save(result: dict[str, Any]) -> None:
        with open(result_path, "w", encoding="utf-8") as out:
            json.dump(result, out)

    driver.BEFORE_CLOSE.append(save)
    driver.start_driving(actions, result, on_failure=save)
    from desklaunch.cli import main as desklaunch

    # Remembered settings (the window's place) go to the test's folder, not the home folder.
    desklaunch(["--gui", "gtk", "--data-dir", os.getcwd(), *options, script])


if __name__ == "__main__":
    main()
