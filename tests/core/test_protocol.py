"""The polling protocol driven in-process: a page's polls and posts, no socket in between."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desklaunch.core.protocol import Channel, PollingHandler, parse_events
from desklaunch.core.session import Session, SessionState
from desklaunch.errors import ProtocolError
from desklaunch.ui import input, put_buttons, put_text, run_js, toast

WAIT = 10.0  # hang guard only


class Clock:
    """A clock the test moves by hand; `hook` runs on every reading (to spot a waiting poll)."""

    def __init__(self, base: Callable[[], float] | None = None) -> None:
        self.now = 1000.0
        self.base = base
        self.hook: Callable[[], None] = lambda: None

    def __call__(self) -> float:
        self.hook()
        return self.base() if self.base is not None else self.now


class Script:
    """The script every session runs, plus a record of the commands its sessions sent."""

    def __init__(self, main: Callable[[], Any]) -> None:
        self.main = main
        self.sessions: list[Session] = []
        self.sent: list[dict[str, Any]] = []
        self._cond = threading.Condition()

    def new_session(self, sink: Callable[[dict[str, Any]], None]) -> Session:
        def recording(command: dict[str, Any]) -> None:
            sink(command)
            with self._cond:
                self.sent.append(command)
                self._cond.notify_all()

        session = Session(self.main, recording)
        self.sessions.append(session)
        return session

    def wait_for(self, kind: str, count: int = 1) -> None:
        with self._cond:
            assert self._cond.wait_for(
                lambda: sum(c["cmd"] == kind for c in self.sent) >= count, WAIT), self.sent


class Page:
    """What the page's JavaScript does: remember session, view and the seq it rendered."""

    def __init__(self, handler: PollingHandler, session: str | None = None) -> None:
        self.handler = handler
        self.first = handler.poll(session, None, 0)
        self.session, self.view, self.ack = (self.first["session"], self.first["view"],
                                             self.first["seq"])
        self.event_seq = 0

    def poll(self, ack: int | None = None) -> dict[str, Any]:
        answer = self.handler.poll(self.session, self.view, self.ack if ack is None else ack)
        self.ack = answer.get("seq", self.ack)
        return answer

    def post(self, *events: dict[str, Any], fresh: bool = True, ack: int | None = None
             ) -> dict[str, Any]:
        if fresh:
            for event in events:
                self.event_seq += 1
                event["seq"] = self.event_seq
        body = json.dumps({"events": list(events)}).encode()
        return self.handler.post(self.session, self.view, body, ack)

    def click(self, callback_id: str, ack: int | None = None) -> dict[str, Any]:
        """Click button 0 of `callback_id`, asking for the answer to carry the output."""
        answer = self.post({"type": "click", "id": callback_id, "value": 0},
                           ack=self.ack if ack is None else ack)
        if answer.get("commands"):
            self.ack = answer["commands"][-1]["seq"]
        return answer


@pytest.fixture
def serve() -> Iterator[Callable[..., tuple[PollingHandler, Script]]]:
    made: list[tuple[PollingHandler, Script]] = []

    def make(main: Callable[[], Any] = lambda: input("x"), **options: Any
             ) -> tuple[PollingHandler, Script]:
        script = Script(main)
        options.setdefault("clock", Clock())
        options.setdefault("poll_timeout", 0)
        made.append((PollingHandler(script.new_session, **options), script))
        return made[-1]

    yield make
    for handler, script in made:
        handler.close_all()
        for session in script.sessions:
            assert session.join(WAIT), f"{session} did not stop"


def form_id(answer: dict[str, Any]) -> str:
    return next(c["form"]["id"] for c in answer["commands"] if c["cmd"] == "input")


def in_thread(name: str, call: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), name=name)
    thread.start()
    return thread, result


def when_polling(clock: Clock, thread_name: str) -> threading.Event:
    """Set once the named thread reads the clock inside a long poll (it then holds the lock
    until it waits, so whatever is pushed afterwards reaches a waiting poll)."""
    waiting = threading.Event()
    clock.hook = lambda: waiting.set() if threading.current_thread().name == thread_name else None
    return waiting


