"""questionary's questions asked in the console, for programs written with it, unchanged.

questionary (`select`, `checkbox`, `confirm`, `text`, ...) draws each question with
prompt_toolkit, which reads key presses from a real terminal; in the console it would end
with a bare `EOFError`. So while a console run is on (loadhook.py), every question function,
wherever a program finds it (the package, its `prompts` modules, the table `prompt()` and
`form()` use), still builds its `Question` (questionary checks its arguments as ever), and
the `Question` is asked in the console's input line instead:

- `text`, `path`, `autocomplete` (its choices offered as the person types) and `password`:
  a field that starts with the default, and asks again with the validator's message until
  it accepts the answer;
- `confirm`: Yes and No buttons (or y/n typed; Enter alone takes the default);
- `select` and `rawselect`: a button per choice (or its title or number typed), the field
  starting with the default choice, as the terminal's pointer does;
- `checkbox`: a box per choice, whose ticks fill the field ("bar, foo");
- `press_any_key_to_continue`: Enter.

Each answer stays in the output after its question, as in a terminal; Stop is Ctrl+C
(`ask()` prints "Cancelled by user" and returns None), End input is Ctrl+D (`EOFError`).
"""

from __future__ import annotations

import asyncio
import functools
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import (
    ASKER,
    INVALID,
    Ask,
    Option,
    ask_many,
    ask_one,
    ask_text,
    ask_yes_no,
    loaded,
    marking,
    reading_console,
    refusal,
)

WATCHED = ("questionary",)
"""The package, adjusted once it has run: it loads every question module."""
PROMPTS = ("text", "password", "confirm", "select", "rawselect", "checkbox", "autocomplete",
           "path", "press_any_key_to_continue")
"""questionary's question functions, each in the module `questionary.prompts.<name>`."""
ALIASES = {"list": "select", "rawlist": "rawselect", "input": "text"}
"""Older names `prompt()` takes for some of them."""


# -- asking, one kind of question at a time ---------------------------------------------------

def _ask(console: Any, options: dict[str, Any]) -> Ask:
    """The question in `options`, shown after its answer as questionary shows it: "? Size?"."""
    qmark, message = _plain(options.get("qmark")), _plain(options.get("message"))
    return Ask(console, message or qmark, " ".join(part for part in (qmark, message) if part))


def _text(console: Any, options: dict[str, Any], *, password: bool = False) -> str:
    validator = _validator(options.get("validate"))
    return ask_text(_ask(console, options), password=password,
                    default="" if options.get("default") is None else str(options["default"]),
                    hint=_plain(options.get("instruction")),
                    suggestions=[_plain(c) for c in options.get("choices") or []],
                    check=lambda answer: _problem(validator, answer),
                    multiline=bool(options.get("multiline")))


def _confirm(console: Any, options: dict[str, Any]) -> bool:
    default = bool(options.get("default", True))
    return ask_yes_no(_ask(console, options), default=default,
                      hint=_plain(options.get("instruction")) or ("(Y/n)" if default else "(y/N)"))


def _select(console: Any, options: dict[str, Any]) -> Any:
    choices = _choices(options.get("choices"))
    default = options.get("default")
    start = None if default is None else next(
        (i for i, c in enumerate(choices) if not c.disabled and (
            c is default or c.value == default or _plain(c.title) == _plain(default))), None)
    return choices[int(ask_one(_ask(console, options), [_option(c) for c in choices],
                               default=start))].value


def _checkbox(console: Any, options: dict[str, Any]) -> list[Any]:
    choices = _choices(options.get("choices"))
    validate = options.get("validate")

    def check(picked: list[int]) -> str | None:
        verdict = validate([choices[i].value for i in picked]) if callable(validate) else True
        return None if verdict is True else INVALID if verdict is False else str(verdict)

    ticked = [i for i, c in enumerate(choices) if c.checked and not c.disabled]
    picked = ask_many(_ask(console, options), [_option(c) for c in choices], ticked=ticked,
                      check=check)
    return [choices[i].value for i in picked]


def _press_any_key(console: Any, options: dict[str, Any]) -> None:
    message = _plain(options.get("message")) or "Press any key to continue..."
    console.read_line(prompt=f"{message} ", label=message)


ASKERS: dict[str, Callable[..., Any]] = {
    "text": _text, "path": _text, "autocomplete": _text,
    "password": functools.partial(_text, password=True),
    "confirm": _confirm, "select": _select, "rawselect": _select, "checkbox": _checkbox,
    "press_any_key_to_continue": _press_any_key,
}


def _choices(raw: Any) -> list[Any]:
    """questionary's own `Choice`s for `raw` (strings, dicts, Choices), separators left out."""
    choice, separator = loaded("questionary", "Choice"), loaded("questionary", "Separator")
    return [c for c in (choice.build(c) for c in raw or []) if not isinstance(c, separator)]


def _option(choice: Any) -> Option:
    disabled = choice.disabled
    return Option(_plain(choice.title), disabled if isinstance(disabled, str) else bool(disabled),
                  _plain(getattr(choice, "description", None)))


def _plain(text: Any) -> str:
    """The words of a message, title or qmark: a string, or prompt_toolkit's formatted text
    (a list of (style, text) pairs)."""
    if text is None:
        return ""
    if isinstance(text, list):
        return "".join(str(part[1]) for part in text if isinstance(part, tuple) and len(part) > 1)
    return str(text)


def _validator(validate: Any) -> Any:
    """questionary's own validator for `validate` (a function, a `Validator` or its class)."""
    return loaded("questionary.prompts.common", "build_validator")(validate) if validate else None


def _problem(validator: Any, answer: str) -> str | None:
    """The validator's message for `answer`, or None when it accepts it."""
    document = loaded("prompt_toolkit.document", "Document")
    return refusal(validator, document(answer, len(answer)))


# -- meeting questionary ----------------------------------------------------------------------

def _unsafe_ask(original: Callable[..., Any]) -> Callable[..., Any]:
    def unsafe_ask(self: Any, patch_stdout: bool = False) -> Any:
        ask, console = getattr(self, ASKER, None), reading_console()
        if ask is None or console is None or self.should_skip_question:
            return original(self, patch_stdout)
        return ask(console)

    return unsafe_ask


def _unsafe_ask_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def unsafe_ask_async(self: Any, patch_stdout: bool = False) -> Any:
        ask, console = getattr(self, ASKER, None), reading_console()
        if ask is None or console is None or self.should_skip_question:
            return await original(self, patch_stdout)
        # The program's event loop goes on meanwhile, as with prompt_toolkit's own.
        return await asyncio.to_thread(ask, console)

    return unsafe_ask_async


def adjust(package: ModuleType) -> None:
    """Adjust questionary once its package (which loads every question module) has run."""
    question = getattr(package, "Question", None)
    if isinstance(question, type):
        loadhook.replace(question, "unsafe_ask", _unsafe_ask)
        loadhook.replace(question, "unsafe_ask_async", _unsafe_ask_async)
    for kind in PROMPTS:
        for owner in (package, sys.modules.get(f"questionary.prompts.{kind}")):
            if owner is not None:
                loadhook.replace(owner, kind, marking(ASKERS[kind]))
    table = getattr(sys.modules.get("questionary.prompts"), "AVAILABLE_PROMPTS", None)
    if isinstance(table, dict):
        for name in list(table):
            kind = ALIASES.get(name, name)
            if kind in ASKERS:
                loadhook.replace(table, name, marking(ASKERS[kind]))

