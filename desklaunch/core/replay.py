"""What a page shows, kept as the commands that rebuild it, so a reloaded page can re-attach.

The log is bounded: beyond `limit` output commands, or `max_text` characters of text in
them (a print flood's console output comes some 32 KB a command), the oldest are dropped
and the replay starts with a note that earlier output was trimmed. Pending forms, the
title and the script's end state are kept apart from the outputs and never trimmed. A
command with a `coalesce` key (a progress bar's value, say) is kept only in its newest
form; one marked `frame` (about the page around the output, not in it) survives clearing
the whole output.

Outputs are named by an output id (`"oid"` in their widget). When a later output embeds a
widget with an oid (a container adopting an output passed to it), the earlier top-level
`output` command of that oid is dropped: the replay shows it once, inside the container.

Clearing or removing a scope drops the commands that were sent into it (and into scopes
made inside it) before: a script that redraws a region keeps one drawing in the log.
An output the person closed (`close_output`, a message box's close button) is dropped the
same way, with what was sent into it.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from typing import Any

from desklaunch.core.messages import ROOT_SCOPE, Command
from desklaunch.core.replay_scopes import ScopeIndex

TRANSIENT = frozenset({"toast", "scroll_to", "download"})
"""Commands that only make sense the moment they arrive; a replay leaves them out.

A `run_js` is one too, unless it awaits an answer (`eval_js`, with an `id`): that one is
replayed until its `js_done`, so a page reloaded meanwhile still answers it."""


MAX_TEXT = 32_000_000
"""Characters of text the kept outputs may hold: room for a large table, where 10,000
commands of a print flood kept some 320 MB."""


class ViewLog:
    """The replayable part of a session's command stream."""

    def __init__(self, limit: int = 10_000, max_text: int = MAX_TEXT) -> None:
        self.limit = limit
        self.max_text = max_text
        self.trimmed = False
        self._outputs: OrderedDict[int, Command] = OrderedDict()
        self._sizes: dict[int, int] = {}  # key → characters of text in that output command
        self._text = 0
        self._placed: dict[str, int] = {}  # oid → key of the `output` command that put it
        self._keys = itertools.count()
        self._forms: dict[str, list[Command]] = {}
        self._env: dict[str, object] = {}
        self._state: Command | None = None
        self._latest: dict[str, Command] = {}
        self._updaters: dict[str, int] = {}  # coalesce key → the output whose widget it updates
        self._scopes = ScopeIndex()
        self._asking: dict[str, Command] = {}  # eval_js commands not yet answered, by id

    def record(self, command: Command) -> None:
        kind = command["cmd"]
        if kind in TRANSIENT:
            return
        if kind == "run_js":
            if isinstance(command.get("id"), str):
                self._asking[command["id"]] = command
            return
        if kind == "js_done":
            self._asking.pop(str(command.get("id")), None)
            return
        if "coalesce" in command:
            self._latest[command["coalesce"]] = command
        elif kind == "input":
            self._forms[command["form"]["id"]] = [command]
        elif kind in ("input_error", "field_update"):
            form = self._forms.get(command["id"])
            kept: dict[str, Any] | None = command
            if kind == "field_update" and "add_files" in (command.get("changes") or {}):
                kept = _without_files(command)  # replayed from what is staged instead
            if form is not None and kept is not None:
                form[1:] = [c for c in form[1:] if not _supersedes(kept, c)]
                form.append(command)
        elif kind == "input_done":
            self._forms.pop(command["id"], None)
        elif kind == "env":
            self._env.update({k: v for k, v in command.items() if k not in ("cmd", "seq")})
        elif kind == "state":
            self._state = command
        elif kind == "close_output" and command.get("oid") in self._placed:
            self._close(self._placed[command["oid"]])
        elif kind == "clear" and command["scope"] == ROOT_SCOPE:
            self._outputs.clear()
            self._sizes.clear()
            self._text = 0
            self._placed.clear()
            # What describes the page around the output (a multi-app window's bar) stays.
            self._latest = {k: c for k, c in self._latest.items() if c.get("frame")}
            self._updaters.clear()
            self._scopes = ScopeIndex()
            self.trimmed = False
        else:
            if kind in ("clear", "remove"):
                for earlier in self._scopes.inside(command.get("scope")):
                    self._drop(earlier)
            key = next(self._keys)
            if kind == "output":
                for update_key in _updated_by(command.get("widget")):
                    self._updaters[update_key] = key
                self._adopt(command, key)
            self._outputs[key] = command
            self._sizes[key] = size = _text_size(command)
            self._text += size
            self._scopes.add(key, command)
            if kind in ("style", "onclick") and command.get("oid") in self._placed:
                self._scopes.file_with(key, self._placed[command["oid"]])
            while len(self._outputs) > self.limit or (
                    self._text > self.max_text and len(self._outputs) > 1):
                self._drop(next(iter(self._outputs)))
                self.trimmed = True

    def _close(self, key: int) -> None:
        """The person closed the output command `key` put: drop it and what went into it.

        (An output closed inside a container keeps its `close_output`, replayed after it.)
        """
        widget = self._outputs[key].get("widget") or {}
        for earlier in self._scopes.inside(widget.get("inner")):
            self._drop(earlier)
        self._drop(key)

    def _drop(self, key: int) -> None:
        """Forget the recorded command `key` (trimmed, adopted, or inside a cleared scope)."""
        command = self._outputs.pop(key, None)
        if command is None:
            return
        self._text -= self._sizes.pop(key, 0)
        oid = _own_oid(command)
        if oid is not None and self._placed.get(oid) == key:
            del self._placed[oid]
        self._scopes.discard(key)
        # A widget that is gone takes the newest value of its updates (a bar's) with it.
        for update_key in _updated_by(command.get("widget")):
            if self._updaters.get(update_key) == key:
                del self._updaters[update_key]
                self._latest.pop(update_key, None)

    def _adopt(self, command: Command, key: int) -> None:
        """Drop the earlier top-level outputs this one embeds (or replaces); remember it."""
        widget = command.get("widget")
        for oid in _oids(widget):
            earlier = self._placed.get(oid)
            if earlier is not None:
                self._drop(earlier)
        own = _own_oid(command)
        if own is not None:
            self._placed[own] = key

    def replay(self, files: list[Command] | None = None) -> list[Command]:
        """The commands that rebuild the view on an empty page, in order.

        `files` (`field_update`s listing the files staged in the forms' file fields) follow
        the forms they fill.
        """
        commands: list[Command] = []
        if self._env:
            commands.append({"cmd": "env", **self._env})
        if self.trimmed:
            commands.append({"cmd": "output", "scope": ROOT_SCOPE, "position": -1,
                             "widget": {"type": "text", "text": "(earlier output trimmed)",
                                        "inline": False}})
        commands.extend(self._outputs.values())
        commands.extend(self._latest.values())
        commands.extend(self._asking.values())
        for form in self._forms.values():
            commands.extend(form)
        commands.extend(c for c in files or () if c.get("id") in self._forms)
        if self._state is not None:
            commands.append(self._state)
        return commands


