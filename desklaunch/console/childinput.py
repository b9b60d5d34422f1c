"""Typing for the child processes of a console run, as a terminal gives it to them.

In a terminal, `subprocess.run(["pip", "uninstall", "x"])` or `os.system("read name")`
reads what the person types next. Here each child a run starts without a stdin of its own
gets a pipe, and one named thread watches, every `POLL` s (`QUIET` s in a long quiet
spell), whether a process of that child's tree waits to read it (Linux says so in
`/proc/PID/task/TID/syscall`: `read` on a descriptor that is that pipe, or `poll`,
`select` or `epoll_wait` with it among what they wait for, read from the process's memory
or its epoll's fdinfo). Only then does the
console's field ask, as
it asks for the program's own `input()`: labelled by what the child printed last; the line
entered goes down the pipe, End input closes it. A child that never reads gets no question,
and what is typed meanwhile waits for whoever reads next, as a terminal keeps it. The
question goes when the child stops reading (it ended, or Stop ended it); when the run ends,
the pipes are closed, as a terminal's program gone takes its input with it. Elsewhere than
Linux (or where `/proc` does not say), children read end of input (children.py).
"""

from __future__ import annotations

import contextlib
import os
import platform
import select
import struct
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from desklaunch.console.proctree import descendants, thread_files

POLL = 0.05
"""Seconds between looks at whether a child reads, while one started or read lately."""
QUIET = 0.25
"""Seconds between looks once `LATELY` s went by without either: a long build or download
costs a tenth of the looks, and a question after it is asked a moment later."""
LATELY = 2.0
SETTLE = 0.03
"""Seconds a read must last before the field asks: what the child printed before it (its
prompt) reaches the console first, and a read that data answers at once never asks."""
_X86_64 = {0: "read", 19: "read", 7: "poll", 271: "poll", 23: "select", 270: "select",
           232: "epoll", 281: "epoll", 441: "epoll"}
_GENERIC = {63: "read", 65: "read", 73: "poll", 72: "select", 22: "epoll", 441: "epoll"}
_CALLS = {"x86_64": _X86_64, "amd64": _X86_64, "aarch64": _GENERIC, "arm64": _GENERIC,
          "riscv64": _GENERIC}
"""The system calls a process waits for input in, by number, by machine: `read` and
`readv` (the descriptor is their first argument), `poll` and `ppoll` (an array of
`struct pollfd`), `select` and `pselect6` (a bit set of descriptors) and `epoll_wait` and
its kin (the descriptors watched are in /proc/PID/fdinfo/EPFD): Node's readline, npm's
questions and bash's `read -t` wait in one of the last three before they read."""
_HERE = _CALLS.get(platform.machine().lower(), {})
"""This machine's."""
_POLLIN = 0x1 | 0x2 | 0x40  # POLLIN, POLLPRI, POLLRDNORM (EPOLLIN and EPOLLPRI alike)
_MAX_FDS = 4096
AWAY = 0.5
"""Seconds a child asked for a line may be seen not waiting before its question goes: one
that polls its input with a timeout works a moment between two waits."""
AGAIN = 0.005
"""Seconds before a child fed a line is looked at again: a paste's next line is for it."""
_every: weakref.WeakSet[ChildInput] = weakref.WeakSet()

Ask = Callable[[Callable[[], bool]], "str | None"]
"""Asks the console for a line for a child while the check given says it still reads:
the line (with its "\\n"), "" at end of input, or None when the check turned false first."""


@dataclass
class _Pipe:
    pid: int
    write_end: int
    name: str  # "pipe:[inode]", as /proc names the read end in the child


