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
import inspect
import re
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook

WATCHED = ("questionary",)
"""The package, adjusted once it has run: it loads every question module."""
PROMPTS = ("text", "password", "confirm", "select", "rawselect", "checkbox", "autocomplete",
           "path", "press_any_key_to_continue")
"""questionary's question functions, each in the module `questionary.prompts.<name>`."""
ALIASES = {"list": "select", "rawlist": "rawselect", "input": "text"}
"""Older names `prompt()` takes for some of them."""
BUTTONS = 100
"""Choices offered as buttons (or boxes); a longer list is printed, numbered, to type from."""
INVALID = "Invalid input"
ASKER = "_desklaunch_ask"
"""The attribute of a `Question` that holds how the console asks it."""

Console = Any
"""desklaunch.console.terminal.Terminal (not imported: it imports the session machinery)."""


# -- asking, one kind of question at a time ---------------------------------------------------

def _read(console: Console, options: dict[str, Any], *, suffix: str = "", **field: Any) -> str:
    """One line for the question in `options`, not yet shown in the output (`_answered`
    shows it); `EOFError` when input ended (Ctrl+D), as prompt_toolkit raises."""
    message = _plain(options.get("message"))
    label = message or _plain(options.get("qmark")) or "Answer"
    line = str(console.read_line(label=f"{label} {suffix}".strip(), echo=False, **field))
    if not line:
        raise EOFError
    return line[:-1] if line.endswith("\n") else line


def _answered(console: Console, options: dict[str, Any], answer: str) -> None:
    """The question and its answer, left in the output as questionary leaves them."""
    qmark, message = _plain(options.get("qmark")), _plain(options.get("message"))
    console.write("out", " ".join(part for part in (qmark, message) if part) + " ")
    console.write("in", answer + "\n")


def _text(console: Console, options: dict[str, Any], *, password: bool = False) -> str:
    validator = _validator(options.get("validate"))
    answer = "" if options.get("default") is None else str(options.get("default"))
    suggestions = [_plain(c) for c in options.get("choices") or []][:BUTTONS * 10] or None
    while True:
        if options.get("multiline") and not password:
            answer = _lines(console, options, answer)
        else:
            answer = _read(console, options, suffix=_plain(options.get("instruction")),
                           password=password, value=answer, suggestions=suggestions)
        problem = _problem(validator, answer)
        if problem is None:
            _answered(console, options, "*" * len(answer) if password else answer)
            return answer
        _tell(console, problem)
        if password:
            answer = ""


def _lines(console: Console, options: dict[str, Any], default: str) -> str:
    """A multiline answer: lines until End input (Ctrl+D), the first one starting as
    `default`; in a terminal Alt+Enter (or Esc, Enter) ends it."""
    lines = [_read(console, options, suffix="(End input when done)", value=default)]
    while line := console.read_line(label="More lines"):
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


def _confirm(console: Console, options: dict[str, Any]) -> bool:
    default = bool(options.get("default", True))
    hint = _plain(options.get("instruction")) or ("(Y/n)" if default else "(y/N)")
    while True:
        answer = _read(console, options, suffix=hint,
                       answers=[["Yes", "Yes"], ["No", "No"]]).strip().casefold()
        if answer in ("", "y", "yes", "n", "no"):
            yes = default if not answer else answer.startswith("y")
            _answered(console, options, "Yes" if yes else "No")
            return yes
        _tell(console, "Answer Yes or No.")


def _select(console: Console, options: dict[str, Any]) -> Any:
    choices = _choices(options.get("choices"))
    first = next((c for c in choices if not c.disabled), None)
    default = _default_choice(choices, options.get("default")) or first
    answer = _plain(default.title) if default is not None else ""
    while True:
        answer = _read(console, options, answers=_offered(console, choices), value=answer)
        picked = _picked(choices, answer)
        if not isinstance(picked, str) and not picked and default is not None:
            picked = [default]  # Enter with the field emptied: where the pointer starts
        if isinstance(picked, str):
            _tell(console, picked)
        elif len(picked) != 1:
            _tell(console, "Choose one answer.")
        else:
            _answered(console, options, _plain(picked[0].title))
            return picked[0].value


def _checkbox(console: Console, options: dict[str, Any]) -> list[Any]:
    choices = _choices(options.get("choices"))
    validate = options.get("validate")
    ticked = [c for c in choices if c.checked and not c.disabled]
    while True:
        answer = _read(console, options, answers=_offered(console, choices, ticked), many=True,
                       value=", ".join(_plain(c.title) for c in ticked))
        picked = _picked(choices, answer)
        if isinstance(picked, str):
            _tell(console, picked)
            continue
        ticked = [c for c in choices if c in picked]
        verdict = validate([c.value for c in ticked]) if callable(validate) else True
        if verdict is True:
            _answered(console, options, ", ".join(_plain(c.title) for c in ticked))
            return [c.value for c in ticked]
        _tell(console, INVALID if verdict is False else str(verdict))


def _press_any_key(console: Console, options: dict[str, Any]) -> None:
    message = _plain(options.get("message")) or "Press any key to continue..."
    console.read_line(prompt=f"{message} ", label=message)


