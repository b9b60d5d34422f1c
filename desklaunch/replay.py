"""What a page shows, kept as the commands that rebuild it, so a reloaded page can re-attach.

The log is bounded: beyond `limit` output commands the oldest are dropped and the replay
starts with a note that earlier output was trimmed. Pending forms, the title and the
script's end state are kept apart from the outputs and never trimmed. A command with a
`coalesce` key (a progress bar's value, say) is kept only in its newest form.
"""

from __future__ import annotations

from collections import deque

from desklaunch.messages import ROOT_SCOPE, Command

TRANSIENT = frozenset({"toast"})
"""Commands that only make sense the moment they arrive; a replay leaves them out."""


class ViewLog:
    """The replayable part of a session's command stream."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self.trimmed = False
        self._outputs: deque[Command] = deque()
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
            self._latest.clear()
            self.trimmed = False
        else:
            self._outputs.append(command)
            if len(self._outputs) > self.limit:
                self._outputs.popleft()
                self.trimmed = True

    def replay(self) -> list[Command]:
        """The commands that rebuild the view on an empty page, in order."""
        commands: list[Command] = []
        if self._env:
            commands.append({"cmd": "env", **self._env})
        if self.trimmed:
            commands.append({"cmd": "output", "scope": ROOT_SCOPE, "position": -1,
                             "widget": {"type": "text", "text": "(earlier output trimmed)",
                                        "inline": False}})
        commands.extend(self._outputs)
        commands.extend(self._latest.values())
        for form in self._forms.values():
            commands.extend(form)
        if self._state is not None:
            commands.append(self._state)
        return commands
