"""Starting desklaunch the same way frozen or not: from `launch()` or a built app's entry.

- `multiprocessing.freeze_support()` first, so a frozen child process runs its task instead
  of opening a second app;
- a missing `sys.stdout`/`sys.stderr` (windowed apps) is replaced by the log file, and any
  stream that cannot encode a path is made to escape instead of failing;
- the working directory is never assumed: a bundled script is found from the bundle itself;
- a failure at start-up is logged, said in one line with the log's path and, in a frozen
  app with no console to say it on, shown in a native error dialog.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from desklaunch.core import logs
from desklaunch.core.buildhint import left_out_by_build
from desklaunch.desktop.errorbox import show_error_dialog
from desklaunch.errors import DesklaunchError

if TYPE_CHECKING:
    from desklaunch.desktop.options import Options

log = logging.getLogger(__name__)

DIALOG_TITLE = "The app could not start"
_TRUE = frozenset({"1", "true", "yes", "on"})


def is_frozen() -> bool:
    """True inside a PyInstaller (or similar) bundle."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder holding the bundle's files (a onefile app's unpacked copy included)."""
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return Path(sys.executable).resolve().parent


def app_name() -> str:
    """The name the log folder goes under: the executable's for a frozen app."""
    return Path(sys.executable).stem if is_frozen() else "desklaunch"


def prepare(*, debug: bool = False) -> Path | None:
    """Make this process safe to start desklaunch in; the log file's path, if there is one."""
    multiprocessing.freeze_support()
    debug = debug or os.environ.get("DESKLAUNCH_DEBUG", "").strip().lower() in _TRUE
    path = logs.setup(app_name(), debug=debug)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:  # a path with any character must print, not fail
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    if sys.stdout is None:
        sys.stdout = logs.LogStream("stdout", logging.INFO)
    if sys.stderr is None or (is_frozen() and not isinstance(sys.stderr, logs.LogStream)):
        # A frozen app's errors belong in its log even when a console shows them too.
        sys.stderr = logs.LogStream("stderr", logging.ERROR, echo=sys.stderr)
    return path


@contextlib.contextmanager
def reported_failures(*, reraise: bool) -> Iterator[None]:
    """Log an exception escaping the block, say it in one line (and a dialog when frozen).

    With `reraise`, the exception then goes on to the caller (`launch()` is a library
    call); without, the process exits with code 1 (a built app's entry).
    """
    try:
        yield
    except DesklaunchError as exc:
        _report(str(exc), None)
        if reraise:
            raise
        sys.exit(exc.exit_code)
    except Exception as exc:
        _report(f"{type(exc).__name__}: {exc}", exc)
        if reraise:
            raise
        sys.exit(1)


def _report(message: str, exc: BaseException | None) -> None:
    log.error("start-up failed: %s", message, exc_info=exc)
    path = logs.current()
    where = f" (details in {path})" if path is not None else ""
    if sys.stderr is not None:
        print(f"desklaunch: error: {message}{where}", file=sys.stderr, flush=True)
    if is_frozen():
        details = f"\n\nDetails are in the log file:\n{path}" if path is not None else ""
        show_error_dialog(DIALOG_TITLE, f"{message}{details}")


AT_RUN_TIME = {"--browser": False, "--no-open": False, "--close-on-exit": False}
"""The options a built app takes on its command line (whether each takes a value)."""


def split_arguments(argv: Sequence[str], takes_value: dict[str, bool]) -> tuple[list[str],
                                                                            list[str]]:
    """A built app's command line → (desklaunch's leading options, the script's arguments).

    `takes_value` maps each desklaunch option to whether it takes a value. Options are read
    until the first argument that is not one of them (or `--`); `--help` belongs to the script.
    """
    options: list[str] = []
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--":
            index += 1
            break
        name = argument.split("=", 1)[0]
        if name not in takes_value or name in ("-h", "--help"):
            break
        options.append(argument)
        if takes_value[name] and "=" not in argument and index + 1 < len(argv):
            options.append(argv[index + 1])
            index += 1
        index += 1
    return options, list(argv[index:])


def run_bundled(script: str, title: str | None = None, gui: str | None = None, *,
                module: bool = False, left_out: Sequence[str] = (),
                not_installed: Sequence[str] = (), icon: str | None = None) -> NoReturn:
    """Entry of an app made by `desklaunch build`: run its bundled script as `desklaunch` would.

    The built app is the script's program: leading `--browser`, `--no-open` and
    `--close-on-exit` are desklaunch's (how it shows), and every other argument is the
    script's, `--version`, `--name` and `--help` included (`mytool --version` is the tool's).
    desklaunch's other options come from their `DESKLAUNCH_<OPTION>` variables. It uses the
    window backend it was built with (`gui`), the only one it bundles. With `module`,
    `script` is a module's name (`desklaunch build -m`), found in the bundle. `left_out`
    names the packages the build was told to leave out (`--exclude`), `not_installed` the
    modules the building Python could not import (it warned of them); `icon`, the window's
    icon in the bundle (Linux, where the executable has none).
    """
    prepare()
    left_out_by_build(list(left_out), list(not_installed))
    with reported_failures(reraise=False):
        from desklaunch.cli import run_script

        options, rest = split_arguments(sys.argv[1:], AT_RUN_TIME)
        if title and not any(o.split("=", 1)[0] == "--title" for o in options) \
                and "DESKLAUNCH_TITLE" not in os.environ:
            options += ["--title", title]
        if gui and not any(o.split("=", 1)[0] == "--gui" for o in options) \
                and "DESKLAUNCH_GUI" not in os.environ:
            options += ["--gui", gui]  # the one backend the app was built with
        if icon and (bundle_dir() / icon).is_file() and "DESKLAUNCH_ICON" not in os.environ:
            options += ["--icon", str(bundle_dir() / icon)]
        if module:
            run_script([*options, "-m", script, *rest], search_first=bundle_dir())
        else:
            run_script([*options, str(bundle_dir() / script), *rest])
    sys.exit(0)


def with_environment(options: Options) -> Options:
    """`launch()`'s options with every `DESKLAUNCH_<OPTION>` that is set taking precedence.

    The program's keyword arguments are its defaults; the variables let a person switch a
    built app (to the browser, to debug logging) without a command line.
    """
    from desklaunch.cli import build_parser

    args = build_parser().parse_args(["app"])  # a bad value exits with one line, as the CLI
    changed = {dest: getattr(args, dest) for dest in ("title", "width", "height", "gui",
                                                      "close_on_exit", "debug")
               if f"DESKLAUNCH_{dest.upper()}" in os.environ}
    if "width" in changed or "height" in changed:
        changed["sized"] = frozenset(name for name in ("width", "height") if name in changed)
    if "DESKLAUNCH_NO_OPEN" in os.environ and args.no_open:
        changed["mode"] = "none"
    elif "DESKLAUNCH_BROWSER" in os.environ:
        changed["mode"] = "browser" if args.browser else "window"
    return dataclasses.replace(options, **changed)


def find_script(path: str) -> str:
    """A relative script path as given when it exists from here, else next to the program."""
    if Path(path).is_absolute() or Path(path).exists():
        return path
    base = bundle_dir() if is_frozen() else Path(sys.argv[0] or ".").resolve().parent
    beside = base / path
    return str(beside) if beside.exists() else path
