"""A coroutine app run as PyWebIO runs one: on an event loop of the calling thread (the
thread that imported the script), with the session's callbacks and the coroutines it
starts, so that an object made as the script was imported and that keeps to its thread
(a SQLite connection) works in all of them. As PyWebIO's session, the loop runs on after
the app returns while a callback can still be called (until the window closes, or another
app is picked) or a coroutine it started still runs."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from desklaunch.core.session import Session
from desklaunch.errors import SessionClosed

LOOK_AGAIN = 0.5
"""Seconds between looks at whether the session still answers, once the app returned (a
coroutine it started may end without a word)."""


def run_hosting(session: Session, app: Coroutine[Any, Any, Any]) -> Any:
    """Run `app` to its end on a new event loop of this thread; what it returns. Raises
    `SessionClosed` when the session closes under it, and whatever the app raises."""
    loop = asyncio.new_event_loop()
    try:
        with session.hosting(loop, stop := loop.create_future()):
            return loop.run_until_complete(_then_while_answering(session, app, stop))
    except asyncio.CancelledError:
        raise SessionClosed from None
    finally:
        _close(loop)


async def _then_while_answering(session: Session, app: Coroutine[Any, Any, Any],
                                stop: asyncio.Future[Any]) -> Any:
    """The app's result, once it has returned and its session no longer answers; what a
    callback stopped the script with (`stop`), as soon as it does."""
    loop = asyncio.get_running_loop()

    def closed() -> None:
        if not stop.done():
            stop.set_result(None)

    def wake() -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(closed)

    session.defer(wake)
    started = session.run_coroutine(app, awaited=True)
    assert isinstance(started, asyncio.Future)  # on the running loop: its task
    await asyncio.wait({started, stop}, return_when=asyncio.FIRST_COMPLETED)
    if started.done():
        result = started.result()  # or the app's own error, raised now
        while not stop.done() and session.still_answers():
            await asyncio.wait({stop}, timeout=LOOK_AGAIN)
    if stop.done():
        stop.result()  # a callback's stop (go_app), raised here
        raise SessionClosed  # else the session closed
    return result


def _close(loop: asyncio.AbstractEventLoop) -> None:
    """End what still runs on `loop` (the session closed, or another app was picked), then
    close it."""
    going = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in going:
        task.cancel()
    if going:
        loop.run_until_complete(asyncio.gather(*going, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
