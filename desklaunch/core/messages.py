"""The shapes that travel between the server and the page (see docs/protocol.md).

Commands go to the page, events come back. They are plain dicts on the wire; these types
name their keys for readers and type checkers.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, get_args

Widget = dict[str, Any]
"""One renderable thing: `{"type": "text" | "html" | "buttons" | "scope", ...}`."""

Command = dict[str, Any]
"""One instruction to the page: `{"cmd": "output" | "input" | ..., ...}`; `seq` added on send."""


EventType = Literal["submit", "cancel", "click", "file_choose", "field_change", "field_leave",
                    "pin_change", "popup_close", "output_close", "toast_close", "client_info",
                    "js_result", "complete"]
"""Every kind of event the page may send."""


class _EventKeys(TypedDict):
    seq: int
    type: EventType
    id: str


class Event(_EventKeys, total=False):
    """One thing the person did, as the page reports it."""

    value: Any


class PollAnswer(TypedDict, total=False):
    """What `GET /api/poll` answers: commands to render, or why there are none."""

    session: str
    view: str
    reset: bool
    seq: int
    commands: list[Command]
    closed: bool
    reason: str
    detached: bool


ROOT_SCOPE = "ROOT"
EVENT_TYPES: frozenset[str] = frozenset(get_args(EventType))
