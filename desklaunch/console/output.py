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
import re
import threading
from collections.abc import Callable
from typing import Any

from desklaunch.errors import SessionClosed

log = logging.getLogger(__name__)

DELAY = 0.025
"""Seconds a write waits for company before it is sent."""
MAX_CHUNK = 32_768
"""Characters per command; a fuller buffer is sent at once."""
UNFINISHED = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]{0,1024}\x1b?|[()#%])?\Z")
"""An escape code cut off at the end of what was written so far (a program writing one
character at a time, colour codes too): it waits for the rest rather than showing as text."""
LONGEST_CUT = 1030
"""The longest code `UNFINISHED` holds back: only a batch's tail is searched for one."""



class ConsoleOutput:
    """A thread-safe buffer of stdout/stderr text, sent as `console_write` commands."""

    def __init__(self, send: Callable[[dict[str, Any]], None], name: str) -> None:
        self._send = send
        self._chunks: list[tuple[str, list[str]]] = []
        self._size = 0
        self._held: tuple[str, str] | None = None
        """An unfinished escape code left out of the last batch: the stream and its text."""
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
            if self._held is not None:  # what it finishes goes first, as written
                held, self._held = self._held, None
                self._chunks.append((held[0], [held[1]]))
                self._size += len(held[1])
            first = not self._chunks
            if not first and self._chunks[-1][0] == stream:
                self._chunks[-1][1].append(text)
            else:
                self._chunks.append((stream, [text]))
            self._size += len(text)
            if first or self._size >= MAX_CHUNK:
                self._cond.notify_all()

    def flush(self, *, whole: bool = True) -> None:
        """Send whatever is buffered now; with `whole=False` (the flusher's batches) an
        escape code cut off at the end waits for the write that finishes it."""
        with self._send_lock:
            with self._lock:
                chunks, self._chunks, self._size = self._chunks, [], 0
                if self._held is not None:
                    chunks.append((self._held[0], [self._held[1]]))
                    self._held = None
                joined = [[stream, "".join(parts)] for stream, parts in chunks]
                if not whole and joined:
                    stream, text = joined[-1]
                    cut = UNFINISHED.search(text, max(0, len(text) - LONGEST_CUT))
                    if cut is not None:
                        self._held = (stream, text[cut.start():])
                        joined[-1][1] = text[:cut.start()]
                        if not joined[-1][1]:
                            joined.pop()
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
            self.flush(whole=False)
        self.flush()

    def close(self) -> None:
        """Send what is left and stop the flusher thread (it is joined)."""
        with self._lock:
            self._closed = True
            self._cond.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join()
