"""The `desklaunch` command: run a script in a window, or one of the subcommands.

    desklaunch [options] SCRIPT[:FUNCTION] [ARGS...]     run a script
    desklaunch COMMAND ...                               see COMMANDS

Every run option can also be set with an environment variable `DESKLAUNCH_<OPTION>`
(`DESKLAUNCH_BROWSER=1`, `DESKLAUNCH_TITLE=Converter`), so a frozen app can be switched
without a command line; an option given on the command line wins.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from desklaunch.compat import install_pywebio_alias, show_charts_in_page
from desklaunch.console import console_program
from desklaunch.core.script_env import adopt_environment
from desklaunch.core.script_folder import put_script_folder_first
from desklaunch.core.target import ScriptSyntaxError, resolve, resolve_module
from desklaunch.desktop.integration import add_options as add_desktop_options
from desklaunch.desktop.integration import options_from as desktop_options
from desklaunch.desktop.options import Mode, Options, gui_name, guis
from desklaunch.desktop.reloader import reloading_runner
from desklaunch.errors import UsageError, WindowError
from desklaunch.launcher import exit_process, run, say
from desklaunch.version import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "doctor": ("desklaunch.desktop.doctor",
               "check that a window can open here; say how to fix it"),
    "build": ("desklaunch.packaging.build",
              "freeze a script into a double-click app (PyInstaller)"),
}
"""Subcommand name → (module with a `main(argv)`, one-line help); filled as they are added."""

DESCRIPTION = """\
Run a Python script as a desktop app. Its desklaunch.ui calls (input, put_text, ...)
show in a native window; the exit code is the script's."""

EPILOG = """\
examples:
  desklaunch hello.py                 run hello.py in a window
  desklaunch app.py:main              call main() from app.py (async def main works too)
  desklaunch -m mytool                run a module or package, as python -m mytool does
  desklaunch --browser hello.py       use the system browser instead of a window
  desklaunch hello.py --name Ada      arguments after the script go to the script

Every option can also be set as DESKLAUNCH_<OPTION> in the environment, e.g.
DESKLAUNCH_BROWSER=1 or DESKLAUNCH_TITLE="My app"."""

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        if message.startswith("the following arguments are required"):
            message = "give the script to run: desklaunch SCRIPT.py [ARGS], or -m MODULE"
        say(f"error: {message} (see desklaunch --help)")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    epilog = EPILOG
    if COMMANDS:
        listing = "\n".join(f"  desklaunch {name:<12} {text}"
                            for name, (_, text) in sorted(COMMANDS.items()))
        epilog = f"commands:\n{listing}\n\n{EPILOG}"
    # No abbreviations: argparse matches prefixes across the script's arguments too, so a
    # script's own `--n 2` was an "ambiguous option" error (--no-open, --name, ...).
    parser = _Parser(prog="desklaunch", description=DESCRIPTION, epilog=epilog,
                     formatter_class=argparse.RawDescriptionHelpFormatter, allow_abbrev=False)
    parser.add_argument("target", metavar="SCRIPT[:FUNCTION]",
                        help="the script to run, or a function in it to call; a "
                             "folder runs its __main__.py, or else shows a menu of its "
                             "scripts")
    parser.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS",
                        help="arguments passed to the script as sys.argv[1:]")
    # Not exclusive: people write `--browser --no-open` meaning "no window, print the URL".
    parser.add_argument("-m", dest="module", action="store_true",
                        help="SCRIPT is a module (or package) to find and run as `python -m` "
                             "does: desklaunch -m mytool ARGS")
    parser.add_argument("--browser", action="store_true",
                        help="open the app in the system browser instead of a window")
    parser.add_argument("--no-open", action="store_true",
                        help="open nothing; print the URL to open (it works once); "
                             "wins over --browser")
    parser.add_argument("--close-on-exit", action="store_true",
                        help="quit as soon as the script ends (default: keep the window open)")
    parser.add_argument("--title", help="window title (default: from the script's name)")
    parser.add_argument("--width", type=_length,
                        help="window width (default: as last time, else 900)")
    parser.add_argument("--height", type=_length,
                        help="window height (default: as last time, else 700)")
    parser.add_argument("--gui", metavar="NAME", type=gui_name,
                        help=f"pywebview backend to use: {' or '.join(guis())} "
                             "(default: automatic)")
    parser.add_argument("--debug", action="store_true",
                        help="log what desklaunch does, and allow the window's dev tools")
    parser.add_argument("--console", action="store_true",
                        help="show the script's print/input in a console (automatic for "
                             "scripts that do not import desklaunch)")
    # Always so now: `import pywebio` is desklaunch's own even where PyWebIO is installed
    # (its server would listen on every address and show nothing in the window). Still
    # accepted, for the commands and shortcuts written with it.
    parser.add_argument("--pywebio", action="store_true", help=argparse.SUPPRESS)
    add_desktop_options(parser)
    parser.add_argument("--version", action="version", version=f"desklaunch {__version__}")
    _defaults_from_environment(parser)
    return parser


