"""A program's `atexit` functions, called when its run ends, as when a process ends.

A console program runs in desklaunch's process, which outlives the run: a function the
program gave `atexit.register` ran only when desklaunch quit, printing to desklaunch's own
terminal instead of the window, and once more for every Run again. streams.py stands in for
`atexit.register` and `atexit.unregister` in a run's code and keeps the functions here (one
set per run, the console's `exit_handlers`); the runner calls them, last registered first,
once the run and its threads are done. `fresh_process_state` undoes what a process's exit
leaves set in modules that stay imported from one run to the next.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any


class ExitHandlers:
    """The functions a run registered with `atexit`."""

    def __init__(self) -> None:
        self._calls: list[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []

    def register(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._calls.append((func, args, kwargs))

    def unregister(self, func: Callable[..., Any]) -> None:
        self._calls = [call for call in self._calls if call[0] != func]

    def clear(self) -> None:
        self._calls.clear()

    def run(self, report: Callable[[str], None]) -> None:
        """Call each function, last registered first; what one raises is reported as Python
        reports it at exit, and the others still run."""
        while self._calls:
            func, args, kwargs = self._calls.pop()
            try:
                func(*args, **kwargs)
            except SystemExit:
                pass
            except BaseException as exc:  # noqa: BLE001 - the program's, shown as Python shows it
                report(f"Exception ignored in atexit callback: {func!r}\n"
                       + "".join(traceback.format_exception(exc)))


def fresh_process_state() -> None:
    """Put back what a process starts with in the standard modules a run may have changed
    for good: multiprocessing's exit function marks the process as exiting (its forked
    children then skip the cleanup that flushes their queues, and the next run's
    `Queue.get()` waited for ever), and its start method may be set once per process."""
    util = sys.modules.get("multiprocessing.util")
    if getattr(util, "_exiting", False):
        util._exiting = False  # type: ignore[union-attr]
    context = getattr(sys.modules.get("multiprocessing.context"), "_default_context", None)
    if getattr(context, "_actual_context", None) is not None:
        context._actual_context = None  # type: ignore[union-attr]
