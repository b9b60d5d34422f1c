"""Waits in Python's `threading` that Stop can end, as Ctrl+C ends them in a terminal.

Stop raises `KeyboardInterrupt` in the program's thread (terminal.py), and such an
exception lands only when that thread runs Python code again. A program waiting inside C
(`threading.Event().wait()`, `queue.Queue().get()`, `thread.join()`, `signal.pause()`, an
asyncio program's event loop waiting in its selector, `select.select()`) would never see
it: a terminal's Ctrl+C reaches the main thread as a signal, which a console program's
thread is not. While a run goes on, those waits in its thread are made of short timed
waits, between which the interrupt lands; other threads wait as they did.

A lock acquired directly (`Lock().acquire()`) and a blocking socket call still wait in C;
for them the status line says that Stop is waiting (terminal.py).
"""

from __future__ import annotations

import _thread
import contextlib
import select
import selectors
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from desklaunch.console import streams
from desklaunch.console.interrupted import lands_here
from desklaunch.console.sharedpatch import SharedPatch

SLICE = 0.1
"""Seconds of one timed wait: how long Stop may take to reach a waiting program."""

_stoppable: set[int] = set()
"""The thread ids of the programs running now (one per console session)."""
_installed: dict[str, Any] = {}


def _in_slices(wait: Callable[[float | None], Any], timeout: float | None,
               done: Callable[[Any], bool]) -> Any:
    """`wait(timeout)`, made in a program's thread of waits of `SLICE` s at most, until
    one is `done` or the whole timeout has passed; a single wait in any other thread."""
    if threading.get_ident() not in _stoppable or (timeout is not None and timeout <= 0):
        return wait(timeout)
    end = None if timeout is None else time.monotonic() + timeout
    while True:
        step = SLICE if end is None else min(SLICE, end - time.monotonic())
        result = wait(max(step, 0))
        if done(result) or step <= 0:
            return result


def _sliced_join(join: Any) -> Any:
    """`Thread.join`, in slices for a program's thread."""

    def sliced(self: threading.Thread, timeout: float | None = None) -> None:
        _in_slices(lambda step: join(self, step), timeout, lambda _: not self.is_alive())

    return lands_here(sliced)


def _sliced_wait(wait: Any) -> Any:
    """`Condition.wait`, its one waiter lock waited for in slices in a program's thread.

    Not `wait(step)` again and again: a notify that came as one of those timed out would
    be spent on a waiter no longer waited for, and the wake lost. As `Condition.wait`
    itself does, with the same parts of the condition (`_waiters` and the lock's save
    and restore, stable since Python 3.2)."""

    def sliced(self: Any, timeout: float | None = None) -> bool:
        if threading.get_ident() not in _stoppable or (timeout is not None and timeout <= 0):
            return bool(wait(self, timeout))
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _thread.allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        woken = False
        try:
            woken = bool(_in_slices(lambda step: waiter.acquire(True, -1 if step is None else step),
                                    timeout, bool))
            return woken
        finally:
            self._acquire_restore(saved)
            if not woken:
                with contextlib.suppress(ValueError):  # a notify took it meanwhile
                    self._waiters.remove(waiter)

    return lands_here(sliced)


def _sliced_selector(select: Any) -> Any:
    """A selector's `select(timeout)` in slices for a program's thread (an event loop's)."""

    def sliced(self: Any, timeout: float | None = None) -> Any:
        return _in_slices(lambda step: select(self, step), timeout, bool)

    return lands_here(sliced)


@lands_here
def _sliced_select(rlist: Any, wlist: Any, xlist: Any, timeout: float | None = None) -> Any:
    """`select.select` in slices for a program's thread (asyncore's loop, a server's); on
    the console's stdin alone, a wait for the person to enter a line (a timed question)."""
    real = _installed["select"]
    if threading.get_ident() in _stoppable and not wlist and not xlist:
        ready = _console_input_ready(rlist, timeout)
        if ready is not None:
            return (list(rlist) if ready else []), [], []
    return _in_slices(lambda step: real(rlist, wlist, xlist, step), timeout, any)


def _console_input_ready(rlist: Any, timeout: float | None) -> bool | None:
    """Whether the console's stdin, the one thing in `rlist`, has a line within `timeout`;
    None when `rlist` is something else (a socket, a pipe), which the real select waits on."""
    items = list(rlist)
    console = streams.active_console()
    if console is None or len(items) != 1 or not streams.is_console_stdin(items[0], console):
        return None
    if timeout is not None:
        timeout = max(0.0, float(timeout))
    return console.input_ready(timeout)


_SELECTORS = [getattr(selectors, name) for name in (
    "SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector")
    if hasattr(selectors, name)]


@lands_here
def _pause() -> None:
    """`signal.pause()` in a program's thread: a wait the Stop button (or the window
    closing) ends; Python's own elsewhere."""
    if threading.get_ident() not in _stoppable:
        _installed["pause"]()
        return
    while True:
        time.sleep(3600)  # the console's sleep: Stop wakes it


def _put() -> None:
    """Put the sliced waits in place."""
    _installed.update(wait=threading.Condition.wait, join=threading.Thread.join)
    threading.Condition.wait = _sliced_wait(_installed["wait"])  # type: ignore[method-assign]
    threading.Thread.join = _sliced_join(_installed["join"])  # type: ignore[method-assign]
    if hasattr(signal, "pause"):  # not on Windows
        _installed["pause"] = signal.pause
        signal.pause = _pause
    _installed["select"] = select.select
    select.select = _sliced_select
    for kind in _SELECTORS:
        _installed[kind] = kind.select
        kind.select = _sliced_selector(kind.select)


def _take() -> None:
    """Put Python's own waits back."""
    _stoppable.clear()
    threading.Condition.wait = _installed.pop("wait")  # type: ignore[method-assign]
    threading.Thread.join = _installed.pop("join")  # type: ignore[method-assign]
    if "pause" in _installed:
        signal.pause = _installed.pop("pause")
    select.select = _installed.pop("select")
    for kind in _SELECTORS:
        kind.select = _installed.pop(kind)


_PATCH = SharedPatch(_put, _take)
install, uninstall = _PATCH.install, _PATCH.uninstall
"""Once for any number of console sessions: the last one done puts Python's waits back."""


def running(ident: int, on: bool) -> None:
    """Whether the program on thread `ident` runs now (its waits are then sliced)."""
    with _PATCH.lock:
        if on:
            _stoppable.add(ident)
        else:
            _stoppable.discard(ident)
