"""The session layer: one script run, its commands out, its events in, closed exactly once."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from typing import Any

import pytest

from desklaunch.core.session import Session, current_session
from desklaunch.errors import NoSessionError, SessionClosed
from desklaunch.ui import input, put_text

WAIT = 10.0  # hang guard only; nothing here should take more than a blink


def submit(form_id: str, value: str, seq: int = 1) -> dict[str, Any]:
    return {"seq": seq, "type": "submit", "id": form_id, "value": {"value": value}}


def test_commands_reach_the_sink_in_the_order_the_script_sends_them(make_session):
    session, sink = make_session(lambda: [put_text(f"line {n}") for n in range(50)])
    session.start()
    assert session.finished.wait(WAIT)
    texts = [c["widget"]["text"] for c in sink.commands if c["cmd"] == "output"]
    assert texts == [f"line {n}" for n in range(50)]
    assert sink.kinds()[-1] == "state"


def test_an_input_returns_what_the_page_submitted(make_session):
    answers = []
    session, sink = make_session(lambda: answers.append(input("Your name")))
    session.start()
    form = sink.wait_for("input")["form"]
    session.deliver(submit(form["id"], "Ada"))
    assert session.finished.wait(WAIT)
    assert answers == ["Ada"]
    assert sink.kinds()[-2:] == ["input_done", "state"]


def test_a_blocked_mailbox_get_wakes_with_session_closed_when_the_session_closes(make_session):
    session, _ = make_session(lambda: None)
    box = session.open_mailbox("f1")
    raised: list[BaseException] = []
    waiter = threading.Thread(target=lambda: raised.append(_catch(box.get)))
    waiter.start()
    session.close()
    waiter.join(WAIT)
    assert not waiter.is_alive()
    assert isinstance(raised[0], SessionClosed)


def _catch(call: Callable[[], Any]) -> BaseException | None:
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - the test looks at what was raised
        return exc
    return None


def test_a_script_waiting_for_input_ends_as_closed_when_the_window_goes(make_session):
    session, sink = make_session(lambda: input("Your name"))
    session.start()
    sink.wait_for("input")
    session.close()
    assert session.finished.wait(WAIT)
    assert session.outcome.state == "closed"
    assert "state" not in sink.kinds(), "a closed page gets no end state"


def test_except_exception_in_a_script_does_not_swallow_session_closed(make_session):
    assert not issubclass(SessionClosed, Exception)
    swallowed = []

    def main() -> None:
        try:
            input("Your name")
        except Exception:  # noqa: BLE001 - what a careless script does
            swallowed.append(True)
        put_text("still running")

    session, sink = make_session(main)
    session.start()
    sink.wait_for("input")
    session.close()
    assert session.finished.wait(WAIT)
    assert swallowed == []
    assert session.outcome.state == "closed"


def test_deferred_cleanups_run_once_last_first_even_if_one_raises(make_session):
    session, _ = make_session(lambda: None)
    ran = []
    session.defer(lambda: ran.append("first"))
    session.defer(lambda: 1 / 0)
    session.defer(lambda: ran.append("last"))
    session.close()
    session.close()
    assert ran == ["last", "first"]


def test_a_cleanup_that_makes_a_ui_call_does_not_stop_the_others(make_session):
    """A cleanup saying goodbye meets a closed session (SessionClosed); the rest still run."""
    session, _ = make_session(lambda: None)
    ran = []
    session.defer(lambda: ran.append("first"))
    session.defer(lambda: session.send({"cmd": "toast", "text": "bye"}))
    session.defer(lambda: ran.append("last"))
    session.close()
    assert ran == ["last", "first"]


def test_a_cleanup_deferred_after_close_runs_at_once(make_session):
    session, _ = make_session(lambda: None)
    session.close()
    ran = []
    session.defer(lambda: ran.append(True))
    assert ran == [True]


def test_close_is_idempotent_and_later_sends_stop_the_caller(make_session):
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    assert session in Session.live()
    session.close()
    session.close()
    assert session.closed
    assert session not in Session.live()
    with pytest.raises(SessionClosed):
        session.send({"cmd": "toast", "text": "too late"})


def test_current_session_outside_any_session_says_how_to_run_a_script():
    assert Session.live() == []
    with pytest.raises(NoSessionError, match=r"`desklaunch script\.py`"):
        current_session()


def test_a_thread_the_script_started_finds_the_only_running_session(make_session):
    found = []
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    stranger = threading.Thread(target=lambda: found.append(current_session()))
    stranger.start()
    stranger.join(WAIT)
    assert found == [session]


def test_with_two_sessions_running_a_foreign_thread_is_told_to_register(make_session):
    for _ in range(2):
        session, sink = make_session(lambda: input("x"))
        session.start()
        sink.wait_for("input")
    errors = []
    stranger = threading.Thread(target=lambda: errors.append(_catch(current_session)))
    stranger.start()
    stranger.join(WAIT)
    assert isinstance(errors[0], NoSessionError)
    assert "register_thread" in str(errors[0])


def test_an_async_main_runs_on_the_event_loop_and_awaits_its_input(make_session, loop):
    async def main() -> None:
        name = await input("Your name")
        put_text(f"Hello {name}")

    session, sink = make_session(main, kind="coroutine", loop=loop)
    session.start()
    session.deliver(submit(sink.wait_for("input")["form"]["id"], "Ada"))
    assert session.finished.wait(WAIT)
    assert session.outcome.state == "finished"
    assert sink.commands[-2]["widget"]["text"] == "Hello Ada"


def test_a_blocked_await_wakes_with_session_closed_when_the_session_closes(make_session, loop):
    woke_with = []

    async def main() -> None:
        try:
            await input("Your name")
        except BaseException as exc:
            woke_with.append(type(exc))
            raise

    session, sink = make_session(main, kind="coroutine", loop=loop)
    session.start()
    sink.wait_for("input")
    session.close()
    assert session.finished.wait(WAIT)
    assert woke_with == [SessionClosed]
    assert session.outcome.state == "closed"


def test_interrupt_stops_a_script_busy_in_its_own_loop(make_session):
    busy = threading.Event()

    def main() -> None:
        busy.set()
        while True:
            pass

    session, _ = make_session(main)
    session.start()
    assert busy.wait(WAIT)
    session.close()
    session.interrupt()
    assert session.join(WAIT)
    assert session.outcome.state == "closed"


def _exits_with_message() -> None:
    sys.exit("cannot go on")


def _fails() -> None:
    raise ValueError("bad input file")


@pytest.mark.parametrize(("main", "state", "code"), [
    (lambda: None, "finished", 0),
    (lambda: sys.exit(), "finished", 0),
    (lambda: sys.exit(3), "finished", 3),
    (lambda: sys.exit(True), "finished", 1),  # sys.exit(not ok), as unittest.main() does
    (_exits_with_message, "finished", 1),
    (_fails, "error", 1),
], ids=["return", "exit-none", "exit-3", "exit-true", "exit-message", "exception"])
def test_the_way_a_script_ends_gives_its_state_and_exit_code(make_session, main, state, code):
    session, sink = make_session(main)
    session.start()
    assert session.finished.wait(WAIT)
    assert (session.outcome.state, session.outcome.code) == (state, code)
    assert sink.commands[-1] == {"cmd": "state", "state": state, "code": code,
                                 "traceback": session.outcome.traceback}
    assert json.dumps(sink.commands[-1]["code"]) == str(code)  # the number the page shows


def test_sys_exit_with_a_message_prints_it_like_python(make_session, capsys):
    session, _ = make_session(_exits_with_message)
    session.start()
    assert session.finished.wait(WAIT)
    assert capsys.readouterr().err == "cannot go on\n"


def test_an_exception_shows_the_scripts_traceback_without_desklaunch_frames(
        make_session, capsys):
    session, sink = make_session(_fails)
    session.start()
    assert session.finished.wait(WAIT)
    text = sink.commands[-1]["traceback"]
    assert text.startswith("Traceback (most recent call last):\n")
    assert "in _fails" in text
    assert text.rstrip().endswith("ValueError: bad input file")
    assert "desklaunch/core/session.py" not in text.replace("\\", "/")
    assert text in capsys.readouterr().err


def test_join_waits_for_a_script_thread_being_started_as_the_app_closes(make_session,
                                                                        monkeypatch):
    """A window closed while a server thread is starting its session: the session's script
    thread exists but has not started yet, and the app's close joins it."""
    session, _ = make_session(lambda: put_text("hi"))
    starting = threading.Event()
    real_start = threading.Thread.start

    def slow_start(thread: threading.Thread) -> None:
        if thread.name.startswith("desklaunch-script"):
            starting.set()
            threading.Event().wait(0.2)
        real_start(thread)

    monkeypatch.setattr(threading.Thread, "start", slow_start)
    starter = threading.Thread(target=session.start)
    real_start(starter)
    assert starting.wait(WAIT)
    session.close()
    assert session.join(WAIT)
    starter.join(WAIT)
