"""werkzeug's reloader in the console: `flask run --debug` starts its server as in a terminal.

Before it starts the server again in a child, werkzeug's reloader turns the terminal's echo
back on (a debugger may have left it off): `ensure_echo_on` asks termios about stdin when
`isatty()` says it is a terminal. The console's stdin is one for a program, but it has no
descriptor for termios, so the reloader failed and no server ever answered. There is no
echo to turn on in the console: in a console run `ensure_echo_on` does nothing. (The child
itself is `python -m flask ...`, since a run's `sys.orig_argv` is its own command line:
core/target.py `command_line`.)
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("werkzeug._reloader",)
"""The module of werkzeug's `run_with_reloader`, which Flask's `--debug` and `--reload` use."""


def adjust(module: ModuleType) -> None:
    """Leave the console's echo alone in `module`'s reloader during a console run."""
    loadhook.replace(module, "ensure_echo_on", _not_in_console)


def _not_in_console(original: Callable[[], Any]) -> Callable[[], Any]:
    def ensure_echo_on() -> Any:
        if reading_console() is not None:
            return None  # the console echoes what is typed; termios has no say there
        return original()

    ensure_echo_on.__wrapped__ = original  # type: ignore[attr-defined]
    return ensure_echo_on
