"""Console mode: an unmodified command-line script shown as a desktop app.

A script that never imports desklaunch (detect.py) runs with `print`, `input`, `getpass`,
argparse, logging and progress bars shown in a console in the window: runner.py runs it,
terminal.py and streams.py carry its text both ways, argform.py turns its parser into a
form, clickform.py a click command or typer app (met at run time by clickhook.py), and
argline.py gives a program with no parser an Arguments line. The page's side is
desklaunch/assets/js/console*.js; the commands are in docs/protocol.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from desklaunch.console.detect import target_wants_console, wants_console
from desklaunch.core.settings import AppSettings, settings_folder
from desklaunch.core.target import Target, forget_syntax_tree

if TYPE_CHECKING:
    from desklaunch.console.runner import ConsoleProgram

__all__ = ["ConsoleMain", "ConsoleProgram", "console_program", "wants_console"]


def __getattr__(name: str) -> Any:
    # The runner (streams, argparse form, fd capture) loads only when a script needs it, so
    # starting a desklaunch.ui script does not pay for console mode.
    if name == "ConsoleProgram":
        from desklaunch.console.runner import ConsoleProgram

        return ConsoleProgram
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def console_program(target: Target, argv: list[str], *, forced: bool = False,
                    close_on_exit: bool = False, name: str | None = None,
                    data_dir: Path | None = None) -> ConsoleMain | None:
    """The console-mode main for `target`, or None when it runs as a desklaunch.ui script.

    A whole script or one of its functions (`script.py:main`, `async def` ones too, each run
    with `asyncio.run` as a terminal program does) runs in console mode.
    Arguments given after the script skip the argument form. Remembered arguments live in
    a `console` folder of the app's settings folder, apart from the window's settings.
    """
    try:
        if not target_wants_console(target, forced=forced):
            return None
        from desklaunch.console import ctrlc

        ctrlc.forward_signals()  # here, on the main thread: the only one that may set them
        settings = AppSettings(settings_folder(name, data_dir) / "console") if name else None
        return ConsoleMain(target.as_whole(), list(argv) or None, close_on_exit=close_on_exit,
                           settings=settings)
    finally:
        forget_syntax_tree()  # its last reader is done


class ConsoleMain:
    """A console-mode session's main that builds its `ConsoleProgram` when the session
    starts: the runner and the App's core it uses load while the page does, not before the
    server answers its first request."""

    def __init__(self, target: Target, argv: list[str] | None, *, close_on_exit: bool,
                 settings: AppSettings | None) -> None:
        self._made = (target, argv, close_on_exit, settings)
        self._program: ConsoleProgram | None = None

    def __call__(self) -> None:
        if self._program is None:
            from desklaunch.console.runner import ConsoleProgram

            target, argv, close_on_exit, settings = self._made
            self._program = ConsoleProgram(target, argv, close_on_exit=close_on_exit,
                                           settings=settings)
        self._program()

    @property
    def last_code(self) -> int | None:
        """The exit code of the last run that ended (None while one runs, or before)."""
        return None if self._program is None else self._program.last_code
