"""Which pin widgets are still on the page, followed from the commands the session sends.

PyWebIO reads a pin from the page: once its widget is gone (its scope cleared or removed,
its output closed, its popup closed or replaced by another) the pin reads None. Reads here
never ask the page (pin.py), so the pin board follows the page's changes the way the page
makes them: every output, scope and container area that holds a pin or a scope is filed
under the scope or output it went into (an output moved into a container, under the
container), and a `clear`, `remove`, `close_output`, `popup` or `close_popup` takes what is
filed under it off the page. A scope merely hidden (styled, a collapsed section, another
tab) stays on the page, and so do its pins.

It knows only what was sent after the session's first pin widget; the named scopes made
before come from ui/scopes.py's record, and an area it never saw made takes nothing with it
when cleared: an unsure pin keeps its value rather than read None while it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desklaunch.core.messages import ROOT_SCOPE, Command

FOLLOWED = frozenset({"output", "clear", "remove", "close_output", "popup", "close_popup"})
"""The commands that put something on the page or take it off."""


def _scope(name: str) -> str:
    return f"s:{name}"


class PinPlaces:
    """Where each pin widget is on the page, as a tree of the scopes and outputs around it.

    `named()` gives the named scopes the script made and the scope each was made in
    (ui/scopes.py `known_scopes`). Not thread-safe: the pin board's lock guards it.
    """

    def __init__(self, named: Callable[[], dict[str, str]]) -> None:
        self._named = named
        # "s:<scope>", "o:<output id>", "p:<pin widget id>" → the node it is in
        self._parent: dict[str, str] = {}
        self._children: dict[str, set[str]] = {}
        self._gone: set[str] = set()  # ids of pin widgets taken off the page
        self._popup: tuple[str, str] | None = None  # the popup shown: (id, its content's scope)

    def on_page(self, wid: str) -> bool:
        """Whether pin widget `wid` is still on the page (or may be: see the module)."""
        return wid not in self._gone

    def follow(self, command: Command) -> None:
        """Take in one command sent to the page."""
        kind = command.get("cmd")
        if kind == "output" and isinstance(command.get("scope"), str):
            self._file(command.get("widget"), self._home(command["scope"]))
        elif kind == "clear" and isinstance(command.get("scope"), str):
            for child in list(self._children.get(_scope(command["scope"]), ())):
                self._drop(child)
        elif kind == "remove" and isinstance(command.get("scope"), str):
            self._drop(_scope(command["scope"]))
        elif kind == "close_output" and isinstance(command.get("oid"), str):
            self._drop(f"o:{command['oid']}")
        elif kind == "popup":
            self._close_popup(None)  # the page shows one popup at a time
            pid, inner = command.get("id"), command.get("inner")
            if isinstance(pid, str) and isinstance(inner, str):
                self._popup = (pid, inner)
                self._file(command.get("children"), _scope(inner))
        elif kind == "close_popup":
            pid = command.get("id")
            self._close_popup(pid if isinstance(pid, str) and pid else None)

    def _close_popup(self, pid: str | None) -> None:
        """The popup shown goes (only if it is `pid`, when given), with what is in it."""
        if self._popup is None or (pid is not None and pid != self._popup[0]):
            return
        inner = _scope(self._popup[1])
        self._popup = None
        for child in list(self._children.get(inner, ())):
            self._drop(child)

    def _home(self, scope: str, depth: int = 0) -> str:
        """The node of the scope an output is sent into. A named scope made before the
        first pin is filed from ui/scopes.py's record; a name the page does not know shows
        the output in ROOT, as the page does."""
        node = _scope(scope)
        if scope == ROOT_SCOPE or scope.startswith("@") or node in self._parent:
            return node
        named = self._named()
        if scope not in named:
            return _scope(ROOT_SCOPE)
        if depth < 100:  # the record is a tree; never follow a loop for long
            self._place(node, self._home(named[scope] or ROOT_SCOPE, depth + 1))
        return node

    def _file(self, item: Any, parent: str) -> bool:
        """File a widget tree's pins, scopes and content areas (and the outputs holding
        them) under `parent`; whether it held any."""
        if isinstance(item, list):
            found = False
            for value in item:
                if isinstance(value, (dict, list)):
                    found = self._file(value, parent) or found
            return found
        if not isinstance(item, dict):
            return False
        nodes: list[str] = []  # this widget's own nodes, outermost first
        oid = item.get("oid")
        if isinstance(oid, str):
            nodes.append(f"o:{oid}")
        if item.get("type") == "pin" and isinstance(item.get("id"), str):
            nodes.append(f"p:{item['id']}")
        elif item.get("type") == "scope" and isinstance(item.get("name"), str):
            nodes.append(_scope(item["name"]))
        inner = item.get("inner")
        if isinstance(inner, str):
            nodes.append(_scope(inner))
        inside = nodes[-1] if nodes else parent
        found = any(node[0] in "ps" for node in nodes)
        for value in item.values():
            if isinstance(value, (dict, list)):
                found = self._file(value, inside) or found
        if found:
            for node in nodes:
                self._place(node, parent)
                parent = node
        return found

    def _place(self, node: str, parent: str) -> None:
        old = self._parent.get(node)
        if old is not None:
            self._children.get(old, set()).discard(node)
        self._parent[node] = parent
        self._children.setdefault(parent, set()).add(node)
        if node.startswith("p:"):
            self._gone.discard(node[2:])  # shown again (an Output put back after a clear)

    def _drop(self, node: str) -> None:
        """Take `node` and everything filed under it off the page."""
        parent = self._parent.pop(node, None)
        if parent is not None:
            self._children.get(parent, set()).discard(node)
        stack = [node]
        while stack:
            current = stack.pop()
            if current.startswith("p:"):
                self._gone.add(current[2:])
            for child in self._children.pop(current, ()):
                self._parent.pop(child, None)
                stack.append(child)
