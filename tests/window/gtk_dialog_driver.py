"""driver.py (or cli_driver.py with `console`) on GTK, with the person at GTK's file chooser
stood in for: pywebview's GTK backend makes a real `Gtk.FileChooserDialog` (title, action,
filters, suggested name), and only its `run()` (the person picking) and the files picked
are replaced.

Usage: gtk_dialog_driver.py SCRIPT ACTIONS RESULT ANSWERS [console]. Each dialog answers
with the next item of ANSWERS (JSON list: a path, a list of paths, null for Cancel, or
"stay": the real dialog stays open, waiting for a person who does not come); what the real
dialog was made with goes to the result's "dialogs". With `console` the app starts through
desklaunch's command line; the action `expect_value` then waits for a field's value, and
`signal` sends the process a signal (as `kill` does) once a dialog is open.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from typing import Any

import gi

gi.require_version("Gtk", "3.0")
import driver  # noqa: E402
from gi.repository import Gtk  # noqa: E402

calls: list[dict[str, Any]] = []
answers: list[Any] = json.loads(sys.argv.pop(4)) if len(sys.argv) > 4 else []
console = len(sys.argv) > 4 and sys.argv.pop(4) == "console"
picked: dict[int, list[str]] = {}
SAMPLE_NAMES = ("cat.png", "notes.txt")
"""Names each filter of a dialog is tried on: what the person would see listed."""


def shows(file_filter: Gtk.FileFilter, name: str) -> bool:
    info = Gtk.FileFilterInfo()
    info.contains = Gtk.FileFilterFlags.DISPLAY_NAME | Gtk.FileFilterFlags.FILENAME
    info.display_name, info.filename = name, f"/any/{name}"
    return bool(file_filter.filter(info))


def run(dialog: Gtk.FileChooserDialog) -> int:
    """The person looks at the dialog and picks (or cancels): on GTK's own thread."""
    calls.append({
        "title": dialog.get_title(),
        "action": dialog.get_action().value_nick,
        "select_multiple": dialog.get_select_multiple(),
        "filters": [{"name": f.get_name(), "shows": [n for n in SAMPLE_NAMES if shows(f, n)]}
                    for f in dialog.list_filters()],
        "current_name": dialog.get_current_name()
        if dialog.get_action() == Gtk.FileChooserAction.SAVE else None,
        "on_gtk_thread": threading.current_thread() is threading.main_thread(),
    })
    answer = answers.pop(0) if answers else None
    if answer == "stay":
        return int(real_run(dialog))
    if answer is None:
        return int(Gtk.ResponseType.CANCEL)
    picked[id(dialog)] = [answer] if isinstance(answer, str) else list(answer)
    return int(Gtk.ResponseType.OK)


def get_filenames(dialog: Gtk.FileChooserDialog) -> list[str]:
    return picked.get(id(dialog), [])


def get_filename(dialog: Gtk.FileChooserDialog) -> str | None:
    return next(iter(picked.get(id(dialog), [])), None)


real_run = Gtk.FileChooserDialog.run
Gtk.FileChooserDialog.run = run  # type: ignore[method-assign]
Gtk.FileChooserDialog.get_filenames = get_filenames  # type: ignore[method-assign]
Gtk.FileChooserDialog.get_filename = get_filename  # type: ignore[method-assign]
driver.RESULT_FIELDS["dialogs"] = calls


def send_signal(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    deadline = time.monotonic() + driver.STEP_TIMEOUT
    while not calls and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the dialog's own loop is running
    result["signalled_at"] = time.monotonic()
    os.kill(os.getpid(), signal.Signals[action["signal"]])


driver.EXTRA_ACTIONS["signal"] = send_signal

if __name__ == "__main__":
    if console:
        import cli_driver

        cli_driver.main()
    else:
        driver.main()
