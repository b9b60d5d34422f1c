"""The child processes a console run starts, so that Stop ends them as Ctrl+C would.

In a terminal, Ctrl+C interrupts the whole foreground process group: the program and the
`ffmpeg` or `git` it is waiting for. desklaunch's window is not a terminal, so on POSIX each
child a console run starts through `subprocess` (`Popen`, `run`, `check_output`, `os.popen`,
asyncio's subprocesses) or `os.system` is put in a session (so a process group) of its
own, without the terminal desklaunch may have come from, and remembered; so is each
`multiprocessing` process it starts (a `Process`, a `Pool`'s or a `ProcessPoolExecutor`'s
workers, whatever the start method, and what each starts in turn), which stays in
desklaunch's group as a terminal keeps it in the program's. Stop sends SIGINT to those
groups (their own children included) and processes, and what is still running a moment
later gets SIGTERM, then SIGKILL. Closing the window ends them the same way. While
`os.system` waits for its command, Stop ends only the command (`os.system` returns 2, and
the program goes on), as C's `system()` ignores Ctrl+C in the program meanwhile. A
`subprocess` child not given a stdin of its own reads the console's field (childinput.py),
where Linux tells when it reads, else end of input at once, as from `/dev/null`. Children
started by other means (a bare `os.fork`) are not tracked, nor, on Windows, any child (a
job object would be needed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from desklaunch.console.proctree import descendants

if TYPE_CHECKING:
    from desklaunch.console.childinput import ChildInput

GRACE = 2.0
"""Seconds between SIGINT and SIGTERM, and between SIGTERM and SIGKILL."""

Target = tuple[bool, int]
"""(True, a process group id) or (False, a process id)."""

_owner: Callable[[], Children | None] = lambda: None  # noqa: E731 - set by install()
_install_lock = threading.Lock()
_installed = False


class Children:
    """The process groups of the children one console session started."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._groups: dict[int, None] = {}  # process group ids, oldest first
        self._processes: dict[int, Any] = {}  # pid → multiprocessing's process object
        self._lock = threading.Lock()
        self._ender: threading.Thread | None = None
        self.started = 0
        """Children started since the run began (the terminal resets it)."""
        self.input: ChildInput | None = None
        """What feeds the children's stdin from the console's field, where it can be."""
        self.waiting_for_command = 0
        """How many commands the program waits for now as `os.system` waits (`command`):
        C's `system()` ignores Ctrl+C in the program meanwhile, so Stop ends only the
        command."""

    def command(self, child: subprocess.Popen[Any]) -> int:
        """Wait for `child` as `os.system` waits for its command (or as a terminal runs what
        a program `exec`s: it is then the program), Stop ending only the child; its
        return code."""
        self.waiting_for_command += 1
        try:
            return child.wait()
        finally:
            self.waiting_for_command -= 1

    def add(self, proc: subprocess.Popen[Any]) -> None:
        self.started += 1
        try:
            group = os.getpgid(proc.pid)
        except (ProcessLookupError, PermissionError):
            return
        if group != os.getpgrp():  # never our own group: that would end desklaunch
            with self._lock:
                self._groups[group] = None

    def add_process(self, process: Any) -> None:
        """A `multiprocessing` process the run started (it shares desklaunch's group)."""
        self.started += 1
        if process.pid is not None:
            with self._lock:
                self._processes[process.pid] = process

    def live(self) -> list[Target]:
        """The groups that still have a process in them, and the processes still running."""
        with self._lock:
            targets: list[Target] = [(True, group) for group in self._groups]
            targets += [(False, pid) for pid, process in self._processes.items()
                        if getattr(process._popen, "returncode", 0) is None]
        alive = [target for target in targets if _signal(target, 0)]
        with self._lock:
            for is_group, number in set(targets) - set(alive):
                (self._groups if is_group else self._processes).pop(number, None)
        return alive

    def interrupt(self) -> None:
        """Ctrl+C for the children: SIGINT now, then SIGTERM and SIGKILL if they stay
        (a shell's background job ignores SIGINT, as POSIX has it)."""
        groups = _with_descendants(self.live())
        if not groups:
            return
        for group in groups:
            _signal(group, signal.SIGINT)
        with self._lock:
            if self._ender is not None and self._ender.is_alive():
                return
            self._ender = threading.Thread(target=self._escalate, args=(groups,),
                                           name=self._name, daemon=True)
            self._ender.start()

    def end(self) -> None:
        """The session is closing: SIGTERM, then SIGKILL shortly after (waits for that)."""
        groups = _with_descendants(self.live())
        for group in groups:
            _signal(group, signal.SIGTERM)
        if groups and not _ended(groups, GRACE / 2):
            for group in groups:
                _signal(group, signal.SIGKILL)

    @staticmethod
    def _escalate(groups: list[Target]) -> None:
        for number in (signal.SIGTERM, signal.SIGKILL):
            if _ended(groups, GRACE):
                return
            for group in groups:
                _signal(group, number)


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
        real_start = BaseProcess.start

        def init(self: subprocess.Popen[Any], args: Any, *more: Any, **kwargs: Any) -> None:
            children = _owner()
            fed: int | None = None  # the read end of the pipe the child's stdin is
            if children is not None:
                if len(more) < 6 and not _separate(kwargs):
                    # A session of its own, so a group of its own for Stop, and no
                    # controlling terminal: a child that would ask on the terminal
                    # desklaunch came from (`sudo`) fails with its own message there,
                    # rather than being stopped (SIGTTOU) as a group outside its foreground.
                    kwargs["start_new_session"] = True
                if len(more) < 3 and _console_stream(kwargs.get("stdin")):
                    kwargs["stdin"] = None  # `stdin=sys.stdin`, the console's: as not given
                if len(more) < 3 and kwargs.get("stdin") is None:  # stdin is the 4th
                    # Not the terminal desklaunch came from, which the child could not
                    # read (SIGTTIN) and nobody would type in: the console's field, through
                    # a pipe (childinput.py), or else end of input.
                    fed = children.input.open() if children.input is not None else None
                    kwargs["stdin"] = subprocess.DEVNULL if fed is None else fed
            try:
                real_init(self, args, *more, **kwargs)
            except BaseException:
                if fed is not None and children is not None and children.input is not None:
                    children.input.abandon(fed)
                raise
            if children is not None:
                if fed is not None and children.input is not None:
                    children.input.started(fed, self.pid)
                children.add(self)

        def system(command: Any) -> int:
            children = _owner()
            if children is None:
                return real_system(command)
            sys.stdout.flush()
            sys.stderr.flush()
            code = children.command(subprocess.Popen(command, shell=True))
            return code << 8 if code >= 0 else -code  # a wait status, as os.system's

        def start(self: BaseProcess) -> None:
            real_start(self)
            children = _owner()
            if children is not None:
                children.add_process(self)

        subprocess.Popen.__init__ = init  # type: ignore[method-assign]
        os.system = system
        BaseProcess.start = start  # type: ignore[method-assign]


