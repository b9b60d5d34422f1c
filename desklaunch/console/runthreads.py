"""The threads a console run starts, ended with it as a process's end ends them.

A process ends after its threads that are not daemons, and after the work queued in its
thread pools. A run ends the same way (`wait_for`), leaving the pools' idle workers for the
next run (a library's pool stays with its module); what is still running then (daemons, or
what Stop stopped waiting for) is `left_running` and silent from then on (terminal.py
`outlive`).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from desklaunch.errors import SessionClosed


def wait_for(before: set[threading.Thread], waiting: Callable[[], None] = lambda: None
             ) -> None:
    """Wait for the threads the run started and did not make daemons, as Python waits for
    them before a process ends, also after Ctrl+C ended the main part: the run is not over
    while they print. `waiting()` is called once if there is anything to wait for. Stop
    ends the wait (as a second Ctrl+C does in a terminal)."""
    if isinstance(sys.exc_info()[1], SessionClosed):
        return
    waited = [thread for thread in started(before) if not thread.daemon]
    told = False
    while True:
        busy = [thread for thread in waited if thread.is_alive() and not _idle_worker(thread)]
        if not busy:
            return
        if not told:
            waiting()
            told = True
        busy[0].join(0.1)  # short: a Stop raised meanwhile lands between the waits


def started(before: set[threading.Thread]) -> set[threading.Thread]:
    """The program's threads alive now that were not alive `before` (desklaunch's left out)."""
    return {thread for thread in threading.enumerate()
            if thread not in before and thread.name.partition("-")[0] != "desklaunch"}


def left_running(before: set[threading.Thread]) -> set[threading.Thread]:
    """The run's threads still running as it ends: those `started` less the pools' idle
    workers, which may do the next run's work."""
    return {thread for thread in started(before) if not _idle_worker(thread)}


def _idle_worker(thread: threading.Thread) -> bool:
    """Whether `thread` is a thread pool's worker waiting for work, with none queued.

    Python's exit would end it then, and so does the run's end, without shutting the pool
    down: a pool a library keeps in a module (which stays imported) serves the next run
    too, and an idle worker of a pool never shut down (IPython's debugger's) is not waited
    for. Its innermost Python frame is then the worker's loop, blocked in the queue's `get`.
    """
    work = getattr(thread, "_target", None)  # Thread's own: set until the thread ends
    args: tuple[Any, ...] = getattr(thread, "_args", ())
    if getattr(work, "__module__", None) != "concurrent.futures.thread" or len(args) < 2:
        return False
    frame = frame_of(thread)
    queue = args[1]
    return (frame is not None and frame.f_code is getattr(work, "__code__", None)
            and hasattr(queue, "empty") and queue.empty())


_frames_lock = threading.Lock()


def frame_of(thread: threading.Thread) -> FrameType | None:
    """The frame `thread` is running now (None once it ended).

    The garbage collector is held off meanwhile: up to Python 3.11, a collection that
    `sys._current_frames()` sets off, freeing a `threading.local`, deadlocks the whole
    process (CPython gh-106883); a Stop then froze the app. One call at a time, so that
    one call's end cannot turn the collector back on under another's."""
    with _frames_lock:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return sys._current_frames().get(thread.ident or 0)
        finally:
            if enabled:
                gc.enable()
