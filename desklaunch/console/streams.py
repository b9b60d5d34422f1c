"""Stand-ins for `sys.stdout`, `sys.stderr` and `sys.stdin` that talk to the console.

`sys.stdout` is process-wide, so each stand-in looks up the console of the code calling it
(`desklaunch.core.session.current_session()`, whose `data["console"]` a console run sets) and
falls back to the real stream for every other thread. `getpass.getpass` and `time.sleep`
are wrapped the same way: a password field instead of the terminal, and a sleep that the
Stop button can cut short. `install()`/`uninstall()` are counted, so sessions may overlap.
"""

from __future__ import annotations

import getpass
import io
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any, Protocol

from desklaunch.core.session import current_session
from desklaunch.errors import NoSessionError, SessionClosed


class Console(Protocol):
    """What a stream needs from the console of a run (desklaunch/console/runner.py)."""

    thread: threading.Thread | None
    wake: threading.Event

    def write(self, stream: str, text: str) -> None: ...

    def read_line(self, *, password: bool = False, prompt: str | None = None) -> str: ...


def active_console() -> Console | None:
    """The console of the calling code's session, or None outside console mode."""
    console, closed = _console()
    return None if closed else console


def _console() -> tuple[Console | None, bool]:
    """(the calling code's console or None, whether its session is closed)."""
    try:
        session = current_session()
    except NoSessionError:
        return None, False
    return session.data.get("console"), session.closed


class _BinaryOut:
    """`sys.stdout.buffer` for scripts that write bytes: decoded as UTF-8, then shown."""

    def __init__(self, text: ConsoleText) -> None:
        self._text = text

    def write(self, data: bytes) -> int:
        self._text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)

    def flush(self) -> None:
        self._text.flush()


class ConsoleText(io.TextIOBase):
    """`sys.stdout` / `sys.stderr`: the console's `stream` ("out"/"err"), else `fallback()`."""

    def __init__(self, stream: str, fallback: Callable[[], IO[str] | None]) -> None:
        super().__init__()
        self._stream = stream
        self._fallback = fallback

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"

    @property
    def buffer(self) -> Any:
        if active_console() is None:
            real = self._fallback()
            return getattr(real, "buffer", None)
        return _BinaryOut(self)

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        console = active_console()
        if console is not None:
            console.write(self._stream, text)
        else:
            real = self._fallback()
            if real is not None:
                real.write(text)
        return len(text)

    def flush(self) -> None:
        if active_console() is None and (real := self._fallback()) is not None:
            real.flush()

    def fileno(self) -> int:
        real = self._fallback()
        if real is None:
            raise io.UnsupportedOperation("fileno")
        return real.fileno()


class ConsoleInput(io.TextIOBase):
    """`sys.stdin`: each line is asked for in the console's input field; EOF is a button."""

    def __init__(self, fallback: Callable[[], IO[str] | None]) -> None:
        super().__init__()
        self._fallback = fallback

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        # `input()` reads the terminal itself when stdin's descriptor is a tty: never that.
        real = self._fallback()
        if active_console() is not None or real is None:
            raise io.UnsupportedOperation("fileno")
        return real.fileno()

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        console = active_console()
        if console is None:
            real = self._fallback()
            return "" if real is None else real.readline(-1 if size is None else size)
        return console.read_line()

    def read(self, size: int | None = -1) -> str:
        if active_console() is None:
            real = self._fallback()
            return "" if real is None else real.read(-1 if size is None else size)
        lines = []
        while line := self.readline():
            lines.append(line)
            if size is not None and 0 <= size <= sum(map(len, lines)):
                break
        return "".join(lines)

    def readlines(self, hint: int | None = -1) -> list[str]:  # type: ignore[override]
        return list(iter(self.readline, ""))


_real_getpass = getpass.getpass
_real_sleep = time.sleep


def console_getpass(prompt: str = "Password: ", stream: Any = None) -> str:
    """`getpass.getpass` in console mode: a password field; the terminal's one otherwise."""
    console = active_console()
    if console is None:
        return _real_getpass(prompt, stream)
    line = console.read_line(password=True, prompt=prompt)
    if not line:
        raise EOFError
    return line.rstrip("\n")


def console_sleep(seconds: float) -> None:
    """`time.sleep` that the Stop button wakes, so a sleeping script stops at once."""
    console, closed = _console()
    if console is None or console.thread is not threading.current_thread():
        _real_sleep(seconds)
        return
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    if not closed and console.wake.wait(seconds):
        console.wake.clear()
    if _console()[1]:  # the window closed: end the script as a blocked UI call would end
        raise SessionClosed


class _Installed:
    count = 0
    saved: tuple[Any, ...] = ()
    lock = threading.Lock()


def _saved(index: int) -> Callable[[], Any]:
    return lambda: _Installed.saved[index] if _Installed.saved else None


# One set of stand-ins for the life of the process: CPython's print() borrows sys.stdout
# without a reference of its own, so a stand-in freed by `uninstall()` while a script thread
# is in the middle of a print would crash the interpreter (seen on 3.11).
_STDOUT = ConsoleText("out", _saved(0))
_STDERR = ConsoleText("err", _saved(1))
_STDIN = ConsoleInput(_saved(2))


def report_to_terminal(text: str) -> None:
    """Write `text` to the real stderr as well (a traceback, as the core does outside
    console mode), so a console app started from a terminal still says why it failed."""
    real = _Installed.saved[1] if _Installed.count else sys.stderr
    if real is not None and text:
        try:
            real.write(text)
            real.flush()
        except (OSError, ValueError):
            pass


def install() -> None:
    """Put the stand-ins in place (once for any number of overlapping callers)."""
    with _Installed.lock:
        _Installed.count += 1
        if _Installed.count > 1:
            return
        _Installed.saved = (sys.stdout, sys.stderr, sys.stdin, getpass.getpass, time.sleep)
        sys.stdout, sys.stderr, sys.stdin = _STDOUT, _STDERR, _STDIN
        getpass.getpass = console_getpass
        time.sleep = console_sleep  # type: ignore[assignment]


def uninstall() -> None:
    """Undo `install()` when its last caller is done."""
    with _Installed.lock:
        if _Installed.count == 0:
            return
        _Installed.count -= 1
        if _Installed.count:
            return
        out, err, inp, real_getpass, real_sleep = _Installed.saved
        if isinstance(sys.stdout, ConsoleText):
            sys.stdout = out
        if isinstance(sys.stderr, ConsoleText):
            sys.stderr = err
        if isinstance(sys.stdin, ConsoleInput):
            sys.stdin = inp
        getpass.getpass = real_getpass
        time.sleep = real_sleep
