"""`/dev/tty` in console mode: the console, as the terminal it stands for.

A program opens `/dev/tty` to talk to the person when its standard streams are taken (litecli
asks "Do you want to proceed?" there after reading a script from stdin). In the console the
person is at the console, not at the terminal desklaunch was started from (from a desktop
there is none): `open("/dev/tty")` from the run reads lines from the console and writes to
its output (runstreams.py `tty_file`). Raw key presses are still not to be had there: its
`fileno()` raises, as stdin's does. So do the standard streams opened by their numbers
(`open(0).read()`, a contest programmer's way to read all of stdin) or their names
(`open("/dev/stdin")`): they are the run's.

`open` is Python's own for every other program: replacing it puts a frame of ours in the
tracebacks a program prints and in the warnings `open` gives. So only a program whose own
code names `/dev/tty` or `/dev/stdin` (or calls `open(0)`) gets `builtins.open` replaced
while its session runs (`install`), and the command-line tools known to open it from a
module of theirs (`WATCHED`: litecli's, mycli's) get an `open` of their own in that module
(`adjust`).
"""

from __future__ import annotations

import builtins
import dis
import functools
import io
import os
import threading
from types import CodeType, ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.runstreams import tty_file
from desklaunch.console.streams import active_console
from desklaunch.core.target import nested_code

TTY = "/dev/tty"
STANDARD = {0: "out", 1: "out", 2: "err"}
"""The standard streams' numbers, as `open()` takes them, and where their writes show (what
is read from 0 is asked for in the console's field)."""
NAMED = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2, "/dev/fd/0": 0, "/dev/fd/1": 1,
         "/dev/fd/2": 2, "/proc/self/fd/0": 0, "/proc/self/fd/1": 1, "/proc/self/fd/2": 2}
"""The standard streams' names as paths (`open("/dev/stdin").read()`): the run's streams too."""
WATCHED = ("litecli.main", "mycli.main", "mycli.main_modes.batch", "mycli.main_modes.execute")
"""The modules of command-line tools that open `/dev/tty` for questions after reading their
input from stdin."""

_lock = threading.Lock()
_installs = 0
_saved: tuple[Any, Any] | None = None
"""`builtins.open` and `io.open` as they were before `install()`."""


def console_open(file: Any, mode: str = "r", buffering: int = -1, encoding: str | None = None,
                 errors: str | None = None, newline: str | None = None, closefd: bool = True,
                 opener: Any = None) -> Any:
    """`open()`, with `/dev/tty` opened on the console for a console run's code."""
    real = _saved[0] if _saved is not None else io.open
    if isinstance(file, (str, bytes, os.PathLike)) and os.fsdecode(file) in NAMED:
        file = NAMED[os.fsdecode(file)]
    if type(file) is int and file in STANDARD:  # `open(0).read()`: the run's own stdin
        console = active_console()
        if hasattr(console, "read_line"):
            show = functools.partial(console.write, STANDARD[file])  # type: ignore[union-attr]
            return tty_file(show, console.read_line, mode, encoding,  # type: ignore[union-attr]
                            errors)
    if file == TTY or (isinstance(file, (bytes, os.PathLike)) and os.fsdecode(file) == TTY):
        console = active_console()
        if hasattr(console, "read_line"):
            return tty_file(functools.partial(console.write, "out"),  # type: ignore[union-attr]
                            console.read_line, mode, encoding, errors)  # type: ignore[union-attr]
    return real(file, mode, buffering, encoding, errors, newline, closefd, opener)


def names_tty(code: CodeType) -> bool:
    """Whether `code` (its functions' too) has `/dev/tty` or a standard stream's name
    (`/dev/stdin`) among its constants, or opens a standard stream by its number (`open(0)`)."""
    return any(isinstance(const, (str, bytes)) and os.fsdecode(const) in (TTY, *NAMED)
               for current in nested_code(code) for const in current.co_consts) \
        or any(_opens_by_number(current) for current in nested_code(code))


def _opens_by_number(code: CodeType) -> bool:
    """Whether `code` calls `open` with 0, 1 or 2 as its first argument."""
    previous = None
    for instruction in dis.get_instructions(code):
        if previous is not None and previous.argval == "open" \
                and previous.opname in ("LOAD_NAME", "LOAD_GLOBAL") \
                and instruction.opname == "LOAD_CONST" \
                and type(instruction.argval) is int and instruction.argval in STANDARD:
            return True
        previous = instruction
    return False


def adjust(module: ModuleType) -> None:
    """Open `/dev/tty` on the console from `module`'s own code (a watched tool's)."""
    loadhook.provide(module.__dict__, "open", console_open)


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