class ChildInput:
    """The stdin pipes of one console session's children, and the thread that feeds them."""

    def __init__(self, ask: Ask, name: str) -> None:
        self._ask = ask
        self._name = name
        self._pipes: list[_Pipe] = []
        self._pending: dict[int, _Pipe] = {}  # read end → its pipe, until the child starts
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lately = 0.0  # when a child last started or was fed a line (monotonic)
        if not _every:
            os.register_at_fork(after_in_child=_close_in_fork)  # once: none is ever dropped
        _every.add(self)

    @staticmethod
    def supported() -> bool:
        return bool(_HERE) and os.access("/proc/self/syscall", os.R_OK)

    def open(self) -> int:
        """A new pipe's read end, for a child about to start (then `started` or `abandon`)."""
        read_end, write_end = os.pipe()
        with self._lock:
            self._pending[read_end] = _Pipe(0, write_end, f"pipe:[{os.fstat(read_end).st_ino}]")
        return read_end

    def abandon(self, read_end: int) -> None:
        """The child did not start: its pipe goes."""
        with self._lock:
            pipe = self._pending.pop(read_end, None)
        os.close(read_end)
        if pipe is not None:
            os.close(pipe.write_end)

    def started(self, read_end: int, pid: int) -> None:
        """The child `pid` started with `read_end` as its stdin: watch whether it reads."""
        os.close(read_end)  # the child has its own copy
        with self._lock:
            pipe = self._pending.pop(read_end, None)
            if pipe is None:
                return
            pipe.pid = pid
            self._lately = time.monotonic()
            if self._stopping.is_set():
                os.close(pipe.write_end)
                return
            self._pipes.append(pipe)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name=self._name,
                                                daemon=True)
                self._thread.start()

    def begin(self) -> None:
        """A run begins: its children may be fed again."""
        self._stopping.clear()

    def stop(self) -> None:
        """The run ended (or the session closed): withdraw a question, close every pipe, so
        a child still reading gets end of input, and wait for the thread."""
        self._stopping.set()
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        with self._lock:
            pipes, self._pipes = self._pipes, []
        for pipe in pipes:
            os.close(pipe.write_end)

    def _watch(self) -> None:
        spent, fed = 0.0, False
        # A large tree (`make -j`) takes longer to look through: look less often, so that
        # looking stays within a twentieth of a CPU.
        while not self._stopping.wait(AGAIN if fed else max(
                POLL if time.monotonic() - self._lately < LATELY else QUIET, 20 * spent)):
            began = time.monotonic()
            with self._lock:
                if not self._pipes:
                    self._thread = None  # `started` makes a new one
                    return
            quick, fed = fed, False
            for pipe in self._forget_gone():
                if self._stopping.is_set():
                    return
                # Just fed, the child reads on at once: its prompt is out already (the
                # console drains it before asking), so no settling.
                if self._reads(pipe) and (quick or not self._stopping.wait(SETTLE)) \
                        and self._reads(pipe):
                    fed = self._feed(pipe) or fed
                    began = self._lately = time.monotonic()  # asking took the person's time
            spent = time.monotonic() - began

    def _forget_gone(self) -> list[_Pipe]:
        """Close the pipes no process reads any more; the others."""
        with self._lock:
            pipes = list(self._pipes)
        kept = []
        for pipe in pipes:
            if _readers_gone(pipe.write_end):
                self._forget(pipe)
            else:
                kept.append(pipe)
        return kept

    def _reads(self, pipe: _Pipe) -> bool:
        """Whether a process waits to read the pipe, and nothing is left in it to read (a
        line just written may not be taken yet)."""
        return not _unread(pipe.write_end) and any(
            _reading(pid, pipe.name) for pid in [pipe.pid, *descendants([pipe.pid])])

    def _feed(self, pipe: _Pipe) -> bool:
        """Ask for a line while the child reads, and give it what is entered; whether a
        line went."""
        looked = seen = time.monotonic()
        spent = 0.0

        def still() -> bool:  # looked again as the watch looks: within a twentieth of a CPU
            nonlocal looked, seen, spent
            if self._stopping.is_set() or pipe not in self._forget_gone():
                return False  # (the other children's pipes are let go meanwhile too)
            if time.monotonic() - looked < 20 * spent:
                return True
            began = time.monotonic()
            if self._reads(pipe):
                seen = began
            looked = time.monotonic()
            spent = looked - began
            return looked - seen < AWAY

        line = self._ask(still)
        if line is None:
            return False
        if not line:  # End input: the child reads end of input from now on
            self._forget(pipe)
            return False
        data = memoryview(line.encode("utf-8", "replace"))
        while data and not self._stopping.is_set():
            try:
                _, ready, _ = select.select([], [pipe.write_end], [], POLL)
                if ready:
                    data = data[os.write(pipe.write_end, data):]
            except OSError:  # EPIPE: no reader is left
                self._forget(pipe)
                return False
        return True

    def _forget(self, pipe: _Pipe) -> None:
        with self._lock:
            if pipe not in self._pipes:
                return
            self._pipes.remove(pipe)
        os.close(pipe.write_end)


