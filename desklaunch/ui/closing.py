"""What the person closes in the page (a popup, a message box), recorded for replays.

The page reports the closing as an event. The mailbox opened for the closable thing hears
it and sends the command that closes it, so the view log has it closed too and a reloaded
page does not show it again.
"""

from __future__ import annotations

import contextlib

from desklaunch.errors import SessionClosed
from desklaunch.messages import Command, Event
from desklaunch.session import Mailbox, Session


class ClosedByPerson(Mailbox):
    """Hears `event_type` for `key` once, sends `command`, and stops listening."""

    def __init__(self, session: Session, key: str, event_type: str, command: Command) -> None:
        super().__init__()
        self.session = session
        self.key = key
        self.event_type = event_type
        self.command = command

    def put(self, event: Event) -> bool:
        if event["type"] == self.event_type:
            with contextlib.suppress(SessionClosed):  # closing meanwhile: nothing to record
                self.session.send(self.command)
            self.session.drop_mailbox(self.key)
        return False


def listen_for_close(session: Session, key: str, event_type: str, command: Command) -> None:
    """Before `key` is shown: when the page reports `event_type` for it, send `command`."""
    session.open_mailbox(key, ClosedByPerson(session, key, event_type, command))
