"""A program's own Ctrl+C handler (`signal.signal(SIGINT, handler)`), called by Stop.

Python installs signal handlers on the main thread only, and a console program runs on a
thread of its own: streams.py keeps the handlers it sets here (`Handlers`, one set per run)
instead of installing them. Stop then calls the SIGINT one as Ctrl+C would in a terminal,
with the program's current frame, on a thread of its own bound to the session (so what it
prints shows): `desklaunch-console-ctrlc-N`, owned by the `Terminal`, ending when the
handler returns or the session closes. What the handler raises is raised in the program, as
it would have been there (`sys.exit(4)` ends it with code 4); a handler that returns lets
the program go on.

The signals the OS sends a program (`signal.alarm`, a timer, `kill -USR1`) come the same
way: `forward_signals` catches them on the main thread for the runs that are going on, each
of which calls the handler its program set, or ends as the signal would end a process
(exit code 128 + N). Left to their default, they killed desklaunch itself.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desklaunch.console.runthreads import frame_of
from desklaunch.console.sharedpatch import SharedPatch
from desklaunch.errors import SessionClosed

if TYPE_CHECKING:
    from desklaunch.core.session import Session

FORWARDED = ("SIGALRM", "SIGVTALRM", "SIGPROF", "SIGUSR1", "SIGUSR2")
"""Signals a program arranges for itself and whose default action ends the process."""

real_getsignal = signal.getsignal
"""`signal.getsignal` itself, taken before a run's code can have it replaced (streams.py)."""
_receivers: set[Callable[[int], None]] = set()
_receivers_lock = threading.Lock()


def _forward() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for name in FORWARDED:
        number = getattr(signal, name, None)  # Windows has none of them
        if number is not None and real_getsignal(number) == signal.SIG_DFL:
            if not _at_fork:
                _at_fork.append(True)
                os.register_at_fork(after_in_child=_not_forwarded)
            signal.signal(number, _arrived)
            _forwarded.append(number)


def _unforward() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    while _forwarded:
        number = _forwarded.pop()
        if real_getsignal(number) is _arrived:
            signal.signal(number, signal.SIG_DFL)


_forwarded: list[int] = []
_FORWARDING = SharedPatch(_forward, _unforward)
forward_signals, stop_forwarding = _FORWARDING.install, _FORWARDING.uninstall
"""On the main thread: send the `FORWARDED` signals that nothing else handles to the runs
going on (`receive`), instead of letting them end the process; and, once every caller is
done (the test kit's programs), their default actions again."""


_at_fork: list[bool] = []


def _not_forwarded() -> None:
    """A forked child (a pool's worker) has no runs to forward to: the signals' default
    actions again, as a terminal program's child has them."""
    _receivers.clear()
    for name in FORWARDED:
        number = getattr(signal, name, None)
        if number is not None and real_getsignal(number) is _arrived:
            signal.signal(number, signal.SIG_DFL)


def receive(receiver: Callable[[int], None], *, on: bool) -> None:
    """Start (`on`) or stop passing forwarded signals to `receiver`, a run's."""
    with _receivers_lock:
        if on:
            _receivers.add(receiver)
        else:
            _receivers.discard(receiver)


def _arrived(signum: int, frame: Any) -> None:
    with _receivers_lock:
        receivers = list(_receivers)
    for receiver in receivers:
        receiver(signum)


class Handlers:
    """The handlers a run's program set, by signal number."""

    def __init__(self) -> None:
        self._set: dict[int, Any] = {}

    def set(self, signalnum: int, handler: Any) -> Any:
        """Keep `handler`; the one in place before, as `signal.signal` returns it."""
        number = int(signal.Signals(signalnum))  # a wrong number fails as Python's does
        previous = self.current(number)
        self._set[number] = handler
        return previous

    def get(self, signalnum: int) -> Any:
        """The handler the program set for `signalnum`; None when it set none."""
        return self._set.get(int(signalnum))

    def current(self, signalnum: int) -> Any:
        """The handler in place for the program, as `signal.getsignal` gives it: the one it
        set, else what a program started in a terminal has (for Ctrl+C, Python's own
        `default_int_handler`, whatever desklaunch's process was started with)."""
        number = int(signal.Signals(signalnum))
        if number in self._set:
            return self._set[number]
        if number == signal.SIGINT:
            return signal.default_int_handler
        real = real_getsignal(number)
        return signal.SIG_DFL if real is _arrived else real

    def clear(self) -> None:
        self._set.clear()


def carrier(exc: BaseException) -> type[BaseException]:
    """A class that is `exc` again when raised by its type in another thread (all CPython
    can raise there): a subclass of its type, made with its arguments."""
    kind = type(exc)
    args = exc.args

    def again(self: BaseException, *_ignored: Any) -> None:
        kind.__init__(self, *args)

    return type(kind.__name__, (kind,), {"__init__": again, "__module__": kind.__module__,
                                         "__qualname__": kind.__qualname__})


def call_handler(handler: Callable[[int, Any], Any], session: Session,
                 program: threading.Thread,
                 deliver: Callable[[type[BaseException]], None],
                 signum: int = signal.SIGINT,
                 returned: Callable[[], None] | None = None) -> threading.Thread:
    """Run `handler(signum, frame)` on a thread of its own; what it raises goes to
    `deliver`, to be raised in the program, and `returned` is called when it returns (the
    program heard the signal and goes on)."""

    from desklaunch.core.session import bind_current  # loaded by then; not before the URL

    def run() -> None:
        bind_current(session)
        frame = frame_of(program)
        try:
            handler(signum, frame)
        except SessionClosed:
            return
        except BaseException as exc:  # noqa: BLE001 - the program's to meet, not ours
            deliver(carrier(exc))
            return
        finally:
            del frame
        if returned is not None:
            returned()

    thread = threading.Thread(target=run, name=f"desklaunch-console-ctrlc-{session.number}",
                              daemon=False)
    thread.start()
    return thread
