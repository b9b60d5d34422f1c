"""A figure's timers (`FuncAnimation`, `canvas.new_timer`), fired where a window's toolkit
fires them: on the script's thread, while it waits in `plt.show()` or `plt.pause()`.

A GUI toolkit runs a figure's timers from its event loop, which turns only while the script
waits: in `plt.show()` until the windows are closed, in `plt.pause()` for its time. Here
`run()` is that loop. It fires the session's timers that are due, draws the figures they
changed, and sleeps until the next one is due or the wait is over. Only the script's own
thread waits this way: a button's callback or an `async` script that did would hold up the
person's clicks.

Like figures.py, this names no matplotlib module in an import statement.
"""

from __future__ import annotations

import contextlib
import importlib
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from desklaunch.core.session import Session, current_session
from desklaunch.errors import NoSessionError, SessionClosed

_bases = importlib.import_module("matplotlib.backend_bases")
_RUNNING = "figures: running timers"
LONGEST_SLEEP = 0.05
"""Seconds the loop sleeps at most between looks at whether its wait is over (a Stop
pressed, `stop_event_loop()`), whatever the timers' intervals."""


class PageTimer(_bases.TimerBase):  # type: ignore[misc, name-defined]
    """A timer of the session it was made in, due at `due` (monotonic seconds) while it runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.due: float | None = None
        try:
            self.session: Session | None = current_session()
        except NoSessionError:
            self.session = None  # made outside any app: nothing will fire it, as without a window
        super().__init__(*args, **kwargs)
        console = self.session.data.get("console") if self.session is not None else None
        if console is not None:  # it ends with its run, as with its process
            console.exit_handlers.register(_stop, weakref.ref(self))

    def _timer_start(self) -> None:
        self.due = time.monotonic() + self.interval / 1000
        if self.session is not None:
            self.session.data.setdefault(_RUNNING, set()).add(self)

    def _timer_stop(self) -> None:
        self.due = None
        if self.session is not None:
            self.session.data.get(_RUNNING, set()).discard(self)

    def _timer_set_interval(self) -> None:
        if self.due is not None:
            self.due = time.monotonic() + self.interval / 1000

    def fire(self) -> None:
        """Run the callbacks once; the next time is an interval after this one, so a frame
        that takes longer than the interval delays the next rather than piling them up."""
        if self.single_shot:
            self._timer_stop()
        else:
            self.due = time.monotonic() + self.interval / 1000
        self._on_timer()


def _stop(timer: weakref.ref[PageTimer]) -> None:
    if (alive := timer()) is not None:
        alive.stop()


def running(session: Session) -> list[PageTimer]:
    """The session's timers that run now."""
    return list(session.data.get(_RUNNING, ()))


def run(session: Session, draw: Callable[[], None], *, seconds: float | None,
        over: Callable[[], bool]) -> None:
    """Fire `session`'s timers as they come due and `draw()` what they changed, until
    `seconds` have passed (None: until no timer runs) or `over()` says the wait is over.

    A callback's error is raised here, in the script's `plt.show()` or `plt.pause()`; the
    window closing as `SessionClosed`, although closing the figures may have broken a frame."""
    try:
        _run(session, draw, seconds, over)
    except Exception:
        if session.closed:
            raise SessionClosed from None
        raise


@contextlib.contextmanager
def stop_as_ctrl_c() -> Iterator[None]:
    """Stop (Ctrl+C) while frames are drawn is raised as itself, as from a window's event
    loop: not "during handling of" whatever library code it landed in (Pillow's own
    fallback while it writes the picture)."""
    try:
        yield
    except KeyboardInterrupt as interrupt:
        interrupt.__suppress_context__ = True
        raise


def _run(session: Session, draw: Callable[[], None], seconds: float | None,
         over: Callable[[], bool]) -> None:
    end = None if seconds is None else time.monotonic() + seconds
    while not over():
        for timer in running(session):
            if timer.due is not None and timer.due <= time.monotonic():
                timer.fire()
        draw()
        now = time.monotonic()
        if end is not None and now >= end:
            return
        dues = [timer.due for timer in running(session) if timer.due is not None]
        if end is not None:
            dues.append(end)
        elif not dues:
            return
        wake = min(dues)
        time.sleep(min(max(wake - now, 0.0), LONGEST_SLEEP) or 0.001)
