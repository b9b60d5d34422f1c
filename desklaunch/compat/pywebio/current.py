"""`pywebio.session.get_current_session()`: the running session, as PyWebIO's object.

PyWebIO scripts use a handful of its methods (`closed()` above all, to end a loop when
the page has gone: PyWebIO's gomoku demo does). The object wraps desklaunch's session and
offers those; one object per session, so `is` comparisons hold.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Coroutine
from typing import Any

from desklaunch.core.session import Session, current_session
from desklaunch.ui import info, local, register_thread
from desklaunch.ui.scope_stack import enter_scope, leave_scope, scope_names
from desklaunch.ui.tasks import TaskHandle, run_async


class PyWebIOSession:
    """PyWebIO's session object over a desklaunch session."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._scope_tokens: list[Any] = []

    @classmethod
    def get_current_session(cls) -> PyWebIOSession:
        """The running session (PyWebIO's classmethod of its session classes)."""
        return get_current_session()

    def closed(self) -> bool:
        """Whether the page has gone (the window closed)."""
        return self._session.closed

    def defer_call(self, func: Callable[[], Any]) -> Callable[[], Any]:
        """Run `func()` when the session closes."""
        self._session.defer(func)
        return func

    @property
    def info(self) -> Any:
        return info

    @property
    def save(self) -> dict[Any, Any]:
        """The session-local dict behind `pywebio.session.local`."""
        return local._dict  # type: ignore[no-any-return]

    @property
    def internal_save(self) -> dict[str, Any]:
        return {"info": info}

    def get_scope_name(self, idx: int) -> str:
        try:
            return scope_names()[idx]
        except IndexError:
            raise ValueError("Scope not found") from None

    def push_scope(self, name: str) -> None:
        self._scope_tokens.append(enter_scope(name))

    def pop_scope(self) -> str:
        if not self._scope_tokens:
            raise ValueError("ROOT Scope can't pop")
        name = scope_names()[-1]
        leave_scope(self._scope_tokens.pop())
        return name

    def register_callback(self, callback: Callable[[Any], Any], **options: Any) -> str:
        """Call `callback(value)` for each event the page sends to the returned id."""
        return self._session.register_callback(callback, serial=options.get("serial_mode"))

    def register_thread(self, thread: threading.Thread) -> None:
        register_thread(thread)

    def run_async(self, coro_obj: Coroutine[Any, Any, Any]) -> TaskHandle:
        return run_async(coro_obj)

    async def run_asyncio_coroutine(self, coro_obj: Coroutine[Any, Any, Any]) -> Any:
        return await coro_obj

    def __repr__(self) -> str:
        return f"<pywebio session over {self._session!r}>"


def get_current_session() -> PyWebIOSession:
    """The running session, as PyWebIO's session object."""
    session = current_session()
    found = session.data.get("pywebio_session")
    if not isinstance(found, PyWebIOSession):
        found = session.data["pywebio_session"] = PyWebIOSession(session)
    return found


def get_current_task_id() -> str:
    """The calling thread's (or task's) name and id, unique while it runs."""
    import asyncio

    try:
        task = asyncio.current_task()
    except RuntimeError:
        task = None
    if task is not None:
        return f"{task.get_name()}-{id(task)}"
    thread = threading.current_thread()
    return f"{thread.name}-{thread.ident}"
