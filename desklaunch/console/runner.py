"""Console mode's program: run the script, ask for its arguments when it parses them, repeat.

`ConsoleProgram` is what a console-mode session runs. Each round the script runs as
`__main__` with fresh streams (runstreams.py), children's output captured at the fd level
(fdcapture.py). When no arguments were given on desklaunch's command line, the first time
the script asks any argparse parser (argcatch.py) or click command or typer app
(clickhook.py) to parse the command line, it waits there while the person fills in the
form made from it (argask.py; argform.py, clickform.py); the words chosen become
`sys.argv[1:]` and the script goes on. The exit code and time taken show with a "Run
again" button, which runs it again from the top, the form keeping its values; or, for a
program that read `sys.argv` with no parser, with the Arguments line (argline.py).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import logging
import os
import re
import shlex
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desklaunch.console import (
    argcatch,
    atexits,
    bokehhook,
    children,
    clickhook,
    cmd2hook,
    curseshook,
    devtty,
    inquirerhook,
    inquirerpyhook,
    invokehook,
    leftovers,
    loadhook,
    mainthread,
    ownprocess,
    pagers,
    pickhook,
    questionhook,
    readcharhook,
    readlinehook,
    richhook,
    runthreads,
    streams,
    toolkithook,
    waits,
    werkzeughook,
)
from desklaunch.console.argask import SETTINGS_SECTION, ArgsAsker
from desklaunch.console.argline import ArgumentsLine, WatchedArgv, arguments_read
from desklaunch.console.detect import reads_raw_keys, terminal_notice
from desklaunch.console.fdcapture import FdCapture
from desklaunch.console.rerun import FolderModules
from desklaunch.console.terminal import Terminal
from desklaunch.core.buildhint import missing_module_hint
from desklaunch.core.outcome import desklaunch_code
from desklaunch.core.session import Session, current_session
from desklaunch.core.settings import AppSettings, app_name, settings_folder
from desklaunch.core.target import ScriptSyntaxError, Target, syntax_tree
from desklaunch.errors import SessionClosed, UsageError

log = logging.getLogger(__name__)
HIDDEN = "********"
"""A hidden word in the echo of a run's command line: the same whatever its length."""
TERMINAL_TYPE = "xterm-256color"
"""The `TERM` a program is given when desklaunch was started without one (from a desktop's
menu): what the console understands, and what a terminal started it with gives (`clear`
then clears the console instead of failing with "TERM environment variable not set")."""

__all__ = ["SETTINGS_SECTION", "ConsoleProgram"]

