"""Background coroutines of a session: `run_async` starts one and returns its handle.

    async def ticker():
        while True:
            with use_scope("time", clear=True):
                put_text(datetime.now())
            await asyncio.sleep(1)

    task = run_async(ticker())      # … later: task.close()

It works from an `async def` script (the coroutine joins the script's event loop) and from a
plain one (it runs on desklaunch's event loop), where PyWebIO allows it only in the first.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from typing import Any

from desklaunch.core.session import current_session


class TaskHandle:
    """PyWebIO's handle of a background coroutine: `close()` stops it, `closed()` says
    whether it has ended (finished, failed or stopped)."""

    def __init__(self, future: asyncio.Future[Any] | concurrent.futures.Future[Any]) -> None:
        self._future = future

    def close(self) -> None:
        """Stop the coroutine (it sees `asyncio.CancelledError` where it waits)."""
        future = self._future
        if isinstance(future, asyncio.Future):
            loop = future.get_loop()
            if not loop.is_closed():
                loop.call_soon_threadsafe(future.cancel)
        else:
            future.cancel()

    def closed(self) -> bool:
        return self._future.done()

    def __repr__(self) -> str:
        return f"<TaskHandle {'closed' if self.closed() else 'running'}>"


def run_async(coro_obj: Coroutine[Any, Any, Any]) -> TaskHandle:
    """Run a coroutine in the background of this session; returns its `TaskHandle`.

        run_async(ticker())
    """
    if not asyncio.iscoroutine(coro_obj):
        raise TypeError("run_async() takes a coroutine object: run_async(work()), not "
                        "run_async(work)")
    return TaskHandle(current_session().run_coroutine(coro_obj))


def run_asyncio_coroutine(coro_obj: Coroutine[Any, Any, Any]) -> Coroutine[Any, Any, Any]:
    """Await an asyncio coroutine from a script; desklaunch's `async def` scripts already
    run on asyncio, so this is the coroutine itself (PyWebIO needs it on some servers).

        await run_asyncio_coroutine(asyncio.sleep(1))
    """
    return coro_obj
