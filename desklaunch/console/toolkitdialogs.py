"""prompt_toolkit's dialogs and progress bars in the console (toolkithook.py meets them).

A dialog shows its title in bold, then asks its text: a field (`input_dialog`), buttons
(`message_dialog`, `yes_no_dialog`, `button_dialog`, `radiolist_dialog`) or boxes
(`checkboxlist_dialog`). End input is a dialog's Cancel, returning None as that button
does; a dialog without one asks again. `progress_dialog` runs its callback with the log as
lines and the percentage on the last; a `ProgressBar`'s counters are lines redrawn in place.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from typing import Any

from desklaunch.console.questions import Ask, Option, ask_many, ask_one, ask_text
from desklaunch.console.toolkitprompts import is_on, plain, problem, suggestions

CANCEL_HINT = "(End input to cancel)"
"""Said in the label of a dialog that has a Cancel button: End input is its Cancel."""
BAR_LINES = 20
"""Progress bar counters drawn at most; the rest are counted on one line, as a terminal
clips them to its height."""


def _heading(console: Any, options: dict[str, Any], *, cancel: bool = False) -> Ask:
    """Show the dialog's title; the question is its text (else its title), its field's
    label saying how to cancel where the dialog has a Cancel button."""
    title, text = plain(options.get("title")).strip(), plain(options.get("text")).strip()
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
                    password=is_on(options.get("password")),
                    suggestions=suggestions(options.get("completer"), None),
                    check=lambda text: problem(validator, text))


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
    return buttons[_one_button(_heading(console, options), [plain(t) for t, _v in buttons])][1]


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
                     [Option(plain(t)) for _v, t in values], default=start)
    return values[int(picked)][0]


@_cancellable
def _checkboxlist_dialog(console: Any, options: dict[str, Any]) -> list[Any]:
    values = list(options.get("values") or [])
    defaults = list(options.get("default_values") or [])
    picked = ask_many(_heading(console, options, cancel=True),
                      [Option(plain(t)) for _v, t in values],
                      ticked=[i for i, (value, _t) in enumerate(values) if value in defaults])
    return [values[i][0] for i in picked]


def _progress_dialog(console: Any, options: dict[str, Any]) -> None:
    """Run the dialog's callback here: its log written as it comes, its percentage on the
    last line, rewritten as it grows (the dialog's bar)."""
    _heading(console, options)
    text = plain(options.get("text")).strip()
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

def draw_bar(console: Any, bar: Any, done: threading.Event, pre_run: Any) -> None:
    """Draw a `ProgressBar`'s counters as lines until its `with` block ends, redrawing
    them in place (a terminal's redraw) as they advance, at most every 0.3 s."""
    title = plain(getattr(bar, "title", None)).strip()
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
    label = plain(counter.label).strip().rstrip(":").rstrip()  # "some file: " is usual
    label = f"{label}: " if label else ""
    done, total = counter.items_completed, counter.total
    if not total:
        return f"{label}{done}"
    part = min(1.0, done / total)
    filled = int(part * 30)
    arrow = "" if filled == 30 else ">"
    return f"{label}{part * 100:5.1f}% [{'=' * filled}{arrow}{' ' * (29 - filled)}] {done}/{total}"
