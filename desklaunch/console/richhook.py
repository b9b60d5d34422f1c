"""rich's prompts offer their choices as buttons, as click's do (clickhook.py).

`rich.prompt.Prompt.ask("Colour", choices=[...])` and `Confirm.ask(...)` print their
question and read a line, which the console already asks for in its input field; while a
console run is on (loadhook.py) the choices are offered beside that field as well (Yes and
No for a `Confirm`), each sending its line as if typed. Typing still works.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import BUTTONS, offering

WATCHED = ("rich.prompt",)


def _answers(prompt: Any, *args: Any, **kwargs: Any) -> list[list[str]] | None:
    """The prompt's choices as `[label, line]` buttons: Yes and No for a yes/no one."""
    choices = [str(c) for c in getattr(prompt, "choices", None) or []]
    if getattr(prompt, "response_type", None) is bool and len(choices) == 2:
        return [["Yes", choices[0]], ["No", choices[1]]]
    return [[c, c] for c in choices[:BUTTONS]] or None


def adjust(module: ModuleType) -> None:
    """Offer the choices of every prompt deriving from the module's `PromptBase`."""
    base = getattr(module, "PromptBase", None)
    if isinstance(base, type):
        loadhook.replace(base, "__call__", offering(_answers))
