"""What goes away in the page without the script: a popup or message box the person closed,
a toast that timed out. The page reports it as an event; the app records it.

A closed popup or message box is recorded as the command that closes it, so the view log has
it closed too and a reloaded page does not show it again. A toast's callback is forgotten.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import Command, Event
from desklaunch.core.session import Session
from desklaunch.errors import SessionClosed


class Closing(Mailbox):
    """Hears `event_type` for `key` once, stops listening, and runs `then()`."""

    def __init__(self, session: Session, key: str, event_type: str,
                 then: Callable[[], object]) -> None:
        super().__init__()
        self.session = session
        self.key = key
        self.event_type = event_type
        self.then = then

    def put(self, event: Event) -> bool:
        if event["type"] == self.event_type:
            self.session.drop_mailbox(self.key)
            with contextlib.suppress(SessionClosed):  # closing meanwhile: nothing to record
                self.then()
        return False


def when_closed(session: Session, key: str, event_type: str, then: Callable[[], object]
                ) -> None:
    """Before `key` is shown: when the page reports `event_type` for it, run `then()`."""
    session.open_mailbox(key, Closing(session, key, event_type, then))


def record_close(session: Session, key: str, event_type: str, command: Command) -> None:
    """Before `key` is shown: when the page reports `event_type` for it, send `command`."""
    when_closed(session, key, event_type, lambda: session.send(command))
