"""How a launch shows its app: the mode, the window's title, size and flags, and what the
desktop remembers. The command line, `desklaunch.launch()` and frozen apps all fill one."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Mode = Literal["window", "browser", "none"]


@dataclass
class Options:
    """How to show the app; every field has a command-line option of the same name."""

    mode: Mode = "window"
    title: str = "desklaunch"
    width: int = 900
    height: int = 700
    close_on_exit: bool = False
    gui: str | None = None
    debug: bool = False
    name: str | None = None
    """The app's name for its settings and single instance; None remembers nothing."""
    data_dir: Path | None = None
    reset: bool = False
    single_instance: bool = False
    watch: Path | None = None
    """The script to rerun when it is saved (`--reload`)."""
    watch_folder: Path | None = None
    """Where the program's own modules are, watched too (default: the script's folder)."""
    sized: frozenset[str] = frozenset()
    """The dimensions asked for ("width", "height"): they win over the remembered ones."""
    min_size: tuple[int, int] | None = None
    resizable: bool = True
    fullscreen: bool = False
    on_top: bool = False
    icon: str | None = None
    confirm_close: bool = False


def guis() -> tuple[str, ...]:
    """pywebview's backends on this platform."""
    if sys.platform == "win32":
        return ("edgechromium", "winforms", "cef", "qt")
    if sys.platform == "darwin":
        return ("cocoa", "qt")
    return ("qt", "gtk")


def gui_name(value: str) -> str:
    """A backend of this platform's, in any case, for `--gui` (pywebview itself takes an
    unknown name for GTK, and the window then hung at close)."""
    name = value.strip().lower()
    if name not in guis():
        raise argparse.ArgumentTypeError(
            f"unknown backend {value!r} (choose {' or '.join(guis())})")
    return name
