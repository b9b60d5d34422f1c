"""Running one PyWebIO app function in the current session, as `start_server` does.

The app's page settings (`@config`, or its docstring's title) are applied first, after
PyWebIO's default of not following new output down the page (`auto_scroll_bottom`). A
coroutine app runs, as in PyWebIO, on an event loop in the thread that imported the script,
with its callbacks and what it starts with `run_async` (core/hostloop.py).
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from types import TracebackType
from typing import Any

from desklaunch.compat.pywebio.appconfig import apply_app_config
from desklaunch.core.hostloop import run_hosting
from desklaunch.core.session import current_session
from desklaunch.ui.env import set_env

_HANDOVER = (str(Path(asyncio.__file__).resolve().parent),
             str(Path(__file__).resolve().parents[2]))
"""Where the frames between the script's call and its app's code live: asyncio's and
desklaunch's own."""


def run_app(app: Any) -> Any:
    """Run `app()` now, in this session; returns what it returns."""
    session = current_session()  # a clear error when not run by desklaunch
    set_env(auto_scroll_bottom=False)  # PyWebIO's default
    session.pywebio_way = True  # and its callbacks, each on a thread of its own (Session)
    apply_app_config(app)
    result = app()
    if not inspect.iscoroutine(result):
        return result
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:  # already on an event loop: the caller awaits it
        return result
    try:
        return run_hosting(session, result)
    except Exception as exc:  # noqa: BLE001 - re-raised: the app's own, from its own code on
        raise exc.with_traceback(_from_the_app_on(exc.__traceback__)) from None


def _from_the_app_on(tb: TracebackType | None) -> TracebackType | None:
    """`tb` past the hand-over to the event loop (desklaunch's and `concurrent.futures`'
    frames), so the script's error reads as the app raised it."""
    start = tb
    while tb is not None:
        where = tb.tb_frame.f_code.co_filename
        if where.startswith(_HANDOVER):
            start = tb.tb_next
        tb = tb.tb_next
    return start
