"""Raising an exception inside another thread, for scripts stuck where no UI call can wake them.

Such an exception lands at the thread's next check, which may be inside any Python function
it calls. A `threading.Condition`'s `__enter__` and `__exit__` are Python functions: one that
lands there, just after the lock was taken or just before it is given back, leaves the lock
held for good (every other thread that wants it then hangs). So code that runs in a thread
these exceptions are raised into takes such a lock through the lock object itself
(`with self._lock:`, a C lock), and keeps the `Condition` built on it for wait and notify.
"""

from __future__ import annotations

from typing import Any


def raise_in_thread(thread_id: int, exc_type: type[BaseException]) -> bool:
    """Ask CPython to raise `exc_type` in the thread at its next bytecode; True if it took.

    A thread blocked inside C code (a long `time.sleep`, a socket read) sees it only when
    that call returns, which is why the app still has a hard deadline after this.
    """
    import ctypes  # here, not on top: loading it costs every launch some 5-8 ms

    set_async_exc = _set_async_exc()
    if set_async_exc is None:  # not CPython
        return False
    changed: int = set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc_type))
    if changed > 1:  # more than one thread state hit: undo, as the C API asks
        set_async_exc(ctypes.c_ulong(thread_id), None)
        return False
    return changed == 1


def withdraw_raise_in_thread(thread_id: int) -> None:
    """Take back what `raise_in_thread` asked of the thread and it has not raised yet, for a
    stop that has become moot (the code it was meant to stop ended on its own)."""
    import ctypes

    set_async_exc = _set_async_exc()
    if set_async_exc is not None:
        set_async_exc(ctypes.c_ulong(thread_id), None)


def _set_async_exc() -> Any:
    import ctypes

    return getattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc", None)
