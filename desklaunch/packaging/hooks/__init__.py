"""Where PyInstaller finds desklaunch's hooks: named by the `pyinstaller40` entry point.

With desklaunch's own hook, anyone's `pyinstaller app.py` that imports desklaunch collects
the page's assets and the modules desklaunch imports lazily, with no extra flags. The others are for
libraries a console program brings that PyInstaller has no hook for (python-inquirer's
readchar and blessed), so a frozen program runs as it does unfrozen.
"""

from __future__ import annotations

from pathlib import Path


def get_hook_dirs() -> list[str]:
    """The folders holding `hook-*.py` files, as PyInstaller's entry point asks."""
    return [str(Path(__file__).resolve().parent)]
