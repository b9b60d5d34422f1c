"""Stand-ins for `sys.stdout`, `sys.stderr` and `sys.stdin` that talk to the console.

`sys.stdout` is process-wide, so each stand-in looks up the console of the code calling it
(`desklaunch.core.session.current_session()`, whose `data["console"]` a console run sets) and
passes the call to that run's own streams (runstreams.py), or to the real stream for every
other thread. `getpass.getpass`, `time.sleep` and `signal.signal` are wrapped the same way:
a password field instead of the terminal, a sleep that the Stop button can cut short, and
handlers the program's thread may set (Python allows them on the main thread only). So are
`os.isatty` and `os.get_terminal_size`: stdout's and stderr's descriptors are a terminal to
the program, as the streams' own `isatty()` says (termcolor asks the descriptor).
`install()`/`uninstall()` are counted, so sessions may overlap.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import io
import math
import operator
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any, Protocol

from desklaunch.console.atexits import ExitHandlers
from desklaunch.console.bytestreams import ConsoleBuffer, StandIn
from desklaunch.console.ctrlc import Handlers, real_getsignal
from desklaunch.console.fdcapture import before_capture
from desklaunch.console.interrupted import lands_here, not_ours
from desklaunch.console.runstreams import RunStreams
from desklaunch.console.sharedpatch import SharedPatch
from desklaunch.core.session import current_session, stands_outside
from desklaunch.errors import NoSessionError, SessionClosed


class Console(Protocol):
    """What a stream needs from the console of a run (desklaunch/console/runner.py)."""

    thread: threading.Thread | None
    wake: threading.Event
    handlers: Handlers
    wakeup_fd: int
    """The run's `signal.set_wakeup_fd` descriptor, or -1."""
    exit_handlers: ExitHandlers
    streams: RunStreams
    """The streams of the run going on (or of the last one)."""

    def write(self, stream: str, text: str) -> None: ...

    def read_line(self, *, password: bool = False, prompt: str | None = None) -> str: ...

    def input_ready(self, timeout: float | None) -> bool: ...

    def signal_arrived(self, signum: int) -> None: ...

    def handler_point(self) -> contextlib.AbstractContextManager[None]: ...

    def handler_due(self) -> tuple[Callable[[int, Any], Any], int] | None: ...

    def stop_heard(self) -> None: ...

    def exit_program(self, code: int) -> None: ...


def is_console_stdin(item: Any, console: Console) -> bool:
    """Whether `item` is standard input as the program has it: `sys.stdin`, the run's own
    stream that a library kept, or its number (`select([0], ...)`)."""
    return (isinstance(item, ConsoleStream) and item._name == "stdin") \
        or item is console.streams.stdin or (type(item) is int and item == 0)


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


_DESCRIPTORS = {"stdout": 1, "stderr": 2}
_IN_CHILD: dict[str, IO[str]] = {}
"""In a child forked during a run: its streams on descriptors 1 and 2, by name."""


