"""The threads a console run starts, ended with it as a process's end ends them.

A process ends after its threads that are not daemons; Python first tells the thread pools
never shut down to end once their queued work is done. A run ends the same way
(`wait_for`); what is still running then (daemons, or what Stop stopped waiting for) is
`started` by the run and left silent by its terminal (terminal.py `outlive`).
"""

from __future__ import annotations

import sys
import threading

from desklaunch.errors import SessionClosed


def wait_for(before: set[threading.Thread]) -> None:
    """Wait for the threads the run started and did not make daemons, as Python waits for
    them before a process ends: the run is not over while they print. Stop ends the wait
    (as a second Ctrl+C does in a terminal)."""
    if isinstance(sys.exc_info()[1], (KeyboardInterrupt, SessionClosed)):
        return
    waited = [thread for thread in started(before) if not thread.daemon]
    _shut_down_pools(waited)
    for thread in waited:
        while thread.is_alive():
            thread.join(0.1)  # short: a Stop raised meanwhile lands between the waits


def started(before: set[threading.Thread]) -> set[threading.Thread]:
    """The program's threads alive now that were not alive `before` (desklaunch's left out)."""
    return {thread for thread in threading.enumerate()
            if thread not in before and thread.name.partition("-")[0] != "desklaunch"}


def _shut_down_pools(threads: list[threading.Thread]) -> None:
    """Tell the thread pools whose workers are among `threads` to end once their queued work
    is done, as Python's exit does before it waits for threads: an idle worker of a pool
    never shut down (IPython's debugger's) would otherwise wait for work forever."""
    for thread in threads:
        work = getattr(thread, "_target", None)  # Thread's own: set until the thread ends
        args = getattr(thread, "_args", ())
        if getattr(work, "__module__", None) == "concurrent.futures.thread" and args and \
                callable(args[0]):
            pool = args[0]()  # the worker's weak reference to its executor
            if pool is not None:
                pool.shutdown(wait=False)
