"""Which recorded commands a `clear` or `remove` of a scope makes pointless in a replay.

A script that redraws a region (`with use_scope("chart", clear=True): put_image(fig)`) would
otherwise keep every past drawing in the view log until the log's bound trims it: thousands
of images. This index knows, for each recorded command, the scope it was sent into and the
scopes it made, so clearing a scope can drop everything that was inside it.
"""

from __future__ import annotations

from typing import Any

from desklaunch.core.messages import Command


class ScopeIndex:
    """Recorded commands (by the view log's keys) by the scope they went into."""

    def __init__(self) -> None:
        self._keys: dict[str, dict[int, None]] = {}  # scope → keys sent into it, in order
        self._home: dict[int, str] = {}  # key → the scope it is filed under
        self._parent: dict[str, str] = {}  # scope → the scope it was made in
        self._creator: dict[str, int] = {}  # scope → key of the command that made it
        self._made: dict[int, list[str]] = {}  # key → the scopes that command made

    def add(self, key: int, command: Command) -> None:
        """File a recorded `output`, `clear` or `remove` command under its scope."""
        scope = command.get("scope")
        if not isinstance(scope, str):
            return
        # A removed scope's `remove` matters as long as the scope it was in does.
        home = self._parent.get(scope, scope) if command["cmd"] == "remove" else scope
        self._keys.setdefault(home, {})[key] = None
        self._home[key] = home
        if command["cmd"] == "output":
            made = scopes_made(command.get("widget"), scope)
            for name, parent in made:
                self._parent[name] = parent
                self._creator[name] = key
            if made:
                self._made[key] = [name for name, _ in made]

    def file_with(self, key: int, other: int) -> None:
        """File command `key` (a `style`, say) under the scope command `other` went into."""
        home = self._home.get(other)
        if home is not None:
            self._keys.setdefault(home, {})[key] = None
            self._home[key] = home

    def discard(self, key: int) -> None:
        """Forget a command the log no longer holds."""
        home = self._home.pop(key, None)
        if home is not None:
            keys = self._keys.get(home)
            if keys is not None:
                keys.pop(key, None)
                if not keys:
                    del self._keys[home]
        for name in self._made.pop(key, ()):
            if self._creator.get(name) == key:
                del self._creator[name]
                self._parent.pop(name, None)

    def inside(self, scope: Any) -> list[int]:
        """Keys of the commands sent into `scope` or into any scope made inside it.

        Empty for a scope this index never saw made (ROOT, or a name the page did not
        know and so showed elsewhere): those commands are kept.
        """
        if not isinstance(scope, str) or scope not in self._parent:
            return []
        children: dict[str, list[str]] = {}
        for name, parent in self._parent.items():
            children.setdefault(parent, []).append(name)
        found: list[int] = []
        frontier = [scope]
        seen = {scope}
        while frontier:
            name = frontier.pop()
            found.extend(self._keys.get(name, ()))
            for child in children.get(name, ()):
                if child not in seen:
                    seen.add(child)
                    frontier.append(child)
        return found


def scopes_made(widget: Any, scope: str) -> list[tuple[str, str]]:
    """The scopes a widget tree sent into `scope` makes, each with the scope it is in:
    `scope` widgets' names and containers' content areas (`inner`)."""
    made: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(widget, scope)]
    while stack:
        item, parent = stack.pop()
        if isinstance(item, dict):
            if item.get("type") == "scope" and isinstance(item.get("name"), str):
                made.append((item["name"], parent))
                parent = item["name"]
            if isinstance(item.get("inner"), str):
                made.append((item["inner"], parent))
                parent = item["inner"]
            stack.extend((v, parent) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, parent) for v in item if isinstance(v, (dict, list)))
    return made