class ConsoleStream(StandIn, io.TextIOBase):
    """`sys.stdout`, `sys.stderr` or `sys.stdin` for the whole process: each call goes to
    the stream of that name of the calling code's run (runstreams.py), else to the real
    stream (`fallback()`). Closing it closes only the run's stream."""

    def __init__(self, name: str, fallback: Callable[[], IO[str] | None]) -> None:
        super().__init__()
        self._name = name
        self._fallback = fallback
        self._pick = operator.attrgetter(name)
        self._buffer = ConsoleBuffer(name, self._target, lambda: active_console() is not None)

    def _target(self) -> IO[str] | None:
        if _IN_CHILD:
            return _IN_CHILD.get(self._name)
        console = active_console()
        if console is not None:
            return console.streams.by_name(self._name)
        return self._fallback()

    def __getattr__(self, name: str) -> Any:
        # reconfigure(), line_buffering, name, mode, ... of whichever stream is meant now
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._target(), name)

    def __repr__(self) -> str:
        return f"<desklaunch console {self._name}>"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._target(), "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._target(), "errors", None)

    @property
    def newlines(self) -> Any:  # type: ignore[override]
        return getattr(self._target(), "newlines", None)

    @property
    def buffer(self) -> Any:
        """The bytes of whichever run calls, as kept by a library now (bytestreams.py)."""
        return self._buffer if getattr(self._target(), "buffer", None) is not None else None

    @property
    def closed(self) -> bool:
        target = self._target()
        return bool(target is not None and target.closed)

    def close(self) -> None:
        # Only a run's own stream is closed; the real ones belong to desklaunch.
        if active_console() is not None and (target := self._target()) is not None:
            target.close()

    def fileno(self) -> int:
        target = self._target()
        if target is None:
            raise io.UnsupportedOperation("fileno")
        return target.fileno()

    def detach(self) -> Any:
        """The run's stream's bytes underneath (`sys.stdout = sys.stdout.detach()`, as
        pyfiglet does to write bytes); the text stream is then done, as Python's is."""
        target = self._target()
        detach = getattr(target, "detach", None)
        if detach is None:
            raise io.UnsupportedOperation("detach")
        return detach()

    def flush(self) -> None:
        target = self._target()
        if target is not None:
            target.flush()

    def write(self, text: str) -> int:
        # The hot path of every print(): the run's stream found with as few calls as can be.
        if _IN_CHILD:
            return self._write_in_child(text)
        try:
            session = current_session()
        except NoSessionError:
            target = self._outside() if stands_outside() else self._fallback()
        else:
            console = None if session.closed else session.data.get("console")
            target = self._pick(console.streams) if console is not None else self._fallback()
        if target is None:
            if not isinstance(text, str):
                raise TypeError(f"write() argument must be str, not {type(text).__name__}")
            return len(text)
        return target.write(text)

    def _write_in_child(self, text: str) -> int:
        target = _IN_CHILD.get(self._name)
        return target.write(text) if target is not None else len(text)

    def _outside(self) -> IO[str] | None:
        """The stream for a thread that stands outside the sessions (a test's own): the real
        one, or, where that writes to a descriptor a run captures now, what the descriptor
        was before, so that the test's prints stay out of the app's console."""
        fallback = self._fallback()
        fd = _DESCRIPTORS.get(self._name)
        if fallback is None or fd is None:
            return fallback
        try:
            captured = fallback.fileno() == fd
        except (OSError, ValueError):
            return fallback
        return (before_capture(fd) or fallback) if captured else fallback

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    @lands_here
    def read(self, size: int | None = -1) -> str:
        target = self._target()
        return "" if target is None else target.read(-1 if size is None else size)

    @lands_here
    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        target = self._target()
        return "" if target is None else target.readline(-1 if size is None else size)

    @lands_here
    def readlines(self, hint: int | None = -1) -> list[str]:  # type: ignore[override]
        target = self._target()
        return [] if target is None else target.readlines(-1 if hint is None else hint)

    def __iter__(self) -> ConsoleStream:  # type: ignore[override]
        return self

    def __next__(self) -> str:  # type: ignore[override]
        line = self.readline()
        if not line:
            raise StopIteration
        return line


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
        # the sleep this one replaced: the core's, which a closing session wakes
        (_Installed.saved[4] if _Installed.saved else _real_sleep)(seconds)
        return
    seconds = _sleep_length(seconds)
    end = time.monotonic() + seconds
    tracer = None  # a debugger's, which a handler set (pdb's): put back as we return
    try:
        while not closed:
            # A wake left set is spent: Stop sets it after its interrupt, which may land
            # before the wait below clears it (a busy loop, or the moment the wait
            # returned) and be caught; the next sleep must still sleep.
            console.wake.clear()
            with console.handler_point():
                woke = console.wake.wait(max(0.0, end - time.monotonic()))
            due = console.handler_due()
            if woke:
                console.wake.clear()
            if due is None:
                break
            handler, signum = due
            handler(signum, sys._getframe(1))  # on this thread, as Python calls it
            if sys.gettrace() is not None:
                # pdb's handler traces the program from here on: not these frames of ours,
                # which the program would then seem to step into.
                tracer = sys.gettrace()
                sys.settrace(None)
            console.stop_heard()
            closed = _console()[1]  # a handler that returns: the sleep goes on (PEP 475)
    except KeyboardInterrupt as stop:  # as `lands_here`; not around it: see `tracer`
        shown = not_ours(stop.__traceback__)
        raise stop.with_traceback(shown) from None  # the Stop button, as Ctrl+C would
    finally:
        closed = _console()[1]
        if tracer is not None:
            sys.settrace(tracer)  # last: no call of ours comes after it
    if closed:  # the window closed: end the script as a blocked UI call would end
        raise SessionClosed


_MAX_SLEEP = 2**63 // 10**9
"""The longest sleep Python's clock holds, in whole seconds."""


