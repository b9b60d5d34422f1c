"""A session: one run of the script for one page, with its commands out and events in.

The session knows nothing of HTTP. It hands each command to a `sink` (the protocol layer's
outbox), receives the page's events through `deliver()`, and wakes the blocked UI call or
runs the callback each event is for. It runs the script either in a thread of its own
(`kind="thread"`) or as a task on the app's event loop (`kind="coroutine"`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import contextvars
import enum
import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar, Literal

from desklaunch.core.callbacks import Callbacks
from desklaunch.core.interrupt import raise_in_thread, withdraw_raise_in_thread
from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import Command, Event
from desklaunch.core.native import NativeDialogs
from desklaunch.core.outcome import Outcome, exit_code, print_error, script_traceback
from desklaunch.core.reactions import Reactions
from desklaunch.core.resources import Resources
from desklaunch.core.uploads import Uploads
from desklaunch.errors import NoSessionError, SessionClosed

log = logging.getLogger(__name__)

SessionKind = Literal["thread", "coroutine"]
Sink = Callable[[Command], None]

_current: contextvars.ContextVar[Session | None] = contextvars.ContextVar(
    "desklaunch_session", default=None
)
_outside: contextvars.ContextVar[int] = contextvars.ContextVar("desklaunch_outside", default=0)
_numbers = itertools.count(1)



class SessionState(enum.Enum):
    """Where a session is in its life; transitions only go forward."""

    NEW = "new"  # created, script not started
    RUNNING = "running"  # script started (it may have finished; callbacks still run)
    CLOSED = "closed"  # window gone: blocked calls raised SessionClosed, cleanups ran


class Session:
    """One script run, bound to one page through `sink`, closed exactly once."""

    _live: ClassVar[set[Session]] = set()
    _live_lock = threading.Lock()

    def __init__(
        self,
        main: Callable[[], Any],
        sink: Sink,
        *,
        kind: SessionKind = "thread",
        loop: asyncio.AbstractEventLoop | None = None,
        on_finish: Callable[[Session], None] | None = None,
        native: NativeDialogs | None = None,
        on_start: Callable[[Session], None] | None = None,
    ) -> None:
        if kind == "coroutine" and loop is None:
            raise ValueError("a coroutine session needs the event loop it runs on")
        self.number = next(_numbers)
        self.kind = kind
        self.data: dict[str, Any] = {}  # state the UI layer keeps per session (scopes, …)
        self.native = native
        """The window's system dialogs; None in a browser."""
        self.uploads = Uploads()
        """Files staged for the file fields of the forms shown (desklaunch/core/uploads.py)."""
        self.reactions = Reactions()
        """The work delivered events started and not yet finished (desklaunch/core/reactions.py)."""
        self.resources = Resources()
        """The script's code and styles, and files fetched for it (core/resources.py)."""
        self._main = main
        self._sink = sink
        self._loop = loop
        self._on_finish = on_finish
        self._on_start = on_start
        self._state = SessionState.NEW
        self._lock = threading.RLock()
        self._mailboxes: dict[str, Mailbox] = {}
        self.pywebio_way = False
        """PyWebIO's way, for a script written for it: each button's callback runs on a
        thread of its own, beside the others, unless registered `serial` (its
        `serial_mode=True`), and a script that ends while its buttons still answer says
        nothing (no "Finished"). Otherwise callbacks run one at a time, in order, on one
        thread."""
        self._ids = itertools.count(1)
        self._deferred: list[Callable[[], Any]] = []
        self._before_waiting: tuple[Callable[[], None], ...] = ()
        self._watchers: tuple[Callable[[Command], None], ...] = ()
        self._script_thread: threading.Thread | None = None
        self.callbacks = Callbacks(
            self.number, self.reactions, bind=lambda: _current.set(self),
            closed=lambda: self.closed, report=self._report_callback_error,
            loop=loop, on_loop=kind == "coroutine")
        """The callbacks and background coroutines the script set going (core/callbacks.py)."""
        self.outcome: Outcome | None = None
        self.finished = threading.Event()
        self.at_rest = threading.Event()
        """Set while the script only waits to be started again (a console program's run
        has ended): closing the window now loses nothing, as after `finished`."""
        self._closing = threading.Event()
        self.on_error: Callable[[BaseException], None] | None = None
        """Told each exception the script or a callback ended with (desklaunch.testing)."""

    def __repr__(self) -> str:
        return f"<Session #{self.number} {self.kind} {self._state.value}>"

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def closed(self) -> bool:
        return self._state is SessionState.CLOSED

    @classmethod
    def live(cls) -> list[Session]:
        """The sessions started and not yet closed, in this process."""
        with cls._live_lock:
            return list(cls._live)

    # -- script ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the script: in a thread of its own, or as a task on the event loop."""
        with self._lock:
            if self._state is not SessionState.NEW:
                raise RuntimeError(f"cannot start a session that is {self._state.value}")
            self._state = SessionState.RUNNING
        with Session._live_lock:
            Session._live.add(self)
        if self._on_start is not None:
            self._on_start(self)
        if self.kind == "thread":
            # Never a daemon (the server's worker threads that start sessions are): a script
            # that will not stop must keep counting, so the app ends the process for it.
            self._script_thread = threading.Thread(
                target=self._run_in_thread, name=f"desklaunch-script-{self.number}",
                daemon=False,
            )
            self._script_thread.start()
        else:
            assert self._loop is not None
            self._loop.call_soon_threadsafe(self._start_task)

    def _run_in_thread(self) -> None:
        _current.set(self)
        try:
            self._main()
        except BaseException as exc:  # noqa: BLE001 - every ending is reported, none escapes
            self._finish(exc)
        else:
            self._finish(None)

    def _start_task(self) -> None:
        async def run() -> None:
            _current.set(self)
            try:
                await self._main()
            except asyncio.CancelledError:
                self._finish(SessionClosed())
            except BaseException as exc:  # noqa: BLE001
                self._finish(exc)
            else:
                self._finish(None)

        assert self._loop is not None
        self.callbacks.track(self._loop.create_task(run()))

    def _finish(self, exc: BaseException | None) -> None:
        if isinstance(exc, SessionClosed) or (exc is not None and self.closed):
            self.outcome = Outcome("closed", 0)
        elif exc is None:
            live = self.pywebio_way and self.still_answers()
            self.outcome = Outcome("finished", 0, live=live)
        elif isinstance(exc, SystemExit):
            self.outcome = Outcome("finished", exit_code(exc))
        else:
            text = script_traceback(exc)
            log.debug("script ended with %s", type(exc).__name__)
            self._tell_error(exc)
            print_error(text)
            self.outcome = Outcome("error", 1, text)
        log.debug("session %d: the script %s (exit code %d)", self.number,
                  "ended as the session closed" if self.outcome.state == "closed"
                  else f"{self.outcome.state}", self.outcome.code)
        if self.outcome.state != "closed":
            self._send_quietly(self.outcome.command())
        self.reactions.script_waits()
        self.finished.set()
        if self._on_finish is not None:
            self._on_finish(self)

    def still_answers(self) -> bool:
        """Whether the page can still set off the script's code (a callback is registered)
        or a coroutine it started still runs: what keeps a PyWebIO app's session going."""
        return self.callbacks.still_answer()

    # -- commands and events --------------------------------------------------------------

    def send(self, command: Command) -> None:
        """Queue one command for the page; a closed session stops the caller instead."""
        if self.closed:
            raise SessionClosed
        for watcher in self._watchers:
            watcher(command)
        self._sink(command)

    def _send_quietly(self, command: Command) -> None:
        if not self.closed:
            self._sink(command)

    def new_id(self, prefix: str) -> str:
        """An id unique in this session, for forms, callbacks and anonymous scopes."""
        return f"{prefix}{next(self._ids)}"

    def open_mailbox(self, key: str, box: Mailbox | None = None) -> Mailbox:
        """Start collecting the events addressed to `key` (a form id).

        `box` may be a `Mailbox` subclass whose `put` handles each event as it arrives (in
        the delivering thread: quick, never blocking), like the pin widgets' values.
        """
        box = Mailbox() if box is None else box
        box.on_wait = self._script_waits
        with self._lock:
            if self.closed:
                box.close()
            self._mailboxes[key] = box
        return box

    def watch_sent(self, watcher: Callable[[Command], None]) -> None:
        """Call `watcher(command)` with every command sent from now on, as it is sent (on
        the sending thread: quick, never sending): how the pin widgets' board follows
        what the page still shows."""
        with self._lock:
            self._watchers = (*self._watchers, watcher)

    def before_waiting(self, hook: Callable[[], None]) -> None:
        """Call `hook` on the waiting thread whenever the script is about to wait for the
        person (an input, a form, the console's line): what it changed meanwhile shows
        first, as a terminal's GUI toolkits redraw their windows while `input()` waits."""
        with self._lock:
            self._before_waiting = (*self._before_waiting, hook)

    def _script_waits(self) -> None:
        # Under the mailbox's lock: the session's is not taken here (the close takes them
        # the other way round); the tuple is replaced whole, never changed.
        for hook in self._before_waiting:
            try:
                hook()
            except Exception:  # noqa: BLE001 - reported as a GUI loop reports a redraw's error
                traceback.print_exc()
        self.reactions.script_waits()
        self.callbacks.running_waits()

    def drop_mailbox(self, key: str) -> None:
        with self._lock:
            self._mailboxes.pop(key, None)

    def register_callback(self, callback: Callable[[Any], Any], *, serial: Any = None) -> str:
        """Remember `callback` under a new id the page can send `click` events to.
        `serial` (PyWebIO's `serial_mode`, as given): true runs it in order with the others
        even when callbacks run apart (`pywebio_way`); false runs it apart even when
        they do not; None: the session's way."""
        key = self.new_id("c")
        self.callbacks.register(key, callback, None if serial is None else bool(serial))
        return key

    def forget_callback(self, key: str) -> None:
        """Stop routing events to the callback `key` (the control that sent them is gone)."""
        self.callbacks.forget(key)

    def listens_for(self, key: str) -> bool:
        """Whether an event for `key` would still reach a callback or a waiting call."""
        with self._lock:
            if key in self._mailboxes:
                return True
        return self.callbacks.lookup(key) is not None

    def deliver(self, event: Event) -> threading.Event | None:
        """Route one event from the page to its waiting call or its callback.

        Returns a token set once the work the event started is done (the script is back
        waiting, the callback returned), or None when nothing was started.
        """
        with self._lock:
            if self.closed:
                return None
            box = self._mailboxes.get(event["id"])
        if box is not None:
            token = self.reactions.start(by_script=True)
            if not box.put(event):
                self.reactions.done(token)
                return None
            return token
        registered = self.callbacks.lookup(event["id"])
        if registered is not None:
            callback, serial = registered
            token = self.reactions.start()
            apart = self.pywebio_way if serial is None else not serial
            self.callbacks.dispatch(callback, event.get("value"), token, apart=apart)
            return token
        log.debug("event for unknown id dropped")
        return None

    def call_soon(self, callback: Callable[[Any], Any], value: Any) -> None:
        """Run `callback(value)` the way a button's callback runs: in order, in the
        background (the callback thread, or the event loop for an `async def` script).
        Until it returns, it counts as work an event set off (`reactions`)."""
        if not self.closed:
            self.callbacks.dispatch(callback, value, self.reactions.start())

    def _report_callback_error(self, exc: BaseException) -> None:
        self._tell_error(exc)
        print_error(script_traceback(exc))
        self._send_quietly({"cmd": "toast", "text": f"Error in a callback: {exc!r}",
                            "duration": 0, "color": "error"})

    def _tell_error(self, exc: BaseException) -> None:
        if self.on_error is not None:
            self.on_error(exc)

    def run_coroutine(self, coro: Coroutine[Any, Any, Any], *, awaited: bool = False
                      ) -> asyncio.Future[Any] | concurrent.futures.Future[Any]:
        """Run `coro` in the background as part of this session; returns its future.

        It runs on the event loop running in the calling thread if there is one, else on
        the app's event loop; either way it sees this session (and the caller's scope) as
        current, is cancelled when the session closes, and an error in it is reported like
        a callback's, unless `awaited`: the caller takes its result, error and all.
        """
        return self.callbacks.run_coroutine(coro, awaited=awaited)

    def hosting(self, loop: asyncio.AbstractEventLoop, stop: asyncio.Future[Any]
                ) -> contextlib.AbstractContextManager[None]:
        """Inside, this session's callbacks and background coroutines run on `loop`, an
        event loop the script's own thread runs: PyWebIO runs a coroutine app, and all it
        sets off, on the thread that imported the script, so an object made as the script
        was imported (a SQLite connection) works in all of them. A callback there that
        stops the script (`go_app` switching apps raises `AppSwitch`) sets `stop`'s
        exception, which whoever runs the loop raises: asyncio would keep it to itself."""
        return self.callbacks.hosting(loop, stop)

    # -- closing --------------------------------------------------------------------------

    def defer(self, cleanup: Callable[[], Any]) -> None:
        """Run `cleanup` when the session closes (last registered runs first)."""
        with self._lock:
            if not self.closed:
                self._deferred.append(cleanup)
                return
        cleanup()

    def close(self) -> None:
        """Close once: wake blocked calls with `SessionClosed`, stop callbacks, run cleanups."""
        with self._lock:
            if self.closed:
                return
            self._state = SessionState.CLOSED
            self._closing.set()
            boxes = list(self._mailboxes.values())
            self._mailboxes.clear()
            self.callbacks.forget_all()
            deferred = self._deferred[::-1]
            self._deferred.clear()
        with Session._live_lock:
            Session._live.discard(self)
        for box in boxes:
            box.close()
        self.reactions.finish_all()
        self.uploads.close_all()
        self.resources.close()
        self.callbacks.stop()
        for cleanup in deferred:
            try:
                cleanup()
            except SessionClosed:
                pass  # its UI call met the closed session: there is nothing to show it on
            except Exception as exc:  # one failing cleanup must not stop the others
                log.exception("a deferred cleanup failed")
                self._tell_error(exc)

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`, or until the session closes: then raise `SessionClosed`."""
        if self._closing.wait(seconds):
            raise SessionClosed

    def on_script_thread(self) -> bool:
        """True on the thread that runs this script (never its callbacks' thread, nor the
        event loop of an `async` script): the one thread that may wait as long as it likes
        without holding up the person's clicks."""
        return self._script_thread is threading.current_thread()

    def interrupt(self) -> None:
        """Raise `SessionClosed` inside a script thread that is busy and not in a UI call."""
        thread = self._script_thread
        if thread is not None and thread.is_alive() and thread.ident is not None:
            raise_in_thread(thread.ident, SessionClosed)

    def raise_in_script(self, exc_type: type[BaseException]) -> bool:
        """Stop the script's thread with `exc_type`, whatever it is doing: raised at its next
        bytecode, and a UI call it is blocked in is woken to raise it (a thread sleeping in
        C code sees it when the sleep ends). True when the thread took it.

        For a script that must leave what it is doing while the session goes on (PyWebIO's
        `go_app` from a button's callback switches to another app in the same window).
        """
        thread = self._script_thread
        if thread is None or not thread.is_alive() or thread.ident is None:
            return False
        if not raise_in_thread(thread.ident, exc_type):
            return False
        with self._lock:
            boxes = list(self._mailboxes.values())
        for box in boxes:
            box.nudge()
        return True

    def withdraw_raise_in_script(self) -> None:
        """Called in the script's own thread: drop a `raise_in_script` it has not raised yet,
        so a stop meant for code that has since ended cannot hit the code after it. A
        `SessionClosed` that `interrupt` may have asked for is raised here instead."""
        withdraw_raise_in_thread(threading.get_ident())
        if self.closed:
            raise SessionClosed

    def join(self, timeout: float) -> bool:
        """Wait up to `timeout` s for the script and callbacks to stop; True when they did."""
        threads = [t for t in (self._script_thread, *self.callbacks.threads())
                   if t is not None and t is not threading.current_thread()]
        end = time.monotonic() + timeout
        for thread in threads:
            while True:
                try:
                    thread.join(max(0.0, end - time.monotonic()))
                    break
                except RuntimeError:  # the thread that starts the session is starting it now
                    if time.monotonic() >= end:
                        break
                    threading.Event().wait(0.005)  # not time.sleep, which a session may own
        return not any(t.is_alive() or t.ident is None for t in threads)


def current_session() -> Session:
    """The session the calling code belongs to.

    A script's own threads do not inherit it; when exactly one session is running (a
    desktop app's usual case) that one is meant, otherwise the caller must say which.
    """
    session = _current.get()
    if session is not None:
        return session
    if _outside.get():
        raise NoSessionError("this thread stands outside the sessions (a test's own thread)")
    live = Session.live()
    if len(live) == 1:
        return live[0]
    if not live:
        raise NoSessionError(
            "no desklaunch session is running here: start the script with "
            "`desklaunch script.py`"
        )
    raise NoSessionError(
        "this thread belongs to no session and several are running: "
        "call desklaunch.ui.register_thread() at the start of the thread"
    )


def step_outside() -> Callable[[], None]:
    """Make the calling thread stand outside the sessions until the returned function is
    called: `current_session()` then never takes the only one running for it. A test's own
    thread, whose prints are the test's, not the app's, does this (desklaunch.testing)."""
    _outside.set(_outside.get() + 1)

    def back() -> None:
        _outside.set(max(0, _outside.get() - 1))

    return back


def stands_outside() -> bool:
    """Whether the calling thread stands outside the sessions (`step_outside()`)."""
    return _outside.get() > 0


def bound_session() -> Session | None:
    """The session the calling thread (or task) belongs to, if any; unlike
    `current_session()` it never guesses for a thread that belongs to none."""
    return _current.get()


def bind_current(session: Session | None) -> None:
    """Make the calling thread (or task) belong to `session`; None makes it belong to none."""
    _current.set(session)
