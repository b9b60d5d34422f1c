"""Running an app in the test's own process: the protocol core driven directly, no server.

`InProcess` plays the page's part of docs/protocol.md against a `PollingHandler`: the
first poll creates the session, the next one attaches and starts the script, events are
posted with the page's numbering and acknowledgements, and every answer is rendered on a
simulated `Page`. Nothing listens on a socket and no browser runs.

After each action it *settles*: it waits until the work the action set off is done (the
script is back waiting or has ended, the callbacks returned — the same bookkeeping that
lets the real server answer a click with its output) and has rendered what that work
showed. Waiting for something to show uses the long poll itself: no sleeping in a loop.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from desklaunch.core import sleeping
from desklaunch.core.loop import EventLoopThread
from desklaunch.core.messages import Command
from desklaunch.core.protocol import PollingHandler
from desklaunch.core.session import Session, Sink
from desklaunch.errors import ProtocolError
from desklaunch.testing.errors import WaitTimeoutError
from desklaunch.testing.page import Page
from desklaunch.testing.program import Program

T = TypeVar("T")
CHUNK = 512 * 1024
"""The size of the chunks a file is sent in, as the page sends them."""


class InProcess:
    """One app run in process, shown on a simulated page."""

    def __init__(self, program: Program, *, timeout: float, settle: float,
                 on_error: Callable[[BaseException], None]) -> None:
        self.program = program
        self.timeout = timeout
        self.settle_limit = settle
        self.page = Page()
        self.session: Session | None = None
        self._on_error = on_error
        # Every session has the app's event loop, as in a launch: plain scripts use it too
        # (PyWebIO's run_async, a coroutine app given to start_server).
        self._loop = EventLoopThread()
        self._loop.start()
        self.handler = PollingHandler(self._new_session, poll_timeout=0, answer_wait=0,
                                      idle_timeout=None, unattached_timeout=float("inf"),
                                      max_sessions=1)
        self._session_id = ""
        self._view = ""
        self._rendered = 0
        self._event_seq = 0
        self.closed = False
        self._sleeping = False
        self.busy = 0
        """How many times the work an action set off was still going when settling gave up."""
        self._gave_up = False
        self._gave_up_at = 0

    def _new_session(self, sink: Sink) -> Session:
        session = Session(self.program.main, sink, kind=self.program.kind,
                          loop=self._loop.loop)
        session.on_error = self._on_error
        session.send({"cmd": "env", "title": self.program.title})
        self.session = session
        return session

    # -- the page's side of the protocol ------------------------------------------------------

    def start(self) -> None:
        """Open the page: create the session, attach, and let the script run to its first wait."""
        sleeping.install()  # as an App does: closing wakes a script in `time.sleep`
        self._sleeping = True
        self._take(self.handler.poll(None, None, 0))
        assert self.session is not None
        self.session.reactions.start(by_script=True)  # done when the script first waits
        self._poll(0)  # the first long poll of a view attaches: the script starts
        self.settle()

    def _poll(self, timeout: float) -> None:
        self.handler.poll_timeout = max(0.0, timeout)
        self._take(self.handler.poll(self._session_id, self._view, self._rendered))

    def _post(self, events: list[dict[str, Any]]) -> None:
        numbered = []
        for event in events:
            self._event_seq += 1
            numbered.append({**event, "seq": self._event_seq})
        body = json.dumps({"events": numbered}).encode()
        self._take(self.handler.post(self._session_id, self._view, body, ack=self._rendered))

    def _take(self, answer: Mapping[str, Any]) -> None:
        """Render an answer as the page does: a reset replays, otherwise commands in order."""
        if answer.get("closed") or answer.get("detached"):
            self.closed = True
            return
        commands: list[Command] = answer.get("commands") or []
        if answer.get("reset"):
            self._session_id, self._view = answer["session"], answer["view"]
            self.page.reset()
            self.page.apply(commands)
            self._rendered = int(answer.get("seq") or 0)
            return
        fresh = [c for c in commands if c["seq"] > self._rendered]
        self.page.apply(fresh)
        if fresh:
            self._rendered = fresh[-1]["seq"]

    def upload(self, form_id: str, field: str, name: str, data: bytes, mime: str,
               modified: float) -> str:
        """Send one file to a form's file field in chunks, as the page does; its token."""
        params = {"form": form_id, "field": field, "name": name, "size": str(len(data)),
                  "type": mime, "modified": str(int(modified * 1000))}
        offset = 0
        while True:
            chunk = data[offset:offset + CHUNK]
            answer = self.handler.upload(self._session_id, self._view, params, len(chunk),
                                         _reader(chunk))
            if "upload" not in answer:
                raise ProtocolError("the form is gone", status=409)
            offset = int(answer["received"])
            if offset >= len(data):
                return str(answer["upload"])
            params = {"upload": str(answer["upload"]), "offset": str(offset)}

    # -- settling and waiting -----------------------------------------------------------------

    def settle(self, limit: float | None = None) -> bool:
        """Send what the page queued and wait until the work it set off is done and shown;
        True when it all finished within `limit` (default: the settle limit). Work that
        outlasted the settle limit once is not waited for again until the next action or
        until it shows more."""
        default = limit is None
        if self._gave_up and self._rendered != self._gave_up_at:
            self._gave_up = False  # the work showed more since: it may be ending
        wait = (0.0 if self._gave_up else self.settle_limit) if limit is None else limit
        deadline = time.monotonic() + wait
        while True:
            events = self.page.take_events()
            if events and not self.closed:
                self._post(events)
                if default and self._gave_up:  # a new action: its work is waited for
                    self._gave_up = False
                    deadline = time.monotonic() + self.settle_limit
            idle = self._idle(deadline - time.monotonic())
            if not self.closed:
                self._poll(0)
            self.page.expire_toasts()
            if not self.page.outbox or self.closed:
                if idle or self.closed:
                    self._gave_up = False
                elif default and not self._gave_up:
                    self.busy += 1
                    self._gave_up, self._gave_up_at = True, self._rendered
                return idle

    def _idle(self, timeout: float) -> bool:
        session = self.session
        return session is None or session.reactions.wait_idle(max(0.0, timeout))

    def wait(self, what: str, found: Callable[[], T | None], timeout: float | None = None,
             check: Callable[[], None] | None = None, settle: float | None = None) -> T:
        """Wait until `found()` gives something (not None or empty); its result.

        `check` runs after each look (it raises to stop waiting: the script failed).
        Each look first settles, for up to `settle` s (default: the settle limit; 0 to look
        at what is shown, for work the kit cannot follow). Each wait for news is a long poll
        that answers as soon as the app shows more.
        """
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while True:
            self.settle(settle)
            result = found()
            if result:
                return result
            if check is not None:
                check()
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closed:
                raise WaitTimeoutError(f"waited {limit:g} s for {what}; " + self.describe())
            self._poll(min(remaining, 1.0))  # toasts expire meanwhile: look once a second

    def describe(self) -> str:
        """The screen, for a failure message."""
        text = self.page.text
        shown = "\n".join("    " + line for line in text.splitlines()) if text else "    (nothing)"
        return f"the screen shows:\n{shown}"

    # -- stopping ---------------------------------------------------------------------------

    def close(self, grace: float = 2.0) -> bool:
        """Close the page's session and stop every thread; True when they all stopped."""
        session = self.session
        self.handler.close_all()
        self.closed = True
        stopped = True
        if session is not None and not session.join(min(0.5, grace)):
            session.interrupt()
            stopped = session.join(grace)
        self._loop.stop()
        if self._sleeping:
            sleeping.uninstall()
            self._sleeping = False
        return stopped


def _reader(chunk: bytes) -> Callable[[int], bytes]:
    view = memoryview(chunk)
    position = [0]

    def read(size: int) -> bytes:
        start = position[0]
        position[0] = min(len(view), start + max(0, size))
        return bytes(view[start:position[0]])

    return read