def _sleep_length(seconds: Any) -> float:
    """`seconds` as `time.sleep` takes it, refused with its own errors (NaN, not a number,
    negative, too long), rather than handed to a wait that would never end."""
    if isinstance(seconds, float):
        if math.isnan(seconds):
            raise ValueError("Invalid value NaN (not a number)")
        if abs(seconds) >= _MAX_SLEEP:
            raise OverflowError("timestamp out of range for platform time_t")
        value: float = seconds
    else:
        try:
            value = operator.index(seconds)
        except TypeError:
            raise TypeError(f"'{type(seconds).__name__}' object cannot be interpreted as "
                            "an integer") from None
        if abs(value) >= _MAX_SLEEP:
            raise OverflowError("timestamp too large to convert to C _PyTime_t")
    if value < 0:
        raise ValueError("sleep length must be non-negative")
    return value


_real_signal = signal.signal


def console_signal(signalnum: int, handler: Any) -> Any:
    """`signal.signal` in the program's thread: kept for the run, not installed, where
    Python would refuse it outside the main thread (csvkit's `SIGPIPE`); Stop calls a
    Ctrl+C handler kept (ctrlc.py). Returns the handler in place before."""
    console, _ = _console()
    if console is None or threading.current_thread() is threading.main_thread():
        return _real_signal(signalnum, handler)
    return console.handlers.set(signalnum, handler)


_real_set_wakeup_fd = signal.set_wakeup_fd


def console_set_wakeup_fd(fd: int, /, *, warn_on_full_buffer: bool = True) -> int:
    """`signal.set_wakeup_fd` in the program's thread: the descriptor kept for the run, to
    which a signal delivered to the run writes its number, as CPython's handler writes it.
    asyncio's `loop.add_signal_handler` sets it (Python refuses outside the main thread,
    so a server's graceful Ctrl+C failed as it started); Stop then wakes its loop."""
    console, _ = _console()
    if console is None or threading.current_thread() is threading.main_thread():
        return int(_real_set_wakeup_fd(fd, warn_on_full_buffer=warn_on_full_buffer))
    if fd != -1:
        os.fstat(fd)  # a closed descriptor fails as Python's check fails
    previous, console.wakeup_fd = console.wakeup_fd, fd
    return previous


def console_getsignal(signalnum: int) -> Any:
    """`signal.getsignal` in the program's thread: the handler it set for the run (or the
    one a program starts with), as `console_signal` keeps them."""
    console, _ = _console()
    if console is None or threading.current_thread() is threading.main_thread():
        return real_getsignal(signalnum)
    return console.handlers.current(signalnum)


def console_atexit_register(func: Callable[..., Any], /, *args: Any, **kwargs: Any
                            ) -> Callable[..., Any]:
    """`atexit.register` in a run's code: called when the run ends (atexits.py)."""
    console = active_console()
    if console is None:
        real: Callable[..., Any] = _Installed.saved[8] if _Installed.saved else atexit.register
        real(func, *args, **kwargs)
    else:
        console.exit_handlers.register(func, *args, **kwargs)
    return func


def console_atexit_unregister(func: Callable[..., Any], /) -> None:
    """`atexit.unregister`: forgotten by the run, and by Python if it had it."""
    console = active_console()
    if console is not None:
        console.exit_handlers.unregister(func)
    (_Installed.saved[9] if _Installed.saved else atexit.unregister)(func)


COLUMNS, LINES = 80, 24
"""The console's size as the program asks it: a terminal's default, and what
`shutil.get_terminal_size()` gave before it asked the descriptor."""
_real_isatty = os.isatty
_real_terminal_size = os.get_terminal_size


def _is_output(fd: int) -> bool:
    """Whether `fd` is stdout's or stderr's descriptor, asked by a console run: 1 or 2 (the
    pipes the console shows, fdcapture.py), or what `sys.stdout.fileno()` gives."""
    if active_console() is None:
        return False
    if fd in (1, 2):
        return True
    for number in (1, 2):
        with contextlib.suppress(OSError, ValueError):  # no such stream, or closed
            if real_fileno(number) == fd:
                return True
    return False


def console_isatty(fd: int, /) -> bool:
    """`os.isatty`: stdout's and stderr's descriptors are a terminal to a console run."""
    if _is_output(fd):
        return True
    return (_Installed.saved[6] if _Installed.saved else _real_isatty)(fd)


def console_terminal_size(fd: int = 1, /) -> os.terminal_size:
    """`os.get_terminal_size`: the console's size for stdout's and stderr's descriptors
    (where the pipe underneath would raise), the real answer for any other."""
    if _is_output(fd):
        return os.terminal_size((COLUMNS, LINES))
    real: Callable[[int], os.terminal_size] = \
        _Installed.saved[7] if _Installed.saved else _real_terminal_size
    return real(fd)


class _Installed:
    fork_hook = False
    saved: tuple[Any, ...] = ()


