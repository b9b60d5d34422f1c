"""The long-polling protocol, free of any web framework (see docs/protocol.md).

`PollingHandler` owns the registry of sessions; each session is wrapped in a `Channel` that
numbers its commands, keeps them until the page acknowledges them, knows which page view is
current, and drops events it has already seen. The server layer only translates HTTP to
`poll()` and `post()` calls; unit tests call them directly.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from typing import Any, cast

from desklaunch.core.messages import EVENT_TYPES, Command, Event, EventType, PollAnswer
from desklaunch.core.replay import ViewLog
from desklaunch.core.resources import Resource
from desklaunch.core.session import Session, Sink
from desklaunch.core.uploads import receive
from desklaunch.errors import ProtocolError

log = logging.getLogger(__name__)

MAX_EVENTS_PER_POST = 100
MAX_ID_LENGTH = 64
MAX_VALUE_DEPTH = 16
MAX_COMMANDS_PER_ANSWER = 5_000
OUTBOX_LIMIT = 50_000
"""Unacknowledged commands kept for a page that stopped polling; past it the page gets a replay."""
ANSWER_WAIT = 0.03
"""How long an event's answer waits for the work the event set off, to carry its output."""
ANSWER_EARLY = 200
"""An event's answer goes once this many commands wait; the long poll streams the rest."""
FIRST_ANSWER_WAIT = 0.1
"""How long the first answer of the app's own session waits for the script's first output."""


