"""Raising an exception inside another thread, for scripts stuck where no UI call can wake them."""

from __future__ import annotations


def raise_in_thread(thread_id: int, exc_type: type[BaseException]) -> bool:
    """Ask CPython to raise `exc_type` in the thread at its next bytecode; True if it took.

    A thread blocked inside C code (a long `time.sleep`, a socket read) sees it only when
    that call returns, which is why the app still has a hard deadline after this.
    """
    import ctypes  # here, not on top: loading it costs every launch some 5-8 ms

    set_async_exc = getattr(ctypes.pythonapi, "PyThreadState_SetAsyncExc", None)
    if set_async_exc is None:  # not CPython
        return False
    changed: int = set_async_exc(ctypes.c_ulong(thread_id), ctypes.py_object(exc_type))
    if changed > 1:  # more than one thread state hit: undo, as the C API asks
        set_async_exc(ctypes.c_ulong(thread_id), None)
        return False
    return changed == 1
