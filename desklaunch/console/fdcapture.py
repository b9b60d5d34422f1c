"""Capturing what child processes write to the inherited stdout and stderr (fds 1 and 2).

`print` goes through `sys.stdout`, but `os.system("ls")` or `subprocess.run(["git", ...])`
write straight to file descriptors 1 and 2. While a console run is on, those descriptors
are pipes (`os.pipe` + `os.dup2`), read by one named thread that hands what arrives to the
console; `stop()` puts the real descriptors back and ends the thread (after a short grace
for a child still writing). POSIX only: on Windows children's output is not captured.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import selectors
import sys
import threading
from collections.abc import Callable
from typing import IO

GRACE = 0.2
"""Seconds the reader keeps draining after `stop()`, for a child that is still writing."""
_before: dict[int, IO[str]] = {}


def before_capture(fd: int) -> IO[str] | None:
    """A text stream on what fd 1 or 2 was before the capture now on (None when none is):
    where a write that is not the run's goes meanwhile, such as a test's own `print`."""
    return _before.get(fd)


class FdCapture:
    """Fds 1 and 2 redirected into pipes while started; what arrives goes to `on_text`."""

    def __init__(self, on_text: Callable[[str, str], None], name: str) -> None:
        self._on_text = on_text
        self._name = name
        self._saved: dict[int, int] = {}
        self._readers: dict[int, tuple[str, codecs.IncrementalDecoder]] = {}
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # one reader of the pipes at a time, in order
        self.written = False
        """Bytes came through the descriptors themselves (a child's, or the program's own
        `os.write(2, ...)`, as textual's and curses' screen switches are written)."""

    @staticmethod
    def supported() -> bool:
        return os.name == "posix"

    def start(self) -> None:
        """Swap fds 1 and 2 for pipes and start the reader thread."""
        for stream in (sys.__stdout__, sys.__stderr__):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.flush()
        for fd, name in ((1, "out"), (2, "err")):
            read_end, write_end = os.pipe()
            self._saved[fd] = os.dup(fd)
            _before[fd] = io.TextIOWrapper(io.FileIO(self._saved[fd], "w", closefd=False),
                                           encoding="utf-8", errors="replace",
                                           line_buffering=True)
            os.dup2(write_end, fd)
            os.close(write_end)
            os.set_blocking(read_end, False)
            decoder = codecs.getincrementaldecoder("utf-8")("replace")
            self._readers[read_end] = (name, decoder)
        self._thread = threading.Thread(target=self._read, name=self._name)
        self._thread.start()

    def stop(self) -> None:
        """Put the real fds back, drain the pipes, stop and join the reader."""
        if self._thread is None:
            return
        for stream in (sys.__stdout__, sys.__stderr__):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.flush()
        for fd, saved in self._saved.items():
            with contextlib.suppress(Exception):
                _before.pop(fd).flush()
            os.dup2(saved, fd)
            os.close(saved)
        self._saved.clear()
        self._stopping.set()
        self._thread.join()
        self._thread = None

    def _read(self) -> None:
        with selectors.DefaultSelector() as selector:
            for read_end in self._readers:
                selector.register(read_end, selectors.EVENT_READ)
            open_ends = set(self._readers)
            while open_ends:
                # Once stopping, a pipe that stays quiet for GRACE is given up (a background
                # child may hold it open forever).
                timeout = GRACE if self._stopping.is_set() else 0.1
                ready = selector.select(timeout)
                if not ready and self._stopping.is_set():
                    break
                for key, _ in ready:
                    fd = int(key.fd)
                    with self._lock:
                        try:
                            data = os.read(fd, 65536)
                        except BlockingIOError:
                            continue
                        name, decoder = self._readers[fd]
                        if data:
                            self.written = True
                            self._on_text(name, decoder.decode(data))
                    if not data:
                        selector.unregister(fd)
                        open_ends.discard(fd)
        with self._lock:
            for read_end, (name, decoder) in self._readers.items():
                self._on_text(name, decoder.decode(b"", final=True))
                os.close(read_end)
            self._readers.clear()

    def drain(self) -> None:
        """Show now what children have written so far, before the script's next output, so
        that the order is the order of writing (the reader thread may not have run yet)."""
        with self._lock:
            for fd, (name, decoder) in self._readers.items():
                while True:
                    try:
                        data = os.read(fd, 65536)
                    except OSError:  # nothing waiting (BlockingIOError), or closed
                        break
                    if not data:
                        break
                    self._on_text(name, decoder.decode(data))
