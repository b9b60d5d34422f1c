"""What a page shows, kept as the commands that rebuild it, so a reloaded page can re-attach.

The log is bounded: beyond `limit` output commands the oldest are dropped and the replay
starts with a note that earlier output was trimmed. Pending forms, the title and the
script's end state are kept apart from the outputs and never trimmed. A command with a
`coalesce` key (a progress bar's value, say) is kept only in its newest form.

Outputs are named by an output id (`"oid"` in their widget). When a later output embeds a
widget with an oid (a container adopting an output passed to it), the earlier top-level
`output` command of that oid is dropped: the replay shows it once, inside the container.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from typing import Any

from desklaunch.messages import ROOT_SCOPE, Command

TRANSIENT = frozenset({"toast", "scroll_to", "download"})
"""Commands that only make sense the moment they arrive; a replay leaves them out."""


class ViewLog:
    """The replayable part of a session's command stream."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self.trimmed = False
        self._outputs: OrderedDict[int, Command] = OrderedDict()
        self._placed: dict[str, int] = {}  # oid → key of the `output` command that put it
        self._keys = itertools.count()
        self._forms: dict[str, list[Command]] = {}
        self._env: dict[str, object] = {}
        self._state: Command | None = None
        self._latest: dict[str, Command] = {}

    def record(self, command: Command) -> None:
        kind = command["cmd"]
        if kind in TRANSIENT:
            return
        if "coalesce" in command:
            self._latest[command["coalesce"]] = command
        elif kind == "input":
            self._forms[command["form"]["id"]] = [command]
        elif kind == "input_error":
            form = self._forms.get(command["id"])
            if form is not None:
                del form[1:]
                form.append(command)
        elif kind == "input_done":
            self._forms.pop(command["id"], None)
        elif kind == "env":
            self._env.update({k: v for k, v in command.items() if k not in ("cmd", "seq")})
        elif kind == "state":
            self._state = command
        elif kind == "clear" and command["scope"] == ROOT_SCOPE:
            self._outputs.clear()
            self._placed.clear()
            self._latest.clear()
            self.trimmed = False
        else:
            key = next(self._keys)
            if kind == "output":
                self._adopt(command, key)
            self._outputs[key] = command
            if len(self._outputs) > self.limit:
                old_key, oldest = self._outputs.popitem(last=False)
                oid = _own_oid(oldest)
                if oid is not None and self._placed.get(oid) == old_key:
                    del self._placed[oid]
                self.trimmed = True

    def _adopt(self, command: Command, key: int) -> None:
        """Drop the earlier top-level outputs this one embeds (or replaces); remember it."""
        widget = command.get("widget")
        for oid in _oids(widget):
            earlier = self._placed.pop(oid, None)
            if earlier is not None:
                self._outputs.pop(earlier, None)
        own = _own_oid(command)
        if own is not None:
            self._placed[own] = key

    def replay(self) -> list[Command]:
        """The commands that rebuild the view on an empty page, in order."""
        commands: list[Command] = []
        if self._env:
            commands.append({"cmd": "env", **self._env})
        if self.trimmed:
            commands.append({"cmd": "output", "scope": ROOT_SCOPE, "position": -1,
                             "widget": {"type": "text", "text": "(earlier output trimmed)",
                                        "inline": False}})
        commands.extend(self._outputs.values())
        commands.extend(self._latest.values())
        for form in self._forms.values():
            commands.extend(form)
        if self._state is not None:
            commands.append(self._state)
        return commands


def _own_oid(command: Command) -> str | None:
    widget = command.get("widget")
    oid = widget.get("oid") if isinstance(widget, dict) else None
    return oid if isinstance(oid, str) else None


def _oids(widget: Any) -> list[str]:
    """Every output id in a widget tree: its own and those of the widgets nested in it."""
    found: list[str] = []
    stack = [widget]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            oid = item.get("oid")
            if isinstance(oid, str):
                found.append(oid)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return found
