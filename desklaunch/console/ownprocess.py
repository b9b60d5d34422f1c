"""What a console program does to its own process, done to its run instead: the signals it
sends itself (`os.kill(os.getpid(), SIGINT)`, `signal.raise_signal(SIGTERM)`,
`_thread.interrupt_main()`: a watchdog thread telling the program to stop, a test of its own
Ctrl+C handling), `os._exit(3)`, and `os.exec*` (`python -m ruff` replaces itself with
ruff's binary).

A console program runs on a thread of desklaunch's process, so such a signal landed on
desklaunch's main thread, `os._exit` ended desklaunch, and `exec` replaced it: the whole
app went, the program's last output with it. While a run goes on, these calls made by its
code call the handler the program set for the signal, or end the run as the signal or
`os._exit` would end the process (terminal.py `signal_arrived`: `KeyboardInterrupt` for
SIGINT, else exit code 128 + N; `os._exit(3)`: exit code 3, skipping the program's `atexit`
functions); what it execs runs as its child, in view, and the run ends with its exit code.
Made by anything else (desklaunch itself, a forked child), or for a signal that does not
end a process (`os.kill(pid, 0)`, SIGCHLD), they are Python's own.
"""

from __future__ import annotations

import _thread
import operator
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

from desklaunch.console.sharedpatch import SharedPatch
from desklaunch.console.streams import Console, active_console

_ENDING = frozenset(getattr(signal, name) for name in (
    "SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGALRM")
    if hasattr(signal, name))
"""Signals whose default action ends a process (Windows has only SIGINT and SIGTERM)."""

_real: dict[str, Any] = {}
_PID = os.getpid()
"""desklaunch's own process: a child forked from it exits for real."""


def _run_of_caller() -> Console | None:
    """The console of the run whose code calls, in desklaunch's own process; None for
    desklaunch's code (its main thread), a forked child's, or outside console mode."""
    if os.getpid() != _PID or threading.current_thread() is threading.main_thread():
        return None
    return active_console()


def _delivered(signum: Any) -> bool:
    """Deliver `signum` to the calling code's run; False when it is not a run's to have."""
    try:
        number = int(signum)
    except (TypeError, ValueError):
        return False
    console = _run_of_caller()
    if number not in _ENDING or console is None:
        return False
    handler = console.handlers.get(number)
    if callable(handler) and threading.current_thread() is console.thread:
        # Before the program's next line, as Python calls a handler: not on a thread aside.
        handler(number, sys._getframe(2))
    else:
        console.signal_arrived(number)
    return True


def console_exit(status: int, /) -> NoReturn:
    """`os._exit`: the run ends at once with exit code `status`, its output shown."""
    console = _run_of_caller()
    if console is None:
        exit_process: Callable[[int], NoReturn] = _real["_exit"]
        exit_process(status)
    code = operator.index(status)
    console.exit_handlers.clear()  # `os._exit` runs none of them
    if threading.current_thread() is not console.thread:
        console.exit_program(code)  # from another of its threads: the whole program ends
    raise SystemExit(code)


def console_execv(path: Any, args: Any, /) -> NoReturn:
    """`os.execv` (and `execl`, `execvp`, `execlp`, which call it): see `_replaced`."""
    _replaced(path, args, None)


def console_execve(path: Any, args: Any, env: Any, /) -> NoReturn:
    """`os.execve` (and `execle`, `execvpe`, `execlpe`): see `_replaced`."""
    _replaced(path, args, env)


def _replaced(path: Any, args: Any, env: Any) -> NoReturn:
    """The program replaces itself with another (`python -m ruff` execs ruff's binary): the
    other runs as its child, showing its output, Stop ending it; the run then ends with
    its exit code, as the process would have (128 + N when a signal ended it)."""
    console = _run_of_caller()
    children = getattr(console, "children", None)
    if console is None or children is None:
        real: Callable[..., NoReturn] = _real["execv" if env is None else "execve"]
        real(*(path, args) if env is None else (path, args, env))
    argv = list(args)
    if not argv:
        raise ValueError("execv() arg 2 must not be empty")
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    try:
        child = subprocess.Popen(argv, executable=path, env=env)
    except OSError as failed:  # as exec fails, with no file name (execvp tries the next folder)
        raise OSError(failed.errno, failed.strerror) from None
    returned = children.command(child)
    code = returned if returned >= 0 else 128 - returned
    console.exit_handlers.clear()  # the process was replaced: none of them run
    if threading.current_thread() is not console.thread:
        console.exit_program(code)
    raise SystemExit(code)


def console_kill(pid: int, signum: int, /) -> None:
    """`os.kill`: to the program's own process, its run's; else the OS's."""
    if pid != os.getpid() or not _delivered(signum):
        _real["kill"](pid, signum)


def console_raise_signal(signum: int, /) -> None:
    """`signal.raise_signal`: its run's."""
    if not _delivered(signum):
        _real["raise_signal"](signum)


def console_interrupt_main(signum: int = signal.SIGINT, /) -> None:
    """`_thread.interrupt_main`: the program's main thread is its run's."""
    if not _delivered(signum):
        _real["interrupt_main"](signum)


def _put() -> None:
    _real.update(kill=os.kill, raise_signal=signal.raise_signal,
                 interrupt_main=_thread.interrupt_main, _exit=os._exit)
    os._exit = console_exit  # type: ignore[assignment]
    if hasattr(os, "execve"):  # not on Windows' Pythons without it
        _real.update(execv=os.execv, execve=os.execve)
        os.execv, os.execve = console_execv, console_execve  # type: ignore[assignment]
    os.kill = console_kill
    signal.raise_signal = console_raise_signal
    _thread.interrupt_main = console_interrupt_main


def _take() -> None:
    os._exit = _real["_exit"]
    if "execv" in _real:
        os.execv, os.execve = _real["execv"], _real["execve"]
    os.kill = _real["kill"]
    signal.raise_signal = _real["raise_signal"]
    _thread.interrupt_main = _real["interrupt_main"]


_PATCH = SharedPatch(_put, _take)
install, uninstall = _PATCH.install, _PATCH.uninstall
"""Put the stand-ins in place for the runs going on, and Python's own back after the last."""