def _separate(kwargs: dict[str, Any]) -> bool:
    """Whether the caller chose the child's session or group itself (`process_group=0` is
    a choice too), or runs code in it before it starts."""
    return kwargs.get("process_group") is not None or bool(kwargs.get("start_new_session")) \
        or kwargs.get("preexec_fn") is not None


def _console_stream(stream: Any) -> bool:
    """Whether `stream` is the console's stdin (it has no descriptor a child could read)."""
    if stream is None or isinstance(stream, int) or not hasattr(stream, "fileno"):
        return False
    try:
        stream.fileno()
    except (OSError, ValueError):  # io.UnsupportedOperation is both
        return True
    return False


def _signal(target: Target, number: int) -> bool:
    """Send `number` to a process group or a process; False when it has no process left
    (a process that has ended, its parent not yet told, counts as gone)."""
    is_group, pid = target
    try:
        if is_group:
            os.killpg(pid, number)
        else:
            os.kill(pid, number)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return is_group or not _zombie(pid)


def _with_descendants(targets: list[Target]) -> list[Target]:
    """`targets` and every process descended from its processes, found now, before their
    parents end (a worker's own pool: a group's processes are reached through the group)."""
    return list(targets) + [(False, pid) for pid in
                            descendants([pid for is_group, pid in targets if not is_group])]


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


def _ended(groups: list[Target], seconds: float) -> bool:
    """Wait up to `seconds` for every group to be empty; whether they are."""
    deadline = time.monotonic() + seconds
    while any(_signal(group, 0) for group in groups):
        if time.monotonic() >= deadline:
            return False
        _pause.wait(0.05)
    return True


_pause = threading.Event()  # never set: a sleep that the console's time.sleep does not touch
