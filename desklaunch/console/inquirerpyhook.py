"""InquirerPy's prompts asked in the console, for programs written with it, unchanged.

InquirerPy (`inquirer.select(...).execute()`, `checkbox`, `confirm`, `text`, `secret`,
`filepath`, `number`, `rawlist`, `expand`, `fuzzy`, and the dictionary `prompt()`) draws
each prompt with prompt_toolkit, which reads key presses from a real terminal. Every prompt
is answered through `BaseSimplePrompt.execute()` (or `execute_async()`); while a console run
is on (loadhook.py) that asks it in the console's input line instead (questions.py), with
the prompt's own choices, default, validator and filter: a button per choice, a box per
choice where several may be picked, Yes and No, a field for text and numbers.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import (
    Ask,
    Option,
    ask_many,
    ask_one,
    ask_text,
    ask_yes_no,
    loaded,
    reading_console,
    refusal,
)

WATCHED = ("InquirerPy.base.simple",)
"""The module of `BaseSimplePrompt`, which every prompt derives from."""


def _ask(console: Any, prompt: Any) -> Ask:
    """The prompt, shown after its answer as InquirerPy shows it: "? Size: Large"."""
    message = str(getattr(prompt, "_message", "") or "")
    amark = str(getattr(prompt, "_amark", "?") or "")
    return Ask(console, message, f"{amark} {message}".strip())


def _problem(prompt: Any, answer: Any) -> str | None:
    """The prompt's validator's message for `answer`, or None when it accepts it."""
    return refusal(getattr(prompt, "_validator", None),
                   loaded("InquirerPy.base.complex", "FakeDocument")(answer))


def _text(console: Any, prompt: Any, *, password: bool = False) -> str:
    completer = getattr(prompt, "_completer", None)
    words = getattr(completer, "words", None) or list(getattr(completer, "options", {}) or {})
    default = getattr(prompt, "_default", "")
    return ask_text(_ask(console, prompt), password=password,
                    default="" if default is None else str(default),
                    suggestions=[str(w) for w in words] if isinstance(words, list) else (),
                    multiline=bool(getattr(prompt, "_multiline", False)),
                    check=lambda text: _problem(prompt, text))


def _number(console: Any, prompt: Any) -> Any:
    """A whole number (or with `float_allowed` a `Decimal`, as InquirerPy gives) between the
    prompt's bounds."""
    import decimal

    fractions = bool(getattr(prompt, "_float", False))
    low, high = getattr(prompt, "_min", None), getattr(prompt, "_max", None)

    def number(text: str) -> int | decimal.Decimal:
        return decimal.Decimal(text.strip()) if fractions else int(text.strip())

    def check(text: str) -> str | None:
        try:
            value = number(text)
        except (ValueError, decimal.InvalidOperation):
            return "A decimal number, please." if fractions else "A whole number, please."
        if low is not None and value < low:
            return f"At least {low}, please."
        if high is not None and value > high:
            return f"At most {high}, please."
        return _problem(prompt, text)

    default = getattr(prompt, "_default", 0)
    return number(ask_text(_ask(console, prompt), check=check,
                           default="" if default is None else str(default)))


def _confirm(console: Any, prompt: Any) -> bool:
    default = bool(getattr(prompt, "_default", False))
    return ask_yes_no(_ask(console, prompt), default=default,
                      hint="(Y/n)" if default else "(y/N)")


def _choices(prompt: Any) -> list[dict[str, Any]]:
    """The prompt's choices as InquirerPy holds them ({name, value, enabled}), separators
    left out."""
    separator = loaded("InquirerPy.separator", "Separator")
    return [c for c in prompt.content_control.choices
            if isinstance(c, dict) and not isinstance(c.get("value"), separator)]


def _list(console: Any, prompt: Any) -> Any:
    choices = _choices(prompt)
    options = [Option(str(c["name"])) for c in choices]
    ask = _ask(console, prompt)
    if getattr(prompt, "_multiselect", False):
        ticked = [i for i, c in enumerate(choices) if c.get("enabled")]
        picked = ask_many(ask, options, ticked=ticked, check=lambda picked: _problem(
            prompt, [choices[i]["value"] for i in picked]))
        return [choices[i]["value"] for i in picked]
    pointed = prompt.content_control.choices[prompt.content_control.selected_choice_index] \
        if prompt.content_control.choices else None
    start = next((i for i, c in enumerate(choices) if c is pointed), None)
    while True:
        index = ask_one(ask, options, default=start)
        value = choices[int(index)]["value"]
        problem = _problem(prompt, value)
        if problem is None:
            return value
        ask.tell(problem)


ASKERS: dict[str, Callable[[Any, Any], Any]] = {
    "BaseListPrompt": _list, "ConfirmPrompt": _confirm, "NumberPrompt": _number,
    "SecretPrompt": lambda console, prompt: _text(console, prompt, password=True),
    "InputPrompt": _text,
}
"""How each kind of prompt is asked, by the name of the InquirerPy class it derives from
(checkbox, rawlist, expand and fuzzy are lists; filepath is input)."""


def _asker(prompt: Any) -> Callable[[Any, Any], Any] | None:
    for kind in type(prompt).__mro__:
        if kind.__name__ in ASKERS and kind.__module__.startswith("InquirerPy."):
            return ASKERS[kind.__name__]
    return None


def _answer(prompt: Any, console: Any, asker: Callable[[Any, Any], Any]) -> Any:
    """The prompt's answer, through its filter. Ctrl+C (Stop) raises `KeyboardInterrupt`,
    or with `raise_keyboard_interrupt=False` skips the prompt (None), or says it cannot
    be skipped (`mandatory`, the default), as in a terminal."""
    while True:
        try:
            result = asker(console, prompt)
        except KeyboardInterrupt:
            if getattr(prompt, "_raise_kbi", True):
                raise
            if getattr(prompt, "_mandatory", True):
                _ask(console, prompt).tell(str(getattr(prompt, "_mandatory_message", "")
                                               or "Mandatory prompt"))
                continue
            result = None
        return prompt._filter(result) if getattr(prompt, "_filter", None) else result


def _execute(original: Callable[..., Any]) -> Callable[..., Any]:
    def execute(self: Any, raise_keyboard_interrupt: bool | None = None) -> Any:
        console, asker = reading_console(), _asker(self)
        if console is None or asker is None:
            return original(self, raise_keyboard_interrupt)
        return _answer(self, console, asker)

    execute.__wrapped__ = original  # type: ignore[attr-defined]
    return execute


def _execute_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def execute_async(self: Any) -> Any:
        console, asker = reading_console(), _asker(self)
        if console is None or asker is None:
            return await original(self)
        # The program's event loop goes on meanwhile, as with prompt_toolkit's own.
        return await asyncio.to_thread(_answer, self, console, asker)

    execute_async.__wrapped__ = original  # type: ignore[attr-defined]
    return execute_async


def adjust(module: ModuleType) -> None:
    """Answer every prompt deriving from the module's `BaseSimplePrompt` in the console."""
    base = getattr(module, "BaseSimplePrompt", None)
    if isinstance(base, type):
        loadhook.replace(base, "execute", _execute)
        loadhook.replace(base, "execute_async", _execute_async)
