"""The script's folder on `sys.path`, as `python script.py` puts it, without letting a file
there stand in for a module desklaunch itself imports.

A script named `calendar.py`, `queue.py` or `platform.py` runs in a terminal: only its own
imports see its folder first. desklaunch imports much of the standard library after the
folder is on the path (its server, the event loop, Bottle when the page asks), and would
import the person's file in place of the module it wanted: the script ran at import time,
then desklaunch failed. So the modules named like a file in the folder are imported first,
from where they belong; every other name resolves as in a terminal.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

RUNTIME_PACKAGES = frozenset({"bottle", "waitress", "webview", "platformdirs", "markdown_it",
                              "mdit_py_plugins", "linkify_it", "uc_micro", "nh3"})
"""The packages desklaunch runs on, besides the standard library."""
NEVER_IMPORTED = frozenset({"this", "antigravity", "__hello__", "__phello__", "__main__"})
"""Standard modules whose import does something visible (prints, opens a browser)."""


def put_script_folder_first(folder: Path) -> None:
    """Put `folder` first on `sys.path`, once its files' names can only mean themselves to
    the script's own imports."""
    entry = str(folder)
    if entry in sys.path:
        return
    for name in sorted(shadowed_names(folder)):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - not for this system (msvcrt, winreg…): nothing to guard
            continue
    sys.path.insert(0, entry)


def shadowed_names(folder: Path) -> set[str]:
    """The names of the standard library's and desklaunch's modules that a file or package
    in `folder` would take over, not yet imported."""
    known = (set(sys.stdlib_module_names) | RUNTIME_PACKAGES) - NEVER_IMPORTED
    try:
        entries = list(folder.iterdir())
    except OSError:
        return set()
    found = set()
    for entry in entries:
        if entry.suffix == ".py" or (entry.is_dir() and (entry / "__init__.py").is_file()):
            name = entry.stem if entry.suffix == ".py" else entry.name
            if name in known and name not in sys.modules:
                found.add(name)
    return found
