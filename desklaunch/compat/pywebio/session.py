"""Stand-in for `pywebio.session`, backed by desklaunch.ui (see desklaunch/compat)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
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
           "get_current_task_id", "get_info",
           "go_app", "hold", "info", "local", "register_thread", "run_async",
           "run_asyncio_coroutine", "run_js", "set_env")
__all__ = [*_NAMES]

__getattr__ = forwarder(__name__.replace("desklaunch.compat.", ""), _NAMES, {
    "get_current_session": "desklaunch's sessions are not PyWebIO sessions",
    "get_current_task_id": "desklaunch's sessions are not PyWebIO sessions",
})


def run_async(coro_obj: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    """Run a coroutine in the background of an `async def` script; returns its task."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        coro_obj.close()
        raise NotImplementedError(
            "pywebio.session.run_async() works only in an async def script or callback "
            "in desklaunch") from None
    return loop.create_task(coro_obj)


def run_asyncio_coroutine(coro_obj: Coroutine[Any, Any, Any]) -> Coroutine[Any, Any, Any]:
    """Await an asyncio coroutine from a script: desklaunch scripts already run on asyncio,
    so this returns the coroutine itself, to be awaited."""
    return coro_obj


def data() -> Any:
    """PyWebIO's old name of `local` (deprecated there since 1.1): returns `local`."""
    import warnings

    from desklaunch.ui import local

    warnings.warn("pywebio.session.data() is deprecated; use pywebio.session.local",
                  DeprecationWarning, stacklevel=2)
    return local


def get_info() -> Any:
    """PyWebIO's old name of `info` (deprecated there since 1.2): returns `info`."""
    import warnings

    from desklaunch.ui import info

    warnings.warn("pywebio.session.get_info() is deprecated; use pywebio.session.info",
                  DeprecationWarning, stacklevel=2)
    return info
