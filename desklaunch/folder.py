"""`desklaunch FOLDER/`: a folder of scripts as one app, a menu of them in one window.

Every `.py` file of the folder (not in subfolders; names starting with "_" or "." left
out) written for a window, one importing `desklaunch` or `pywebio`, is an app of the menu,
titled from its file name and described by its docstring's first line. Picking one runs it
as `desklaunch FILE` would, in the same window; a bar above it leads back to the menu
(desklaunch/ui/apps.py). A script that fails shows its error and the menu goes on.

Scripts written for a terminal (console mode) are listed below the menu with the command
that runs them: console mode takes over the process's standard streams, which one window
of several apps cannot share.
"""

from __future__ import annotations

import ast
import functools
import sys
from pathlib import Path
from typing import Any

from desklaunch.console.detect import wants_console
from desklaunch.core.script_folder import put_script_folder_first
from desklaunch.core.target import resolve
from desklaunch.errors import UsageError
from desklaunch.ui.apps import INDEX, AppEntry, run_apps, show_index


def _describe(source: bytes) -> str:
    try:
        doc = ast.get_docstring(ast.parse(source)) or ""
    except (SyntaxError, ValueError):
        return ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _title(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else path.name


def _run(path: Path) -> Any:
    """Run one script of the folder as `desklaunch FILE` would (as `__main__`)."""
    target = resolve(str(path))
    sys.argv = [str(target.path)]
    return target.runner(as_main=True)()


def scan(folder: Path) -> tuple[dict[str, AppEntry], list[Path]]:
    """The folder's window scripts as apps (by file stem), and its terminal scripts."""
    apps: dict[str, AppEntry] = {}
    terminal: list[Path] = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith(("_", ".")) or not path.is_file():
            continue
        try:
            source = path.read_bytes()
        except OSError:
            continue
        if wants_console(source, path=path):
            terminal.append(path)
            continue
        apps[path.stem] = AppEntry(path.stem, functools.partial(_run, path), _title(path),
                                   _describe(source))
    return apps, terminal


def folder_main(folder: Path) -> Any:
    """The main of `desklaunch FOLDER/`: the menu of the folder's apps, in one window."""
    folder = folder.resolve()
    apps, terminal = scan(folder)
    if not apps:
        raise UsageError(f"the folder {folder} holds no script written for a window (one "
                         "that imports desklaunch or pywebio); run a script file instead")
    heading = _title(folder)

    def menu() -> None:
        from desklaunch.ui import put_markdown

        show_index(apps, heading)
        if terminal:
            names = ", ".join(f"`{path.name}`" for path in terminal)
            put_markdown(f"Terminal scripts, run each with `desklaunch FILE`: {names}")

    def main() -> None:
        put_script_folder_first(folder)
        own_index = apps.pop(INDEX, None)
        entries = {INDEX: own_index or AppEntry(INDEX, menu, heading), **apps}
        run_apps(entries, title=heading)

    return main
