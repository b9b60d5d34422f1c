"""Scopes: named regions of the page that outputs go into, and `use_scope` to enter one."""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from desklaunch.core.messages import ROOT_SCOPE
from desklaunch.core.session import Session, current_session
from desklaunch.ui.outputs import Output, as_widgets
from desklaunch.ui.scope_stack import (
    check_name,
    enter_scope,
    leave_scope,
    scope_names,
    target_scope,
)

F = TypeVar("F", bound=Callable[..., Any])

def known_scopes(session: Session) -> dict[str, str]:
    """Each known scope's parent, per session; ROOT is always there."""
    parents: dict[str, str] = session.data.setdefault("scope_parents", {ROOT_SCOPE: ""})
    return parents


def get_scope(stack_idx: int = -1) -> str | None:
    """The name of a scope on the current stack: -1 the current one, -2 the one it was
    entered from, 0 the outermost (ROOT); None when there is no such entry.

        with use_scope("log"): put_text(get_scope())     # shows "log"
    """
    try:
        return scope_names()[stack_idx]
    except IndexError:
        return None


IF_EXIST = (None, "remove", "clear", "blank")


def set_scope(name: str, container_scope: str | None = None, position: int = -1,
              if_exist: str | None = None) -> None:
    """Make an empty scope `name` at `position` in `container_scope` (the current scope by
    default). When it exists already: `if_exist=None` leaves it, "clear" empties it,
    "remove" removes it and makes a new one.

        set_scope("status"); put_text("Idle", scope="status")
    """
    check_name(name)
    if if_exist not in IF_EXIST:
        raise ValueError("if_exist must be None, 'remove' or 'clear'")
    session = current_session()
    parents = known_scopes(session)
    if name in parents:
        if if_exist is None:
            return
        if if_exist in ("clear", "blank"):
            clear(name)
            return
        remove(name)
    parent = target_scope(container_scope)
    session.send({"cmd": "output", "scope": parent, "position": int(position),
                  "widget": {"type": "scope", "name": name, "children": []}})
    parents[name] = parent


class use_scope:  # noqa: N801 - named like a function, as scripts use it
    """Send outputs into scope `name`, creating it at the end of the current scope if new.

    Works as `with use_scope("log"):` and as the decorator `@use_scope("log", clear=True)`.
    Without a name, a fresh anonymous scope is made (the decorator makes one and reuses
    it on every call). `create_scope=False` refuses (with a ValueError) a name that does
    not exist yet; `container_scope=` and `position=` say where a new scope goes (as in
    `set_scope`).

        with use_scope("results", clear=True):
            put_text("Only this shows in the results now")
    """

    def __init__(self, name: str | None = None, clear: bool = False,
                 create_scope: bool = True, container_scope: str | None = None,
                 position: int = -1) -> None:
        if name is not None:
            check_name(name)
        self.name = name
        self.clear = clear
        self.create_scope = create_scope
        self.container_scope = container_scope
        self.position = position
        self._tokens: list[contextvars.Token[tuple[str, ...]]] = []

    def __enter__(self) -> str:
        session = current_session()
        name = self.name or session.new_id("scope-")
        if name not in known_scopes(session) and not self.create_scope:
            raise ValueError(f"there is no scope named {name!r}")
        if self.create_scope:
            set_scope(name, self.container_scope, self.position,
                      "clear" if self.clear else None)
        elif self.clear:
            clear(name)
        self._tokens.append(enter_scope(name))
        return name

    def __exit__(self, *exc_info: object) -> None:
        leave_scope(self._tokens.pop())

    def __call__(self, function: F) -> F:
        options = {"clear": self.clear, "create_scope": self.create_scope,
                   "container_scope": self.container_scope, "position": self.position}
        names: list[str] = [self.name] if self.name is not None else []

        def entered() -> use_scope:
            if not names:  # an anonymous decorator: one scope, made on the first call
                names.append(current_session().new_id("scope-"))
            return use_scope(names[0], **options)  # type: ignore[arg-type]

        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with entered():
                    return await function(*args, **kwargs)

            return run_async  # type: ignore[return-value]

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            with entered():
                return function(*args, **kwargs)

        return run  # type: ignore[return-value]


def clear(scope: str | None = None) -> None:
    """Remove everything shown in `scope` (the current scope when none is named).

        clear("log")
    """
    session = current_session()
    name = target_scope(scope)
    parents = known_scopes(session)
    inner = _descendants(parents, name)
    for child in inner:
        del parents[child]
    session.send({"cmd": "clear", "scope": name})


def _descendants(parents: dict[str, str], name: str) -> list[str]:
    found: list[str] = []
    frontier = {name}
    while frontier:
        children = [child for child, parent in list(parents.items()) if parent in frontier]
        found.extend(children)
        frontier = set(children)
    return found


def put_scope(name: str, content: Any = (), scope: str | None = None,
              position: int = -1) -> Output:
    """Show a new named scope holding `content` (outputs or text), to fill or clear later.

        put_scope("status", put_text("Idle")); ...; clear("status")
    """

    check_name(name)
    session = current_session()
    parent = target_scope(scope)
    oid = session.new_id("o")
    widget = {"type": "scope", "name": name, "children": as_widgets(content), "oid": oid}
    session.send({"cmd": "output", "scope": parent, "position": int(position),
                  "widget": widget})
    known_scopes(session)[name] = parent
    return Output(widget, inner=name)


def remove(scope: str | None = None) -> None:
    """Remove a scope and everything in it (the current scope when none is named).

        remove("status")
    """
    session = current_session()
    name = target_scope(scope)
    if name == ROOT_SCOPE:
        raise ValueError("the ROOT scope cannot be removed (use clear() to empty it)")
    parents = known_scopes(session)
    for child in [*_descendants(parents, name), name]:
        parents.pop(child, None)
    session.send({"cmd": "remove", "scope": name})


SCROLL_POSITIONS = ("top", "middle", "bottom")


def scroll_to(scope: str | None = None, position: str = "top") -> None:
    """Scroll the page so that a scope shows at the top, middle or bottom of the window.

        scroll_to("results", position="middle")
    """
    if position not in SCROLL_POSITIONS:
        raise ValueError(f"position must be one of {', '.join(SCROLL_POSITIONS)}")
    current_session().send({"cmd": "scroll_to", "scope": target_scope(scope),
                            "position": position})