def _saved(index: int) -> Callable[[], Any]:
    return lambda: _Installed.saved[index] if _Installed.saved else None


# One set of stand-ins for the life of the process: CPython's print() borrows sys.stdout
# without a reference of its own, so a stand-in freed by `uninstall()` while a script thread
# is in the middle of a print would crash the interpreter (seen on 3.11).
_STDOUT = ConsoleStream("stdout", _saved(0))
_STDERR = ConsoleStream("stderr", _saved(1))
_STDIN = ConsoleStream("stdin", _saved(2))


def real_fileno(fd: int) -> int:
    """The descriptor of the real stdout (1) or stderr (2), as `sys.stdout.fileno()` gives
    it in a terminal; during a run it is the pipe that fdcapture.py reads."""
    real = _Installed.saved[fd - 1] if _PATCH.active \
        else (sys.__stdout__, sys.__stderr__)[fd - 1]
    if real is None:
        raise io.UnsupportedOperation("fileno")
    return int(real.fileno())


def report_to_terminal(text: str) -> None:
    """Write `text` to the real stderr as well (a traceback, as the core does outside
    console mode), so a console app started from a terminal still says why it failed."""
    real = _Installed.saved[1] if _PATCH.active else sys.stderr
    if real is not None and text:
        try:
            real.write(text)
            real.flush()
        except (OSError, ValueError):
            pass


def _in_forked_child() -> None:
    """In a child the run forked (`os.fork()`, multiprocessing's workers on Linux): the
    console lives in the parent, so the child writes to descriptors 1 and 2, which the
    parent reads during a run (fdcapture.py), and reads no input, as a child process does.
    The stand-ins write there too, for what kept them from before the fork (a logging
    handler made by `basicConfig`, a `sys.stderr` saved in a variable)."""
    if sys.stdout is not _STDOUT and sys.stderr is not _STDERR:
        return
    _IN_CHILD.update(stdout=_descriptor_stream(1), stderr=_descriptor_stream(2))
    sys.stdout, sys.stderr = _IN_CHILD["stdout"], _IN_CHILD["stderr"]
    if sys.stdin is _STDIN:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - the child's for good


def _descriptor_stream(fd: int) -> io.TextIOWrapper:
    # Line-buffered, as a terminal's: a line goes out whole, so workers' lines do not mix.
    return io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), encoding="utf-8",
                            errors="replace", line_buffering=True)


def _put() -> None:
    if not _Installed.fork_hook and hasattr(os, "register_at_fork"):  # not on Windows
        os.register_at_fork(after_in_child=_in_forked_child)
        _Installed.fork_hook = True
    _Installed.saved = (sys.stdout, sys.stderr, sys.stdin, getpass.getpass, time.sleep,
                        signal.signal, os.isatty, os.get_terminal_size, atexit.register,
                        atexit.unregister, signal.getsignal, signal.set_wakeup_fd)
    sys.stdout, sys.stderr, sys.stdin = _STDOUT, _STDERR, _STDIN
    getpass.getpass = console_getpass
    time.sleep = console_sleep  # type: ignore[assignment]
    signal.signal = console_signal
    signal.getsignal = console_getsignal
    signal.set_wakeup_fd = console_set_wakeup_fd
    os.isatty = console_isatty
    os.get_terminal_size = console_terminal_size
    atexit.register = console_atexit_register
    atexit.unregister = console_atexit_unregister


def _take() -> None:
    (out, err, inp, real_getpass, real_sleep, real_signal, real_isatty,
     real_size, real_register, real_unregister, saved_getsignal,
     saved_wakeup) = _Installed.saved
    sys.stdout, sys.stderr, sys.stdin = out, err, inp
    getpass.getpass = real_getpass
    time.sleep = real_sleep
    signal.signal = real_signal
    signal.getsignal = saved_getsignal
    signal.set_wakeup_fd = saved_wakeup
    os.isatty = real_isatty
    os.get_terminal_size = real_size
    atexit.register = real_register
    atexit.unregister = real_unregister


_PATCH = SharedPatch(_put, _take)
install, uninstall = _PATCH.install, _PATCH.uninstall
"""Put the stand-ins in place, and the real ones back when the last of any number of
overlapping callers is done."""


def reinstate() -> None:
    """Put the stand-ins back where a run replaced them (`sys.stdout = ...`), so the next
    run, and desklaunch itself, start from them again."""
    with _PATCH.lock:
        if _PATCH.active:
            sys.stdout, sys.stderr, sys.stdin = _STDOUT, _STDERR, _STDIN
