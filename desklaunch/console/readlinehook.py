"""A default answer a program puts on readline's line, as the text the console's field
starts with; and each line read going into readline's history, as `input()` puts it there.

In a terminal, `readline.set_startup_hook(lambda: readline.insert_text("my-project"))` (or
the same in `set_pre_input_hook`) makes the next `input()` start with that text, which Enter
accepts. readline has no getter for its hooks, so while a console run is on (loadhook.py)
setting one is noted here as well; `starting_text()` calls the hooks with `insert_text`
collecting what they insert.

A shell that keeps its history with readline (`write_history_file` at its end, `!!` to run
the last line again) finds the lines typed in its history, as `input()` in a terminal adds
each line that is not empty and not the one before.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook

WATCHED = ("readline",)

_hooks: dict[str, Callable[[], Any] | None] = {}
"""The hooks the program set last, by name: "startup", "pre_input"."""


def _noting(name: str) -> Callable[[Any], Any]:
    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def set_hook(function: Callable[[], Any] | None = None) -> Any:
            _hooks[name] = function
            return original(function)

        set_hook.__wrapped__ = original  # type: ignore[attr-defined]
        return set_hook

    return wrap


def adjust(module: ModuleType) -> None:
    """Note the hooks the program sets from now on."""
    loadhook.replace(module, "set_startup_hook", _noting("startup"))
    loadhook.replace(module, "set_pre_input_hook", _noting("pre_input"))


def starting_text() -> str | None:
    """What the program's readline hooks put on the line before it is read; None when
    there are none (or they fail, or insert nothing)."""
    module: Any = sys.modules.get("readline")
    hooks = [hook for hook in (_hooks.get("startup"), _hooks.get("pre_input")) if hook]
    if module is None or not hooks:
        return None
    inserted: list[str] = []
    saved = module.insert_text, getattr(module, "redisplay", None)
    module.insert_text = lambda text: inserted.append(str(text))
    module.redisplay = lambda: None
    try:
        for hook in hooks:
            with contextlib.suppress(Exception):  # the program's code: a failure inserts none
                hook()
    finally:
        module.insert_text = saved[0]
        if saved[1] is not None:
            module.redisplay = saved[1]
    return "".join(inserted) or None


def remember(line: str) -> str:
    """`line` (read from stdin), after adding it to readline's history when the program has
    imported readline."""
    module: Any = sys.modules.get("readline")
    entry = line.rstrip("\r\n")
    if module is None or not entry:
        return line
    with contextlib.suppress(Exception):  # a readline without history (libedit's quirks)
        length = module.get_current_history_length()
        if length == 0 or module.get_history_item(length) != entry:
            module.add_history(entry)
    return line


DELIMITERS = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?"
"""Where readline splits words to complete, as Python's readline starts (pdb sets its own)."""


def new_run() -> None:
    """Start a run as a fresh process starts: readline's history empty and no hooks or
    completer set, what an earlier run (or app) in this process left there gone: a shell's
    completer would otherwise complete at Tab in the next program's fields."""
    module: Any = sys.modules.get("readline")
    _hooks.clear()
    if module is None:
        return
    with contextlib.suppress(Exception):
        module.clear_history()
        module.set_startup_hook()
        module.set_pre_input_hook()
        module.set_completer(None)
        module.set_completer_delims(DELIMITERS)
