"""readchar's `readkey()` and `readchar()` (press a key) asked in the console, for programs
written with it, unchanged.

readchar reads one key from the terminal in raw mode, which the console has not got (its
stdin has no descriptor, and the terminal desklaunch was started from is not the person's).
While a console run is on (loadhook.py), each read asks in the console's input line, as
click's `getchar` does: the first character of the line entered is the key, an empty line
is Enter (`readchar.key.ENTER`), End input is Ctrl+D's character, and Stop is Ctrl+C's
`KeyboardInterrupt`, as readchar raises it. Arrow keys cannot be typed in a line, so a menu
that moves with them still needs a terminal (the notice before the run says so).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("readchar",)

END_OF_INPUT = "\x04"
"""What readchar gives for Ctrl+D in a terminal."""


def _reading(original: Callable[[], str], enter: str) -> Callable[[], str]:
    def read() -> str:
        console = reading_console()
        if console is None:
            return original()
        line = console.read_line()
        if not line:
            return END_OF_INPUT
        return line.rstrip("\n")[:1] or enter

    read.__wrapped__ = original  # type: ignore[attr-defined]
    return read


def adjust(module: ModuleType) -> None:
    """Ask the module's key reads in the console."""
    key: Any = getattr(module, "key", None)
    enter = str(getattr(key, "ENTER", "\n"))
    for name in ("readkey", "readchar"):
        loadhook.replace(module, name, lambda original: _reading(original, enter))
