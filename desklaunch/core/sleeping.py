"""`time.sleep` that a closing session wakes, so a script pausing in its loop stops at once.

An exception `Session.interrupt` raises in a thread arrives only between bytecodes: a script
in `time.sleep(5)` would see it when the sleep ends, past the grace a closing window gives.
While an App runs, `time.sleep` called from a thread that belongs to a session (its script,
its callbacks, threads it registered) waits on that session instead and raises
`SessionClosed` when the session closes; every other thread sleeps as before.
"""

from __future__ import annotations

import threading
import time

from desklaunch.core.session import bound_session

_real_sleep = time.sleep


def session_sleep(seconds: float) -> None:
    """`time.sleep(seconds)`, woken with `SessionClosed` when the caller's session closes."""
    session = bound_session()
    # Anything but a plain positive number (0 to yield the interpreter, NaN, a wrong type)
    # is the real sleep's to do or to refuse, with its own message.
    if session is None or type(seconds) not in (int, float) or not seconds > 0:
        _real_sleep(seconds)
        return
    session.sleep(seconds)


class _Installed:
    count = 0
    lock = threading.Lock()


def install() -> None:
    """Put `session_sleep` in `time.sleep` (once for any number of overlapping Apps)."""
    with _Installed.lock:
        _Installed.count += 1
        if _Installed.count == 1:
            time.sleep = session_sleep  # type: ignore[assignment]


def uninstall() -> None:
    """Undo `install()` when its last caller is done; a `from time import sleep` the script
    made meanwhile keeps `session_sleep`, which sleeps as the real one outside a session."""
    with _Installed.lock:
        if _Installed.count == 0:
            return
        _Installed.count -= 1
        if _Installed.count == 0:
            time.sleep = _real_sleep
