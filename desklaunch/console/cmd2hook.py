"""cmd2 shells in the console, for programs written with it, unchanged.

cmd2's `Cmd.cmdloop()` refuses to run outside the main thread (it sets signal handlers),
and a console run is a thread of its own; so while a console run is on (loadhook.py),
cmd2's module is told that the run's thread is the main one. Its handlers are then kept as
any program's are (Stop calls its Ctrl+C handler), and its shell shows its prompt before
each line it reads (cmd2's `interactive_pipe`), which labels the console's field, as a
terminal shows it before the cursor. What it completes at Tab for an empty command line,
its commands and aliases, is offered as the person types a command, and a question's
`choices` as the person answers it (`read_input(..., choices=[...])`); `select()`'s menu,
which a terminal answers by number, has a button per option, named by its text. What it
pages (`ppaged`, `less` in a terminal) is printed, as cmd2 prints it outside a terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.mainthread import RunThreading
from desklaunch.console.questions import BUTTONS, offering, reading_console

WATCHED = ("cmd2.cmd2",)
"""The module of `Cmd`, whose `cmdloop` asks `threading` for the main thread."""


def _prompting(original: Callable[..., Any]) -> Callable[..., Any]:
    """`Cmd.cmdloop`, or its inner `_cmdloop` that some shells call directly (cliff's
    interactive mode), showing the prompt before each line read, as on a terminal."""
    def loop(self: Any, *args: Any, **kwargs: Any) -> Any:
        if reading_console() is not None:
            self.interactive_pipe = True
        return original(self, *args, **kwargs)

    loop.__wrapped__ = original  # type: ignore[attr-defined]
    return loop


def _commands(shell: Any, *_args: Any, **_kwargs: Any) -> list[str]:
    """The shell's commands (not hidden or disabled) and aliases, as its Tab offers them."""
    words: list[str] = []
    with contextlib.suppress(Exception):  # a cmd2 this does not know, say: fewer offered
        words += [str(name) for name in shell.get_visible_commands()]
        words += [str(name) for name in getattr(shell, "aliases", {})]
    return sorted(set(words))


def _suggesting(words: Callable[..., list[str] | None]
                ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a way the shell reads a line so that meanwhile the console offers `words(...)`
    (of its arguments) as the person types; None leaves what is offered as it is."""

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def read(self: Any, *args: Any, **kwargs: Any) -> Any:
            suggest = getattr(reading_console(), "suggest", None)
            offered = words(self, *args, **kwargs) if suggest is not None else None
            if suggest is None or offered is None:
                return original(self, *args, **kwargs)
            suggest(offered)
            try:
                return original(self, *args, **kwargs)
            finally:
                suggest(None)

        read.__wrapped__ = original  # type: ignore[attr-defined]
        return read

    return wrap


def _choices(_shell: Any, *_args: Any, choices: Any = None, **_kwargs: Any) -> list[str] | None:
    """A question's own `choices` (a list, not a function that finds them), as Tab offers them."""
    if not isinstance(choices, (list, tuple, set, frozenset, dict)):
        return None
    return [str(choice) for choice in choices]


def _options(_shell: Any, opts: Any = (), *_args: Any, **_kwargs: Any) -> list[list[str]] | None:
    """`select()`'s options as buttons, each sending its number, as typed in a terminal: a
    string's words, a list's strings, or `(value, text)` pairs, as cmd2 reads them."""
    if not isinstance(opts, (str, list, tuple)):  # a generator is the program's to read, once
        return None
    options = opts.split() if isinstance(opts, str) else list(opts)
    if not options or len(options) > BUTTONS:
        return None
    texts = []
    for option in options:
        if isinstance(option, str):
            texts.append(option)
        elif isinstance(option, (tuple, list)) and option:
            texts.append(str(option[1] if len(option) > 1 and option[1] is not None
                             else option[0]))
        else:
            return None
    return [[text, str(number)] for number, text in enumerate(texts, 1)]


def _printed(original: Callable[..., None]) -> Callable[..., None]:
    """`Cmd.ppaged` in the console: `poutput`, the console scrolling where `less` would."""
    def ppaged(self: Any, *args: Any, **kwargs: Any) -> None:
        if reading_console() is None:
            return original(self, *args, **kwargs)
        for paging_only in ("chop", "dest"):
            kwargs.pop(paging_only, None)
        return self.poutput(*args, **kwargs)  # type: ignore[no-any-return]

    ppaged.__wrapped__ = original  # type: ignore[attr-defined]
    return ppaged


def adjust(module: ModuleType) -> None:
    """Let cmd2's shell run in the console's thread, showing its prompt and offering its
    commands."""
    loadhook.replace(module, "threading", RunThreading)
    shell = getattr(module, "Cmd", None)
    if isinstance(shell, type):
        loadhook.replace(shell, "cmdloop", _prompting)
        loadhook.replace(shell, "_cmdloop", _prompting)
        loadhook.replace(shell, "_read_command_line", _suggesting(_commands))
        loadhook.replace(shell, "read_input", _suggesting(_choices))
        loadhook.replace(shell, "select", offering(_options))
        loadhook.replace(shell, "ppaged", _printed)