class Channel:
    """One session's wire state: numbered outbox, current view, events seen, poll wake-ups."""

    def __init__(self, clock: Callable[[], float], replay_limit: int) -> None:
        self.id = secrets.token_urlsafe(24)
        self.session: Session | None = None
        self.attached = False
        """A page has polled with this channel's view: it heard of the session."""
        self.started = False
        """The session's script was started (on attach, or before any page for `prepare`)."""
        self.polls = 0
        self.last_seen = clock()
        self.closed_reason: str | None = None
        self._clock = clock
        self._lock = threading.RLock()  # taken directly: see core/interrupt.py
        self._cond = threading.Condition(self._lock)  # long polls wait on it
        self._collecting = threading.Condition(self._lock)  # event answers wait on it
        self._outbox: deque[Command] = deque()
        self._seq = 0
        self._view: str | None = None
        self._event_seq = 0
        self._overflowed = False
        self._unsent: dict[str, Command] = {}
        self._log = ViewLog(replay_limit)
        self._holding = 0  # event answers collecting output: long polls leave it to them
        self._claimed = 0  # highest seq an event answer carried
        self._viewed = False  # a view was given out: the outbox no longer holds everything
        self._shown = 0  # the highest seq the page said it has drawn (its `ack`)

    def push(self, command: Command) -> None:
        """The session's sink: number the command, keep it until acknowledged, wake the poll."""
        with self._lock:
            if self.closed_reason is not None:
                return
            key = command.get("coalesce")
            waiting = self._unsent.get(key) if key is not None else None
            if waiting is not None and self._outbox and self._outbox[-1] is waiting:
                # Not yet sent, and nothing came after it: the page only needs the newest
                # value. (Past other commands it would move the value ahead of them: a
                # run's "ended" before the run's last lines.)
                waiting.update(command, seq=waiting["seq"])
                self._log.record(waiting)
                return
            self._seq += 1
            command["seq"] = self._seq
            self._log.record(command)
            if self._overflowed:
                return
            self._outbox.append(command)
            if key is not None:
                self._unsent[key] = command
            if len(self._outbox) > OUTBOX_LIMIT:
                self._outbox.clear()
                self._unsent.clear()
                self._overflowed = True
            if not self._holding or self._overflowed:
                self._cond.notify_all()
            elif len(self._outbox) >= ANSWER_EARLY:
                self._collecting.notify_all()
            # Otherwise an event answer is collecting: it takes this once the work it waits
            # for is done, and long polls could not answer now anyway.

    def new_view(self) -> PollAnswer:
        """Give a (re)loaded page a view of its own and the replay of what it should show."""
        with self._lock:
            self._view = secrets.token_urlsafe(12)
            self._event_seq = 0
            self._claimed = 0
            self._cond.notify_all()
            self._collecting.notify_all()
            return self._reset_answer()

    def _reset_answer(self) -> PollAnswer:
        assert self._view is not None
        if not self._viewed and not self._overflowed:
            # The first view of a session gets every command as it was sent, the passing
            # ones too (a toast, each of a log's run_js lines): what a page there from the
            # start would have seen. Past one answer's worth, the long polls bring the rest;
            # the page's acks drop them from the outbox, as any answer's.
            commands = self._take_after(0)
            self._viewed = True
            return {"session": self.id, "view": self._view, "reset": True,
                    "seq": commands[-1]["seq"] if commands else self._seq,
                    "commands": commands}
        staged = self.session.uploads.listed() if self.session is not None else []
        files = [{"cmd": "field_update", "id": form_id, "field": name,
                  "changes": {"add_files": listed}} for form_id, name, listed in staged]
        commands = self._log.replay(files)
        self._viewed = True
        self._outbox.clear()
        self._unsent.clear()
        self._overflowed = False
        return {"session": self.id, "view": self._view, "reset": True, "seq": self._seq,
                "commands": commands}

    def await_output(self, timeout: float) -> None:
        """Before the first view: wait (up to `timeout`) until the script has sent more than
        the session's opening `env`, so the first answer carries it."""
        with self._lock:
            self._cond.wait_for(lambda: self._viewed or self.closed_reason is not None
                                or any(c["cmd"] != "env" for c in self._outbox), timeout)

    def is_current(self, view: str) -> bool:
        with self._lock:
            return view == self._view

    def wait(self, view: str, ack: int, timeout: float) -> PollAnswer:
        """Answer a long poll: the commands after `ack`, as soon as there are any."""
        with self._lock:
            self._check_ack(ack)
            self.polls += 1
            deadline = self._clock() + timeout
            claimed_before = self._claimed
            try:
                while True:
                    if self.closed_reason is not None:
                        return {"closed": True, "reason": self.closed_reason}
                    if view != self._view:
                        return {"detached": True}
                    if self._overflowed:
                        return self._reset_answer()
                    self._drop_acknowledged(ack)
                    # What an event answer carried while this poll waited, the page has (or
                    # gets again by resending the event); a poll that starts later sends it.
                    after = ack if self._claimed == claimed_before else max(ack, self._claimed)
                    remaining = deadline - self._clock()
                    ready = not self._holding and self._outbox and self._outbox[-1]["seq"] > after
                    if ready or remaining <= 0:
                        commands = self._take_after(after)
                        seq = commands[-1]["seq"] if commands else after
                        return {"session": self.id, "view": view, "reset": False,
                                "seq": seq, "commands": commands}
                    self._cond.wait(remaining)
            finally:
                self.polls -= 1
                self.last_seen = self._clock()

    def _check_ack(self, ack: int) -> None:
        if ack > self._seq:
            raise ProtocolError("ack is ahead of the commands sent")

    def _drop_acknowledged(self, ack: int) -> None:
        if ack > self._shown:
            self._shown = ack
            self._cond.notify_all()  # `wait_shown`
        outbox = self._outbox
        while outbox and outbox[0]["seq"] <= ack:
            outbox.popleft()

    def wait_shown(self, timeout: float) -> bool:
        """Wait (up to `timeout`) until the page says it has drawn every command sent so
        far; False when it did not (gone, or another view took over)."""
        with self._lock:
            sent = self._seq
            return self._cond.wait_for(lambda: self._shown >= sent
                                       or self.closed_reason is not None, timeout) \
                and self._shown >= sent

    def _take_after(self, after: int) -> list[Command]:
        """The outbox's commands with seq above `after`, marked sent (lock held)."""
        commands: list[Command] = []
        for command in self._outbox:
            if command["seq"] <= after:
                continue
            commands.append(command)
            if "coalesce" in command:
                self._unsent.pop(command["coalesce"], None)
            if len(commands) >= MAX_COMMANDS_PER_ANSWER:
                break
        return commands

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """While an event answer collects its output, long polls leave the commands to it."""
        with self._lock:
            self._holding += 1
        try:
            yield
        finally:
            with self._lock:
                self._holding -= 1
                # Wake long polls only for what the answer did not carry: a wake-up now would
                # compete with the answer being sent.
                if self._overflowed or (self._outbox and self._outbox[-1]["seq"] > self._claimed):
                    self._cond.notify_all()

    def collect(self, view: str, ack: int, tokens: list[threading.Event], timeout: float
                ) -> list[Command]:
        """An event answer's commands: wait (up to `timeout`) for the work `tokens` track,
        then take the commands after `ack` (call it `holding()`)."""
        with self._lock:
            deadline = time.monotonic() + timeout
            while not all(token.is_set() for token in tokens):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or len(self._outbox) >= ANSWER_EARLY:
                    break
                self._collecting.wait(remaining)
            if view != self._view or self._overflowed or self.closed_reason is not None:
                return []
            self._drop_acknowledged(ack)
            commands = self._take_after(ack)
            if commands:
                self._claimed = max(self._claimed, commands[-1]["seq"])
            return commands

    def wake(self) -> None:
        """Let waiting answers look again (a reaction they wait for has finished)."""
        with self._lock:
            self._collecting.notify_all()

    def accept(self, view: str, events: list[Event], ack: int | None = None
               ) -> list[Event] | None:
        """The events not seen before, in order; None when `view` is no longer current."""
        with self._lock:
            if ack is not None:
                self._check_ack(ack)
            if view != self._view:
                return None
            self.last_seen = self._clock()
            fresh = [event for event in events if event["seq"] > self._event_seq]
            if fresh:
                self._event_seq = fresh[-1]["seq"]
            return fresh

    def close(self, reason: str) -> None:
        with self._lock:
            if self.closed_reason is None:
                self.closed_reason = reason
            self._cond.notify_all()
            self._collecting.notify_all()


