"""The child processes a console run starts, so that Stop ends them as Ctrl+C would.

In a terminal, Ctrl+C interrupts the whole foreground process group: the program and the
`ffmpeg` or `git` it is waiting for. desklaunch's window is not a terminal, so on POSIX each
child a console run starts through `subprocess` (`Popen`, `run`, `check_output`, `os.popen`,
asyncio's subprocesses) or `os.system` is put in a process group of its own and
remembered; Stop sends SIGINT to those groups (their own children included), and what is
still running a moment later gets SIGTERM, then SIGKILL. Closing the window ends them the
same way. Children started by other means (`os.fork`, `multiprocessing`) are not tracked,
nor, on Windows, any child (a job object would be needed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

GRACE = 2.0
"""Seconds between SIGINT and SIGTERM, and between SIGTERM and SIGKILL."""

_owner: Callable[[], Children | None] = lambda: None  # noqa: E731 - set by install()
_install_lock = threading.Lock()
_installed = False
_SEPARATE = ("process_group", "start_new_session", "preexec_fn")


class Children:
    """The live child processes of one console session."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._procs: weakref.WeakSet[subprocess.Popen[Any]] = weakref.WeakSet()
        self._lock = threading.Lock()
        self._ender: threading.Thread | None = None

    def add(self, proc: subprocess.Popen[Any]) -> None:
        with self._lock:
            self._procs.add(proc)

    def running(self) -> list[subprocess.Popen[Any]]:
        with self._lock:
            return [p for p in self._procs if p.poll() is None]

    def interrupt(self) -> None:
        """Ctrl+C for the children: SIGINT now, then SIGTERM and SIGKILL if they stay."""
        procs = self.running()
        if not procs or not supported():
            return
        for proc in procs:
            _signal(proc, signal.SIGINT)
        with self._lock:
            if self._ender is not None and self._ender.is_alive():
                return
            self._ender = threading.Thread(target=self._finish, args=(procs, GRACE),
                                           name=self._name, daemon=True)
            self._ender.start()

    def end(self) -> None:
        """The session is closing: SIGTERM, then SIGKILL shortly after (waits for it)."""
        procs = self.running()
        if not procs or not supported():
            return
        for proc in procs:
            _signal(proc, signal.SIGTERM)
        _wait_then_kill(procs, GRACE / 2)

    @staticmethod
    def _finish(procs: list[subprocess.Popen[Any]], grace: float) -> None:
        if not _wait(procs, grace):
            for proc in procs:
                if proc.poll() is None:
                    _signal(proc, signal.SIGTERM)
            _wait_then_kill(procs, grace)


def supported() -> bool:
    return os.name == "posix"


def install(owner: Callable[[], Children | None]) -> None:
    """Track the children of whichever run `owner()` names for the calling code (once)."""
    global _owner, _installed
    with _install_lock:
        _owner = owner
        if _installed or not supported():
            return
        _installed = True
        real_init = subprocess.Popen.__init__
        real_system = os.system

        def init(self: subprocess.Popen[Any], args: Any, *more: Any, **kwargs: Any) -> None:
            children = _owner()
            if children is not None and len(more) < 7 and not any(
                    kwargs.get(name) for name in _SEPARATE):
                if sys.version_info >= (3, 11):
                    kwargs["process_group"] = 0
                else:
                    kwargs["start_new_session"] = True
            real_init(self, args, *more, **kwargs)
            if children is not None:
                children.add(self)

        def system(command: Any) -> int:
            if _owner() is None:
                return real_system(command)
            sys.stdout.flush()
            sys.stderr.flush()
            code = subprocess.Popen(command, shell=True).wait()
            return code << 8 if code >= 0 else -code  # a wait status, as os.system's

        subprocess.Popen.__init__ = init  # type: ignore[method-assign]
        os.system = system


def _signal(proc: subprocess.Popen[Any], number: int) -> None:
    try:
        if os.getpgid(proc.pid) == proc.pid:
            os.killpg(proc.pid, number)
        else:
            os.kill(proc.pid, number)
    except (ProcessLookupError, PermissionError):
        pass


def _wait(procs: list[subprocess.Popen[Any]], seconds: float) -> bool:
    deadline = _now() + seconds
    for proc in procs:
        try:
            proc.wait(max(0.0, deadline - _now()))
        except subprocess.TimeoutExpired:
            return False
    return True


def _wait_then_kill(procs: list[subprocess.Popen[Any]], seconds: float) -> None:
    if not _wait(procs, seconds):
        for proc in procs:
            if proc.poll() is None:
                _signal(proc, signal.SIGKILL)


def _now() -> float:
    return time.monotonic()
