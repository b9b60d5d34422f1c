"""Stand-in for `pywebio.session`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

from typing import Any

from desklaunch.compat.forward import forwarder
from desklaunch.compat.pywebio.exceptions import (
    SessionClosedException as SessionClosedException,
)
from desklaunch.compat.pywebio.exceptions import (
    SessionException as SessionException,
)
from desklaunch.compat.pywebio.exceptions import (
    SessionNotFoundException as SessionNotFoundException,
)

_NAMES = ("SessionClosedException", "SessionException", "SessionNotFoundException",
           "data", "defer_call", "download", "eval_js", "get_current_session",
           "get_current_task_id", "get_info", "go_app", "hold", "info", "local",
           "register_thread", "run_async", "run_asyncio_coroutine", "run_js", "set_env")
__all__ = [*_NAMES]

_forward = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES, {
})


def __getattr__(name: str) -> Any:
    if name in ("ThreadBasedSession", "CoroutineBasedSession"):
        # PyWebIO's two session classes, which some apps import by name (to keep the
        # sessions they push to): here one class serves both kinds of app.
        return get_session_implement()
    return _forward(name)


def get_current_session() -> Any:
    """The running session, as PyWebIO's session object (`.closed()`, `.defer_call()`, …)."""
    from desklaunch.compat.pywebio.current import get_current_session as current

    return current()


def get_current_task_id() -> str:
    """The calling thread's (or task's) id, as PyWebIO names it."""
    from desklaunch.compat.pywebio.current import get_current_task_id as task_id

    return task_id()


def data() -> Any:
    """PyWebIO's old name of `local` (deprecated there since 1.1): returns `local`."""
    import warnings

    from desklaunch.ui import local

    warnings.warn("pywebio.session.data() is deprecated; use pywebio.session.local",
                  DeprecationWarning, stacklevel=2)
    return local


def get_info() -> Any:
    """PyWebIO's old name of `info` (deprecated there since 1.2, without a warning): `info`."""
    from desklaunch.ui import info

    return info


def get_session_implement() -> type:
    """The class of PyWebIO's sessions here: the one `get_current_session()` gives."""
    from desklaunch.compat.pywebio.current import PyWebIOSession

    return PyWebIOSession