class PollingHandler:
    """The session registry and the two protocol calls the server exposes."""

    def __init__(
        self,
        new_session: Callable[[Sink], Session],
        *,
        poll_timeout: float = 20.0,
        answer_wait: float = ANSWER_WAIT,
        idle_timeout: float | None = 120.0,
        unattached_timeout: float = 10.0,
        max_sessions: int = 64,
        replay_limit: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.poll_timeout = poll_timeout
        self.answer_wait = answer_wait
        self.idle_timeout = idle_timeout
        self.unattached_timeout = unattached_timeout
        self.max_sessions = max_sessions
        self._new_session = new_session
        self._replay_limit = replay_limit
        self._clock = clock
        self._lock = threading.Lock()
        self._channels: dict[str, Channel] = {}
        self._ended: OrderedDict[str, str] = OrderedDict()
        self._closed = False
        self._prepared: Channel | None = None
        """The session `prepare` started, until a page attaches to it."""
        self.on_attach: Callable[[Session], None] | None = None
        """Told each session whose page has shown its first answer and polls on."""
        self.on_reload: Callable[[Session], None] | None = None
        """Told each session of a script written for PyWebIO whose page was loaded again:
        it ends it as "restarted", and the page starts the script afresh, as PyWebIO's
        reload does (its apps `run_js("location.reload()")` to start over)."""

    def __len__(self) -> int:
        with self._lock:
            return len(self._channels)

    def sessions(self) -> list[Session]:
        with self._lock:
            return [c.session for c in self._channels.values() if c.session is not None]

    def resource(self, key: str, name: str) -> Resource | None:
        """What `/res/<key>/<name>` names: an item of the live session whose key it is."""
        for session in self.sessions():
            if hmac.compare_digest(session.resources.key.encode(), key.encode()):
                return session.resources.take(name)
        return None

    # -- the two calls --------------------------------------------------------------------

    def poll(self, session_id: str | None, view_id: str | None, ack: int) -> PollAnswer:
        """`GET /api/poll`: create, re-attach or long-poll, as docs/protocol.md describes."""
        if ack < 0:
            raise ProtocolError("ack must be a whole number of at least 0")
        if session_id is None:
            return self._adopt_prepared() or self._create().new_view()
        channel = self._find(session_id)
        if isinstance(channel, str):
            return {"closed": True, "reason": channel}
        if view_id is None:
            session = channel.session
            if self.on_reload is not None and session is not None and session.pywebio_way:
                self.on_reload(session)
                return {"closed": True, "reason": "restarted"}
            return channel.new_view()
        if not channel.is_current(view_id):
            return {"detached": True}
        if not channel.attached:
            self._attach(channel)
        return channel.wait(view_id, ack, self.poll_timeout)

    def post(self, session_id: str | None, view_id: str | None, body: bytes,
             ack: int | None = None) -> dict[str, Any]:
        """`POST /api/events`: hand the page's events to its session, each once.

        With `ack`, the answer also carries the commands after it, once what the events set
        off has finished (or `answer_wait` has passed): a click's output comes back with it.
        """
        events = parse_events(body)
        if ack is not None and ack < 0:
            raise ProtocolError("ack must be a whole number of at least 0")
        if session_id is None or view_id is None:
            raise ProtocolError("events need a session and a view")
        channel = self._find(session_id)
        if isinstance(channel, str):
            return {"closed": True, "reason": channel}
        fresh = channel.accept(view_id, events, ack)
        if fresh is None:
            return {"detached": True}
        session = channel.session
        assert session is not None
        if ack is None:
            for event in fresh:
                session.deliver(event)
            return {"ok": True}
        with channel.holding():
            tokens = [token for event in fresh if (token := session.deliver(event)) is not None]
            commands = channel.collect(view_id, ack, tokens, self.answer_wait)
        return {"ok": True, "commands": commands}

    def upload(self, session_id: str | None, view_id: str | None, params: dict[str, str],
               length: int, read: Callable[[int], bytes]) -> dict[str, Any]:
        """`POST /api/upload`: one chunk of a file for a shown form's file field."""
        if session_id is None or view_id is None:
            raise ProtocolError("uploads need a session and a view")
        channel = self._find(session_id)
        if isinstance(channel, str):
            return {"closed": True, "reason": channel}
        if not channel.is_current(view_id):
            return {"detached": True}
        assert channel.session is not None
        return receive(channel.session.uploads, params, length, read)

    def prepare(self) -> Session:
        """Create the app's own session ahead of its page: the next page that polls without
        a session takes it, with everything its script has sent by then.

        `start_prepared` starts its script while the page is still loading (once the page's
        own script is out), so the page's first answer carries what the script showed.
        It waits for its page as long as it takes; a page whose first answer was lost takes
        it again.
        """
        channel = self._create()
        with self._lock:
            self._prepared = channel
        assert channel.session is not None
        return channel.session

    def start_prepared(self) -> None:
        """Start the prepared session's script, if there is one and it has not started."""
        with self._lock:
            channel = self._prepared
            if channel is None or channel.started:
                return
            channel.started = True
        assert channel.session is not None
        channel.session.start()

    def _adopt_prepared(self) -> PollAnswer | None:
        with self._lock:
            channel = self._prepared
        if channel is None:
            return None
        self.start_prepared()
        channel.await_output(FIRST_ANSWER_WAIT)
        return channel.new_view()

    # -- registry -------------------------------------------------------------------------

    def _create(self) -> Channel:
        channel = Channel(self._clock, self._replay_limit)
        evicted: Channel | None = None
        with self._lock:
            if self._closed:
                raise ProtocolError("the app is shutting down", status=503)
            if len(self._channels) >= self.max_sessions:
                evicted = self._least_recent_idle()
                if evicted is None:
                    raise ProtocolError("too many open sessions", status=503)
                self._forget(evicted, "expired")
            channel.session = self._new_session(channel.push)
            channel.session.reactions.on_done = channel.wake
            self._channels[channel.id] = channel
        if evicted is not None:
            self._shut(evicted, "expired")
        return channel

    def wait_shown(self, session: Session, timeout: float) -> bool:
        """Wait (up to `timeout`) until the page of `session` has drawn all it was sent."""
        with self._lock:
            channel = next((c for c in self._channels.values() if c.session is session), None)
        return channel is not None and channel.wait_shown(timeout)

    def _least_recent_idle(self) -> Channel | None:
        idle = [c for c in self._channels.values() if c.polls == 0 and c is not self._prepared]
        return min(idle, key=lambda c: c.last_seen, default=None)

    def _find(self, session_id: str) -> Channel | str:
        with self._lock:
            channel = self._channels.get(session_id)
            if channel is not None:
                return channel
            return self._ended.get(session_id, "unknown")

    def _attach(self, channel: Channel) -> None:
        with self._lock:
            if channel.attached:
                return
            channel.attached = True
            if self._prepared is channel:
                self._prepared = None
            start = not channel.started
            channel.started = True
        assert channel.session is not None
        if start:
            channel.session.start()
        if self.on_attach is not None:
            self.on_attach(channel.session)

    def _forget(self, channel: Channel, reason: str) -> None:
        """Move a channel from the registry to the short memory of ended ones (lock held)."""
        self._channels.pop(channel.id, None)
        if self._prepared is channel:
            self._prepared = None
        self._ended[channel.id] = reason
        while len(self._ended) > 256:
            self._ended.popitem(last=False)

    @staticmethod
    def _shut(channel: Channel, reason: str) -> None:
        channel.close(reason)
        if channel.session is not None:
            channel.session.close()

    def end(self, session: Session, reason: str = "ended") -> None:
        """Close one session on purpose (its window closed, its script asked to)."""
        with self._lock:
            found = [c for c in self._channels.values() if c.session is session]
            for channel in found:
                self._forget(channel, reason)
        for channel in found:
            self._shut(channel, reason)

    def expire(self) -> int:
        """Close sessions whose page is gone; called on a timer. Returns how many closed."""
        now = self._clock()
        with self._lock:
            victims = [c for c in self._channels.values() if self._is_stale(c, now)]
            for channel in victims:
                self._forget(channel, "expired")
        for channel in victims:
            self._shut(channel, "expired")
        return len(victims)

    def _is_stale(self, channel: Channel, now: float) -> bool:
        if channel.polls:
            return False
        idle = now - channel.last_seen
        if not channel.attached:
            return channel is not self._prepared and idle > self.unattached_timeout
        return self.idle_timeout is not None and idle > self.idle_timeout

    def close_all(self) -> None:
        """Close every session and refuse new ones; long polls in progress answer at once."""
        with self._lock:
            self._closed = True
            channels = list(self._channels.values())
            for channel in channels:
                self._forget(channel, "ended")
        for channel in channels:
            self._shut(channel, "ended")


def parse_events(body: bytes) -> list[Event]:
    """Validate a `POST /api/events` body; raise `ProtocolError` (a 4xx) for anything else."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise ProtocolError("the body is not valid JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ProtocolError('the body must be {"events": [...]}')
    raw_events = data["events"]
    if len(raw_events) > MAX_EVENTS_PER_POST:
        raise ProtocolError(f"at most {MAX_EVENTS_PER_POST} events per request", status=413)
    events: list[Event] = []
    last_seq = 0
    for raw in raw_events:
        events.append(_parse_event(raw, last_seq))
        last_seq = events[-1]["seq"]
    return events


def _parse_event(raw: object, last_seq: int) -> Event:
    if not isinstance(raw, dict):
        raise ProtocolError("each event must be an object")
    seq, kind, key = raw.get("seq"), raw.get("type"), raw.get("id")
    if type(seq) is not int or seq <= last_seq:
        raise ProtocolError("event seq must be a whole number above the previous one")
    if not isinstance(kind, str) or kind not in EVENT_TYPES:
        raise ProtocolError("unknown event type")
    if not isinstance(key, str) or not 0 < len(key) <= MAX_ID_LENGTH:
        raise ProtocolError("event id must be a short string")
    event: Event = {"seq": seq, "type": cast("EventType", kind), "id": key}
    if "value" in raw:
        if _depth(raw["value"]) > MAX_VALUE_DEPTH:
            raise ProtocolError("event value is nested too deeply")
        event["value"] = raw["value"]
    return event


def _depth(value: object) -> int:
    stack: list[tuple[object, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_VALUE_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest
