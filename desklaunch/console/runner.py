"""Console mode's program: ask for the arguments, run the script, show how it ended, repeat.

`ConsoleProgram` is what a console-mode session runs. Each round: when no arguments were
given on the command line, the script is started once with `ArgumentParser.parse_known_args`
and click's `Command.make_context` intercepted (clickhook.py), so its parser or click command
is caught the moment the program asks it to parse `sys.argv` and the run stops there
(top-level code before that point does run, twice); it becomes a form (argform.py,
clickform.py). A program that asks no parser runs whole in that first round. Then the script
runs as `__main__` with the chosen `sys.argv`, its output in the console, children's output
captured at the fd level (fdcapture.py); the exit code and time taken show with a "Run
again" button, or, for a program that read `sys.argv` with no parser, with the Arguments
line (argline.py).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import logging
import os
import shlex
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desklaunch.console import clickhook, streams
from desklaunch.console.argform import ArgForm
from desklaunch.console.argline import ArgumentsLine, WatchedArgv, arguments_read
from desklaunch.console.detect import terminal_notice
from desklaunch.console.fdcapture import FdCapture
from desklaunch.console.terminal import Terminal
from desklaunch.core.session import Session, current_session
from desklaunch.core.settings import AppSettings, app_name, settings_folder
from desklaunch.core.target import Target
from desklaunch.errors import SessionClosed

if TYPE_CHECKING:
    from desklaunch.console.clickform import ClickForm

log = logging.getLogger(__name__)

SETTINGS_SECTION = "console-arguments"
_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


class ParserFound(BaseException):
    """Ends a discovery run where the script asked its parser to parse `sys.argv`."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        super().__init__("argument parser found")
        self.parser = parser


_discovering = threading.local()
_real_parse_known_args = argparse.ArgumentParser.parse_known_args


def _parse_known_args(self: argparse.ArgumentParser, args: Any = None,
                      namespace: Any = None) -> Any:
    if getattr(_discovering, "on", False) and (args is None or list(args) == sys.argv[1:]):
        _discovering.on = False
        raise ParserFound(self)
    return _real_parse_known_args(self, args, namespace)


Found = argparse.ArgumentParser | clickhook.CommandFound
"""What a discovery run catches: an argparse parser, or a click command (clickhook.py)."""

_capture_lock = threading.Lock()
"""Only one run at a time can own fds 1 and 2; overlapping runs go without capture."""