def test_the_first_poll_creates_a_session_and_answers_a_reset_but_starts_nothing(serve):
    handler, script = serve(lambda: pytest.fail("the script ran before the page attached"))
    threads = threading.active_count()
    pages = [Page(handler) for _ in range(20)]
    assert threading.active_count() == threads
    assert all(p.first["reset"] is True and p.first["commands"] == [] for p in pages)
    assert len({p.session for p in pages}) == len(handler) == 20
    assert {s.state for s in script.sessions} == {SessionState.NEW}


def test_the_script_starts_once_the_page_polls_with_its_view(serve):
    handler, script = serve()
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    assert script.sessions[0].state is SessionState.RUNNING


def test_commands_come_in_order_with_their_seq_numbers(serve):
    handler, script = serve(lambda: ([put_text(n) for n in range(5)], input("x")))
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    answer = page.poll(ack=0)
    assert [c["seq"] for c in answer["commands"]] == [1, 2, 3, 4, 5, 6]
    assert [c["cmd"] for c in answer["commands"]] == ["output"] * 5 + ["input"]
    assert answer["seq"] == 6 and answer["reset"] is False


def test_a_dropped_answer_loses_nothing_and_an_ack_drops_what_was_rendered(serve):
    handler, script = serve(lambda: ([put_text(n) for n in range(5)], input("x")))
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    assert page.poll(ack=0)["commands"] == page.poll(ack=0)["commands"]
    assert [c["seq"] for c in page.poll(ack=4)["commands"]] == [5, 6]
    assert page.poll(ack=6)["commands"] == []
    assert page.poll(ack=0)["commands"] == [], "acknowledged commands are gone"
    with pytest.raises(ProtocolError):
        page.poll(ack=7)


def test_a_resent_batch_of_events_is_delivered_once(serve):
    clicked: list[str] = []
    done = threading.Event()

    def main() -> None:
        put_buttons(["a", "b", "c"], onclick=lambda v: (clicked.append(v), v == "c" and done.set()))
        input("x")

    handler, script = serve(main)
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    buttons = next(c for c in script.sent if c["cmd"] == "output")["widget"]["id"]
    batch = [{"type": "click", "id": buttons, "value": i} for i in (0, 1)]
    assert page.post(*batch) == {"ok": True}
    assert page.post(*batch, fresh=False) == {"ok": True}
    page.post({"type": "click", "id": buttons, "value": 2})
    assert done.wait(WAIT)
    assert clicked == ["a", "b", "c"]


def test_a_reload_replays_the_pending_form_and_detaches_the_old_view(serve):
    handler, script = serve(lambda: put_text("Hi", input("Your name")))
    old = Page(handler)
    old.poll()
    script.wait_for("input")
    new = Page(handler, session=old.session)
    assert new.first["reset"] is True and new.view != old.view
    assert [c["cmd"] for c in new.first["commands"]] == ["input"]
    assert old.poll() == {"detached": True}
    assert old.post({"type": "submit", "id": "f1", "value": {}}) == {"detached": True}
    new.post({"type": "submit", "id": form_id(new.first), "value": {"value": "Ada"}})
    assert script.sessions[0].finished.wait(WAIT)
    assert script.sessions[0].outcome.state == "finished"


def test_a_long_poll_answers_the_moment_another_thread_pushes_a_command(serve):
    clock = Clock(base=time.monotonic)
    handler, _ = serve(lambda: put_text(input("x")), clock=clock, poll_timeout=3600)
    page = Page(handler)
    form = form_id(page.poll())
    waiting = when_polling(clock, "long-poll")
    poller, answers = in_thread("long-poll", page.poll)
    assert waiting.wait(WAIT)
    page.post({"type": "submit", "id": form, "value": {"value": "Ada"}})
    poller.join(WAIT)
    assert not poller.is_alive(), "the poll kept waiting after a command came"
    assert answers[0]["commands"][0]["cmd"] == "input_done"


