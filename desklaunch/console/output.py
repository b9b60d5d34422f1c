"""The console's output pipe to the page: writes are batched into few `console_write` commands.

A loop printing 10,000 lines must not become 10,000 commands, and a script printing one line
a second must show one line a second. So every write lands in a buffer, and a flusher
thread sends what gathered a short moment (`DELAY`) after the first write, or at once when
the buffer is large; `flush()` sends now (before a blocking read, at the end of a run).

A write never sends: Stop raises `KeyboardInterrupt` in the program's thread at any
bytecode, and one landing between taking text out of the buffer and sending it would lose
that text. The flusher's thread is never interrupted; only `flush()`, called before a prompt
and at a run's end, sends on the caller's thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from desklaunch.errors import SessionClosed

log = logging.getLogger(__name__)

DELAY = 0.025
"""Seconds a write waits for company before it is sent."""
MAX_CHUNK = 32_768
"""Characters per command; a fuller buffer is sent at once."""



class ConsoleOutput:
    """A thread-safe buffer of stdout/stderr text, sent as `console_write` commands."""

    def __init__(self, send: Callable[[dict[str, Any]], None], name: str) -> None:
        self._send = send
        self._chunks: list[tuple[str, list[str]]] = []
        self._size = 0
        self._lock = threading.RLock()  # taken directly: see core/interrupt.py
        self._cond = threading.Condition(self._lock)
        self._send_lock = threading.Lock()  # keeps batches in order between flushers
        self._closed = False
        self._thread = threading.Thread(target=self._flusher, name=name)
        self._thread.start()

    def write(self, stream: str, text: str) -> None:
        """Add `text` to the stream `stream` ("out" or "err"); it shows within `DELAY` s."""
        if not text:
            return
        with self._lock:
            if self._closed:
                return
            first = not self._chunks
            if not first and self._chunks[-1][0] == stream:
                self._chunks[-1][1].append(text)
            else:
                self._chunks.append((stream, [text]))
            self._size += len(text)
            if first or self._size >= MAX_CHUNK:
                self._cond.notify_all()

    def flush(self) -> None:
        """Send whatever is buffered now."""
        with self._send_lock:
            with self._lock:
                chunks, self._chunks, self._size = self._chunks, [], 0
            joined = [[stream, "".join(parts)] for stream, parts in chunks]
            for start in range(0, len(joined), 64):
                self._deliver(joined[start:start + 64])

    def _deliver(self, chunks: list[list[str]]) -> None:
        if not chunks:
            return
        with contextlib.suppress(SessionClosed):  # the window is gone: nobody reads it
            self._send({"cmd": "console_write", "chunks": chunks})

    def _flusher(self) -> None:
        while True:
            with self._lock:
                while not self._chunks and not self._closed:
                    self._cond.wait()
                if self._closed:
                    break
                # Let the burst this write belongs to gather (a print loop), then send it.
                self._cond.wait_for(lambda: self._size >= MAX_CHUNK or self._closed, DELAY)
            self.flush()
        self.flush()

    def close(self) -> None:
        """Send what is left and stop the flusher thread (it is joined)."""
        with self._lock:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join()
