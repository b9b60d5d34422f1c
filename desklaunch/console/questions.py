"""Menu questions asked in the console's input line: one choice, several, yes or no, text.

Libraries that draw menus in a terminal (questionary, inquirer) read raw key presses, which
the console has not got; their adapters (questionhook.py, inquirerhook.py) ask the same
questions here instead, each the way it reads best on the page: a button per choice, a box
per choice where several may be picked, Yes and No, a field that starts with the default.
A refused answer is said on its own line and asked again, with what was typed still in the
field to put right; the answer finally given is left in the output after the question,
as a terminal leaves it.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

BUTTONS = 100
"""Choices offered as buttons (or boxes); a longer list is printed, numbered, to type from."""

INVALID = "Invalid input"
"""What the menu libraries say of an answer their validator refuses without a message."""
ASKER = "_desklaunch_ask"
"""The attribute of a library's question object (questionary's `Question`, a prompt_toolkit
`Application`) that holds how the console asks it."""
Check = Callable[[Any], "str | None"]
"""What is wrong with an answer, as a sentence, or None when it is accepted."""


@dataclass
class Ask:
    """One question: the console that asks it, its field's label, and what stands before
    the answer once given (`? Size?`, `[?] Size:`)."""

    console: Any  # desklaunch.console.terminal.Terminal (it imports the session machinery)
    label: str
    shown: str

    def read(self, *, hint: str = "", **field: Any) -> str:
        """One line typed for this question, not yet shown in the output; `EOFError` when
        input ended (End input, Ctrl+D)."""
        label = " ".join(f"{self.label or 'Answer'} {hint}".split())  # copier's end in "\n  "
        line = str(self.console.read_line(label=label, echo=False, **field))
        if not line:
            raise EOFError
        return line[:-1] if line.endswith("\n") else line

    def answered(self, answer: str) -> None:
        """Leave the question and its `answer` in the output."""
        self.console.write("out", f"{self.shown} " if self.shown else "")
        self.console.write("in", answer + "\n")

    def tell(self, problem: str) -> None:
        """Say why an answer was not taken (asked again after), in red, on standard output
        as the question is: the menu libraries write unseen terminal codes there, and
        the answer's line must come after this one."""
        self.console.write("out", f"\x1b[31m{problem.rstrip()}\x1b[0m\n")


@dataclass
class Option:
    """A choice: its title, why it cannot be chosen (True or a reason), if so, and what it
    means (shown when the pointer is on its button, as a terminal menu shows it below)."""

    title: str
    disabled: str | bool = False
    description: str = ""

    @property
    def shown(self) -> str:
        """The title with the reason it cannot be chosen, as a terminal menu shows it."""
        return f"{self.title} ({self.disabled})" if isinstance(self.disabled, str) \
            and self.disabled else self.title


def ask_text(ask: Ask, *, default: str = "", hint: str = "", password: bool = False,
             suggestions: Sequence[str] = (), check: Check | None = None,
             multiline: bool = False, mask: str = "*") -> str:
    """A line (or with `multiline`, lines until End input) that `check` accepts; a
    password is shown as `mask` for each character once given."""
    answer = default
    while True:
        if multiline and not password:
            answer = _lines(ask, answer)
        else:
            # A prompt library's password takes what was typed ahead, as prompt_toolkit's
            # does; only getpass flushes it.
            answer = ask.read(hint=hint, password=password, value=answer, flush=False,
                              suggestions=list(suggestions)[:BUTTONS * 10] or None)
        problem = check(answer) if check is not None else None
        if problem is None:
            ask.answered(mask * len(answer) if password else answer)
            return answer
        ask.tell(problem)
        if password:
            answer = ""


def _lines(ask: Ask, first: str) -> str:
    """Lines until End input, the first starting as `first`; shown once all are in."""
    hint = "(End input when done)"
    lines = [ask.read(hint=hint, value=first)]
    while True:
        try:
            lines.append(ask.read(hint=hint))
        except EOFError:
            return "\n".join(lines)


def ask_yes_no(ask: Ask, *, default: bool | None, hint: str = "",
               said: tuple[str, str] = ("Yes", "No")) -> bool:
    """Yes or No, by button or typed (y, yes, n, no); Enter alone takes `default`. The
    answer is left in the output as `said` spells it (prompt_toolkit's `y`, questionary's
    `Yes`)."""
    while True:
        answer = ask.read(hint=hint, answers=[["Yes", "Yes"], ["No", "No"]]).strip().casefold()
        if answer in ("y", "yes", "n", "no") or (not answer and default is not None):
            yes = bool(default) if not answer else answer.startswith("y")
            ask.answered(said[0] if yes else said[1])
            return yes
        ask.tell("Answer Yes or No.")


def ask_one(ask: Ask, options: Sequence[Option], *, default: int | None = None,
            free: bool = False) -> int | str:
    """The index of the choice picked (by button, title or number), the field starting
    with `default`'s title (else the first that can be chosen), as the terminal's pointer
    starts there; with `free`, text that names no choice is an answer of its own."""
    start = default if default is not None else next(
        (i for i, o in enumerate(options) if not o.disabled), None)
    answer = options[start].title if start is not None else ""
    while True:
        answer = ask.read(answers=_offered(ask, options), value=answer)
        picked = _picked(options, answer)
        if isinstance(picked, str) and free and answer.strip():
            ask.answered(answer.strip())
            return answer.strip()
        if not isinstance(picked, str) and not picked and start is not None:
            picked = [start]  # Enter with the field emptied: where the pointer starts
        if isinstance(picked, str):
            ask.tell(picked)
        elif len(picked) != 1:
            ask.tell("Choose one answer.")
        else:
            ask.answered(options[picked[0]].title)
            return picked[0]


