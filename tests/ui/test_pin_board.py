"""desklaunch/ui/pin.py without a browser: the page's changes, converted and kept; waits;
closing; and what the page is told."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desklaunch.core.session import Session, bind_current
from desklaunch.errors import SessionClosed
from desklaunch.ui import (
    FLOAT,
    get_pin_values,
    pin,
    pin_update,
    pin_wait_change,
    popup,
    put_checkbox,
    put_info,
    put_input,
)


@pytest.fixture
def session() -> Any:
    sent: list[dict[str, Any]] = []
    session = Session(lambda: None, sent.append)
    session.sent = sent  # type: ignore[attr-defined]
    bind_current(session)
    yield session
    session.close()
    bind_current(None)  # the test thread is pytest's own: later tests must find no session


def change(session: Session, wid: str, value: Any) -> None:
    session.deliver({"seq": 1, "type": "pin_change", "id": wid, "value": value})


def widget_id(session: Session) -> str:
    return next(c["widget"]["id"] for c in reversed(session.sent)  # type: ignore[attr-defined]
                if c["cmd"] == "output" and c["widget"]["type"] == "pin")


def test_a_change_is_converted_kept_and_echoed(session) -> None:
    put_input("t", type=FLOAT, label="T")
    wid = widget_id(session)
    assert pin.t is None  # an empty number field holds no number
    change(session, wid, "21.5")
    assert pin.t == 21.5
    change(session, wid, "21.")
    assert pin.t == 21.0
    change(session, wid, "-")
    assert pin.t is None
    echo = session.sent[-1]
    assert echo == {"cmd": "pin_value", "id": wid, "value": "-", "echo": True,
                    "coalesce": f"pin:{wid}"}


def test_the_page_cannot_pick_what_is_not_there(session) -> None:
    put_checkbox("c", [("A", 1), ("B", 2)], label="C", value=[2])
    wid = widget_id(session)
    assert pin.c == [2]
    change(session, wid, [0, 1])
    assert pin.c == [1, 2]
    change(session, wid, [5])
    assert pin.c is None
    change(session, wid, "1")
    assert pin.c is None


def test_setting_tells_the_page_and_unknown_names_read_none(session) -> None:
    put_checkbox("c", [("A", 1), ("B", 2)], label="C")
    pin.c = [2]
    assert pin.c == [2]
    assert session.sent[-1]["value"] == [1]
    assert session.sent[-1]["echo"] is False
    assert pin.nothing is None
    pin.nothing = 3  # no widget of that name: nothing happens
    assert pin.nothing is None


def test_a_field_the_person_or_a_newer_popup_took_away_reads_none(session) -> None:
    """The page reports a popup or a message box the person closed; a new popup replaces
    the one shown. Either way its fields are gone, as in PyWebIO's page."""
    put_input("kept", label="Kept", value="k")
    with popup("First"):
        put_input("first", label="First", value="1")
    first = next(c["id"] for c in session.sent if c["cmd"] == "popup")
    with popup("Second"):
        put_input("second", label="Second", value="2")
    assert get_pin_values(["kept", "first", "second"]) == {"kept": "k", "second": "2"}
    session.deliver({"seq": 1, "type": "popup_close", "id": first})  # an older one: no change
    assert pin.second == "2"
    second = [c["id"] for c in session.sent if c["cmd"] == "popup"][-1]
    session.deliver({"seq": 2, "type": "popup_close", "id": second})
    assert pin.second is None
    with put_info("Note", closable=True) as box:
        put_input("boxed", label="Boxed", value="b")
    session.deliver({"seq": 3, "type": "output_close", "id": box.oid})
    assert (pin.boxed, pin.kept) == (None, "k")


def test_pin_update_refuses_what_it_cannot_change(session) -> None:
    put_input("t", label="T")
    with pytest.raises(NotImplementedError, match="pin_update"):
        pin_update("t", options=["x"])


def test_a_waiting_call_wakes_with_session_closed(session) -> None:
    put_input("t", label="T")
    outcome: list[object] = []

    def wait() -> None:
        bind_current(session)
        try:
            pin_wait_change("t")
        except SessionClosed:
            outcome.append("closed")

    thread = threading.Thread(target=wait, name="test-pin-waiter")
    thread.start()
    session.close()
    thread.join(10)
    assert outcome == ["closed"]



def test_put_actions_sets_its_pin_at_every_press_and_refuses_other_buttons(session) -> None:
    from desklaunch.ui import get_pin_values, put_actions

    put_actions("go", label="Go", buttons=["Start", ("Stop", 0)])
    wid = widget_id(session)
    assert pin.go is None
    change(session, wid, 1)
    assert pin.go == 0
    change(session, wid, 0)
    assert pin.go == "Start"
    change(session, wid, 7)  # no such button: no value
    assert pin.go is None
    assert get_pin_values(["go", "nothing"]) == {"go": None}
    with pytest.raises(ValueError, match="only 'submit' buttons"):
        put_actions("bad", buttons=[{"label": "Reset", "type": "reset"}])


def test_pin_update_shows_pywebio_s_verdicts(session) -> None:
    put_input("name", label="Name")
    pin_update("name", valid_status=False, invalid_feedback="Taken")
    pin_update("name", valid_status=True, valid_feedback="Free")
    pin_update("name", valid_status=0)
    updates = [c["changes"] for c in session.sent if c["cmd"] == "pin_update"]
    assert [u["valid_status"] for u in updates] == [False, True, None]
    assert updates[1]["valid_feedback"] == "Free" and updates[1]["invalid_feedback"] == "Taken"


def test_a_change_made_while_the_script_was_busy_is_the_next_wait_s_answer(session) -> None:
    """A live preview: the person types on while the script draws the last change; its next
    wait answers at once with what was typed since, so the preview ends on the whole text."""
    put_input("text", label="Text")
    wid = widget_id(session)
    change(session, wid, "before any wait")  # not reported: nothing waited yet
    answers: list[Any] = []
    typed = threading.Event()

    def script() -> None:
        bind_current(session)
        answers.append(pin_wait_change("text"))
        typed.wait(5)  # busy drawing the first change meanwhile
        answers.append(pin_wait_change("text"))
        answers.append(pin_wait_change("text", timeout=0.2))

    thread = threading.Thread(target=script)
    thread.start()
    while not session.deliver({"seq": 2, "type": "pin_change", "id": wid, "value": "a"}):
        pass  # until the script waits: only then is a change its answer
    change(session, wid, "ab")
    change(session, wid, "abc")
    typed.set()
    thread.join(5)
    assert answers == [{"name": "text", "value": "a"}, {"name": "text", "value": "abc"}, None]
