"""The asyncio event loop thread: runs `async def` scripts and the app's timers."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any


class EventLoopThread:
    """An event loop running in a thread named `desklaunch-loop`, until `stop()`."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="desklaunch-loop")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def every(self, seconds: float, action: Callable[[], Any]) -> None:
        """Call `action` on the loop every `seconds` until the loop stops."""

        def tick() -> None:
            action()
            self.loop.call_later(seconds, tick)

        self.loop.call_soon_threadsafe(self.loop.call_later, seconds, tick)

    def stop(self, timeout: float = 2.0) -> None:
        """Cancel what still runs, stop the loop, join the thread and close the loop."""
        if not self._thread.is_alive():
            if not self.loop.is_closed():
                self.loop.close()
            return

        async def wind_down() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=timeout / 2)
            self.loop.stop()

        self.loop.call_soon_threadsafe(lambda: self.loop.create_task(wind_down()))
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self.loop.close()
