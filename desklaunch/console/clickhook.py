"""Meeting click and typer at run time, without importing either.

click and typer are not dependencies of desklaunch: a script brings them. So nothing here
imports them; an import hook waits for a script to load `click.core` (or the copy of click
that typer carries, `typer._click.core`) and then adjusts what console mode needs:

- `Command.make_context`, where every click command (and every typer app) turns the command
  line into values, is where the run waits for the form (`armed`): the command is caught the
  moment the program asks it to parse `sys.argv`, as argparse parsers are (argcatch.py), and
  goes on with the words chosen. Wherever the command was built (the script, a helper
  module, a library), it is found.
- `should_strip_ansi` keeps `click.echo`/`secho` colours for the console, which shows them,
  also where click asks about stdin.
- `echo_via_pager` prints its text into the console, which scrolls, where it would start
  `less`: click's pager is told stdin is no terminal, as it is where click prints instead.
- `confirm` and `prompt` (with a `Choice`) offer their answers as buttons beside the input
  field; the question is still asked and answered as a line, as in a terminal.
- `getchar` and `pause` (press a key) wait for a line in the console, not for a key on the
  terminal desklaunch was started from (or nothing, as click skips `pause` for a pipe).
- `edit(text)` shows the text and takes its replacement typed line by line, where a
  terminal editor (vim) could not draw and would hang the run.
- `progressbar` draws its bar (a line rewritten with `\r`, which the console shows in
  place) instead of printing only its label, as it does for a pipe.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import offering, reading_console

CORE_MODULES = ("click.core", "typer._click.core")
"""The modules that define a click `Command`: click's, and typer's own copy of click."""
WATCHED = (*CORE_MODULES, "click._termui_impl", "typer._click._termui_impl")
"""Modules adjusted when they load (`_termui_impl`, the progress bar, loads only when used)."""


Ask = Callable[[Any, str], "list[str] | None"]
"""Shows the form for (command, program name); the words chosen, or None to go on as is."""


class _State(threading.local):
    ask: Ask | None = None


_state = _State()


@contextlib.contextmanager
def armed(ask: Ask) -> Iterator[None]:
    """Within this block, the calling thread's first top-level command asked to parse
    `sys.argv` goes to `ask`, which waits for the words; they become `sys.argv[1:]`."""
    _state.ask = ask
    try:
        yield
    finally:
        _state.ask = None


def _console_stream(stream: Any) -> bool:
    """Whether `stream` writes to (or reads from) the console: the process-wide stand-in,
    a run's own stream, or click's wrapper around one of those or their bytes."""
    from desklaunch.console.bytestreams import ConsoleBuffer
    from desklaunch.console.runstreams import is_run_stream
    from desklaunch.console.streams import ConsoleStream, active_console

    seen = 0
    while stream is not None and seen < 6:  # click wraps streams in helpers of its own
        if isinstance(stream, (ConsoleStream, ConsoleBuffer)) or is_run_stream(stream):
            return active_console() is not None
        stream = getattr(stream, "_stream", None) or getattr(stream, "buffer", None) \
            or getattr(stream, "raw", None)
        seen += 1
    return False


def _make_context(original: Callable[..., Any]) -> Callable[..., Any]:
    def make_context(self: Any, info_name: str | None, args: list[str],
                     parent: Any = None, **extra: Any) -> Any:
        ask = _state.ask
        if ask is not None and parent is None and list(args) == sys.argv[1:]:
            _state.ask = None
            chosen = ask(self, info_name or "")
            if chosen is not None:
                sys.argv[1:] = chosen
                args = list(chosen)
        return original(self, info_name, args, parent, **extra)

    make_context.__wrapped__ = original  # type: ignore[attr-defined]
    return make_context


def _should_strip_ansi(original: Callable[..., bool]) -> Callable[..., bool]:
    def should_strip_ansi(stream: Any = None, color: bool | None = None) -> bool:
        if color is None and _console_stream(sys.stdin if stream is None else stream):
            return False
        return original(stream, color)

    should_strip_ansi.__wrapped__ = original  # type: ignore[attr-defined]
    return should_strip_ansi


def _progress_bar(original: Callable[..., None]) -> Callable[..., None]:
    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if _console_stream(getattr(self, "file", None)):
            if hasattr(self, "_is_atty"):  # click 8.2 and later
                self._is_atty = True
            if hasattr(self, "is_hidden"):  # before
                self.is_hidden = bool(getattr(self, "hidden", False))

    init.__wrapped__ = original  # type: ignore[attr-defined]
    return init


def _confirm_answers(*args: Any, **kwargs: Any) -> list[list[str]]:
    return [["Yes", "y"], ["No", "n"]]


def _prompt_answers(text: Any = None, default: Any = None, hide_input: bool = False,
                    confirmation_prompt: Any = False, type: Any = None,  # noqa: A002
                    *args: Any, **kwargs: Any) -> list[list[str]] | None:
    choices = getattr(type, "choices", None)
    if hide_input or str(getattr(type, "name", "")) != "choice" or not choices:
        return None
    return [[str(c), str(c)] for c in choices][:20]


def _getchar(original: Callable[..., str]) -> Callable[..., str]:
    """`getchar()` (a key press) in the console: the first character of a line entered,
    "\r" for an empty one (Enter, as a terminal gives it); end of input is Ctrl+D's
    `EOFError`. Without this it would wait on the terminal desklaunch was started from."""
    def getchar(echo: bool = False) -> str:
        console = reading_console()
        if console is None:
            return original(echo)
        line = console.read_line()
        if not line:
            raise EOFError
        return line.rstrip("\n")[:1] or "\r"

    getchar.__wrapped__ = original  # type: ignore[attr-defined]
    return getchar


def _pause(original: Callable[..., None]) -> Callable[..., None]:
    """`pause()` in the console waits for Enter (click skips it where stdin is no terminal)."""
    def pause(info: str | None = None, err: bool = False) -> None:
        console = reading_console()
        if console is None:
            return original(info, err)
        text = "Press any key to continue..." if info is None else info
        stream = sys.stderr if err else sys.stdout
        stream.write(text)
        stream.flush()
        with contextlib.suppress(KeyboardInterrupt, EOFError):
            console.read_line()

    pause.__wrapped__ = original  # type: ignore[attr-defined]
    return pause


EDIT_NOTE = ("Editing here, not in an editor: type the new text, a line at a time, then End "
             "input (Ctrl+D). End input at once keeps the text as it was.\n")


def _edit(original: Callable[..., Any]) -> Callable[..., Any]:
    """`edit(text)` in the console: the text shown, its replacement typed line by line
    (a terminal editor such as vim cannot draw in the console, and would hang the run);
    None when nothing was typed, as click returns for an editor closed without saving."""
    def edit(text: Any = None, *args: Any, **kwargs: Any) -> Any:
        console = reading_console()
        if console is None or kwargs.get("filename") or len(args) >= 4:
            return original(text, *args, **kwargs)
        raw = isinstance(text, (bytes, bytearray))
        shown = bytes(text).decode("utf-8", "replace") if raw else str(text or "")
        sys.stdout.write(EDIT_NOTE + shown + ("" if not shown or shown.endswith("\n") else "\n"))
        sys.stdout.flush()
        lines = []
        while line := console.read_line():
            lines.append(line)
        if not lines:
            return None
        new = "".join(lines)
        return new.encode("utf-8") if raw else new

    edit.__wrapped__ = original  # type: ignore[attr-defined]
    return edit


def adjust(module: ModuleType) -> None:
    """Adjust what a freshly loaded module of `WATCHED` holds."""
    if module.__name__.endswith("._termui_impl"):
        bar = getattr(module, "ProgressBar", None)
        if isinstance(bar, type) and "__init__" in vars(bar):
            loadhook.replace(bar, "__init__", _progress_bar)
        loadhook.replace(module, "isatty", _stdin_no_terminal)
    else:
        _adjust_core(module)


def _stdin_no_terminal(original: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """click's `isatty` for its pager: the console's stdin is no terminal to page on."""
    def isatty(stream: Any) -> bool:
        if stream is sys.stdin and reading_console() is not None:
            return False
        return original(stream)

    isatty.__wrapped__ = original  # type: ignore[attr-defined]
    return isatty


def _adjust_core(core: ModuleType) -> None:
    """Adjust one click package, given its `core` module."""
    package = core.__name__.rpartition(".")[0]
    command = getattr(core, "Command", None)
    if isinstance(command, type) and "make_context" in vars(command):
        loadhook.replace(command, "make_context", _make_context)
    for module_name in ("_compat", "utils"):
        module = sys.modules.get(f"{package}.{module_name}")
        if module is not None:
            loadhook.replace(module, "should_strip_ansi", _should_strip_ansi)
    # The questions, wherever a program finds them: the package (`click.confirm`, typer's
    # `typer.confirm`), termui, and core (an option's `prompt=`). A package still loading
    # has none yet, and takes termui's adjusted ones when it gets them.
    holders = [sys.modules.get(f"{package}.termui"), core, sys.modules.get(package)]
    if package == "typer._click":
        holders.append(sys.modules.get("typer"))
    for module in holders:
        if module is not None:
            loadhook.replace(module, "confirm", offering(_confirm_answers))
            loadhook.replace(module, "prompt", offering(_prompt_answers))
            loadhook.replace(module, "getchar", _getchar)
            loadhook.replace(module, "pause", _pause)
            loadhook.replace(module, "edit", _edit)

