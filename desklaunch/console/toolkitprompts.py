"""prompt_toolkit's line questions asked in the console: a session's prompt, `confirm()`,
`choice()` (toolkithook.py meets prompt_toolkit; these ask).

A `PromptSession`'s prompt is a field that starts with the default, with what the completer
offers and the history's entries as suggestions, and Tab completing with the completer (for
IPython, its names and attributes). Each line typed is followed by the
session's own Enter, run as in a terminal on the text so far, so the session decides as it
does there: take it (its validator first), or begin a new line (IPython's for an
incomplete statement, with its indent; litecli's until the `;`). A password is masked; the
answer goes into the history, as in a terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections.abc import Iterable
from typing import Any

from desklaunch.console.completions import MAX_MATCHES, Completer, Completion, completed
from desklaunch.console.questions import (
    INVALID,
    Ask,
    Option,
    ask_one,
    ask_yes_no,
    loaded,
    refusal,
)

ACCEPT_DEFAULT = "_desklaunch_accept_default"
"""The attribute of a `PromptSession` saying its `prompt()` was called with `accept_default`."""
SUGGESTIONS = 1000
"""Completions and history entries offered as the person types, at most."""
SUGGESTING_TIME = 0.3
"""Seconds spent gathering them, at most (past the item being read): a slow completer or
history (prompt_toolkit's own examples have both) must not hold the question back."""


def session_prompt(console: Any, session: Any) -> str:
    """A `PromptSession`'s question, with what its `prompt()` call set on it."""
    message = plain(session.message)
    ask = Ask(console, message.strip(), message.rstrip())
    if getattr(session, ACCEPT_DEFAULT, False):  # taken without asking, as in a terminal
        ask.answered(session.default_buffer.text)
        return str(session.default_buffer.text)
    try:
        answer = _typed(ask, session, str(session.default_buffer.text),
                        suggestions(session.completer, session.history))
    except KeyboardInterrupt:
        raise session.interrupt_exception() from None
    except EOFError:
        raise session.eof_exception() from None
    _remember(session.history, answer)
    return answer


def _typed(ask: Ask, session: Any, value: str, offered: list[str]) -> str:
    """Lines typed until the session takes them: a line at a time, each followed by the
    session's own Enter as a terminal runs it (IPython's runs a complete statement and
    indents the next line of an incomplete one; litecli's waits for the `;`). A session
    with no Enter of its own takes a line, or with `multiline`, lines until End input.
    Each line is shown once in, after the prompt or its continuation, as a terminal shows
    the block."""
    password = is_on(session.is_password)
    # `multiline=True` with no Enter of the session's own: Meta+Enter takes it in a terminal
    until_end = session.multiline is True and not password \
        and _press_enter(session, "")[0] == "line"
    block: list[str] = []
    while True:
        hint = "(End input when done)" if until_end else "(continued)" if block else ""
        try:
            line = ask.read(hint=hint, password=password, value=value,
                            suggestions=None if password else offered or None,
                            completer=None if password else _completing(session.completer, block))
        except (EOFError, KeyboardInterrupt) as ended:
            if block and isinstance(ended, EOFError):
                return "\n".join(block)  # End input takes the block as it is
            if not block:  # the prompt stays on the screen, as a terminal leaves it
                ask.console.write("out", ask.shown + "\n")
            raise
        text = "\n".join([*block, line])
        verdict, after = (None, "") if password else _press_enter(session, text)
        if verdict is None:
            refused = problem(session.validator, text)
            verdict, after = ("refused", refused) if refused else ("take", text)
        if verdict == "refused":
            ask.tell(after)
            value = line
            continue
        shown = ("*" * len(line)) if password else line
        _echo(ask, session, len(block), shown)
        if verdict == "take":
            return after
        head, _newline, value = after.rpartition("\n")  # the new line's start: an indent
        block = head.split("\n")


def _completing(completer: Any, block: list[str]) -> Completer | None:
    """Tab in a session's field: what `completer` completes the line with, after the lines
    of the `block` typed so far, as prompt_toolkit's Tab takes it (None without one)."""
    if completer is None:
        return None

    def complete_line(line: str, cursor: int) -> Completion:
        above = "".join(f"{text}\n" for text in block)
        document = loaded("prompt_toolkit.document", "Document")(above + line, len(above) + cursor)
        event = loaded("prompt_toolkit.completion", "CompleteEvent")(completion_requested=True)
        heads: list[str] = []
        names: list[str] = []
        more = False
        with contextlib.suppress(Exception):  # the program's completer: a failure offers none
            for item in completer.get_completions(document, event):
                if len(heads) == MAX_MATCHES:
                    more = True
                    break
                start = cursor + int(item.start_position)
                if start >= 0:  # not one reaching into the lines above
                    heads.append(line[:start] + str(item.text))
                    names.append(str(getattr(item, "display_text", "") or item.text))
        return completed(line, cursor, heads, names, more=more)

    return complete_line


def _echo(ask: Ask, session: Any, number: int, line: str) -> None:
    """Show line `number` of the answer after the prompt, or after its continuation."""
    if number == 0:
        ask.answered(line)
        return
    continuation = session.prompt_continuation
    width = len(ask.shown) + 1
    with contextlib.suppress(Exception):  # the program's own function
        if callable(continuation):
            continuation = continuation(width, number, 0)
    prefix = " " * width if continuation is None else plain(continuation)
    ask.console.write("out", prefix)
    ask.console.write("in", line + "\n")


def _press_enter(session: Any, text: str) -> tuple[str | None, str]:
    """Press the session's own Enter on `text`, as in a terminal: ("take", answer) when the
    session takes it, ("line", its text) when Enter began a new line, ("refused", why) when
    its validator refused it; (None, "") when the session has no Enter of its own there
    (prompt_toolkit's multiline default) or pressing it failed."""
    buffer = session.default_buffer
    taken: list[str] = []
    own_handler = buffer.accept_handler

    def take(done: Any) -> bool:
        taken.append(done.text)
        return True  # keep the text, as the session's own handler ends the app with it

    buffer.accept_handler = take
    try:
        loop = asyncio.new_event_loop()  # for the tasks the buffer starts (completions)
        try:
            pressed = loop.run_until_complete(_pressing(session, text))
        finally:
            for task in asyncio.all_tasks(loop):
                task.cancel()
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()
    except Exception:  # noqa: BLE001 - the program's own key handler: a line, as if none
        return None, ""
    finally:
        buffer.accept_handler = own_handler
    if taken:
        return "take", taken[0]
    if buffer.validation_error is not None:
        return "refused", str(buffer.validation_error.message) or INVALID
    if pressed == "multiline":  # prompt_toolkit's own Enter there: a new line
        return "line", text + "\n"
    if pressed == "pressed" and buffer.text != text:
        return "line", str(buffer.text)
    return None, ""


async def _pressing(session: Any, text: str) -> str:
    """Enter's key binding in the session's app run on `text` ("pressed"); else whether
    prompt_toolkit's own Enter would begin a new line there ("multiline") or not ("none"),
    as the session's `multiline` (a condition on the text, for litecli) says."""
    app, buffer = session.app, session.default_buffer
    document = loaded("prompt_toolkit.document", "Document")
    keys = loaded("prompt_toolkit.keys", "Keys")
    processor = loaded("prompt_toolkit.key_binding.key_processor", "KeyPress")
    with loaded("prompt_toolkit.application.current", "set_app")(app):
        buffer.reset(document(text, len(text)))
        bindings = [binding for binding in app.key_bindings.get_bindings_for_keys(
            (keys.ControlM,)) if binding.filter()] if app.key_bindings else []
        if not bindings:
            multiline = loaded("prompt_toolkit.filters", "to_filter")(session.multiline)()
            return "multiline" if multiline else "none"
        event = loaded("prompt_toolkit.key_binding.key_processor", "KeyPressEvent")(
            weakref.ref(app.key_processor), None, [processor(keys.ControlM, "\r")], [], False)
        bindings[-1].call(event)
        await asyncio.sleep(0)
        return "pressed"


def ask_confirm(console: Any, message: Any, suffix: str) -> bool:
    """`confirm()`: Yes or No; like prompt_toolkit's, Enter alone is no answer, and the
    answer is left as its key, `y` or `n`."""
    text = plain(message).strip()
    return ask_yes_no(Ask(console, text, f"{text} {suffix.strip()}".strip()), default=None,
                      hint=suffix.strip(), said=("y", "n"))


def ask_choice(console: Any, choice: Any) -> Any:
    """A `choice()` (a `ChoiceInput`): a button per option, the field starting with the
    default, where its pointer starts."""
    message = plain(choice.message).strip()
    options = list(choice.options)
    start = next((i for i, (value, _l) in enumerate(options) if value == choice.default), None)
    try:
        picked = ask_one(Ask(console, message, message),
                         [Option(plain(label).strip()) for _v, label in options], default=start)
    except KeyboardInterrupt:
        raise choice.interrupt_exception() from None
    return options[int(picked)][0]


def suggestions(completer: Any, history: Any) -> list[str]:
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


def problem(validator: Any, answer: str) -> str | None:
    """The prompt_toolkit validator's message for `answer`, or None when it accepts it."""
    return refusal(validator, loaded("prompt_toolkit.document", "Document")(answer, len(answer)))


def is_on(flag: Any) -> bool:
    """A prompt_toolkit filter or bool, as it stands now."""
    try:
        return bool(loaded("prompt_toolkit.filters", "to_filter")(flag)())
    except Exception:  # noqa: BLE001 - a filter that reads the running app: off
        return False


def plain(text: Any) -> str:
    """The words of prompt_toolkit's formatted text (a string, HTML, ANSI, fragments, or a
    function returning one), without their styles."""
    if text is None:
        return ""
    fragments = loaded("prompt_toolkit.formatted_text", "to_formatted_text")(text)
    return "".join(str(fragment[1]) for fragment in fragments
                   if "[ZeroWidthEscape]" not in fragment[0])
