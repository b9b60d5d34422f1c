"""cmd2 shells in the console, for programs written with it, unchanged.

cmd2's `Cmd.cmdloop()` refuses to run outside the main thread (it sets signal handlers),
and a console run is a thread of its own; so while a console run is on (loadhook.py),
cmd2's module is told that the run's thread is the main one. Its handlers are then kept as
any program's are (Stop calls its Ctrl+C handler), and its shell shows its prompt before
each line it reads (cmd2's `interactive_pipe`), which labels the console's field, as a
terminal shows it before the cursor.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("cmd2.cmd2",)
"""The module of `Cmd`, whose `cmdloop` asks `threading` for the main thread."""


class _RunThreading:
    """The `threading` module, whose main thread is the console run's own while one is on."""

    def __init__(self, real: ModuleType) -> None:
        self._real = real

    def main_thread(self) -> threading.Thread:
        console = reading_console()
        thread = getattr(console, "thread", None)
        return thread if isinstance(thread, threading.Thread) else self._real.main_thread()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _cmdloop(original: Callable[..., Any]) -> Callable[..., Any]:
    def cmdloop(self: Any, intro: str | None = None) -> Any:
        if reading_console() is not None:
            self.interactive_pipe = True  # its prompt before each line, as on a terminal
        return original(self, intro)

    cmdloop.__wrapped__ = original  # type: ignore[attr-defined]
    return cmdloop


def adjust(module: ModuleType) -> None:
    """Let cmd2's shell run in the console's thread, showing its prompt."""
    loadhook.replace(module, "threading", _RunThreading)
    shell = getattr(module, "Cmd", None)
    if isinstance(shell, type):
        loadhook.replace(shell, "cmdloop", _cmdloop)
