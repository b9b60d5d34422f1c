"""The `desklaunch` command: run a script in a window (or a browser tab)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from desklaunch import __version__
from desklaunch.errors import UsageError
from desklaunch.launcher import Options, exit_process, run, say
from desklaunch.target import ScriptSyntaxError, resolve

DESCRIPTION = """\
Run a Python script as a desktop app. Its desklaunch.ui calls (input, put_text, ...)
show in a native window; the exit code is the script's."""

EPILOG = """\
examples:
  desklaunch hello.py                 run hello.py in a window
  desklaunch app.py:main              call main() from app.py (async def main works too)
  desklaunch --browser hello.py       use the system browser instead of a window
  desklaunch hello.py --name Ada      arguments after the script go to the script"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        say(f"error: {message} (see desklaunch --help)")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="desklaunch", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", metavar="SCRIPT[:FUNCTION]",
                        help="the script to run, or a function in it to call")
    parser.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS",
                        help="arguments passed to the script as sys.argv[1:]")
    show = parser.add_mutually_exclusive_group()
    show.add_argument("--browser", action="store_true",
                      help="open the app in the system browser instead of a window")
    show.add_argument("--no-open", action="store_true",
                      help="open nothing; print the URL to open (it works once)")
    parser.add_argument("--close-on-exit", action="store_true",
                        help="quit as soon as the script ends (default: keep the window open)")
    parser.add_argument("--title", help="window title (default: from the script's name)")
    parser.add_argument("--width", type=int, default=900, help="window width (default: 900)")
    parser.add_argument("--height", type=int, default=700,
                        help="window height (default: 700)")
    parser.add_argument("--gui", metavar="NAME",
                        help="pywebview backend to use: qt, gtk, ... (default: automatic)")
    parser.add_argument("--debug", action="store_true",
                        help="log what desklaunch does, and allow the window's dev tools")
    parser.add_argument("--version", action="version", version=f"desklaunch {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `desklaunch` command."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="desklaunch %(levelname)s %(name)s: %(message)s")
    try:
        target = resolve(args.target)
    except ScriptSyntaxError as exc:
        print(exc, file=sys.stderr)
        sys.exit(exc.exit_code)
    except UsageError as exc:
        say(f"error: {exc}")
        sys.exit(exc.exit_code)
    sys.argv = [str(target.path), *args.args]
    sys.path.insert(0, str(target.path.parent))
    mode = "browser" if args.browser else "none" if args.no_open else "window"
    options = Options(mode=mode, title=args.title or target.title, width=args.width,
                      height=args.height, close_on_exit=args.close_on_exit, gui=args.gui,
                      debug=args.debug)
    exit_process(run(target.runner(as_main=True), target.kind, options))