# The libraries adapted to the console while a run is on (`loadhook.install()`).
loadhook.watch(bokehhook.WATCHED, bokehhook.adjust)
loadhook.watch(clickhook.WATCHED, clickhook.adjust)
loadhook.watch(cmd2hook.WATCHED, cmd2hook.adjust)
loadhook.watch(mainthread.WATCHED, mainthread.adjust)
loadhook.watch(questionhook.WATCHED, questionhook.adjust)
loadhook.watch(inquirerhook.WATCHED, inquirerhook.adjust)
loadhook.watch(inquirerpyhook.WATCHED, inquirerpyhook.adjust)
loadhook.watch(richhook.WATCHED, richhook.adjust)
loadhook.watch(pickhook.WATCHED, pickhook.adjust)
loadhook.watch(readcharhook.WATCHED, readcharhook.adjust)
loadhook.watch(toolkithook.WATCHED, toolkithook.adjust)
loadhook.watch(devtty.WATCHED, devtty.adjust)
loadhook.watch(curseshook.WATCHED, curseshook.adjust)
loadhook.watch(pagers.WATCHED, pagers.adjust)
loadhook.watch(invokehook.WATCHED, invokehook.adjust)
loadhook.watch(readlinehook.WATCHED, readlinehook.adjust)
loadhook.watch(werkzeughook.WATCHED, werkzeughook.adjust)


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
        self._memory: dict[str, Any] = {}
        self._cwd = os.getcwd()
        self._runs = 0
        try:
            tree = syntax_tree(target.source())
        except (OSError, SyntaxError, ValueError):
            tree = ast.Module(body=[], type_ignores=[])
        self._notice = terminal_notice(tree)
        self._stdin_terminal = not reads_raw_keys(tree)
        self._words: list[str] = list(argv or [])
        """The words of the next run: desklaunch's command line's, then the Arguments line's."""
        self._argv = WatchedArgv()
        """`sys.argv` of every run, filled afresh: a library keeps the list it saw when
        imported (pygments' `main(args=sys.argv)`), and installed modules stay imported."""
        self._argv_read = False
        """Whether a run read its arguments (then, with no parser, it gets an Arguments line)."""
        self._folder_modules: FolderModules | None = None
        self._typed_line = False
        """Whether the next run's words were typed in the Arguments line: no form then."""

    def __call__(self) -> None:
        session = current_session()
        argcatch.install()
        children.install(_children_of_caller)
        streams.install()
        session.defer(streams.uninstall)
        ownprocess.install()
        session.defer(ownprocess.uninstall)
        waits.install()
        session.defer(waits.uninstall)
        loadhook.install()  # the libraries' adapters, above
        session.defer(loadhook.uninstall)
        if devtty.names_tty(self.target.code):  # else `open` stays Python's own
            devtty.install()
            session.defer(devtty.uninstall)
        terminal = Terminal(session, stdin_terminal=self._stdin_terminal)
        if "TERM" not in os.environ:  # started from a desktop's menu, not from a terminal
            os.environ["TERM"] = TERMINAL_TYPE
            session.defer(lambda: os.environ.pop("TERM", None))
        folders = [self.target.folder]
        if self.target.module is not None:  # `python -m` imports from the working folder
            folders.append(Path.cwd())
        self._folder_modules = FolderModules(*folders)
        asker = ArgsAsker(session, remembered=self._remembered, keep=self._keep,
                          status=terminal.status,
                          program=None if self._program_name == self.target.path.name
                          else self._program_name)
        while True:
            ended = self._execute(terminal, asker)
            if self.close_on_exit:
                terminal.status(ended)
                raise SystemExit(ended["code"])
            session.at_rest.set()
            try:
                if self._argv_read and not asker.asked:
                    # No parser to build a form from: the next run's words, typed in one line.
                    line = ArgumentsLine(self._program_name, self._words)
                    self._words = asker.ask_form(line, status=ended)
                    self._typed_line = True
                    continue
                self._wait_for_again(session, terminal, ended)
            finally:
                session.at_rest.clear()

    # -- one run ------------------------------------------------------------------------------

    def _execute(self, terminal: Terminal, asker: ArgsAsker) -> dict[str, Any]:
        """Run the script once; the status that shows how it ended."""
        words = list(self._words)
        os.chdir(self._cwd)
        self._argv[:] = [str(self.target.path), *words]
        self._argv.read = False
        sys.argv = self._argv
        sys.orig_argv = self.target.command_line(words)
        self._runs += 1
        run = self._runs
        asked: list[bool] = []
        started = time.monotonic()

        def shown(chosen: list[str] | None) -> list[str] | None:
            nonlocal started
            if chosen is not None:
                terminal.command(run, self._echo(chosen, asker.secrets))
            terminal.show_running()
            started = time.monotonic()  # the run's time is the program's, not the form's
            return chosen

        def ask(parser: Any, leftovers: bool) -> list[str] | None:
            if asked:  # a click program that also parses with argparse: one form a run
                return None
            asked.append(True)
            return shown(asker.ask(parser, leftovers=leftovers))

        def ask_click(command: Any, prog: str) -> list[str] | None:
            if asked:
                return None
            asked.append(True)
            return shown(asker.ask_click(command, prog))

        terminal.command(run, self._echo(words))
        if self._notice:
            terminal.write("err", self._notice)
        self.last_code = None
        capture = None
        if FdCapture.supported() and _capture_lock.acquire(blocking=False):
            capture = FdCapture(terminal.write, f"desklaunch-console-fds-{terminal.session.number}")
            capture.start()
            terminal.capture = capture
        report = ""
        early: tuple[BaseException, int] | None = None  # uncaught, shown; its exit code
        hook = sys.excepthook  # a run's own (rich.traceback.install()) ends with the run
        terminal.begin_run()
        streams.reinstate()
        try:
            try:
                catching = contextlib.ExitStack()
                if self.argv is None and not self._typed_line:  # typed words are the line
                    catching.enter_context(argcatch.armed(ask))
                    catching.enter_context(clickhook.armed(ask_click))
                before = set(threading.enumerate())
                with _fresh_logging(), catching:
                    if run > 1:
                        self._take_edits()
                        atexits.fresh_process_state()
                    try:
                        ran = self.target.runner(as_main=True)()
                        if inspect.iscoroutine(ran):  # `script.py:amain`: as asyncio.run does
                            asyncio.run(ran)
                    except (SystemExit, SessionClosed, ScriptSyntaxError):
                        raise
                    except BaseException as exc:
                        # Shown now, as Python shows it before it waits for the threads.
                        report, exit_code = _shown_uncaught(exc, hook, terminal)
                        early = exc, exit_code
                        raise
                    finally:
                        try:
                            stopped = early is not None and \
                                isinstance(early[0], KeyboardInterrupt)
                            runthreads.wait_for(before, terminal.threads_still_running
                                                if stopped else lambda: None)
                            if not isinstance(sys.exc_info()[1], SessionClosed):
                                terminal.exit_handlers.run(
                                    lambda text: terminal.write("err", text))
                        finally:
                            terminal.outlive(runthreads.left_running(before))
            finally:
                terminal.end_run()
                mainthread.end_run()
                streams.reinstate()
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc, terminal)
        except SessionClosed:
            raise
        except ScriptSyntaxError as exc:  # edited since the last run: shown as Python shows it
            terminal.write("err", f"{exc}\n")
            code = 1
        except BaseException as exc:  # noqa: BLE001 - shown as Python would show it
            if early is not None:  # shown already; a Stop that ended the wait after it
                code = early[1]  # changes nothing, as Python ignores a second Ctrl+C there
            else:
                report, code = _shown_uncaught(exc, hook, terminal)
        finally:
            sys.excepthook = hook
            if capture is not None:
                terminal.capture = None
                capture.stop()
                _capture_lock.release()
        self._argv_read = self._argv_read or arguments_read(sys.argv)
        leftovers.end(sys.modules.get("__main__"), self.target.path)
        streams.report_to_terminal(report)
        elapsed = time.monotonic() - started
        self.last_code = code
        return {"state": "ended", "code": code, "elapsed": round(elapsed, 3),
                "text": f"Exited with code {code} after {_duration(elapsed)}"}

    def _take_edits(self) -> None:
        """Run again runs the script and the modules beside it as their files are now."""
        try:
            self.target = self.target.reread()
        except ScriptSyntaxError:
            raise
        except UsageError as exc:  # moved or deleted meanwhile: the code it had still runs
            log.warning("running %s as it was: %s", self.target.path.name, exc)
        if self._folder_modules is not None:
            self._folder_modules.forget()

    @property
    def _program_name(self) -> str:
        """The program as its user names it: its file, `python -m` and its module, or a
        built app's own name."""
        if getattr(sys, "frozen", False):
            return Path(sys.executable).name
        if self.target.module is not None:
            return f"python -m {self.target.module}"
        return self.target.path.name

    def _echo(self, words: list[str], secrets: frozenset[str] = frozenset()) -> str:
        """The run's command line as a terminal would show it typed; a password given in
        the form shows as `HIDDEN`."""
        name = self._program_name
        program = name if name == f"python -m {self.target.module}" else _shell_word(name)
        shown = [HIDDEN if word in secrets else _shell_word(word) for word in words]
        return f"$ {' '.join([program, *shown])}"

    # -- remembered arguments -----------------------------------------------------------------

    def _remembered(self) -> dict[str, Any]:
        settings = self._app_settings()
        if settings is not None:
            stored = settings.section(SETTINGS_SECTION)
            if stored:
                return stored
        return self._memory

    def _keep(self, memory: dict[str, Any]) -> None:
        self._memory = memory
        settings = self._app_settings()
        if settings is not None:
            try:
                settings.set_section(SETTINGS_SECTION, memory)
            except OSError as exc:
                log.warning("cannot remember the arguments: %s", exc)

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