def test_an_unattached_session_expires_after_the_unattached_timeout(serve):
    clock = Clock()
    handler, script = serve(clock=clock, unattached_timeout=10, idle_timeout=120)
    page = Page(handler)
    clock.now += 10
    assert handler.expire() == 0
    clock.now += 0.5
    assert handler.expire() == 1
    assert page.poll() == {"closed": True, "reason": "expired"}
    assert script.sessions[0].closed and len(handler) == 0


def test_an_attached_session_expires_after_the_idle_timeout_and_its_script_stops(serve):
    clock = Clock()
    handler, script = serve(clock=clock, unattached_timeout=10, idle_timeout=120)
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    clock.now += 120
    assert handler.expire() == 0
    clock.now += 1
    assert handler.expire() == 1
    assert script.sessions[0].finished.wait(WAIT)
    assert script.sessions[0].outcome.state == "closed"


def test_a_session_never_expires_while_a_poll_is_open(serve):
    clock = Clock()
    handler, _ = serve(lambda: put_text(input("x")), clock=clock, poll_timeout=3600)
    page = Page(handler)
    form = form_id(page.poll())
    waiting = when_polling(clock, "long-poll")
    poller, answers = in_thread("long-poll", page.poll)
    assert waiting.wait(WAIT)
    clock.now += 100_000
    assert handler.expire() == 0
    page.post({"type": "submit", "id": form, "value": {"value": "Ada"}})
    poller.join(WAIT)
    assert answers[0]["commands"], "the poll ended with its commands"
    assert handler.expire() == 0, "the poll that just ended counts as seen now"


def test_close_all_wakes_open_long_polls_with_a_closed_answer(serve):
    clock = Clock()
    handler, _ = serve(clock=clock, poll_timeout=3600)
    page = Page(handler)
    page.poll()
    waiting = when_polling(clock, "long-poll")
    poller, answers = in_thread("long-poll", page.poll)
    assert waiting.wait(WAIT)
    handler.close_all()
    poller.join(WAIT)
    assert answers == [{"closed": True, "reason": "ended"}]
    with pytest.raises(ProtocolError) as refused:
        Page(handler)
    assert refused.value.status == 503


def test_a_new_session_past_max_sessions_evicts_the_least_recently_seen_idle_one(serve):
    clock = Clock()
    handler, _ = serve(clock=clock, max_sessions=2)
    first = Page(handler)
    clock.now += 1
    second = Page(handler)
    clock.now += 1
    first.poll()  # seen again: now the second is the least recently seen
    clock.now += 1
    Page(handler)
    assert len(handler) == 2
    assert second.poll() == {"closed": True, "reason": "expired"}
    assert first.poll()["commands"] is not None


