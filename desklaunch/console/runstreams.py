"""One run's `sys.stdin`, `sys.stdout` and `sys.stderr`, made fresh for every run.

Each is a real `io.TextIOWrapper` over a small binary stream of ours, so a script finds what
a terminal's streams have: `.buffer` for bytes (read and write), `encoding`, `errors`,
`reconfigure()`, `fileno()` (the real descriptor for stdout and stderr, none for stdin).
stdout and stderr say they are a terminal (`isatty()`), since a person watches them in the
console, which shows colours and redraws: libraries then colour their output and animate
their progress bars (rich, colorama, tqdm) as in a terminal. So does stdin, since a person
answers there: programs that ask only a person ask (Django's `createsuperuser`, cleo's
questions); except for a program that sets raw keys itself (`stdin_terminal=False`), which
then reads lines. Bytes written are decoded as UTF-8 and shown; a line typed in the console
is encoded as UTF-8 and read. A script that closes one (`with sys.stdout as out:`) closes
only its own run's: the next run gets new ones. The
process-wide stand-ins (streams.py) pass each call to the streams of the run the calling
code belongs to.
"""

from __future__ import annotations

import codecs
import functools
import io
from collections.abc import Callable
from typing import IO, Any

_CHUNK = 8192


class _BytesOut(io.BufferedIOBase):
    """Bytes written to stdout or stderr, decoded as UTF-8 (a character split between two
    writes is kept until its end arrives) and handed to the console."""

    def __init__(self, name: str, show: Callable[[str], None],
                 fileno: Callable[[], int]) -> None:
        super().__init__()
        self.name = name
        self._show = show
        self._fileno = fileno
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fileno()

    def write(self, data: Any) -> int:
        if self.closed:
            raise ValueError("write to closed file")
        chunk = bytes(data)
        text = self._decoder.decode(chunk)
        if text:
            self._show(text)
        return len(chunk)

    def close(self) -> None:
        if not self.closed:
            tail = self._decoder.decode(b"", final=True)
            if tail:
                self._show(tail)
        super().close()


class _BytesIn(io.RawIOBase):
    """Standard input as bytes: each read asks the console for one line (b"" at its end)."""

    def __init__(self, read_line: Callable[[], str], terminal: bool) -> None:
        super().__init__()
        self.name = "<stdin>"
        self._read_line = read_line
        self._terminal = terminal
        self._pending = b""

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._terminal

    def fileno(self) -> int:
        # `input()` reads the real terminal itself when stdin has a tty descriptor: never.
        raise io.UnsupportedOperation("fileno")

    def readinto(self, buffer: Any) -> int:
        if not self._pending:
            self._pending = self._read_line().encode("utf-8", "surrogateescape")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _TextOut(io.TextIOWrapper):
    """A text stream over `_BytesOut` whose text goes to the console without a round trip
    through bytes (4 to 5 times faster per `print`); `.buffer` still takes bytes."""

    def __init__(self, raw: _BytesOut, show: Callable[[str], None], errors: str) -> None:
        super().__init__(raw, encoding="utf-8", errors=errors, newline="\n",
                         write_through=True)
        self._show = show

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if not text.isascii():  # what a terminal's stream would refuse or replace
            text = text.encode("utf-8", self.errors or "strict").decode("utf-8")
        if text:
            self._show(text)
        return len(text)


class RunStreams:
    """The three streams of one run; `show(stream, text)` displays, `read_line()` asks."""

    def __init__(self, show: Callable[[str, str], None], read_line: Callable[[], str],
                 fileno: Callable[[int], int], stdin_terminal: bool = True) -> None:
        out = functools.partial(show, "out")
        err = functools.partial(show, "err")
        self.stdout: io.TextIOWrapper = _TextOut(
            _BytesOut("<stdout>", out, lambda: fileno(1)), out, "strict")
        self.stderr: io.TextIOWrapper = _TextOut(
            _BytesOut("<stderr>", err, lambda: fileno(2)), err, "backslashreplace")
        raw_in = _BytesIn(read_line, stdin_terminal)
        self.stdin = io.TextIOWrapper(io.BufferedReader(raw_in, _CHUNK),
                                      encoding="utf-8", errors="strict")

    def by_name(self, name: str) -> io.TextIOWrapper:
        """"stdout", "stderr" or "stdin"."""
        stream: io.TextIOWrapper = getattr(self, name)
        return stream


def is_run_stream(stream: object) -> bool:
    """Whether `stream` is one of a run's streams or a layer of one (its bytes or raw)."""
    return isinstance(stream, (_BytesOut, _BytesIn, _TextOut))


def tty_file(show: Callable[[str], None], read_line: Callable[[], str], mode: str,
             encoding: str | None = None, errors: str | None = None) -> IO[Any]:
    """A file over the console as `/dev/tty` is one over the terminal: reading asks for
    lines, writing shows text, `mode` as `open()` takes it. A file of its own: closing it
    leaves the run's streams open."""

    def no_descriptor() -> int:
        raise io.UnsupportedOperation("fileno")  # no raw key presses to be had

    reads, writes = "r" in mode or "+" in mode, any(c in mode for c in "wax+")
    source = _BytesIn(read_line, terminal=True) if reads else None
    if source is not None:
        source.name = "/dev/tty"
    sink = _BytesOut("/dev/tty", show, no_descriptor) if writes else None
    binary: Any = (io.BufferedRWPair(source, sink) if source is not None and sink is not None
                   else io.BufferedReader(source, _CHUNK) if source is not None else sink)
    if "b" in mode:
        return binary  # type: ignore[no-any-return]
    return io.TextIOWrapper(binary, encoding=encoding or "utf-8", errors=errors,
                            line_buffering=True, write_through=True)
