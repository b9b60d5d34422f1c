"""curses in the console: a screen ended that was never a terminal's is no error.

A library may start curses only to ask the terminal's width (flit's log formatter:
`initscr()`, `getmaxyx()`, `endwin()`) when stderr says it is a terminal, as the console's
does. The width comes back (the console's 80 columns), but `endwin()` then fails, since
the run's descriptors are no terminal whose modes it could restore: flit ended there before
its first question. While a console run is on, that failure is taken as done; everywhere
else, and in a terminal, `endwin()` is curses' own.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("curses",)
"""The module whose `endwin` programs call (it is `_curses.endwin`)."""


def adjust(module: ModuleType) -> None:
    """Let `curses.endwin()` succeed in the console, where no terminal needs restoring."""
    error = getattr(module, "error", None)
    if not (isinstance(error, type) and issubclass(error, Exception)):
        return

    def ending(original: Callable[..., Any]) -> Callable[..., Any]:
        def endwin() -> Any:
            try:
                return original()
            except error:
                if reading_console() is None:
                    raise
                return None

        endwin.__wrapped__ = original  # type: ignore[attr-defined]
        return endwin

    loadhook.replace(module, "endwin", ending)
