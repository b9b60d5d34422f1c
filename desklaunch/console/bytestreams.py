"""`sys.stdout.buffer`, `sys.stderr.buffer` and `sys.stdin.buffer` for the whole process.

Each run has streams of its own (runstreams.py), closed when the run ends. A library that
keeps `sys.stdout.buffer` when it is imported (pre-commit writes to a `stream=
sys.stdout.buffer` default) would keep the first run's, and fail on Run again with "write to
closed file", where a terminal's second command is a new process. So the stand-ins' `buffer`
(streams.py) is this one, which passes each call to the bytes of the calling code's run,
as the text stand-ins pass theirs.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO, Any


class StandIn:
    """What a process-wide stand-in for stream `_name` says of itself, text or bytes."""

    _name: str

    def _target(self) -> Any:
        raise NotImplementedError

    def readable(self) -> bool:
        return self._name == "stdin"

    def writable(self) -> bool:
        return self._name != "stdin"

    def seekable(self) -> bool:
        return False

    def isatty(self) -> bool:
        target = self._target()  # a run's stream says as runstreams.py does
        return bool(target is not None and target.isatty())


class ConsoleBuffer(StandIn, io.BufferedIOBase):
    """The bytes under whichever stream `text()` gives now: a run's, or the real one's."""

    def __init__(self, name: str, text: Callable[[], IO[str] | None],
                 in_console: Callable[[], bool]) -> None:
        super().__init__()
        self._name = name
        self._text = text
        self._in_console = in_console

    def _target(self) -> Any:
        return getattr(self._text(), "buffer", None)

    def __getattr__(self, name: str) -> Any:  # raw, name, mode... of the bytes meant now
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._target(), name)

    def __repr__(self) -> str:
        return f"<desklaunch console {self._name}.buffer>"

    def fileno(self) -> int:
        target = self._target()
        if target is None:
            raise io.UnsupportedOperation("fileno")
        return int(target.fileno())

    @property
    def closed(self) -> bool:
        target = self._target()
        return bool(target is not None and target.closed)

    def close(self) -> None:
        # Only a run's own bytes are closed; the real ones belong to desklaunch.
        if self._in_console() and (target := self._target()) is not None:
            target.close()

    def flush(self) -> None:
        target = self._target()
        if target is not None:
            target.flush()

    def write(self, data: Any) -> int:
        target = self._target()
        if target is None:
            return len(memoryview(data))
        return int(target.write(data))

    def read(self, size: int | None = -1) -> bytes:
        target = self._target()
        return b"" if target is None else bytes(target.read(size))

    def read1(self, size: int = -1) -> bytes:
        target = self._target()
        return b"" if target is None else bytes(target.read1(size))

    def readline(self, size: int | None = -1) -> bytes:
        target = self._target()
        return b"" if target is None else bytes(target.readline(size))

    def readinto(self, buffer: Any) -> int:
        target = self._target()
        return 0 if target is None else int(target.readinto(buffer))