def ask_many(ask: Ask, options: Sequence[Option], *, ticked: Sequence[int] = (),
             locked: Sequence[int] = (),
             check: Callable[[list[int]], str | None] | None = None) -> list[int]:
    """The indexes of the choices ticked (boxes, or titles and numbers typed, separated by
    commas), in the choices' order, once `check` accepts them; `locked` ones are ticked
    and stay so."""
    chosen = sorted({*ticked, *locked})
    while True:
        answer = ask.read(answers=_offered(ask, options, chosen, locked), many=True,
                          value=", ".join(options[i].title for i in chosen))
        picked = _picked(options, answer)
        if isinstance(picked, str):
            ask.tell(picked)
            continue
        chosen = sorted({*picked, *locked})
        problem = check(chosen) if check is not None else None
        if problem is None:
            ask.answered(", ".join(options[i].title for i in chosen))
            return chosen
        ask.tell(problem)


def _offered(ask: Ask, options: Sequence[Option], ticked: Sequence[int] = (),
             locked: Sequence[int] = ()) -> list[list[Any]] | None:
    """The choices as buttons (or boxes, `ticked` ticked, `locked` ones for good);
    printed, numbered, when there are too many to offer, to be typed by title or number."""
    if len(options) > BUTTONS:
        ask.console.write("out", "".join(f"{n:>4}) {o.shown}\n" for n, o in enumerate(options, 1)))
        return None
    return [[o.shown, o.title, {"disabled": bool(o.disabled) or i in locked,
                                "checked": i in ticked, "description": o.description}]
            for i, o in enumerate(options)]


def _picked(options: Sequence[Option], answer: str) -> list[int] | str:
    """The indexes of the choices `answer` names, by title (any case) or number, separated
    by commas (a title with a comma in it is found whole); or what is wrong with it."""
    titles = [o.title.strip().casefold() for o in options]
    picked: list[int] = []
    rest = answer.strip()
    while rest:
        folded = rest.casefold()
        found = max((i for i, t in enumerate(titles)
                     if t and folded.startswith(t) and folded[len(t):].lstrip()[:1] in ("", ",")),
                    key=lambda i: len(titles[i]), default=None)
        if found is not None:
            rest = rest[len(titles[found]):]
        else:
            part, _comma, rest = rest.partition(",")
            part = part.strip()
            found = int(part) - 1 if part.isdigit() and 0 < int(part) <= len(options) else None
            if found is None:
                return f"{part!r} is not one of the answers."
        if options[found].disabled:
            return f"{options[found].title!r} cannot be chosen" + (
                f" ({options[found].disabled})." if isinstance(options[found].disabled, str)
                else ".")
        if found not in picked:
            picked.append(found)
        rest = re.sub(r"^\s*,?\s*", "", rest)
    return picked


Offered: TypeAlias = "list[list[str]] | tuple[list[list[str]] | None, str] | None"
"""Buttons as `[label, line]` pairs, alone or with the words to put before the field's label."""


def offering(answers: Callable[..., Offered]
             ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a question that reads its answer as a line (click's `confirm`, rich's `Prompt`)
    so that meanwhile the console offers `answers(...)` (its arguments) as buttons."""

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def ask(*args: Any, **kwargs: Any) -> Any:
            offer = getattr(reading_console(), "offer", None)
            if offer is None:
                return original(*args, **kwargs)
            try:
                offered = answers(*args, **kwargs)
                offer(*offered) if isinstance(offered, tuple) else offer(offered)
            except TypeError:  # called in a way this version does not know: no buttons
                offer(None)
            try:
                return original(*args, **kwargs)
            finally:
                offer(None)

        ask.__wrapped__ = original  # type: ignore[attr-defined]
        return ask

    return wrap


def marking(asker: Callable[..., Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a function that makes a question (questionary's `select`, prompt_toolkit's
    `input_dialog`) so that what it makes holds, as `ASKER`, how the console asks it:
    `asker` given the call's arguments by name, as `options`."""

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def make(*args: Any, **kwargs: Any) -> Any:
            made = original(*args, **kwargs)
            try:
                bound = inspect.signature(original).bind(*args, **kwargs)
            except (TypeError, ValueError):  # made anyway: leave it to the library
                return made
            bound.apply_defaults()
            options = dict(bound.arguments)
            options.update(options.pop("kwargs", None) or {})
            setattr(made, ASKER, functools.partial(asker, options=options))
            return made

        return make

    return wrap


def loaded(module: str, name: str) -> Any:
    """`name` from `module` of a library the program itself loaded (prompt_toolkit's
    `Document`, ...). Never imported by name here: a build follows desklaunch's own imports
    into every app, and prompt_toolkit would bring pygments, Pillow and numpy along."""
    return getattr(importlib.import_module(module), name)


def refusal(validator: Any, document: Any) -> str | None:
    """The message a prompt_toolkit validator (questionary's, InquirerPy's) refuses
    `document` with, or None when it accepts it."""
    if validator is None:
        return None
    try:
        validator.validate(document)
    except loaded("prompt_toolkit.validation", "ValidationError") as refused:
        return str(refused.message) or INVALID
    return None


def reading_console() -> Any:
    """The console the calling run reads its lines from, or None outside console mode."""
    from desklaunch.console.streams import active_console

    console = active_console()
    return console if hasattr(console, "read_line") else None
