"""rich's prompts offer their choices as buttons, as click's do (clickhook.py).

`rich.prompt.Prompt.ask("Colour", choices=[...])` and `Confirm.ask(...)` print their
question and read a line, which the console already asks for in its input field; while a
console run is on (loadhook.py) the choices are offered beside that field as well (Yes and
No for a `Confirm`), each sending its line as if typed. Typing still works. A question that
lists its choices by number ("3 - GPL-3.0", cookiecutter's), or follows a numbered menu
printed before it (pdm's), gets buttons named by them.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import BUTTONS, offering, reading_console

WATCHED = ("rich.prompt",)


def _answers(prompt: Any, *args: Any, **kwargs: Any
             ) -> tuple[list[list[str]] | None, str]:
    """The prompt's choices as `[label, line]` buttons (Yes and No for a yes/no one), and
    the question's first line when it takes several (cookiecutter's list of choices)."""
    choices = [str(c) for c in getattr(prompt, "choices", None) or []]
    text = str(getattr(getattr(prompt, "prompt", None), "plain", "") or "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    topic = lines[0] if len(lines) > 1 else ""
    if getattr(prompt, "response_type", None) is bool and len(choices) == 2:
        return [["Yes", choices[0]], ["No", choices[1]]], topic
    named = _named(lines + _menu_above(choices), choices)
    return [[named.get(c, c), c] for c in choices[:BUTTONS]] or None, topic


def _menu_above(choices: list[str]) -> list[str]:
    """For choices that are numbers, the lines printed before the question, newest first:
    the menu they number (pdm's interpreters, `0. /usr/bin/python3.11 (3.11)`)."""
    console = reading_console()
    if not choices or not all(c.isdigit() for c in choices) or console is None:
        return []
    return [line.strip() for line in reversed(console.recent_lines()) if line.strip()]


def _named(lines: list[str], choices: list[str]) -> dict[str, str]:
    """What the question's own lines call its choices, when it lists them as "3 - GPL-3.0"
    and asks for the number (cookiecutter): a button then says GPL-3.0 and sends 3."""
    named: dict[str, str] = {}
    for line in lines:
        found = re.fullmatch(r"(\S+?)\s*[-)\u2013:.]\s+(\S.*)", line)
        if found and found[1] in choices and found[1] not in named:
            named[found[1]] = found[2]
    return named


def adjust(module: ModuleType) -> None:
    """Offer the choices of every prompt deriving from the module's `PromptBase`."""
    base = getattr(module, "PromptBase", None)
    if isinstance(base, type):
        loadhook.replace(base, "__call__", offering(_answers))
