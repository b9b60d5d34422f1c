"""A mailbox: the events for one awaited form, handed from the server's threads to the
script's call that waits for them, blocking or awaited.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable

from desklaunch.core.messages import Event
from desklaunch.errors import SessionClosed


class Mailbox:
    """The events for one awaited form, handed from server threads to the waiting call."""

    def __init__(self) -> None:
        self._events: deque[Event] = deque()
        self._mutex = threading.RLock()  # taken directly: see core/interrupt.py
        self._cond = threading.Condition(self._mutex)
        self._closed = False
        self._waiter: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None
        self.on_wait: Callable[[], None] | None = None
        """Called whenever a `get()` is about to block: the script has done what it was given."""

    def put(self, event: Event) -> bool:
        """Hand `event` to the waiting call; True: a script call will take it from here.

        Subclasses that handle the event in `put` itself return False.
        """
        with self._mutex:
            self._events.append(event)
            self._cond.notify()
            self._wake_async()
        return True

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self._cond.notify_all()
            self._wake_async()

    def get(self) -> Event:
        """Block until the next event; raise `SessionClosed` once the session is closed."""
        with self._mutex:
            while not self._events and not self._closed:
                self._waiting()
                self._cond.wait()
            if self._closed:
                raise SessionClosed
            return self._events.popleft()

    def get_within(self, seconds: float) -> Event | None:
        """Like `get()`, but None once `seconds` have passed with no event."""
        deadline = time.monotonic() + seconds
        with self._mutex:
            while not self._events and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._waiting()
                self._cond.wait(left)
            if self._closed:
                raise SessionClosed
            return self._events.popleft()

    async def aget(self) -> Event:
        """Like `get()`, awaited on whatever event loop runs the caller."""
        loop = asyncio.get_running_loop()
        while True:
            with self._mutex:
                if self._closed:
                    raise SessionClosed
                if self._events:
                    return self._events.popleft()
                future = loop.create_future()
                self._waiter = (loop, future)
                self._waiting()
            try:
                await future
            except asyncio.CancelledError:
                # Closing a session both wakes its mailboxes and cancels its tasks; whichever
                # lands first, the script must see the SessionClosed a blocking call sees.
                if not self._closed:
                    raise
                raise SessionClosed from None

    def nudge(self) -> None:
        """Wake a blocked `get()` for a moment: it looks again and, with nothing new, waits
        again. An exception raised meanwhile in the waiting thread surfaces this way."""
        with self._mutex:
            self._cond.notify_all()
            self._wake_async()

    def _waiting(self) -> None:
        if self.on_wait is not None:
            self.on_wait()

    def _wake_async(self) -> None:
        if self._waiter is not None:
            loop, future = self._waiter
            self._waiter = None
            loop.call_soon_threadsafe(_resolve, future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)
