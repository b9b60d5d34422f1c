"""desklaunch's command line with a window backend that raises as it starts.

pywebview's `webview.start` (only it) is replaced by one that raises what pywebview raises
when no toolkit loads. Everything else is real: the server, the single-instance lock, the
fallback. At exit, the result file says whether the app's lock could be taken again (it
must be free by then). Usage: failing_driver.py RESULT NAME ARGS...
"""

from __future__ import annotations

import atexit
import json
import sys
from typing import Any

import webview
from webview.errors import WebViewException

from desklaunch.cli import main as desklaunch_main
from desklaunch.desktop.instance import SingleInstance

MESSAGE = ("You must have either QT or GTK with Python extensions installed in order to use "
           "pywebview.")


def start(*args: Any, **kwargs: Any) -> None:
    raise WebViewException(MESSAGE)


def check_lock(result_path: str, name: str) -> None:
    instance = SingleInstance(name)
    free = instance.claim()
    if free:
        instance.release()
    with open(result_path, "w", encoding="utf-8") as out:
        json.dump({"lock_free": free}, out)


if __name__ == "__main__":
    webview.start = start  # type: ignore[assignment]
    result_path, name, arguments = sys.argv[1], sys.argv[2], sys.argv[3:]
    atexit.register(check_lock, result_path, name)
    desklaunch_main(["--single-instance", "--name", name, *arguments])