class ConsoleProgram:
    """The main of a console-mode session for `target`, a script run as `__main__`."""

    def __init__(self, target: Target, argv: list[str] | None = None, *,
                 close_on_exit: bool = False, settings: AppSettings | None = None) -> None:
        self.target = target
        self.argv = argv
        self.close_on_exit = close_on_exit
        self.last_code: int | None = None
        """The exit code of the last run that ended (None while one runs)."""
        self._settings = settings
        self._settings_loaded = False
        self._cwd = os.getcwd()
        try:
            tree = ast.parse(target.path.read_bytes())
        except (OSError, SyntaxError, ValueError):
            tree = ast.Module(body=[], type_ignores=[])
        self._words: list[str] = list(argv or [])
        self._argv_read = False
        """Whether a run read its arguments (then, with no parser, it gets an Arguments line)."""
        self._notice = terminal_notice(tree)

    def __call__(self) -> None:
        session = current_session()
        argparse.ArgumentParser.parse_known_args = _parse_known_args  # type: ignore[method-assign]
        streams.install()
        session.defer(streams.uninstall)
        clickhook.install()
        session.defer(clickhook.uninstall)
        terminal = Terminal(session)
        form: ArgForm | ClickForm | ArgumentsLine | None = None
        argv = self.argv
        while True:
            if argv is None and form is not None:
                argv = self._ask(session, terminal, form)
            ended, found = self._execute(terminal, argv, discover=argv is None)
            if isinstance(found, clickhook.CommandFound):
                from desklaunch.console.clickform import ClickForm  # only click programs

                try:
                    form = ClickForm(found.command, found.prog,
                                     choosers=session.native is not None)
                except Exception:  # a command unlike any click we know
                    log.warning("no form for this click command", exc_info=True)
                    argv = []  # run it as it is; the Arguments line comes after
                continue
            if found is not None:
                form = ArgForm(found, choosers=session.native is not None)
                continue
            if self.close_on_exit:
                terminal.status(ended)
                raise SystemExit(ended["code"])
            if isinstance(form, ArgumentsLine) or (form is None and self._argv_read):
                # No parser to build a form from: the next run's words, typed in one line.
                form = ArgumentsLine(self.target.path.name, self._words)
                argv = self._ask(session, terminal, form, status=ended)
                continue
            self._wait_for_again(session, terminal, ended)
            argv = None if form is not None else self.argv

    # -- one run ------------------------------------------------------------------------------

    def _execute(self, terminal: Terminal, argv: list[str] | None, *,
                 discover: bool) -> tuple[dict[str, Any], Found | None]:
        """Run the script once; (its ended status, the parser or click command a discovery
        run caught).

        A discovery run stops where the program asks a parser to parse `sys.argv`; when it
        never does, it was a whole run. Its command line shows before its first output, so
        a program stopped at its parser before printing anything does not show it."""
        words = list(argv or [])
        self._words = words
        os.chdir(self._cwd)
        sys.argv = WatchedArgv([str(self.target.path), *words])
        command_line = f"$ {shlex.join([self.target.path.name, *words])}\n"
        if discover:
            terminal.echo_later(command_line)
        else:
            terminal.write("cmd", command_line)
        if self._notice:
            terminal.write("err", self._notice)
        self.last_code = None
        capture = None
        if FdCapture.supported() and _capture_lock.acquire(blocking=False):
            capture = FdCapture(terminal.write, f"desklaunch-console-fds-{terminal.session.number}")
            capture.start()
        started = time.monotonic()
        parser: Found | None = None
        report = ""
        terminal.begin_run()
        try:
            try:
                _discovering.on = discover
                clickhook.discovering(discover)
                with _fresh_logging():
                    self.target.runner(as_main=True)()
            finally:
                _discovering.on = False
                clickhook.discovering(False)
                terminal.end_run()
            code = 0
        except ParserFound as found:
            parser, code = found.parser, 0
        except clickhook.CommandFound as found:
            parser, code = found, 0
        except SystemExit as exc:
            code = _exit_code(exc, terminal)
        except SessionClosed:
            raise
        except KeyboardInterrupt as exc:
            terminal.write("err", _traceback(exc))
            code = 130
        except BaseException as exc:  # noqa: BLE001 - shown as Python would show it
            report = _traceback(exc)
            terminal.write("err", report)
            code = 1
        finally:
            if capture is not None:
                capture.stop()
                _capture_lock.release()
        self._argv_read = self._argv_read or arguments_read(sys.argv)
        unshown = terminal.echo_later(None)
        if parser is None and unshown:
            terminal.write("cmd", unshown)  # a run with no output at all
        streams.report_to_terminal(report)
        elapsed = time.monotonic() - started
        if parser is None:
            self.last_code = code
        return {"state": "ended", "code": code, "elapsed": round(elapsed, 3),
                "text": f"Exited with code {code} after {_duration(elapsed)}"}, parser

    # -- the arguments form -------------------------------------------------------------------

    def _ask(self, session: Session, terminal: Terminal,
             form: ArgForm | ClickForm | ArgumentsLine,
             status: dict[str, Any] | None = None) -> list[str]:
        settings = self._app_settings()
        remembered = settings.section(SETTINGS_SECTION) if settings is not None else {}
        key = session.new_id("f")
        box = session.open_mailbox(key)
        wire = form.wire(remembered)
        terminal.status(status or {"state": "form"})
        try:
            session.send({"cmd": "console_args", "id": key, "form": wire, "errors": {},
                          "coalesce": "console-args"})
            while True:
                event = box.get()
                if event["type"] == "file_choose":
                    self._choose(session, key, form, event.get("value"))
                    continue
                if event["type"] != "submit":
                    continue
                argv, errors, memory = form.build_argv(event.get("value"))
                if errors:
                    session.send({"cmd": "console_args", "id": key, "form": wire,
                                  "errors": errors, "coalesce": "console-args"})
                    continue
                if settings is not None:
                    try:
                        settings.set_section(SETTINGS_SECTION, memory)
                    except OSError as exc:
                        log.warning("cannot remember the arguments: %s", exc)
                return argv
        finally:
            session.drop_mailbox(key)
            if not session.closed:
                session.send({"cmd": "console_args", "id": None, "coalesce": "console-args"})

    @staticmethod
    def _choose(session: Session, form_id: str, form: ArgForm | ClickForm | ArgumentsLine,
                key: Any) -> None:
        arg = form.fields.get(key) if isinstance(key, str) else None
        native = session.native
        if arg is None or native is None or "chooser" not in arg.wire:
            return
        if arg.wire["chooser"] == "save":
            chosen = native.save_file(Path(str(arg.wire["value"] or "output")).name)
            paths = [] if chosen is None else [chosen]
        else:
            paths = native.open_files(multiple=arg.kind == "list") or []
        if paths:
            session.send({"cmd": "console_args_fill", "id": form_id, "key": key,
                          "value": "\n".join(paths)})

    def _app_settings(self) -> AppSettings | None:
        if self._settings is None:
            try:
                self._settings = AppSettings(
                    settings_folder(app_name(self.target.path)) / "console")
            except (OSError, ValueError) as exc:
                log.warning("no remembered arguments: %s", exc)
                return None
        if not self._settings_loaded:
            self._settings.load()
            self._settings_loaded = True
        return self._settings

    @staticmethod
    def _wait_for_again(session: Session, terminal: Terminal, ended: dict[str, Any]) -> None:
        key = session.new_id("c")
        box = session.open_mailbox(key)
        try:
            terminal.status({**ended, "again": key})
            while box.get()["type"] != "click":
                pass
        finally:
            session.drop_mailbox(key)


@contextlib.contextmanager
def _fresh_logging() -> Iterator[None]:
    """Logging as a new interpreter has it, so the script's `basicConfig()` takes effect
    (desklaunch configured the root logger already); put back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    known = set(logging.Logger.manager.loggerDict)
    root.handlers.clear()
    root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, logger in list(logging.Logger.manager.loggerDict.items()):
            if name not in known and isinstance(logger, logging.Logger):
                logger.handlers.clear()  # a rerun adds its handlers again


def _exit_code(exc: SystemExit, terminal: Terminal) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    terminal.write("err", f"{code}\n")
    return 1


def _traceback(exc: BaseException) -> str:
    """The traceback as Python prints it, without desklaunch's own frames."""
    report = traceback.TracebackException.from_exception(exc)
    seen: set[int] = set()
    part: traceback.TracebackException | None = report
    while part is not None and id(part) not in seen:
        seen.add(id(part))
        part.stack = traceback.StackSummary.from_list(
            [frame for frame in part.stack if not frame.filename.startswith(_PACKAGE_DIR)])
        part = part.__cause__ or part.__context__
    return "".join(report.format())


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"
