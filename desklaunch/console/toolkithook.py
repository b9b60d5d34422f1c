"""prompt_toolkit's own prompts asked in the console, for programs written with it, unchanged.

prompt_toolkit reads key presses from a real terminal; in the console each of its prompts
would end with a bare `EOFError`. While a console run is on (loadhook.py), the applications
its prompts build are marked with how the console asks them, and `Application.run` (or
`run_async`) asks there instead:

- `prompt()` and a `PromptSession`'s `prompt`/`prompt_async`: a field that starts with the
  default; the completer's words offered as the person types; the validator's message said
  until it accepts; a password masked; multiline lines until End input; the answer added to
  the session's history (a `FileHistory` keeps it for the next run, as in a terminal);
- `confirm()`: Yes and No; `choice()`: a button per option;
- the dialogs: the title in bold and the text, then a field (`input_dialog`), buttons
  (`message_dialog`, `yes_no_dialog`, `button_dialog`, `radiolist_dialog`) or boxes
  (`checkboxlist_dialog`); Cancel is End input, and the dialog returns None as its Cancel
  button does; `progress_dialog` runs its callback with the percentage and log as lines;
- `ProgressBar`: its counters drawn as lines, redrawn as they advance.

Any other application draws a full screen, which the console cannot show: the person is
told so, and prompt_toolkit ends it with `EOFError` as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import sys
import threading
import time
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import (
    ASKER,
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

WATCHED = ("prompt_toolkit",)
"""The package, adjusted once it has run: it loads the application, prompts and dialogs."""
DIALOGS = ("input_dialog", "message_dialog", "yes_no_dialog", "button_dialog",
           "radiolist_dialog", "checkboxlist_dialog", "progress_dialog")
ACCEPT_DEFAULT = "_desklaunch_accept_default"
"""The attribute of a `PromptSession` saying its `prompt()` was called with `accept_default`."""
DONE = "_desklaunch_done"
"""The attribute of a `ProgressBar` whose event is set when its `with` block ends."""
CANCEL_HINT = "(End input to cancel)"
"""Said in the label of a dialog that has a Cancel button: End input is its Cancel."""
SUGGESTIONS = 1000
"""Completions and history entries offered as the person types, at most."""
SUGGESTING_TIME = 0.3
"""Seconds spent gathering them, at most (past the item being read): a slow completer or
history (prompt_toolkit's own examples have both) must not hold the question back."""
BAR_LINES = 20
"""Progress bar counters drawn at most; the rest are counted on one line, as a terminal
clips them to its height."""
FULL_SCREEN_NOTICE = (
    "desklaunch: this script draws a full-screen prompt_toolkit application, which needs a "
    "real terminal. The console shows lines of text only; run it in a terminal instead.\n")

_entering_bar: contextvars.ContextVar[Any] = contextvars.ContextVar("desklaunch_bar",
                                                                     default=None)
"""The `ProgressBar` being entered; its drawing thread runs in a copy of this context."""


# -- prompts ----------------------------------------------------------------------------------

def _session_prompt(console: Any, session: Any) -> str:
    """A `PromptSession`'s question, with what its `prompt()` call set on it."""
    message = _plain(session.message)
    ask = Ask(console, message.strip(), message.rstrip())
    if getattr(session, ACCEPT_DEFAULT, False):  # taken without asking, as in a terminal
        ask.answered(session.default_buffer.text)
        return str(session.default_buffer.text)
    validator = session.validator
    try:
        answer = ask_text(ask, default=session.default_buffer.text,
                          password=_on(session.is_password),
                          suggestions=_suggestions(session.completer, session.history),
                          check=lambda text: _problem(validator, text),
                          multiline=_on(session.multiline))
    except KeyboardInterrupt:
        raise session.interrupt_exception() from None
    except EOFError:
        raise session.eof_exception() from None
    _remember(session.history, answer)
    return answer


def _confirm(console: Any, message: Any, suffix: str) -> bool:
    text = _plain(message).strip()
    return ask_yes_no(Ask(console, text, f"{text} {suffix.strip()}".strip()), default=None,
                      hint=suffix.strip())


def _choice(console: Any, choice: Any) -> Any:
    """A `choice()` (a `ChoiceInput`): a button per option, the field starting with the
    default, where its pointer starts."""
    message = _plain(choice.message).strip()
    options = list(choice.options)
    start = next((i for i, (value, _l) in enumerate(options) if value == choice.default), None)
    try:
        picked = ask_one(Ask(console, message, message),
                         [Option(_plain(label).strip()) for _v, label in options], default=start)
    except KeyboardInterrupt:
        raise choice.interrupt_exception() from None
    return options[int(picked)][0]


def _suggestions(completer: Any, history: Any) -> list[str]:
    """What the completer offers for an empty line, then the history's entries (newest
    first): a terminal offers both as the person types (Tab, the up arrow)."""
    found: list[str] = []
    until = time.monotonic() + SUGGESTING_TIME
    # A completer that needs its running app, an unreadable history file: none offered.
    with contextlib.suppress(Exception):
        if completer is not None:
            found += _completions(completer, until)
    with contextlib.suppress(Exception):
        if history is not None:
            found += _first(history.load_history_strings(), until)
    return list(dict.fromkeys(s for s in found if s.strip()))[:SUGGESTIONS]


def _completions(completer: Any, until: float) -> list[str]:
    """What `completer` offers for an empty line; for a `NestedCompleter`, each word with
    the words that may follow it ("show", "show version"), as a terminal offers them in turn."""
    options = getattr(completer, "options", None)
    if type(completer).__name__ == "NestedCompleter" and isinstance(options, dict):
        phrases: list[str] = []
        for word, inner in options.items():
            phrases.append(str(word))
            if inner is not None:
                phrases += [f"{word} {rest}" for rest in _completions(inner, until)]
            if len(phrases) >= SUGGESTIONS or time.monotonic() > until:
                break
        return phrases
    event = loaded("prompt_toolkit.completion", "CompleteEvent")(completion_requested=True)
    document = loaded("prompt_toolkit.document", "Document")("", 0)
    return _first((c.text for c in completer.get_completions(document, event)), until)


def _first(items: Iterable[Any], until: float) -> list[str]:
    """The first of `items`, as many as come before `until` (a `time.monotonic()`)."""
    taken: list[str] = []
    for item in items:
        taken.append(str(item))
        if len(taken) == SUGGESTIONS or time.monotonic() > until:
            break
    return taken


def _remember(history: Any, answer: str) -> None:
    """Add `answer` to the history, as an accepted line is in a terminal (not twice in a row)."""
    if history is None or not answer:
        return
    strings = history.get_strings()
    if not strings or strings[-1] != answer:
        history.append_string(answer)


def _problem(validator: Any, answer: str) -> str | None:
    return refusal(validator, loaded("prompt_toolkit.document", "Document")(answer, len(answer)))


def _on(flag: Any) -> bool:
    """A prompt_toolkit filter or bool, as it stands now."""
    try:
        return bool(loaded("prompt_toolkit.filters", "to_filter")(flag)())
    except Exception:  # noqa: BLE001 - a filter that reads the running app: off
        return False


def _plain(text: Any) -> str:
    """The words of prompt_toolkit's formatted text (a string, HTML, ANSI, fragments, or a
    function returning one), without their styles."""
    if text is None:
        return ""
    fragments = loaded("prompt_toolkit.formatted_text", "to_formatted_text")(text)
    return "".join(str(fragment[1]) for fragment in fragments
                   if "[ZeroWidthEscape]" not in fragment[0])


# -- dialogs ----------------------------------------------------------------------------------

def _heading(console: Any, options: dict[str, Any], *, cancel: bool = False) -> Ask:
    """Show the dialog's title; the question is its text (else its title), its field's
    label saying how to cancel where the dialog has a Cancel button."""
    title, text = _plain(options.get("title")).strip(), _plain(options.get("text")).strip()
    if title:
        console.write("out", f"\x1b[1m{title}\x1b[0m\n")
    return Ask(console, f"{text or title} {CANCEL_HINT}" if cancel else text or title, text)


def _cancellable(ask: Callable[..., Any]) -> Callable[..., Any]:
    """A dialog asker that returns None at End input, as the dialog's Cancel button does."""
    @functools.wraps(ask)
    def asking(console: Any, options: dict[str, Any]) -> Any:
        try:
            return ask(console, options)
        except EOFError:
            console.write("out", "Cancelled\n")
            return None

    return asking


@_cancellable
def _input_dialog(console: Any, options: dict[str, Any]) -> str:
    validator = options.get("validator")
    return ask_text(_heading(console, options, cancel=True),
                    default=str(options.get("default") or ""),
                    password=_on(options.get("password")),
                    suggestions=_suggestions(options.get("completer"), None),
                    check=lambda text: _problem(validator, text))


def _message_dialog(console: Any, options: dict[str, Any]) -> None:
    ask = _heading(console, options)
    ok = str(options.get("ok_text") or "Ok")
    with contextlib.suppress(EOFError):  # End input closes it as Enter does
        ask_one(ask, [Option(ok)])


def _yes_no_dialog(console: Any, options: dict[str, Any]) -> bool:
    titles = [str(options.get("yes_text") or "Yes"), str(options.get("no_text") or "No")]
    return _one_button(_heading(console, options), titles) == 0


def _button_dialog(console: Any, options: dict[str, Any]) -> Any:
    buttons = list(options.get("buttons") or [])
    return buttons[_one_button(_heading(console, options), [_plain(t) for t, _v in buttons])][1]


def _one_button(ask: Ask, titles: list[str]) -> int:
    """The button pressed in a dialog that has no Cancel: End input asks again."""
    while True:
        try:
            return int(ask_one(ask, [Option(title) for title in titles]))
        except EOFError:
            ask.tell("Choose one of the answers.")


@_cancellable
def _radiolist_dialog(console: Any, options: dict[str, Any]) -> Any:
    values = list(options.get("values") or [])
    default = options.get("default")
    start = next((i for i, (value, _t) in enumerate(values) if value == default), None)
    picked = ask_one(_heading(console, options, cancel=True),
                     [Option(_plain(t)) for _v, t in values], default=start)
    return values[int(picked)][0]


@_cancellable
def _checkboxlist_dialog(console: Any, options: dict[str, Any]) -> list[Any]:
    values = list(options.get("values") or [])
    defaults = list(options.get("default_values") or [])
    picked = ask_many(_heading(console, options, cancel=True),
                      [Option(_plain(t)) for _v, t in values],
                      ticked=[i for i, (value, _t) in enumerate(values) if value in defaults])
    return [values[i][0] for i in picked]


def _progress_dialog(console: Any, options: dict[str, Any]) -> None:
    """Run the dialog's callback here: its log written as it comes, its percentage on the
    last line, rewritten as it grows (the dialog's bar)."""
    _heading(console, options)
    text = _plain(options.get("text")).strip()
    if text:
        console.write("out", text + "\n")
    percentage: int | None = None

    def set_percentage(value: int) -> None:
        nonlocal percentage
        percentage = int(value)
        console.write("out", f"\r{percentage}%\x1b[K")

    def log_text(logged: str) -> None:
        console.write("out", "\r\x1b[K" + logged + ("" if logged.endswith("\n") else "\n"))
        if percentage is not None:
            console.write("out", f"{percentage}%")

    try:
        options["run_callback"](set_percentage, log_text)
    finally:
        if percentage is not None:
            console.write("out", "\n")


DIALOG_ASKERS: dict[str, Callable[..., Any]] = {
    "input_dialog": _input_dialog, "message_dialog": _message_dialog,
    "yes_no_dialog": _yes_no_dialog, "button_dialog": _button_dialog,
    "radiolist_dialog": _radiolist_dialog, "checkboxlist_dialog": _checkboxlist_dialog,
    "progress_dialog": _progress_dialog,
}


# -- progress bars ----------------------------------------------------------------------------

def _draw_bar(console: Any, bar: Any, done: threading.Event, pre_run: Any) -> None:
    """Draw a `ProgressBar`'s counters as lines until its `with` block ends, redrawing
    them in place (a terminal's redraw) as they advance, at most every 0.3 s."""
    title = _plain(getattr(bar, "title", None)).strip()
    if title:
        console.write("out", f"\x1b[1m{title}\x1b[0m\n")
    if callable(pre_run):
        pre_run()
    drawn: list[str] = []
    while True:
        finished = done.wait(0.3)
        lines = [_counter_line(c) for c in list(bar.counters)
                 if not (c.remove_when_done and c.done)]
        if len(lines) > BAR_LINES:
            lines[BAR_LINES - 1:] = [f"... and {len(lines) - BAR_LINES + 1} more"]
        if lines != drawn:
            # Up to the first line drawn, the lines again, and what was below them erased
            # (a counter that is done and removed).
            up = f"\x1b[{len(drawn)}F" if drawn else ""
            console.write("out", up + "".join(f"\r{line}\x1b[K\n" for line in lines) + "\x1b[J")
            drawn = lines
        if finished:
            return


def _counter_line(counter: Any) -> str:
    """One counter as prompt_toolkit's default bar reads: `Files:  70.0% [===>  ] 35/50`."""
    label = _plain(counter.label).strip().rstrip(":").rstrip()  # "some file: " is usual
    label = f"{label}: " if label else ""
    done, total = counter.items_completed, counter.total
    if not total:
        return f"{label}{done}"
    part = min(1.0, done / total)
    filled = int(part * 30)
    arrow = "" if filled == 30 else ">"
    return f"{label}{part * 100:5.1f}% [{'=' * filled}{arrow}{' ' * (29 - filled)}] {done}/{total}"


# -- meeting prompt_toolkit -------------------------------------------------------------------

def _asker(app: Any, pre_run: Any) -> Callable[[Any], Any] | None:
    """How the console asks `app`, or None when it is a full-screen application of the
    program's own."""
    ask = getattr(app, ASKER, None)
    if ask is not None:
        return ask  # type: ignore[no-any-return]
    bar = _entering_bar.get()
    if bar is not None and getattr(bar, "app", None) is app:
        done = getattr(bar, DONE, None)
        if isinstance(done, threading.Event):
            return lambda console: _draw_bar(console, bar, done, pre_run)
    return None


def _run(original: Callable[..., Any]) -> Callable[..., Any]:
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        console = reading_console()
        ask = _asker(self, _pre_run(args, kwargs)) if console is not None else None
        if console is None or (ask is None and _reads_nothing(self)):
            return original(self, *args, **kwargs)
        return _full_screen(console) if ask is None else ask(console)

    run.__wrapped__ = original  # type: ignore[attr-defined]
    return run


def _run_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def run_async(self: Any, *args: Any, **kwargs: Any) -> Any:
        console = reading_console()
        ask = _asker(self, _pre_run(args, kwargs)) if console is not None else None
        if console is None or (ask is None and _reads_nothing(self)):
            return await original(self, *args, **kwargs)
        if ask is None:
            return _full_screen(console)
        # The program's event loop goes on meanwhile, as with prompt_toolkit's own.
        return await asyncio.to_thread(ask, console)

    run_async.__wrapped__ = original  # type: ignore[attr-defined]
    return run_async


def _reads_nothing(app: Any) -> bool:
    """An application made to read no key (`print_container`'s): it asks nothing, so it is
    left to prompt_toolkit."""
    given = getattr(app, "input", None)  # the session's own is a DummyInput here too
    return type(given).__name__ == "DummyInput" and given is not loaded(
        "prompt_toolkit.application.current", "get_app_session")().input


def _full_screen(console: Any) -> Any:
    """Say that a full-screen application cannot be shown, and end it as prompt_toolkit
    does without a terminal to read, before it draws screenfuls of codes."""
    console.write("err", FULL_SCREEN_NOTICE)
    raise EOFError


def _pre_run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return kwargs.get("pre_run", args[0] if args else None)


def _session_init(original: Callable[..., Any]) -> Callable[..., Any]:
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        setattr(self.app, ASKER, functools.partial(_session_prompt, session=self))

    init.__wrapped__ = original  # type: ignore[attr-defined]
    return init


def _session_prompt_call(original: Callable[..., Any]) -> Callable[..., Any]:
    """`PromptSession.prompt` (or `prompt_async`), noting whether it takes its default
    without asking, which prompt_toolkit leaves to a callable run at the app's start."""
    def prompt(self: Any, *args: Any, **kwargs: Any) -> Any:
        setattr(self, ACCEPT_DEFAULT, bool(kwargs.get("accept_default")))
        return original(self, *args, **kwargs)

    prompt.__wrapped__ = original  # type: ignore[attr-defined]
    return prompt


def _confirm_session(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def create(message: Any = "Confirm?", suffix: str = " (y/n) ") -> Any:
        session = original(message, suffix)
        setattr(session.app, ASKER, functools.partial(_confirm, message=message, suffix=suffix))
        return session

    return create


def _choice_prompt(original: Callable[..., Any]) -> Callable[..., Any]:
    def prompt(self: Any) -> Any:
        console = reading_console()
        return original(self) if console is None else _choice(console, self)

    prompt.__wrapped__ = original  # type: ignore[attr-defined]
    return prompt


def _choice_prompt_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def prompt_async(self: Any) -> Any:
        console = reading_console()
        if console is None:
            return await original(self)
        return await asyncio.to_thread(_choice, console, self)

    prompt_async.__wrapped__ = original  # type: ignore[attr-defined]
    return prompt_async


def _bar_enter(original: Callable[..., Any]) -> Callable[..., Any]:
    def enter(self: Any) -> Any:
        setattr(self, DONE, threading.Event())  # before its thread starts drawing
        token = _entering_bar.set(self)
        try:
            return original(self)
        finally:
            _entering_bar.reset(token)

    enter.__wrapped__ = original  # type: ignore[attr-defined]
    return enter


def _bar_exit(original: Callable[..., Any]) -> Callable[..., Any]:
    def exit_(self: Any, *exc: object) -> None:
        done = getattr(self, DONE, None)
        if done is not None:
            done.set()
        original(self, *exc)

    exit_.__wrapped__ = original  # type: ignore[attr-defined]
    return exit_


def adjust(package: ModuleType) -> None:
    """Adjust prompt_toolkit once its package (which loads the modules below) has run."""
    app = getattr(sys.modules.get("prompt_toolkit.application.application"), "Application", None)
    if isinstance(app, type):
        loadhook.replace(app, "run", _run)
        loadhook.replace(app, "run_async", _run_async)
    prompts = sys.modules.get("prompt_toolkit.shortcuts.prompt")
    session = getattr(prompts, "PromptSession", None)
    if isinstance(session, type):
        loadhook.replace(session, "__init__", _session_init)
        loadhook.replace(session, "prompt", _session_prompt_call)
        loadhook.replace(session, "prompt_async", _session_prompt_call)
    if prompts is not None:
        loadhook.replace(prompts, "create_confirm_session", _confirm_session)
    for kind in DIALOGS:
        for owner in (sys.modules.get("prompt_toolkit.shortcuts.dialogs"),
                      sys.modules.get("prompt_toolkit.shortcuts")):
            if owner is not None:
                loadhook.replace(owner, kind, marking(DIALOG_ASKERS[kind]))
    choice = getattr(sys.modules.get("prompt_toolkit.shortcuts.choice_input"), "ChoiceInput",
                     None)  # prompt_toolkit 3.0.52 on
    if isinstance(choice, type):
        loadhook.replace(choice, "prompt", _choice_prompt)
        loadhook.replace(choice, "prompt_async", _choice_prompt_async)
    bar = getattr(sys.modules.get("prompt_toolkit.shortcuts.progress_bar.base"),
                  "ProgressBar", None)
    if isinstance(bar, type):
        loadhook.replace(bar, "__enter__", _bar_enter)
        loadhook.replace(bar, "__exit__", _bar_exit)