def _close_in_fork() -> None:
    """A forked process (multiprocessing's workers) holds no copy of the children's pipes,
    which would keep their input open after End input. No lock: another thread may have
    held it as the process forked."""
    for owner in list(_every):
        for pipe in [*owner._pipes, *owner._pending.values()]:
            with contextlib.suppress(OSError):
                os.close(pipe.write_end)


def _unread(write_end: int) -> int:
    """The bytes written to the pipe and not read yet."""
    import fcntl  # POSIX only, as is this module's use (`ChildInput.supported`)
    import termios

    try:
        return int(struct.unpack("i", fcntl.ioctl(write_end, termios.FIONREAD, b"\0" * 4))[0])
    except OSError:
        return 0


def _readers_gone(write_end: int) -> bool:
    """Whether every process holding the pipe's read end has ended or closed it."""
    poller = select.poll()
    poller.register(write_end, 0)  # only the conditions always reported: POLLERR, POLLHUP
    return bool(poller.poll(0))


def _reading(pid: int, name: str) -> bool:
    """Whether a thread of process `pid` is blocked waiting to read the pipe called `name`
    (in `read`, or in `poll`, `select` or `epoll_wait` with it among what it waits for)."""
    for _thread, text in thread_files(pid, "syscall"):
        words = text.split()
        try:
            kind = _HERE.get(int(words[0]))
            args = [int(word, 16) for word in words[1:7]]
        except (ValueError, IndexError):
            continue  # "running", or a process that has ended
        if kind is not None and any(_is(pid, fd, name) for fd in _waited_on(pid, kind, args)):
            return True
    return False


def _waited_on(pid: int, kind: str, args: list[int]) -> list[int]:
    """The descriptors a `kind` call with arguments `args` waits to read."""
    try:
        if kind == "read":
            return [args[0]]
        if kind == "poll":
            count = min(args[1], _MAX_FDS)
            entries = struct.iter_unpack("ihh", _memory(pid, args[0], 8 * count))
            return [fd for fd, events, _ in entries if events & _POLLIN]
        if kind == "select":
            count = min(args[0], _MAX_FDS)
            if not args[1] or not count:
                return []
            bits = int.from_bytes(_memory(pid, args[1], (count + 63) // 64 * 8), "little")
            return [fd for fd in range(count) if bits >> fd & 1]
        with open(f"/proc/{pid}/fdinfo/{args[0]}", encoding="ascii") as info:  # epoll
            watched = [line.split() for line in info if line.startswith("tfd:")]
        return [int(words[1]) for words in watched
                if len(words) > 3 and int(words[3], 16) & _POLLIN]
    except (OSError, ValueError, struct.error):
        return []


def _memory(pid: int, address: int, size: int) -> bytes:
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        memory.seek(address)
        return memory.read(size)


def _is(pid: int, fd: int, name: str) -> bool:
    try:
        return os.readlink(f"/proc/{pid}/fd/{fd}") == name
    except OSError:
        return False
