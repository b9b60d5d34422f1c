"""Running one form to its answer: send it, wait for submits, validate, finish.

The same steps serve a script thread (blocking) and a coroutine (awaiting): the blocking
calls in `desklaunch.ui` return an awaitable when called on a running event loop.

A form may need more than submit and cancel: a file field asks the app to open the system
file chooser (`file_choose`). `FormHooks` lets the form's owner take part: it hears when
the form opens (and gets its id), every other event addressed to the form, and when it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import Event
from desklaunch.core.session import Session, current_session
from desklaunch.errors import SessionClosed

FieldError = tuple[str, str]
"""(field name, message); field name "" puts the message under the whole form."""

Check = Callable[[Any], tuple[Any, "FieldError | Sequence[FieldError] | None"]]
"""Turns a submitted value into (result, None), or (None, error(s) to show)."""

_KEEP_WAITING = object()


class FormHooks:
    """What a form's owner does besides checking submits; the defaults do nothing."""

    cancelable = False
    """Whether a `cancel` event ends the form (with None), even without a Cancel button."""

    def opened(self, session: Session, form_id: str) -> None:
        """The form got its id and is about to be shown."""

    def handle(self, event: Event) -> None:
        """An event for the form that is neither submit nor cancel; may block (a dialog)."""

    def closed(self) -> None:
        """The form is gone (answered, cancelled, or the session closed)."""


def ask(form: dict[str, Any], check: Check, hooks: FormHooks | None = None) -> Any:
    """Show `form` and return its checked value; an awaitable when on an event loop."""
    session = current_session()
    form["id"] = session.new_id("f")
    hooks = hooks or FormHooks()
    if _on_event_loop():
        return _ask_async(session, form, check, hooks)
    box = session.open_mailbox(form["id"])
    try:
        hooks.opened(session, form["id"])
        session.send({"cmd": "input", "form": form})
        while True:
            event = box.get()
            if _is_other(event):
                hooks.handle(event)
            elif (answer := _answer(session, form, check, hooks, event)) is not _KEEP_WAITING:
                return answer
    except BaseException:
        _withdraw(session, form)
        raise
    finally:
        session.drop_mailbox(form["id"])
        hooks.closed()


def _withdraw(session: Session, form: dict[str, Any]) -> None:
    """The script left the wait by an exception (another app took the window, say): the
    form nobody waits for any more goes from the page, and from what a reload replays."""
    if not session.closed:
        with contextlib.suppress(SessionClosed):
            session.send({"cmd": "input_done", "id": form["id"]})


async def _ask_async(session: Session, form: dict[str, Any], check: Check,
                     hooks: FormHooks) -> Any:
    box: Mailbox = session.open_mailbox(form["id"])
    try:
        hooks.opened(session, form["id"])
        session.send({"cmd": "input", "form": form})
        while True:
            event = await box.aget()
            if _is_other(event):
                # A hook may block (a system dialog): never on the event loop itself.
                await asyncio.to_thread(hooks.handle, event)
            elif (answer := _answer(session, form, check, hooks, event)) is not _KEEP_WAITING:
                return answer
    except BaseException:
        _withdraw(session, form)
        raise
    finally:
        session.drop_mailbox(form["id"])
        hooks.closed()


def _is_other(event: Event) -> bool:
    return event["type"] not in ("submit", "cancel")


def _answer(session: Session, form: dict[str, Any], check: Check, hooks: FormHooks,
            event: Event) -> Any:
    """The form's result for this event, or `_KEEP_WAITING` when the form stays open."""
    if event["type"] == "cancel":
        if not (form.get("cancelable") or hooks.cancelable):
            return _KEEP_WAITING
        session.send({"cmd": "input_done", "id": form["id"]})
        return None
    result, error = check(event.get("value"))
    if error:
        errors = [error] if isinstance(error, tuple) else list(error)
        field, message = errors[0]
        command = {"cmd": "input_error", "id": form["id"], "field": field, "message": message}
        if len(errors) > 1:
            command["errors"] = [[name, text] for name, text in errors]
        session.send(command)
        return _KEEP_WAITING
    session.send({"cmd": "input_done", "id": form["id"]})
    return result


def _on_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
