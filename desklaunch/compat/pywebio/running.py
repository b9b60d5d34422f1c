"""Running one PyWebIO app function in the current session, as `start_server` does.

The app's page settings (`@config`, or its docstring's title) are applied first, after
PyWebIO's default of not following new output down the page (`auto_scroll_bottom`). A
coroutine app runs, as in PyWebIO, on an event loop in the thread that imported the script,
with its callbacks and what it starts with `run_async`: an object the script made as it was
imported and that keeps to its thread (a SQLite connection) works in all of them. As
PyWebIO's session, the loop runs on after the app returns while a callback can still be
called (until the window closes) or a coroutine it started still runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Coroutine
from pathlib import Path
from types import TracebackType
from typing import Any

from desklaunch.compat.pywebio.appconfig import apply_app_config
from desklaunch.core.session import Session, current_session
from desklaunch.errors import SessionClosed
from desklaunch.ui.env import set_env

_HANDOVER = (str(Path(asyncio.__file__).resolve().parent),
             str(Path(__file__).resolve().parents[2]))
"""Where the frames between the script's call and its app's code live: asyncio's and
desklaunch's own."""
_LOOK_AGAIN = 0.5
"""Seconds between looks at whether the session still answers, once the app returned (a
coroutine it started may end without a word)."""


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
    loop = asyncio.new_event_loop()
    try:
        with session.hosting(loop):
            return loop.run_until_complete(_then_while_answering(session, result))
    except asyncio.CancelledError:
        raise SessionClosed from None
    except Exception as exc:  # noqa: BLE001 - re-raised: the app's own, from its own code on
        raise exc.with_traceback(_from_the_app_on(exc.__traceback__)) from None
    finally:
        _close(loop)


async def _then_while_answering(session: Session, app: Coroutine[Any, Any, Any]) -> Any:
    """The app's result, once it has returned and its session no longer answers."""
    closed = asyncio.Event()
    loop = asyncio.get_running_loop()

    def wake() -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(closed.set)

    session.defer(wake)
    started = session.run_coroutine(app, awaited=True)
    assert isinstance(started, asyncio.Future)  # on the running loop: its task
    result = await started
    while session.still_answers() and not closed.is_set():
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(closed.wait(), _LOOK_AGAIN)
    if session.closed:
        raise SessionClosed
    return result


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """End what still runs on `loop` (the session closed under it), then close it."""
    going = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in going:
        task.cancel()
    if going:
        loop.run_until_complete(asyncio.gather(*going, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


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