def _supersedes(new: Command, old: Command) -> bool:
    """Whether `new` makes the form's earlier command `old` pointless in a replay.

    A new error replaces the old ones, except a field's own check as the person left it
    (`only`), which replaces that field's last such check; a field's update replaces an older
    one that changed nothing else.
    """
    if new["cmd"] == "input_error":
        if new.get("only"):
            return bool(old["cmd"] == "input_error" and old.get("only")
                        and old.get("field") == new.get("field"))
        return bool(old["cmd"] == "input_error")
    changes, before = new.get("changes") or {}, old.get("changes") or {}
    return (old["cmd"] == "field_update" and old.get("field") == new.get("field")
            and set(before) <= set(changes))


def _without_files(update: Command) -> Command | None:
    """A field's update without the files it added (None if that was all it did)."""
    changes = {k: v for k, v in update["changes"].items() if k != "add_files"}
    return {**update, "changes": changes} if changes else None


def _text_size(command: Command) -> int:
    """The characters of text in `command`: its strings, at any depth."""
    total = 0
    stack: list[Any] = [command]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return total


def _updated_by(widget: Any) -> list[str]:
    """The coalesce keys of the commands that update widgets in this tree (`"updates"`)."""
    found: list[str] = []
    stack = [widget]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("updates"), str):
                found.append(item["updates"])
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, (dict, list)))
    return found


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
