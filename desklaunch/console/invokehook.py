"""invoke's tasks in the console: a command a task runs (`c.run`) ends when it is done.

invoke copies the person's typing to the command it runs, on a thread that waits for a key
on the terminal, and its run returns only once that thread has seen the command end. The
console's stdin has no descriptor to wait on, so that thread sat in a question nobody
answered: the task stayed "Running…" after its command had finished, until End input, and
echoed what was typed a second time. While a console run is on, `Runner.run` is given an
empty `in_stream` unless the task chose one: the command's input ends at once, as every
child of a console run's does (children.py, "as from `/dev/null`"), and its run ends with it.
On Stop invoke would type Ctrl+C (`\x03`) into that input, already closed ("I/O operation on
closed file" over the interrupt's traceback); Stop's SIGINT reaches the command itself
(children.py), as a terminal's Ctrl+C does, so in a console run invoke types nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("invoke.runners",)
"""The module of `Runner`, which `c.run()` (and fabric's local runs) go through."""


def adjust(module: ModuleType) -> None:
    """Start invoke's commands without a copy of the console's stdin in a console run."""
    runner = getattr(module, "Runner", None)
    if isinstance(runner, type) and "run" in vars(runner):
        loadhook.replace(runner, "run", _without_stdin)
        loadhook.replace(runner, "send_interrupt", _interrupt_by_signal)


def _without_stdin(original: Callable[..., Any]) -> Callable[..., Any]:
    """`Runner.run` that copies no stdin to its command in a console run."""
    def run(self: Any, command: str, **kwargs: Any) -> Any:
        if reading_console() is not None and kwargs.get("in_stream") is None:
            kwargs["in_stream"] = io.StringIO()
        return original(self, command, **kwargs)

    run.__wrapped__ = original  # type: ignore[attr-defined]
    return run


def _interrupt_by_signal(original: Callable[..., Any]) -> Callable[..., Any]:
    """`Runner.send_interrupt` that leaves the command to Stop's SIGINT in a console run."""
    def send_interrupt(self: Any, interrupt: BaseException) -> None:
        if reading_console() is None:
            original(self, interrupt)

    send_interrupt.__wrapped__ = original  # type: ignore[attr-defined]
    return send_interrupt