def _defaults_from_environment(parser: argparse.ArgumentParser) -> None:
    """Let `DESKLAUNCH_<OPTION>` set each option's default; a bad value is a usage error."""
    defaults: dict[str, Any] = {}
    for action in parser._actions:  # argparse offers no public list of its options
        long_names = [o for o in action.option_strings if o.startswith("--")]
        if not long_names or action.dest in ("help", "version"):
            continue
        variable = "DESKLAUNCH_" + long_names[0][2:].upper().replace("-", "_")
        raw = os.environ.get(variable)
        if raw is None:
            continue
        if isinstance(action, (argparse._StoreTrueAction, argparse.BooleanOptionalAction)):
            if raw.strip().lower() not in _TRUE | _FALSE:
                parser.error(f"{variable} must be 1 or 0, not {raw!r}")
            defaults[action.dest] = raw.strip().lower() in _TRUE
        elif action.type in (int, _length):
            if not raw.strip().isdigit():
                parser.error(f"{variable} must be a whole number, not {raw!r}")
            defaults[action.dest] = _checked(parser, variable, action.type, raw)
        elif callable(action.type):
            defaults[action.dest] = _checked(parser, variable, action.type, raw)
        else:
            defaults[action.dest] = raw
    parser.set_defaults(**defaults)


def _checked(parser: argparse.ArgumentParser, variable: str, convert: Any, raw: str) -> Any:
    """`raw` made what the option takes, or a usage error naming the variable."""
    try:
        return convert(raw)
    except (argparse.ArgumentTypeError, ValueError) as exc:
        parser.error(f"{variable}: {exc}")


MAX_LENGTH = 32767
"""The largest window side a toolkit takes (X11's limit; Qt's and GTK's too)."""


def _length(value: str) -> int:
    """A window side in pixels, from 1 to `MAX_LENGTH`."""
    try:
        length = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 < length <= MAX_LENGTH:
        raise argparse.ArgumentTypeError(
            f"{length} is not a window size in pixels (1 to {MAX_LENGTH})")
    return length


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `desklaunch` command."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in COMMANDS:
        module, _ = COMMANDS[arguments[0]]
        sys.exit(importlib.import_module(module).main(arguments[1:]))
    try:
        run_script(arguments)
    except WindowError as exc:  # the app has stopped already; say why in one line
        say(f"error: {exc}")
        exit_process(exc.exit_code)


def _script_arguments(arguments: list[str], target: str, parsed: list[str]) -> list[str]:
    """The script's arguments as typed: argparse drops a `--` right after the script, which
    Python gives the script (`python s.py -- --width 3`), and so does desklaunch."""
    for index, word in enumerate(arguments):
        if word == target and arguments[index + 1:index + 2] == ["--"] \
                and arguments[index + 2:] == parsed:
            return arguments[index + 1:]
    return parsed


