"""One launch of a script: server, event loop and sessions, started and stopped together.

`App` owns every thread desklaunch starts. It serves on an `Endpoint` (bound by the caller
beforehand, or by the App), or takes over a `Serving` the caller started before importing
this module (the page then loads while the core is imported); `start()` starts serving and
returns the endpoint's URL (with the launch secret) for the window; `close()` stops
everything in order and says whether every thread ended, so the caller can decide how hard
to exit.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from desklaunch.core import sleeping
from desklaunch.core.loop import EventLoopThread
from desklaunch.core.messages import Command
from desklaunch.core.native import NativeDialogs
from desklaunch.core.protocol import PollingHandler
from desklaunch.core.session import Session, SessionKind, SessionState, Sink
from desklaunch.web.endpoint import Endpoint
from desklaunch.web.front import Serving

LAST_OUTPUT_WAIT = 3.0
"""With `close_on_exit`: seconds the app waits, once the script ended, for its page to say
it has drawn the last output (a page gone meanwhile says nothing)."""

log = logging.getLogger(__name__)


class App:
    """Serve one script to its window (or browser tabs) until `close()`."""

    def __init__(
        self,
        main: Callable[[], Any],
        *,
        kind: SessionKind = "thread",
        title: str = "desklaunch",
        close_on_exit: bool = False,
        on_ended: Callable[[], None] | None = None,
        idle_timeout: float | None = 120.0,
        max_sessions: int = 64,
        endpoint: Endpoint | None = None,
        serving: Serving | None = None,
    ) -> None:
        self.title = title
        self.close_on_exit = close_on_exit
        self.ended = threading.Event()
        """Set when the app should stop: its first script ended with `close_on_exit`."""
        self._on_ended = on_ended
        self.first_session: Session | None = None
        self.native: NativeDialogs | None = None
        """System dialogs for sessions shown in a native window; set before `start()`."""
        self.on_title: Callable[[str], None] | None = None
        """Told each title the first session sets, so a native window's title can follow."""
        self.on_session_start: Callable[[Session], None] | None = None
        """Told each session just before its script starts (desklaunch.testing waits for
        the script's first question from there)."""
        self.on_error: Callable[[BaseException], None] | None = None
        """Told each exception a script or callback raised (desklaunch.testing re-raises it)."""
        self._main = main
        self._kind = kind
        self._loop = EventLoopThread()
        self._serving = serving if serving is not None else \
            Serving(endpoint, max_sessions=max_sessions)
        self.handler = PollingHandler(
            self._new_session, idle_timeout=idle_timeout, max_sessions=max_sessions
        )
        self.handler.on_attach = self._on_attach
        self.handler.on_reload = self._restart_one
        self._started = False
        self._sleeping = False
        """`time.sleep` is the sessions' own (core/sleeping.py) while the App serves."""
        self._first_lock = threading.Lock()
        self._end_when_seen: Session | None = None
        """The first session, ended before any page showed it (`close_on_exit` waits)."""
        self._seen: Session | None = None
        """The first session once a page has shown it."""
        self._closer: threading.Thread | None = None
        """With `close_on_exit`: waits for the page to draw the last output, then ends the
        app; it ends within LAST_OUTPUT_WAIT, or at once when `close` closes the sessions."""

    @property
    def port(self) -> int:
        return self._serving.server.port

    @property
    def origin(self) -> str:
        return self._serving.server.endpoint.origin

    def start(self) -> str:
        """Start the loop and the server; return the one-time URL that lets a window in."""
        if self._started:
            raise RuntimeError("an App starts once")
        self._started = True
        sleeping.install()  # before any script can start and `from time import sleep`
        self._sleeping = True
        self._loop.start()
        self._loop.every(1.0, self.handler.expire)
        # The Bottle routes are built on the loop thread once the page polls with its view.
        self._serving.front.connect(self.handler, schedule=self._loop.loop.call_soon_threadsafe,
                                    on_script=self.handler.start_prepared)
        self._serving.start()
        endpoint = self._serving.server.endpoint
        log.debug("serving on %s (a %s script)", endpoint.origin, self._kind)
        return endpoint.url

    def open_first_session(self) -> Session:
        """Make the app's own session before the server runs (so no page comes before it);
        the first page that polls takes it, and its first answer carries what the script
        showed by then. Its script starts once the page's own script is sent (a window asks
        for everything at once, and the script's imports would slow those answers), or at
        `start_first_session()` (a browser tab: its page takes long enough to come)."""
        if self._started:
            raise RuntimeError("open the first session before the App starts")
        return self.handler.prepare()

    def start_first_session(self) -> None:
        """Start the script of the session `open_first_session` made, if not yet started."""
        self.handler.start_prepared()

    def _new_session(self, sink: Sink) -> Session:
        session: Session | None = None

        def watching(command: Command) -> None:
            if (self.on_title is not None and session is self.first_session
                    and command["cmd"] == "env" and isinstance(command.get("title"), str)):
                self.on_title(command["title"])
            sink(command)

        session = Session(self._main, watching, kind=self._kind, loop=self._loop.loop,
                          on_finish=self._on_finish, native=self.native,
                          on_start=self._on_start)
        session.on_error = self.on_error
        with self._first_lock:
            if self.first_session is None:
                self.first_session = session
        log.debug("session %d made", session.number)
        session.send({"cmd": "env", "title": self.title})
        return session

    def _on_start(self, session: Session) -> None:
        """The app's own session is the first whose script runs: a page whose first answer
        was lost asks again, and the session it never heard of must not take that place."""
        log.debug("session %d: its script starts", session.number)
        with self._first_lock:
            first = self.first_session
            if first is None or (first is not session and first.state is SessionState.NEW):
                self.first_session = session
        if self.on_session_start is not None:
            self.on_session_start(session)

    def _on_finish(self, session: Session) -> None:
        if not self.close_on_exit:
            return
        with self._first_lock:
            if session is not self.first_session:
                return
            if self._seen is not session:
                # Started before its page (open_first_session) and done before it loaded:
                # the app ends once a page has shown what the script left.
                self._end_when_seen = session
                return
        self._end_once_shown(session)

    def _on_attach(self, session: Session) -> None:
        log.debug("session %d: a page shows it", session.number)
        with self._first_lock:
            if session is self.first_session:
                self._seen = session
            if session is not self._end_when_seen:
                return
            self._end_when_seen = None
        self._end_once_shown(session)

    def _end_once_shown(self, session: Session) -> None:
        """End the app once the page has drawn what `session`'s script left (it may be
        about to get it), waited for off the caller's thread: the script's, the event
        loop's, or the request's that brings that page."""
        def wait_then_end() -> None:
            self.handler.wait_shown(session, LAST_OUTPUT_WAIT)
            self._end()

        self._closer = threading.Thread(target=wait_then_end, name="desklaunch-close-on-exit",
                                        daemon=True)
        self._closer.start()

    def _end(self) -> None:
        self.ended.set()
        if self._on_ended is not None:
            self._on_ended()

    def end_session(self, session: Session) -> None:
        """Close one session on purpose, e.g. because its window was closed."""
        self.handler.end(session)

    def restart(self, grace: float = 1.0) -> None:
        """End every session as "restarted" so each page starts the script afresh (`--reload`).

        The next session a page creates becomes the first one (title, exit code); a script
        that is busy in its own loop gets `SessionClosed` raised inside it.
        """
        sessions = self.handler.sessions()
        self.first_session = None
        for session in sessions:
            self.handler.end(session, "restarted")
        stuck = [s for s in sessions if not s.join(0.2)]
        for session in stuck:
            session.interrupt()
        for session in stuck:
            session.join(grace)

    def _restart_one(self, session: Session) -> None:
        """End `session` as "restarted" (its page was loaded again: core/protocol.py
        `on_reload`); the session its page starts next becomes the first one."""
        with self._first_lock:
            if self.first_session is session:
                self.first_session = None
        self.handler.end(session, "restarted")

    @property
    def exit_code(self) -> int:
        """The first script's exit code; 0 when it was closed before it ended, or never ran."""
        session = self.first_session
        if session is None or session.outcome is None:
            return 0
        return session.outcome.code

    def close(self, grace: float = 1.0) -> bool:
        """Stop everything: sessions, then server, then loop. True when every thread ended.

        A script blocked in a UI call wakes with `SessionClosed` at once; one busy in its own
        loop gets `SessionClosed` raised inside it; one that ignores even that is left for
        the caller to end with the process.
        """
        deadline = time.monotonic() + grace
        sessions = self.handler.sessions()
        log.debug("closing: %d session(s), then the server and the event loop", len(sessions))
        self.handler.close_all()
        stuck = [s for s in sessions if not s.join(0.2)]
        for session in stuck:
            session.interrupt()
        # No page needs the server any more: stopping it while the stuck scripts use their
        # grace keeps the whole close within the 2 s a closed window allows.
        self._serving.close()
        for session in stuck:
            session.join(max(0.0, deadline - time.monotonic()))
        self._loop.stop()
        if self._closer is not None:
            self._closer.join(max(0.0, deadline - time.monotonic()))
        still = [s for s in sessions if not s.join(0)]
        if self._sleeping:
            sleeping.uninstall()
            self._sleeping = False
        if still:
            log.warning("%d script(s) did not stop when asked", len(still))
        return not still
