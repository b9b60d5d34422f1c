"""A session's callbacks and background coroutines: where each runs, when its work counts
as done, what the person sees of its errors, and how the session's close stops them."""

from __future__ import annotations

import asyncio
import json
import threading

from desklaunch.core.session import Session
from desklaunch.ui import input, put_text

WAIT = 10.0  # hang guard only; nothing here should take more than a blink


def submit(form_id: str, value: str, seq: int = 1) -> dict[str, object]:
    return {"seq": seq, "type": "submit", "id": form_id, "value": {"value": value}}


def test_a_failing_callback_shows_an_error_toast_and_the_session_keeps_working(
        make_session, capsys):
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    worked = threading.Event()
    broken = session.register_callback(lambda value: 1 / 0)
    fine = session.register_callback(lambda value: worked.set())
    session.deliver({"seq": 1, "type": "click", "id": broken, "value": 0})
    toast = sink.wait_for("toast")
    session.deliver({"seq": 2, "type": "click", "id": fine, "value": 0})
    assert worked.wait(WAIT)
    assert toast["color"] == "error"
    assert "ZeroDivisionError" in toast["text"]
    assert "ZeroDivisionError" in capsys.readouterr().err
    assert not session.closed


def _names_of_callback_threads(session: Session, keys: list[str]) -> list[str]:
    """Deliver a click to each key while the first callback is held; the threads' names."""
    names: list[str] = []
    release = threading.Event()
    ran = threading.Semaphore(0)

    def held(_: object) -> None:
        names.append(threading.current_thread().name)
        ran.release()
        release.wait(WAIT)

    def quick(_: object) -> None:
        names.append(threading.current_thread().name)
        ran.release()

    callbacks = {"held": held, "quick": quick}
    ids = [session.register_callback(callbacks[kind], serial=serial) for kind, serial in keys]
    for seq, key in enumerate(ids, 1):
        session.deliver({"seq": seq, "type": "click", "id": key, "value": 0})
    try:
        assert ran.acquire(timeout=WAIT)
        ran.acquire(timeout=0.5)  # the second runs now only if it runs apart
    finally:
        release.set()
    return names


def test_callbacks_run_in_order_on_one_thread_unless_the_session_runs_them_apart(make_session):
    """desklaunch's way: one at a time. PyWebIO's (`pywebio_way`): each on a thread of
    its own, so one is not held up by another still running; `serial=True` waits its turn."""
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    names = _names_of_callback_threads(session, [("held", None), ("quick", None)])
    assert names == [f"desklaunch-callbacks-{session.number}"]  # the quick one waits
    session.pywebio_way = True
    names = _names_of_callback_threads(session, [("held", None), ("quick", None)])
    assert len(names) == 2 and all(n.startswith(f"desklaunch-callback-{session.number}-")
                                   for n in names)
    names = _names_of_callback_threads(session, [("held", True), ("quick", True)])
    assert names == [f"desklaunch-callbacks-{session.number}"]


def test_a_callback_waiting_for_the_person_has_done_its_part(make_session):
    """The click's answer is not held while its callback waits for a form: the reaction
    is done once the callback waits, and the form's answer once the callback returns."""
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    asked = session.register_callback(lambda _: put_text(f"got {input('Your name')}"))
    clicked = session.deliver({"seq": 1, "type": "click", "id": asked, "value": 0})
    assert clicked is not None and clicked.wait(WAIT)
    form = [c for c in sink.commands if c.get("cmd") == "input"][-1]["form"]
    answered = session.deliver(submit(form["id"], "Ada"))
    assert answered is not None and answered.wait(WAIT)
    assert "got Ada" in json.dumps(sink.commands[-1])


def test_a_forgotten_callback_no_longer_answers_clicks(make_session):
    session, sink = make_session(lambda: input("x"))
    session.start()
    sink.wait_for("input")
    ran = threading.Event()
    key = session.register_callback(lambda _: ran.set())
    assert session.listens_for(key) and session.still_answers()
    session.forget_callback(key)
    assert not session.listens_for(key) and not session.still_answers()
    assert session.deliver({"seq": 1, "type": "click", "id": key, "value": 0}) is None
    assert not ran.wait(0.2)


def test_closing_the_session_cancels_its_background_coroutine_and_ends_its_threads(
        make_session, loop):
    """A `run_async` ticker keeps the session answering until the window goes; then it is
    cancelled, and the callback thread ends with the session (`join`)."""
    session, sink = make_session(lambda: input("x"), loop=loop)
    session.start()
    sink.wait_for("input")
    ticked, cancelled = threading.Event(), threading.Event()

    async def ticker() -> None:
        try:
            while True:
                ticked.set()
                await asyncio.sleep(0.01)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    # Started from a button's callback, as `run_async` is (the test's own thread may hold
    # a browser's event loop, which a coroutine started here would wait on)
    session.call_soon(lambda _: session.run_coroutine(ticker()), None)
    assert ticked.wait(WAIT)
    assert session.still_answers()
    session.close()
    assert cancelled.wait(WAIT)
    assert session.join(WAIT)
    assert not [t for t in threading.enumerate()
                if t.name == f"desklaunch-callbacks-{session.number}"]
