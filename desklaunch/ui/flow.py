"""Running one form to its answer: send it, wait for submits, validate, finish.

The same steps serve a script thread (blocking) and a coroutine (awaiting): the blocking
calls in `desklaunch.ui` return an awaitable when called on a running event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from desklaunch.messages import Event
from desklaunch.session import Mailbox, Session, current_session

Check = Callable[[Any], tuple[Any, tuple[str, str] | None]]
"""Turns a submitted value into (result, None), or (None, (field name, error message))."""

_KEEP_WAITING = object()


def ask(form: dict[str, Any], check: Check) -> Any:
    """Show `form` and return its checked value; an awaitable when on an event loop."""
    session = current_session()
    form["id"] = session.new_id("f")
    if _on_event_loop():
        return _ask_async(session, form, check)
    box = session.open_mailbox(form["id"])
    try:
        session.send({"cmd": "input", "form": form})
        while (answer := _answer(session, form, check, box.get())) is _KEEP_WAITING:
            pass
        return answer
    finally:
        session.drop_mailbox(form["id"])


async def _ask_async(session: Session, form: dict[str, Any], check: Check) -> Any:
    box: Mailbox = session.open_mailbox(form["id"])
    try:
        session.send({"cmd": "input", "form": form})
        while (answer := _answer(session, form, check, await box.aget())) is _KEEP_WAITING:
            pass
        return answer
    finally:
        session.drop_mailbox(form["id"])


def _answer(session: Session, form: dict[str, Any], check: Check, event: Event) -> Any:
    """The form's result for this event, or `_KEEP_WAITING` when the form stays open."""
    if event["type"] == "cancel":
        if not form.get("cancelable"):
            return _KEEP_WAITING
        session.send({"cmd": "input_done", "id": form["id"]})
        return None
    if event["type"] != "submit":
        return _KEEP_WAITING
    result, error = check(event.get("value"))
    if error is not None:
        field, message = error
        session.send({"cmd": "input_error", "id": form["id"], "field": field,
                      "message": message})
        return _KEEP_WAITING
    session.send({"cmd": "input_done", "id": form["id"]})
    return result


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
