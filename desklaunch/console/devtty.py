"""`/dev/tty` in console mode: the console, as the terminal it stands for.

A program opens `/dev/tty` to talk to the person when its standard streams are taken (litecli
asks "Do you want to proceed?" there after reading a script from stdin). In the console the
person is at the console, not at the terminal desklaunch was started from (from a desktop
there is none): while a console run is on, `open("/dev/tty")` from the run reads lines from
the console and writes to its output (runstreams.py `tty_file`). Raw key presses are still
not to be had there: its `fileno()` raises, as stdin's does.
"""

from __future__ import annotations

import builtins
import functools
import io
import os
import threading
from typing import Any

from desklaunch.console.runstreams import tty_file
from desklaunch.console.streams import active_console

TTY = "/dev/tty"

_lock = threading.Lock()
_installs = 0
_saved: tuple[Any, Any] | None = None
"""`builtins.open` and `io.open` as they were before `install()`."""


def console_open(file: Any, mode: str = "r", buffering: int = -1, encoding: str | None = None,
                 errors: str | None = None, newline: str | None = None, closefd: bool = True,
                 opener: Any = None) -> Any:
    """`open()`, with `/dev/tty` opened on the console for a console run's code."""
    real = _saved[0] if _saved is not None else io.open
    if file == TTY or (isinstance(file, (bytes, os.PathLike)) and os.fsdecode(file) == TTY):
        console = active_console()
        if hasattr(console, "read_line"):
            return tty_file(functools.partial(console.write, "out"),  # type: ignore[union-attr]
                            console.read_line, mode, encoding, errors)  # type: ignore[union-attr]
    return real(file, mode, buffering, encoding, errors, newline, closefd, opener)


def install() -> None:
    """Open `/dev/tty` on the console from now on (once for any number of callers)."""
    global _installs, _saved
    with _lock:
        _installs += 1
        if _installs == 1:
            _saved = (builtins.open, io.open)
            builtins.open = io.open = console_open


def uninstall() -> None:
    """Undo `install()` when its last caller is done."""
    global _installs, _saved
    with _lock:
        if _installs == 0:
            return
        _installs -= 1
        if _installs == 0 and _saved is not None:
            builtins.open, io.open = _saved
            _saved = None
