"""Where Stop's `KeyboardInterrupt` shows in a program's own traceback.

Stop raises the interrupt in the program's thread, and it lands in desklaunch's stand-ins
for what the program waits in (a sleep, a read of its input, a lock's wait), a few frames
deep. A program that prints the traceback it caught (IPython, a logger's `exception()`, a
REPL) showed those frames, as if desklaunch had crashed. In a terminal the interrupt lands
where the program waits, inside C. Here the stand-ins' own frames are left out of it, and
one line stands for them all: the `raise` below, which says what it is.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

Function = TypeVar("Function", bound=Callable[..., Any])

_OURS = str(Path(__file__).resolve().parents[1])
"""desklaunch's own folder: frames from files under it are the stand-ins'."""
_STDLIB = str(Path(threading.__file__).resolve().parent)
"""The standard library's folder."""


def lands_here(function: Function) -> Function:
    """`function`, a stand-in the program calls, with Stop's interrupt shown as one frame."""

    @functools.wraps(function)
    def interrupted(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except KeyboardInterrupt as stop:
            shown = not_ours(stop.__traceback__)
            raise stop.with_traceback(shown) from None  # the Stop button, as Ctrl+C would

    return interrupted  # type: ignore[return-value]


def not_ours(tb: TracebackType | None) -> TracebackType | None:
    """`tb` without desklaunch's frames, nor the standard library's that they called (the
    `threading` wait a sleep waits in); a handler of the program's, which Stop called from
    inside a stand-in (its `signal.signal` handler), keeps its own."""
    kept: list[TracebackType] = []
    inside = False
    while tb is not None:
        where = tb.tb_frame.f_code.co_filename
        if where.startswith(_OURS):
            inside = True
        elif not (inside and where.startswith(_STDLIB) and "-packages" not in where):
            kept.append(tb)
        tb = tb.tb_next
    for outer, inner in itertools.pairwise(kept):
        outer.tb_next = inner
    if kept:
        kept[-1].tb_next = None
    return kept[0] if kept else None
