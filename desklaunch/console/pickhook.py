"""pick's menus asked in the console, for programs written with it, unchanged.

`pick(options, title)` (and `Picker(...).start()`) draws a menu with curses and reads the
arrow keys, which the console has not got. While a console run is on (loadhook.py),
`Picker.start` asks in the console's input line instead (questions.py): a button per option
(a box per option with `multiselect`, at least `min_selection_count` of them), the field
starting at `default_index`, a disabled `Option` a disabled button; it returns what pick
returns, `(option, index)` or a list of them.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import Ask, Option, ask_many, ask_one, reading_console

WATCHED = ("pick",)


def _ask(console: Any, picker: Any) -> Any:
    title = str(picker.title or "").strip()
    lines = title.splitlines()
    ask = Ask(console, " ".join(lines) or "Choose", lines[-1] if lines else "")
    options = [Option(str(getattr(o, "label", o)), not getattr(o, "enabled", True),
                      str(getattr(o, "description", None) or "")) for o in picker.options]
    if not picker.multiselect:
        index = int(ask_one(ask, options, default=picker.default_index))
        return picker.options[index], index
    least = int(picker.min_selection_count or 0)
    picked = ask_many(ask, options, check=lambda picked: None if len(picked) >= least
                      else f"Choose at least {least}.")
    return [(picker.options[i], i) for i in picked]


def _start(original: Callable[..., Any]) -> Callable[..., Any]:
    def start(self: Any) -> Any:
        console = reading_console()
        return original(self) if console is None else _ask(console, self)

    start.__wrapped__ = original  # type: ignore[attr-defined]
    return start


def adjust(module: ModuleType) -> None:
    """Ask the module's `Picker` menus in the console."""
    picker = getattr(module, "Picker", None)
    if isinstance(picker, type):
        loadhook.replace(picker, "start", _start)
