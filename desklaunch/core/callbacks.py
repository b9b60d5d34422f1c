"""The code a session runs besides its script: the callbacks the page's buttons set off and
the coroutines the script starts in the background.

A session owns one `Callbacks`. It decides where each callback runs (in order on one
thread, on a thread of its own, or on an event loop), counts the work as the session's
`reactions` until it returns, reports its errors, and stops it all when the session closes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import inspect
import itertools
import queue
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from desklaunch.core.reactions import Reactions
from desklaunch.errors import SessionClosed

Callback = Callable[[Any], Any]
_Item = tuple[Callback, Any, "threading.Event | None"]


class Callbacks:
    """One session's callbacks and background coroutines, from registered to stopped.

    `bind` makes the calling thread (or a context) belong to the session; `closed` says
    whether the session has closed; `report` tells the person about an error a callback
    or a background coroutine ended with.
    """

    def __init__(self, number: int, reactions: Reactions, *,
                 bind: Callable[[], object], closed: Callable[[], bool],
                 report: Callable[[BaseException], None],
                 loop: asyncio.AbstractEventLoop | None, on_loop: bool) -> None:
        self._number = number
        self._reactions = reactions
        self._bind = bind
        self._closed = closed
        self._report = report
        self._loop = loop  # the app's event loop
        self._on_loop = on_loop  # an `async def` script: its callbacks run on that loop
        self._lock = threading.Lock()
        self._registered: dict[str, tuple[Callback, bool | None]] = {}
        self._thread: threading.Thread | None = None
        self._queue: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._apart_threads: set[threading.Thread] = set()
        self._apart_numbers = itertools.count(1)
        self._running = threading.local()  # .token: the reaction of the callback running here
        self._tasks: set[asyncio.Future[Any]] = set()
        self._own_loop: asyncio.AbstractEventLoop | None = None  # see `hosting`
        self._own_stop: asyncio.Future[Any] | None = None

    # -- the registry ---------------------------------------------------------------------

    def register(self, key: str, callback: Callback, serial: bool | None) -> None:
        with self._lock:
            self._registered[key] = (callback, serial)

    def forget(self, key: str) -> None:
        with self._lock:
            self._registered.pop(key, None)

    def forget_all(self) -> None:
        with self._lock:
            self._registered.clear()

    def lookup(self, key: str) -> tuple[Callback, bool | None] | None:
        """The callback registered under `key` and its `serial` flag, if any."""
        with self._lock:
            return self._registered.get(key)

    def still_answer(self) -> bool:
        """Whether a callback is registered, or a coroutine the script started still runs."""
        with self._lock:
            if self._registered:
                return True
        try:
            finishing = asyncio.current_task()
        except RuntimeError:  # called from the script's thread
            finishing = None
        return any(not task.done() and task is not finishing for task in list(self._tasks))

    # -- running callbacks ----------------------------------------------------------------

    def dispatch(self, callback: Callback, value: Any, token: threading.Event | None,
                 *, apart: bool = False) -> None:
        """Run `callback(value)` in the background: on the loop the script's callbacks run
        on, else on a thread of its own when `apart`, else in order on the callback thread.
        `token` (the session's reaction) is done once it returns."""
        loop = self._own_loop or (self._loop if self._on_loop else None)
        if loop is not None:
            context = contextvars.Context()
            context.run(self._bind)
            try:
                loop.call_soon_threadsafe(self._run_on_loop, callback, value, token,
                                          context=context)
            except RuntimeError:  # the script's own loop closed as the session did
                self._done(token)
            return
        if apart:
            self._start_apart(callback, value, token)
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._worker, name=f"desklaunch-callbacks-{self._number}",
                    daemon=False,
                )
                self._thread.start()
        self._queue.put((callback, value, token))

    def running_waits(self) -> None:
        """Called as the calling thread starts waiting for the person: a callback running
        here has done its part, so its reaction is done."""
        token = getattr(self._running, "token", None)
        if token is not None:
            self._running.token = None
            self._running.waited = True
            self._reactions.done(token)

    def _worker(self) -> None:
        self._bind()
        while (item := self._queue.get()) is not None:
            if not self._run(*item):
                return

    def _run(self, callback: Callback, value: Any, token: threading.Event | None) -> bool:
        """Run one callback on this thread; False once the session has closed under it."""
        self._running.token, self._running.waited = token, False
        try:
            result = callback(value)
            if inspect.isawaitable(result):
                self._await_result(result)
        except SessionClosed:
            return False
        except concurrent.futures.CancelledError:  # the session closed while it was awaited
            return not self._closed()
        except Exception as exc:  # noqa: BLE001 - a failing callback must not end the app
            self._report(exc)
        finally:
            self._running.token = None
            self._done(token)
            if self._running.waited:  # the answers it was given are dealt with too
                self._reactions.script_waits()
        return True

    def _await_result(self, result: Any) -> None:
        """Await what an `async def` callback returned to a thread session (a PyWebIO app
        whose `main` is a coroutine, in a plain script), to its end, on the app's event
        loop, where that `main` runs too."""
        async def awaited() -> Any:
            return await result

        if self._loop is None or self._loop.is_closed():
            asyncio.run(awaited())
        else:
            self.run_coroutine(awaited(), awaited=True).result()

    def _start_apart(self, callback: Callback, value: Any,
                     token: threading.Event | None) -> None:
        """Run one callback on a thread of its own (PyWebIO's way); `threads` lists it."""
        def run() -> None:
            self._bind()
            try:
                self._run(callback, value, token)
            finally:
                with self._lock:
                    self._apart_threads.discard(thread)

        thread = threading.Thread(
            target=run, daemon=False,
            name=f"desklaunch-callback-{self._number}-{next(self._apart_numbers)}")
        with self._lock:
            if self._closed():
                self._done(token)
                return
            self._apart_threads.add(thread)
        thread.start()

    def _run_on_loop(self, callback: Callback, value: Any,
                     token: threading.Event | None) -> None:
        try:
            result = callback(value)
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            self._done(token)
            return
        except BaseException as exc:
            self._done(token)
            if not self._stop_hosting(exc):
                raise
            return
        if not inspect.isawaitable(result):
            self._done(token)
            return

        async def await_result() -> None:
            try:
                await result
            except (SessionClosed, asyncio.CancelledError):
                pass
            except Exception as exc:  # noqa: BLE001
                self._report(exc)
            except BaseException as exc:
                if not self._stop_hosting(exc):
                    raise
            finally:
                self._done(token)

        self._track(asyncio.get_running_loop().create_task(await_result()))

    def _done(self, token: threading.Event | None) -> None:
        if token is not None:
            self._reactions.done(token)

    # -- background coroutines ------------------------------------------------------------

    def run_coroutine(self, coro: Coroutine[Any, Any, Any], *, awaited: bool = False
                      ) -> asyncio.Future[Any] | concurrent.futures.Future[Any]:
        """Run `coro` in the background; see `Session.run_coroutine`."""
        if self._closed():
            coro.close()
            raise SessionClosed
        try:
            running: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            running = None

        async def tracked() -> Any:
            task = asyncio.current_task()
            if task is not None:
                self._track(task)
                if not awaited:
                    task.add_done_callback(self._report_task_error)
            return await coro

        if running is not None:
            started = running.create_task(tracked())
            self._track(started)  # at once: the caller may end before it first runs
            return started
        home = self._own_loop or self._loop
        if home is None or home.is_closed():
            coro.close()
            raise RuntimeError("this session has no event loop to run a coroutine on")
        return asyncio.run_coroutine_threadsafe(tracked(), home)

    def track(self, task: asyncio.Future[Any]) -> None:
        """Count `task` as the session's (the script's own task on the app's loop): it is
        cancelled when the session closes."""
        self._track(task)

    @contextlib.contextmanager
    def hosting(self, loop: asyncio.AbstractEventLoop, stop: asyncio.Future[Any]
                ) -> Iterator[None]:
        """See `Session.hosting`."""
        self._own_loop, self._own_stop = loop, stop
        try:
            yield
        finally:
            self._own_loop = self._own_stop = None

    def _stop_hosting(self, exc: BaseException) -> bool:
        """Hand `exc` to the script's own loop's runner (`hosting`); False outside one."""
        stop = self._own_stop
        if stop is None:
            return False
        if not stop.done():
            stop.set_exception(exc)
        return True

    def _report_task_error(self, task: asyncio.Future[Any]) -> None:
        if task.cancelled():
            return
        error = task.exception()
        if error is not None and not isinstance(error, SessionClosed):
            self._report(error)

    def _track(self, task: asyncio.Future[Any]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- stopping -------------------------------------------------------------------------

    def stop(self) -> None:
        """The session has closed: end the callback thread once its callback returns, and
        cancel every coroutine still running."""
        self.forget_all()
        self._queue.put(None)
        for task in list(self._tasks):
            loop = task.get_loop()  # the app's, or a script's own (asyncio.run in its thread)
            if not loop.is_closed():
                loop.call_soon_threadsafe(task.cancel)

    def threads(self) -> list[threading.Thread]:
        """The threads running callbacks now, for the session to join."""
        with self._lock:
            return [t for t in (self._thread, *self._apart_threads) if t is not None]