def _children_of_caller() -> children.Children | None:
    """The children list of the run the calling code belongs to: the script's thread, or a
    thread it started; never desklaunch's own threads nor the GUI's main thread (a browser
    the window opens for a link must outlive the app)."""
    console = streams.active_console()
    found = getattr(console, "children", None)
    if not isinstance(found, children.Children):
        return None
    thread = threading.current_thread()
    if thread is not getattr(console, "thread", None) and (
            thread is threading.main_thread()
            or thread.name.startswith(("desklaunch-", "waitress"))):
        return None
    return found


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


_SHELL_SPECIAL = re.compile(r"[^\w@%+=:,./-]", re.ASCII)


def _shell_word(word: str) -> str:
    """`word` as typed at a shell: quoted where the shell would read it otherwise (spaces,
    `$`, quotes), not for letters or symbols outside ASCII (`🐄`, `中文`, `café`)."""
    if word and all(ord(char) > 127 and char.isprintable() and not char.isspace()
                    for char in _SHELL_SPECIAL.findall(word)):
        return word
    return shlex.quote(word)


def _exit_code(exc: SystemExit, terminal: Terminal) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):  # sys.exit(not ok) exits with True: 1
        # A process's status is a byte on Linux and macOS: sys.exit(300) is 44, -1 is 255.
        return int(code) & 0xFF if os.name == "posix" else int(code)
    terminal.write("err", f"{code}\n")
    return 1


