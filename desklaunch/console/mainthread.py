"""The console run's thread as the main thread, to the libraries that ask for it.

A terminal program runs on its process's main thread; a console run is a thread of its
own. Some libraries treat the main thread apart: asyncio's `get_event_loop()` makes a loop
there (`loop = asyncio.get_event_loop(); loop.run_until_complete(main())`, still common),
and raises elsewhere; cmd2 runs its shell only there. While a console run is on
(loadhook.py), such a module is given a `threading` whose `main_thread()` is the run's
thread when the run's thread asks, so the program finds what it would in a terminal; every
other thread (the GUI's, desklaunch's own) gets the real answer.
"""

from __future__ import annotations

import asyncio
import threading
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("asyncio.events",)
"""The module of asyncio's loop policy, whose `get_event_loop` asks for the main thread."""


class RunThreading:
    """The `threading` module, whose main thread is the console run's own, for that run."""

    def __init__(self, real: ModuleType) -> None:
        self._real = real

    def main_thread(self) -> threading.Thread:
        thread = getattr(reading_console(), "thread", None)
        if isinstance(thread, threading.Thread) and thread is self._real.current_thread():
            return thread
        main: threading.Thread = self._real.main_thread()
        return main

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def adjust(module: ModuleType) -> None:
    """Let `module` (asyncio's events) take the run's thread for the main one."""
    loadhook.replace(module, "threading", RunThreading)


def end_run() -> None:
    """Called on the run's thread as the run ends: the loop `get_event_loop()` made for it
    goes with the run, as with the process in a terminal, so the next run starts with none
    (and a loop the program closed is not handed to the next one)."""
    policy = asyncio.get_event_loop_policy()
    local = getattr(policy, "_local", None)  # asyncio's own state for this thread
    loop = getattr(local, "_loop", None)
    if isinstance(loop, asyncio.AbstractEventLoop) and not loop.is_running():
        if not loop.is_closed():
            loop.close()
        local._loop = None  # type: ignore[union-attr]
    if getattr(local, "_set_called", False):
        local._set_called = False  # type: ignore[union-attr]
