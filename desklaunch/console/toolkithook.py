"""prompt_toolkit's own prompts asked in the console, for programs written with it, unchanged.

prompt_toolkit reads key presses from a real terminal; in the console each of its prompts
would end with a bare `EOFError`. While a console run is on (loadhook.py), the applications
its prompts build are marked with how the console asks them, and `Application.run` (or
`run_async`) asks there instead:

- `prompt()` and a `PromptSession`'s `prompt`/`prompt_async`, `confirm()` and `choice()`
  (toolkitprompts.py): a field, its lines taken as the session's own Enter takes them;
- the dialogs and `ProgressBar` (toolkitdialogs.py).

Any other application draws a full screen, which the console cannot show: the person is
told so, and prompt_toolkit ends it with `EOFError` as before.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import sys
import threading
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import ASKER, loaded, marking, reading_console
from desklaunch.console.toolkitdialogs import DIALOG_ASKERS, draw_bar
from desklaunch.console.toolkitprompts import (
    ACCEPT_DEFAULT,
    ask_choice,
    ask_confirm,
    session_prompt,
)

WATCHED = ("prompt_toolkit",)
"""The package, adjusted once it has run: it loads the application, prompts and dialogs."""
DIALOGS = ("input_dialog", "message_dialog", "yes_no_dialog", "button_dialog",
           "radiolist_dialog", "checkboxlist_dialog", "progress_dialog")
DONE = "_desklaunch_done"
"""The attribute of a `ProgressBar` whose event is set when its `with` block ends."""
FULL_SCREEN_NOTICE = (
    "desklaunch: this script draws a full-screen prompt_toolkit application, which needs a "
    "real terminal. The console shows lines of text only; run it in a terminal instead.\n")

_entering_bar: contextvars.ContextVar[Any] = contextvars.ContextVar("desklaunch_bar",
                                                                     default=None)
"""The `ProgressBar` being entered; its drawing thread runs in a copy of this context."""


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
            return lambda console: draw_bar(console, bar, done, pre_run)
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
        setattr(self.app, ASKER, functools.partial(session_prompt, session=self))

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
        setattr(session.app, ASKER, functools.partial(ask_confirm, message=message, suffix=suffix))
        return session

    return create


def _choice_prompt(original: Callable[..., Any]) -> Callable[..., Any]:
    def prompt(self: Any) -> Any:
        console = reading_console()
        return original(self) if console is None else ask_choice(console, self)

    prompt.__wrapped__ = original  # type: ignore[attr-defined]
    return prompt


def _choice_prompt_async(original: Callable[..., Any]) -> Callable[..., Any]:
    async def prompt_async(self: Any) -> Any:
        console = reading_console()
        if console is None:
            return await original(self)
        return await asyncio.to_thread(ask_choice, console, self)

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
