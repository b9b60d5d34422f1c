"""inquirer's questions asked in the console, for programs written with it, unchanged.

python-inquirer (`inquirer.prompt([...])`, `inquirer.list_input`, `checkbox`, `confirm`,
`text`, `password`, `path`, `editor`) draws each question with blessed and reads raw keys
with readchar, which the console has not got. Every question, from `prompt()` or a
shortcut, goes through one method, `ConsoleRender.render(question, answers)`; while a
console run is on (loadhook.py) that method asks it in the console's input line instead
(questions.py): a button per `List` choice, a box per `Checkbox` choice (`locked` ones
ticked for good), Yes and No, a field with the default for text. The question's own
`validate` decides, and its message is said before asking again, as inquirer shows it.
"""

from __future__ import annotations

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
)

WATCHED = ("inquirer.render.console",)
"""The module of `ConsoleRender`, adjusted once it has run."""


def _ask(console: Any, question: Any) -> Ask:
    """The question, shown after its answer as inquirer shows it: "[?] Size:"."""
    message = str(question.message)
    return Ask(console, message, f"[?] {message}:")


def _problem(question: Any, answer: Any) -> str | None:
    """inquirer's message for an answer the question's `validate` refuses, or None."""
    refused = loaded("inquirer.errors", "ValidationError")
    try:
        question.validate(answer)
    except refused as error:
        return str(error.reason) if error.reason else \
            f"{str(error.value)!r} is not a valid {question.name or 'answer'}."
    return None


def _text(console: Any, question: Any) -> str:
    return ask_text(_ask(console, question), password=question.kind == "password",
                    default="" if question.default is None else str(question.default),
                    multiline=question.kind == "editor", mask=str(getattr(question, "echo", "*")),
                    check=lambda text: _problem(question, text))


def _is_other(choice: Any) -> bool:
    """Whether `choice` is the "Other" a question with `other=True` ends with."""
    return type(choice).__name__ == "OtherChoice"


def _other(ask: Ask) -> str:
    """The answer of one's own, after "Other" was chosen (inquirer asks it as text)."""
    return ask_text(Ask(ask.console, f"{ask.label} (other)", ask.shown))


def _confirm(console: Any, question: Any) -> bool:
    default = bool(question.default)
    ask = _ask(console, question)
    while True:
        answer = ask_yes_no(ask, default=default, hint="(Y/n)" if default else "(y/N)")
        problem = _problem(question, answer)
        if problem is None:
            return answer
        ask.tell(problem)


def _list(console: Any, question: Any) -> Any:
    choices = question.choices
    default = question.default
    start = None if default is None else next(
        (i for i, c in enumerate(choices) if c == default or str(c) == str(default)), None)
    ask = _ask(console, question)
    while True:
        picked = ask_one(ask, [Option(str(c)) for c in choices], default=start,
                         free=any(_is_other(c) for c in choices))
        if isinstance(picked, int) and _is_other(choices[picked]):
            picked = _other(ask)
        value = getattr(choices[picked], "value", choices[picked]) \
            if isinstance(picked, int) else picked
        problem = _problem(question, value)
        if problem is None:
            return value
        ask.tell(problem)


def _checkbox(console: Any, question: Any) -> list[Any]:
    ask = _ask(console, question)
    defaults = question.default or []
    ticked = [i for i, c in enumerate(question.choices) if c in defaults]
    while True:
        choices = question.choices
        locked = [i for i, c in enumerate(choices) if c in (getattr(question, "locked", None)
                                                           or [])]

        def values(picked: list[int], choices: list[Any] = choices) -> list[Any]:
            return [getattr(choices[i], "value", choices[i]) for i in picked]

        def check(picked: list[int], choices: list[Any] = choices) -> str | None:
            if any(_is_other(choices[i]) for i in picked):
                return None  # the answer of one's own is asked first
            return _problem(question, values(picked))

        picked = ask_many(ask, [Option(str(c)) for c in choices], ticked=ticked, locked=locked,
                          check=check)
        if not any(_is_other(choices[i]) for i in picked):
            return values(picked)
        # "Other": one's own answer becomes a choice, ticked, and the question is asked again.
        kept = [choices[i] for i in picked if not _is_other(choices[i])]
        added = _other(ask)
        if added:
            question.add_choice(added)
            kept.append(added)
        ticked = [i for i, c in enumerate(question.choices) if any(c is k for k in kept)
                  or (isinstance(c, str) and c in kept)]


ASKERS: dict[str, Callable[[Any, Any], Any]] = {
    "text": _text, "password": _text, "path": _text, "editor": _text,
    "confirm": _confirm, "list": _list, "checkbox": _checkbox,
}


def _render(original: Callable[..., Any]) -> Callable[..., Any]:
    def render(self: Any, question: Any, answers: Any = None) -> Any:
        console, asker = reading_console(), ASKERS.get(getattr(question, "kind", ""))
        if console is None or asker is None:
            return original(self, question, answers)
        question.answers = answers or {}
        if question.ignore:
            return question.default
        return asker(console, question)

    render.__wrapped__ = original  # type: ignore[attr-defined]
    return render


def adjust(module: ModuleType) -> None:
    """Ask every question the module's `ConsoleRender` renders in the console."""
    renderer = getattr(module, "ConsoleRender", None)
    if isinstance(renderer, type):
        loadhook.replace(renderer, "render", _render)
