"""Where PyInstaller finds desklaunch's hook: named by the `pyinstaller40` entry point.

With it, anyone's own `pyinstaller app.py` that imports desklaunch collects the page's
assets and the modules desklaunch imports lazily, with no extra flags.
"""

from __future__ import annotations

from pathlib import Path


def get_hook_dirs() -> list[str]:
    """The folders holding `hook-*.py` files, as PyInstaller's entry point asks."""
    return [str(Path(__file__).resolve().parent)]