ASKERS: dict[str, Callable[..., Any]] = {
    "text": _text, "path": _text, "autocomplete": _text,
    "password": functools.partial(_text, password=True),
    "confirm": _confirm, "select": _select, "rawselect": _select, "checkbox": _checkbox,
    "press_any_key_to_continue": _press_any_key,
}


# -- choices ----------------------------------------------------------------------------------

def _choices(raw: Any) -> list[Any]:
    """questionary's own `Choice`s for `raw` (strings, dicts, Choices), separators left out."""
    package = sys.modules["questionary"]
    built = [package.Choice.build(c) for c in raw or []]
    return [c for c in built if not isinstance(c, package.Separator)]


def _default_choice(choices: Sequence[Any], default: Any) -> Any:
    if default is None:
        return None
    return next((c for c in choices if not c.disabled and (
        c is default or c.value == default or _plain(c.title) == _plain(default))), None)


def _offered(console: Console, choices: Sequence[Any], ticked: Sequence[Any] = ()
             ) -> list[list[Any]] | None:
    """The choices as buttons (or boxes, `ticked` ticked); printed, numbered, when there
    are too many to offer, to be typed by title or number."""
    if len(choices) > BUTTONS:
        listing = "".join(f"{n:>4}) {_plain(c.title)}{_why_not(c)}\n"
                          for n, c in enumerate(choices, 1))
        console.write("out", listing)
        return None
    return [[_plain(c.title) + _why_not(c), _plain(c.title),
             {"disabled": bool(c.disabled), "checked": c in ticked}]
            for c in choices]


def _why_not(choice: Any) -> str:
    disabled = choice.disabled
    return "" if not disabled else f" ({disabled})" if isinstance(disabled, str) else ""


def _picked(choices: Sequence[Any], answer: str) -> list[Any] | str:
    """The choices `answer` names, by title or number, separated by commas (a title with a
    comma in it is found whole); what is wrong with it as a sentence."""
    titles = [_plain(c.title).strip().casefold() for c in choices]
    picked: list[Any] = []
    rest = answer.strip()
    while rest:
        folded = rest.casefold()
        found = max((i for i, t in enumerate(titles)
                     if t and folded.startswith(t) and folded[len(t):].lstrip()[:1] in ("", ",")),
                    key=lambda i: len(titles[i]), default=None)
        if found is not None:
            part, rest = rest[:len(titles[found])], rest[len(titles[found]):]
        else:
            part, _comma, rest = rest.partition(",")
            part = part.strip()
            found = int(part) - 1 if part.isdigit() and 0 < int(part) <= len(choices) else None
        if found is None:
            return f"{part!r} is not one of the answers."
        if choices[found].disabled:
            return f"{_plain(choices[found].title)!r} cannot be chosen{_why_not(choices[found])}."
        if choices[found] not in picked:
            picked.append(choices[found])
        rest = re.sub(r"^\s*,?\s*", "", rest)
    return picked


# -- helpers ----------------------------------------------------------------------------------

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
    common = sys.modules.get("questionary.prompts.common")
    build = getattr(common, "build_validator", None)
    return build(validate) if build is not None and validate else None


def _problem(validator: Any, answer: str) -> str | None:
    """The validator's message for `answer`, or None when it accepts it."""
    if validator is None:
        return None
    from prompt_toolkit.document import Document
    from prompt_toolkit.validation import ValidationError

    try:
        validator.validate(Document(answer, len(answer)))
    except ValidationError as refused:
        return str(refused.message) or INVALID
    return None


def _tell(console: Console, problem: str) -> None:
    console.write("err", f"{problem}\n")


def _console() -> Console | None:
    """The console the calling run reads its lines from, or None outside console mode."""
    from desklaunch.console.streams import active_console

    console = active_console()
    return console if hasattr(console, "read_line") else None


# -- meeting questionary ----------------------------------------------------------------------

def _asking(kind: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a question function so the `Question` it makes knows how to ask in the console."""
    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def make(*args: Any, **kwargs: Any) -> Any:
            question = original(*args, **kwargs)
            try:
                bound = inspect.signature(original).bind(*args, **kwargs)
            except (TypeError, ValueError):  # made anyway: leave it to prompt_toolkit
                return question
            bound.apply_defaults()
            options = dict(bound.arguments)
            options.update(options.pop("kwargs", None) or {})
            setattr(question, ASKER, functools.partial(ASKERS[kind], options=options))
            return question

        return make

    return wrap


def _unsafe_ask(original: Callable[..., Any]) -> Callable[..., Any]:
    def unsafe_ask(self: Any, patch_stdout: bool = False) -> Any:
        ask, console = getattr(self, ASKER, None), _console()
        if ask is None or console is None or self.should_skip_question:
            return original(self, patch_stdout)
        return ask(console)

    return unsafe_ask


def _unsafe_ask_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def unsafe_ask_async(self: Any, patch_stdout: bool = False) -> Any:
        ask, console = getattr(self, ASKER, None), _console()
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
                loadhook.replace(owner, kind, _asking(kind))
    table = getattr(sys.modules.get("questionary.prompts"), "AVAILABLE_PROMPTS", None)
    if isinstance(table, dict):
        for name in list(table):
            kind = ALIASES.get(name, name)
            if kind in ASKERS:
                loadhook.replace(table, name, _asking(kind))

