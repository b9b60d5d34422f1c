"""The current scope: where an output goes when the call names none, per thread or task.

`use_scope` (scopes.py) and popups push onto it; every `put_*` (outputs.py) reads it. It is
apart from both so that outputs and scopes do not import each other.
"""

from __future__ import annotations

import contextvars
import re

from desklaunch.core.messages import ROOT_SCOPE

_stack: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "desklaunch_scopes", default=(ROOT_SCOPE,)
)
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
"""What PyWebIO takes as a scope's name: `put_scope("1-2")` names a grid's cell."""
_OWN_NAME = re.compile(r"^@[a-z]+[0-9]+$")
"""The scopes desklaunch names itself (a popup's, an `output()`'s): "@" + a session id,
which the script gets back to pass as `scope=` (`with popup(...) as s`)."""


def current_scope() -> str:
    """The scope outputs go to when the call names none."""
    return _stack.get()[-1]


def scope_names() -> tuple[str, ...]:
    """The scopes entered, outermost (ROOT) first, the current one last."""
    return _stack.get()


def target_scope(scope: str | None) -> str:
    """The scope an output goes to: the one named, or the current one."""
    if scope is None:
        return current_scope()
    check_name(scope)
    return scope


def enter_scope(name: str) -> contextvars.Token[tuple[str, ...]]:
    """Make `name` the current scope until `leave_scope(token)`; no checks, no commands."""
    return _stack.set((*_stack.get(), name))


def leave_scope(token: contextvars.Token[tuple[str, ...]]) -> None:
    _stack.reset(token)


def check_name(name: str) -> None:
    if not (_NAME.match(name) or _OWN_NAME.match(name)):
        raise ValueError(
            f"scope name {name!r} must hold only letters, digits, _ and -")