def _shown_uncaught(exc: BaseException, hook: Any, terminal: Terminal) -> tuple[str, int]:
    """Show an exception the program left uncaught, as Python does; (what the terminal
    desklaunch came from is told, "" after Ctrl+C; the exit code, 130 after Ctrl+C)."""
    stopped = isinstance(exc, KeyboardInterrupt)
    report = _traceback(exc)
    return ("" if stopped else report), _uncaught(exc, hook, terminal, report,
                                                  130 if stopped else 1)


def _uncaught(exc: BaseException, hook: Any, terminal: Terminal, report: str, code: int
              ) -> int:
    """Show an exception the program left uncaught (by its own `sys.excepthook` if it set
    one, else as the `report`); the exit code: `code`, or the one the hook exits with
    (commitizen's hook ends with `sys.exit(12)`), as Python then exits with it."""
    try:
        if _shown_by_own_hook(exc, hook):
            return code
    except SystemExit as ended:
        return _exit_code(ended, terminal)
    terminal.write("err", report)
    return code


def _shown_by_own_hook(exc: BaseException, before: Any) -> bool:
    """Give an uncaught exception to the `sys.excepthook` the program set, as Python does
    (rich's, a friendly message); False when it set none, or its hook failed."""
    hook = sys.excepthook
    if hook is before or hook is sys.__excepthook__:
        return False
    tb = exc.__traceback__
    while tb is not None and _ours(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    try:
        hook(type(exc), exc, tb)
    except Exception:  # noqa: BLE001 - Python, too, then prints the exception itself
        return False
    return True


def _traceback(exc: BaseException) -> str:
    """The traceback as Python prints it in a terminal: the program's frames only.

    desklaunch's frames around the script are dropped, and so is everything below the
    program's last frame when that call went into desklaunch (its `input()`, `time.sleep`
    or `print` stand-ins): in a terminal those are built-ins, which show no frames."""
    report = traceback.TracebackException.from_exception(exc)
    seen: set[int] = set()
    part: traceback.TracebackException | None = report
    while part is not None and id(part) not in seen:
        seen.add(id(part))
        frames = list(part.stack)
        while frames and _ours(frames[0].filename):
            frames.pop(0)
        for index, frame in enumerate(frames):
            if _ours(frame.filename):
                frames = frames[:index]
                break
        part.stack = traceback.StackSummary.from_list(frames)
        part = part.__cause__ or part.__context__
    return "".join(report.format()) + missing_module_hint(exc)


def _ours(filename: str) -> bool:
    return desklaunch_code(filename)


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"