def test_concurrent_first_polls_get_distinct_sessions_in_a_consistent_registry(serve):
    handler, _ = serve()
    barrier = threading.Barrier(32)
    ids: list[str] = []

    def create() -> None:
        barrier.wait(WAIT)
        ids.append(handler.poll(None, None, 0)["session"])

    threads = [threading.Thread(target=create) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    assert len(set(ids)) == len(ids) == len(handler) == 32
    assert len(set(map(id, handler.sessions()))) == 32


@pytest.mark.parametrize(("body", "status"), [
    (b"not json", 400),
    (b"[" * 40_000 + b"]" * 40_000, 400),
    (b'{"events": [{"seq": 1, "type": "click", "id": "c1", "value": ' + b"[" * 40
     + b"]" * 40 + b"}]}", 400),
    (b'[{"seq": 1, "type": "click", "id": "c1"}]', 400),
    (json.dumps({"events": [{"seq": n, "type": "click", "id": "c1"}
                            for n in range(1, 102)]}).encode(), 413),
    (b'{"events": [{"seq": true, "type": "click", "id": "c1"}]}', 400),
    (b'{"events": [{"seq": -1, "type": "click", "id": "c1"}]}', 400),
    (b'{"events": [{"seq": 1.0, "type": "click", "id": "c1"}]}', 400),
    (b'{"events": [{"seq": 2, "type": "click", "id": "c1"},'
     b' {"seq": 2, "type": "click", "id": "c1"}]}', 400),
    (b'{"events": [{"seq": 1, "type": "explode", "id": "c1"}]}', 400),
    (b'{"events": [{"seq": 1, "type": [], "id": "c1"}]}', 400),
    (b'{"events": [{"seq": 1, "type": "click", "id": ""}]}', 400),
    (json.dumps({"events": [{"seq": 1, "type": "click", "id": "c" * 65}]}).encode(), 400),
    (b'{"events": ["click"]}', 400),
], ids=["not-json", "deep-nesting", "deep-value", "list-not-object", "too-many", "bool-seq",
        "negative-seq", "float-seq", "repeated-seq", "unknown-type", "unhashable-type",
        "empty-id", "long-id", "event-not-object"])
def test_parse_events_refuses_what_the_page_would_never_send(body, status):
    with pytest.raises(ProtocolError) as refused:
        parse_events(body)
    assert refused.value.status == status


def test_parse_events_keeps_a_valid_batch_as_sent():
    events = [{"seq": 1, "type": "submit", "id": "f1", "value": {"value": "Ada"}},
              {"seq": 5, "type": "click", "id": "c2", "value": 0}]
    assert parse_events(json.dumps({"events": events}).encode()) == events


def test_ten_thousand_sessions_leave_no_session_and_no_thread_behind(serve):
    handler, script = serve(lambda: None)
    threads = threading.active_count()
    for _ in range(10_000):
        page = Page(handler)
        page.poll()
        session = script.sessions.pop()
        handler.end(session)
        assert session.join(WAIT)
    assert len(handler) == 0
    assert Session.live() == []
    assert threading.active_count() == threads


# -- event answers: the output an event causes comes back with it ----------------------------


def button_app(on_click: Callable[[Any], Any]) -> Callable[[], None]:
    def main() -> None:
        put_buttons(["Go"], onclick=on_click)
        input("x")
    return main


def attached(handler: PollingHandler, script: Script) -> tuple[Page, str]:
    """A page that has rendered everything up to the script's first form; the button's id."""
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    page.poll(ack=0)
    return page, next(c for c in script.sent if c["cmd"] == "output")["widget"]["id"]


def texts(commands: list[dict[str, Any]]) -> list[str]:
    return [c["widget"]["text"] for c in commands if "text" in c.get("widget", {})]


def test_a_click_answer_carries_the_output_of_its_callback(serve):
    handler, script = serve(button_app(lambda _: put_text("done")))
    page, button = attached(handler, script)
    answer = page.click(button)
    assert answer["ok"] is True and texts(answer["commands"]) == ["done"]
    assert page.post({"type": "click", "id": button, "value": 0}) == {"ok": True}, \
        "without an ack the answer is only the receipt"


def test_a_waiting_long_poll_leaves_a_click_output_to_the_click_answer(serve):
    clock = Clock(base=time.monotonic)
    count = iter(range(1, 100))
    handler, script = serve(button_app(lambda _: put_text(f"click {next(count)}")),
                            clock=clock, poll_timeout=3600)
    page, button = attached(handler, script)
    waiting = when_polling(clock, "long-poll")
    poller, answers = in_thread("long-poll", lambda: page.poll(ack=page.ack))
    assert waiting.wait(WAIT)
    assert texts(page.click(button)["commands"]) == ["click 1"]
    assert poller.is_alive(), "the poll answered with what the click answer carried"
    script.sessions[0].call_soon(lambda _: put_text("later"), None)
    poller.join(WAIT)
    assert texts(answers[0]["commands"]) == ["later"]


def test_a_lost_click_answer_comes_again_with_the_resent_event_or_the_next_poll(serve):
    handler, script = serve(button_app(lambda _: put_text("done")))
    page, button = attached(handler, script)
    before = page.ack
    event = {"type": "click", "id": button, "value": 0}
    first = page.post(event, ack=before)
    resent = page.post(event, fresh=False, ack=before)
    assert texts(first["commands"]) == texts(resent["commands"]) == ["done"]
    assert texts(page.poll(ack=before)["commands"]) == ["done"]
    assert texts(script.sent) == ["done"], "the resent click ran its callback once"


def test_a_submit_answer_carries_what_the_script_did_until_it_asked_again(serve):
    def main() -> None:
        while True:
            put_text("Hello", input("Name"))

    handler, script = serve(main)
    page = Page(handler)
    page.poll()
    script.wait_for("input")
    form = form_id(page.poll(ack=0))
    answer = page.post({"type": "submit", "id": form, "value": {"value": "Ada"}},
                       ack=page.ack)
    assert [c["cmd"] for c in answer["commands"]] == ["input_done", "output", "input"]
    assert texts(answer["commands"]) == ["Hello Ada"]


def test_a_slow_callback_answers_at_once_and_its_output_comes_by_the_poll(serve):
    clock = Clock(base=time.monotonic)
    release = threading.Event()
    handler, script = serve(button_app(lambda _: (release.wait(WAIT), put_text("late"))),
                            clock=clock, poll_timeout=3600, answer_wait=0.01)
    page, button = attached(handler, script)
    assert page.click(button)["commands"] == []
    release.set()
    assert texts(page.poll()["commands"]) == ["late"]


def test_a_burst_comes_partly_with_the_click_and_the_rest_by_polls_in_order(serve):
    handler, script = serve(button_app(lambda _: [put_text(f"line {n}") for n in range(3000)]),
                            poll_timeout=5)
    page, button = attached(handler, script)
    shown = texts(page.click(button)["commands"])
    while len(shown) < 3000:
        shown += texts(page.poll()["commands"])
    assert shown == [f"line {n}" for n in range(3000)]


def test_a_click_flooding_the_outbox_sends_the_waiting_poll_a_replay_at_once(serve,
                                                                             monkeypatch):
    monkeypatch.setattr("desklaunch.core.protocol.OUTBOX_LIMIT", 50)
    clock = Clock(base=time.monotonic)
    handler, script = serve(button_app(lambda _: [put_text(f"line {n}") for n in range(100)]),
                            clock=clock, poll_timeout=3600)
    page, button = attached(handler, script)
    waiting = when_polling(clock, "long-poll")
    poller, answers = in_thread("long-poll", lambda: page.poll(ack=page.ack))
    assert waiting.wait(WAIT)
    assert page.click(button)["commands"] == [], "past the limit only a replay helps"
    poller.join(WAIT)
    assert not poller.is_alive(), "the poll slept through the overflow"
    assert answers[0]["reset"] is True
    assert texts(answers[0]["commands"])[-1] == "line 99"


def test_a_newer_value_replaces_a_waiting_one_only_when_nothing_came_between():
    """Coalescing keeps only the newest value of a key, but never moves it ahead of what
    was sent after the older one: a console run's "ended" must come after its last lines."""
    channel = Channel(time.monotonic, 100)
    view = channel.new_view()["view"]
    status = {"cmd": "console_status", "coalesce": "status"}
    channel.push({**status, "state": "running"})
    channel.push({**status, "state": "still running"})
    channel.push({"cmd": "console_write", "chunks": [["out", "last line\n"]]})
    channel.push({**status, "state": "ended"})
    answer = channel.wait(view, 0, 0)
    assert [(c["cmd"], c.get("state")) for c in answer["commands"]] == [
        ("console_status", "still running"), ("console_write", None),
        ("console_status", "ended")]


# -- the app's own session, started before its page (`prepare`) --------------------------


def greeting() -> None:
    put_text("Hello")
    toast("Welcome")
    input("Your name")


def test_the_script_runs_before_any_page_and_the_first_answer_carries_all_it_sent(serve):
    handler, script = serve(greeting)
    session = handler.prepare()
    assert session.state is SessionState.NEW
    handler.start_prepared()
    handler.start_prepared()
    assert session.state is SessionState.RUNNING
    script.wait_for("input")
    page = Page(handler)
    assert len(handler) == 1
    assert page.first["reset"] is True
    kinds = [c["cmd"] for c in page.first["commands"]]
    assert kinds == ["output", "toast", "input"], "in the order sent, the toast too"
    assert texts(page.first["commands"]) == ["Hello"]
    assert page.first["seq"] == page.first["commands"][-1]["seq"]
    page.poll()
    assert script.sessions[0].state is SessionState.RUNNING, "attaching starts nothing twice"


def test_a_page_whose_first_answer_was_lost_takes_the_same_session_again(serve):
    handler, script = serve(greeting)
    handler.prepare()
    handler.start_prepared()
    script.wait_for("input")
    lost = Page(handler)
    again = Page(handler)
    assert again.session == lost.session and again.view != lost.view
    assert [c["cmd"] for c in again.first["commands"]] == ["output", "input"], \
        "a replay now: the toast has had its moment"
    assert lost.poll() == {"detached": True}
    again.poll()
    other = Page(handler)
    assert other.session != again.session, "once a page holds it, the next page gets its own"
    assert len(script.sessions) == 2


def test_the_prepared_session_waits_for_its_page_however_long_it_takes(serve):
    clock = Clock()
    handler, _ = serve(greeting, clock=clock, unattached_timeout=10, idle_timeout=None)
    handler.prepare()
    clock.now += 3600
    assert handler.expire() == 0
    page = Page(handler)
    assert texts(page.first["commands"]) == ["Hello"]


def test_an_ended_prepared_session_is_not_handed_to_the_next_page(serve):
    handler, script = serve(greeting)
    session = handler.prepare()
    handler.end(session)
    assert session.join(WAIT)
    page = Page(handler)
    assert page.first["commands"] == []
    assert len(script.sessions) == 2


@pytest.mark.parametrize("lines", [3, 6000])
def test_a_script_that_sent_much_before_its_page_came_shows_all_of_it(serve, lines):
    handler, script = serve(lambda: ([put_text(f"line {n}") for n in range(lines)],
                                     input("x")))
    handler.prepare()
    handler.start_prepared()
    script.wait_for("input")
    page = Page(handler)
    commands, seq = page.first["commands"], page.first["seq"]
    while not any(command["cmd"] == "input" for command in commands):  # past one answer
        answer = page.poll(ack=seq)
        commands, seq = commands + answer["commands"], answer["seq"]
    shown = texts(commands)
    assert shown[0] == "line 0" and shown[-1] == f"line {lines - 1}" and len(shown) == lines


def test_a_first_page_gets_every_command_sent_before_it_came_in_order(serve):
    """Commands no replay repeats (each run_js of a log's lines) reach the page that was
    not there yet, however many came before it: an answer's worth, then the rest."""
    handler, script = serve(lambda: ([run_js("log(line)", line=n) for n in range(6000)],
                                     input("x")))
    handler.prepare()
    handler.start_prepared()
    script.wait_for("input")
    page = Page(handler)
    assert page.first["reset"] is True
    commands, seq = page.first["commands"], page.first["seq"]
    while not any(command["cmd"] == "input" for command in commands):
        answer = page.poll(ack=seq)
        assert answer["reset"] is False
        commands, seq = commands + answer["commands"], answer["seq"]
    lines = [command["args"][0] for command in commands if command["cmd"] == "run_js"]
    assert lines == list(range(6000))


def test_a_first_page_before_the_script_started_starts_it_and_gets_its_first_output(serve):
    handler, _ = serve(greeting)
    handler.prepare()
    page = Page(handler)
    assert texts(page.first["commands"]) == ["Hello"], "the first answer waited for it"


def test_a_first_answer_waits_only_briefly_for_a_script_that_shows_nothing_yet(serve):
    release = threading.Event()
    handler, script = serve(lambda: (release.wait(WAIT), put_text("late"), input("x")))
    handler.prepare()
    page = Page(handler)
    assert page.first["reset"] is True and texts(page.first["commands"]) == []
    release.set()
    page.poll()
    script.wait_for("input")
    assert "late" in texts(page.poll(ack=0)["commands"])