def _log_to_stderr(*, debug: bool) -> None:
    """desklaunch's own log lines on stderr; the root logger stays as a new interpreter has
    it, so the script's `logging.basicConfig()` takes effect and other libraries' warnings
    read as they do without desklaunch. They are written to a copy of stderr's descriptor:
    a console run takes descriptor 2 for the program's own output (console/fdcapture.py),
    and desklaunch's lines are never the program's."""
    stream: Any = sys.stderr
    with contextlib.suppress(AttributeError, OSError, ValueError):  # none (a windowed app)
        stream = os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1,
                           encoding=sys.stderr.encoding, errors="backslashreplace")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("desklaunch %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("desklaunch")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)
    logger.propagate = False


def run_script(arguments: list[str], *, search_first: Path | None = None) -> None:
    """`desklaunch [options] SCRIPT[:FUNCTION] [ARGS...]`; `-m` looks for the module in
    `search_first` (default: the current folder) before `sys.path`."""
    parser = build_parser()
    arguments = _module_apart(parser, arguments)
    args = parser.parse_args(arguments)
    args.args = _script_arguments(arguments, args.target, args.args)
    _log_to_stderr(debug=args.debug)
    folder = Path(args.target).expanduser()
    if args.module:
        put_script_folder_first(search_first or Path.cwd())  # where `python -m` looks first
    elif folder.is_dir() and (folder / "__main__.py").is_file():
        args.target = str(folder / "__main__.py")  # as `python folder` runs it
    elif folder.is_dir():
        run_folder(args, arguments, folder)
        return
    try:
        target = resolve_module(args.target) if args.module else resolve(args.target)
    except ScriptSyntaxError as exc:
        print(exc, file=sys.stderr)
        sys.exit(exc.exit_code)
    except UsageError as exc:
        say(f"error: {exc}")
        sys.exit(exc.exit_code)
    sys.argv = [str(target.path), *args.args]
    sys.orig_argv = target.command_line(list(args.args))
    if not args.module:
        put_script_folder_first(target.search_first)
        note = adopt_environment(target.path)  # a tool installed in another environment
        if note is not None:
            say(note)
    install_pywebio_alias(force=True)  # PyWebIO scripts run unchanged, in our window
    show_charts_in_page()  # plt.show() and fig.show() into the page, not windows of their own
    if args.browser and args.no_open:  # the command line wins over the environment, and
        args.browser = "--no-open" not in arguments  # --no-open over --browser
    mode: Mode = "browser" if args.browser else "none" if args.no_open else "window"
    try:
        desktop = desktop_options(args, target.path, target.folder)
    except UsageError as exc:
        say(f"error: {exc}")
        sys.exit(exc.exit_code)
    program = console_program(target, args.args, forced=args.console,
                              close_on_exit=args.close_on_exit, name=desktop["name"],
                              data_dir=desktop["data_dir"])
    if program is not None and args.reload:  # its output would go nowhere in a rerun
        say("note: --reload reruns scripts written for a window; a terminal program's "
            "console has Run again instead")
        args.reload, desktop["watch"], desktop["watch_folder"] = False, None, None
    options = Options(mode=mode, title=args.title or target.title, width=args.width or 900,
                      height=args.height or 700, close_on_exit=args.close_on_exit, gui=args.gui,
                      debug=args.debug, sized=_sized(args), **desktop)
    main = (reloading_runner(args.target, module=args.module) if args.reload
            else target.runner(as_main=True))
    code = run(program or main, "thread" if program is not None else target.kind, options)
    exit_process(code if program is None or program.last_code is None else program.last_code)


def _module_apart(parser: argparse.ArgumentParser, arguments: list[str]) -> list[str]:
    """`-mjson.tool` as `-m json.tool`, as Python takes it; a `-m` with no module after it
    is a usage error of its own (argparse would ask for SCRIPT and ARGS)."""
    takes_value = {option for option, action in parser._option_string_actions.items()
                   if action.nargs is None and action.const is None}
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if word.startswith("-m") and len(word) > 2 and not word.startswith("--"):
            return [*arguments[:index], "-m", word[2:], *arguments[index + 1:]]
        if word == "-m" and index == len(arguments) - 1:
            parser.error("-m needs the module to run: desklaunch -m MODULE [ARGS]")
        if word == "-m" or not word.startswith("-"):
            break  # the module or the script is reached: the rest is the program's
        index += 2 if word in takes_value else 1  # an option's value is not an option
    return arguments


def _sized(args: argparse.Namespace) -> frozenset[str]:
    """The window's dimensions given on the command line."""
    return frozenset(name for name in ("width", "height") if getattr(args, name))


def run_folder(args: argparse.Namespace, arguments: list[str], folder: Path) -> None:
    """`desklaunch [options] FOLDER/`: a menu of the folder's scripts in one window."""
    from desklaunch.folder import folder_main

    if args.reload:
        say("error: --reload runs one script; give a script file, not a folder")
        sys.exit(2)
    install_pywebio_alias(force=True)
    show_charts_in_page()  # plt.show() and fig.show() into the page, not windows of their own
    if args.browser and args.no_open:
        args.browser = "--no-open" not in arguments
    mode: Mode = "browser" if args.browser else "none" if args.no_open else "window"
    try:
        main = folder_main(folder)
        desktop = desktop_options(args, folder.resolve())
    except UsageError as exc:
        say(f"error: {exc}")
        sys.exit(exc.exit_code)
    title = folder.resolve().name.replace("_", " ").replace("-", " ").strip() or "Apps"
    options = Options(mode=mode, title=args.title or title[:1].upper() + title[1:],
                      width=args.width or 900, height=args.height or 700,
                      close_on_exit=args.close_on_exit, gui=args.gui, debug=args.debug,
                      sized=_sized(args), **desktop)
    exit_process(run(main, "thread", options))
