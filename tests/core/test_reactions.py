"""What an event sets off, and the token that tells the server when that work is done."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from desklaunch.ui import input, put_buttons, put_text

WAIT = 10.0  # hang guard only


def click(callback_id: str, seq: int = 1) -> dict[str, Any]:
    return {"seq": seq, "type": "click", "id": callback_id, "value": 0}


def submit(form_id: str, value: str, seq: int = 1) -> dict[str, Any]:
    return {"seq": seq, "type": "submit", "id": form_id, "value": {"value": value}}


def test_a_click_is_done_when_its_callback_returns(make_session):
    release = threading.Event()

    def main() -> None:
        put_buttons(["Go"], onclick=lambda _: (release.wait(WAIT), put_text("done")))

    session, sink = make_session(main)
    session.start()
    buttons = sink.wait_for("output")["widget"]["id"]
    token = session.deliver(click(buttons))
    assert token is not None and not token.wait(0.05)
    release.set()
    assert token.wait(WAIT)
    assert sink.kinds()[-1] == "output"  # the callback's put_text came before the token


def test_a_submit_is_done_when_the_script_waits_for_the_next_answer(make_session):
    release = threading.Event()

    def main() -> None:
        name = input("Name")
        release.wait(WAIT)
        put_text("Hello", name)
        input("Age")

    session, sink = make_session(main)
    session.start()
    form = sink.wait_for("input")["form"]["id"]
    token = session.deliver(submit(form, "Ada"))
    assert token is not None and not token.wait(0.05)
    release.set()
    assert token.wait(WAIT)
    assert sink.kinds()[-2:] == ["output", "input"]


def test_a_submit_is_done_when_the_script_ends(make_session):
    session, sink = make_session(lambda: put_text(input("Name")))
    session.start()
    token = session.deliver(submit(sink.wait_for("input")["form"]["id"], "Ada"))
    assert token is not None and token.wait(WAIT)
    assert session.finished.wait(WAIT)


def test_closing_the_session_finishes_every_open_reaction(make_session):
    never = threading.Event()
    session, sink = make_session(lambda: put_buttons(["Go"], onclick=lambda _: never.wait()))
    session.start()
    buttons = sink.wait_for("output")["widget"]["id"]
    running, queued = session.deliver(click(buttons)), session.deliver(click(buttons, 2))
    session.close()
    assert running.wait(WAIT) and queued.wait(WAIT)
    never.set()


def test_an_event_for_nothing_known_starts_nothing(make_session):
    session, sink = make_session(lambda: input("Name"))
    session.start()
    sink.wait_for("input")
    assert session.deliver(click("c999")) is None


def test_an_async_callback_is_done_when_its_awaited_work_is(make_session, loop):
    release = asyncio.Event()

    async def later(_: object) -> None:
        await release.wait()
        put_text("done")

    async def main() -> None:
        put_buttons(["Go"], onclick=later)
        await input("x")

    session, sink = make_session(main, kind="coroutine", loop=loop)
    session.start()
    buttons = sink.wait_for("output")["widget"]["id"]
    token = session.deliver(click(buttons))
    assert token is not None and not token.wait(0.05)
    loop.call_soon_threadsafe(release.set)
    assert token.wait(WAIT)
    assert sink.commands[-1]["widget"].get("text") == "done"
