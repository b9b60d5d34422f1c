"""What a test runs: a script file, a function in it, or a function of the test's own.

`Program` is the callable a session runs plus what the kit must know about it (its kind,
its title, whether it runs in console mode), made the way the `desklaunch` command makes
it: console mode for a script that never imports desklaunch or pywebio, the PyWebIO alias
for one that imports pywebio. `Program.enter()` / `leave()` set and restore the process
state a script run expects (its folder on `sys.path`, its `sys.argv`).
"""

from __future__ import annotations

import contextlib
import inspect
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desklaunch.core.session import SessionKind
from desklaunch.errors import UsageError
from desklaunch.testing.ownmodules import OwnModules

if TYPE_CHECKING:
    from desklaunch.console.runner import ConsoleProgram
    from desklaunch.core.target import Target


@dataclass(frozen=True)
class Module:
    """A module to run as `desklaunch -m name` runs it: `AppTest(Module("mytool"))`."""

    name: str


@dataclass
class Program:
    """A runnable script for one AppTest."""

    main: Callable[[], Any]
    kind: SessionKind
    title: str
    path: Path | None = None
    args: list[str] = field(default_factory=list)
    search_first: Path | None = None
    """The folder put first on `sys.path`: the script's, or for a module the current one."""
    console: ConsoleProgram | None = None
    pywebio: bool = False
    _saved: dict[str, Any] = field(default_factory=dict)
    _settings: tempfile.TemporaryDirectory[str] | None = None

    def enter(self) -> None:
        """Give the script what `desklaunch script.py` gives it, remembering what was there."""
        from desklaunch.compat import show_charts_in_page

        show_charts_in_page()  # plt.show(), fig.show() into the page, as `desklaunch script.py`
        self._saved = {"argv": sys.argv[:], "orig_argv": sys.orig_argv[:], "path": None,
                       "alias": False, "cwd": os.getcwd(), "modules": None}
        _hold_os_exit(True)
        if self.console is not None:  # `signal.alarm` reaches the run, as under the command
            from desklaunch.console import ctrlc

            ctrlc.forward_signals()
        if self.path is not None:
            sys.argv = [str(self.path), *self.args]
            folder = self.search_first or self.path.parent
            if str(folder) not in sys.path:
                sys.path.insert(0, str(folder))
                self._saved["path"] = str(folder)
            self._saved["modules"] = OwnModules(folder)
            self._saved["modules"].enter()
        if self.pywebio:
            from desklaunch.compat import _ALIAS, install_pywebio_alias

            self._saved["alias"] = _ALIAS not in sys.meta_path
            install_pywebio_alias(force=True)

    def leave(self) -> None:
        """Put back what `enter()` changed."""
        if not self._saved:
            return
        sys.argv = self._saved["argv"]
        sys.orig_argv = self._saved["orig_argv"]
        _hold_os_exit(False)
        if self.console is not None:
            from desklaunch.console import ctrlc

            ctrlc.stop_forwarding()
        with contextlib.suppress(OSError):  # the script changed folder: the test's is back
            if os.getcwd() != self._saved["cwd"]:
                os.chdir(self._saved["cwd"])
        if self._saved["path"] is not None and self._saved["path"] in sys.path:
            sys.path.remove(self._saved["path"])
        if self._saved["modules"] is not None:
            self._saved["modules"].leave()
        if self._saved["alias"]:
            from desklaunch.compat import remove_pywebio_alias

            remove_pywebio_alias()
        if self._settings is not None:
            self._settings.cleanup()
            self._settings = None
        self._saved = {}

    @property
    def exit_code_override(self) -> int | None:
        """Console mode: the exit code of the last run (its session outlives the runs)."""
        return self.console.last_code if self.console is not None else None


def from_file(spec: str | os.PathLike[str], args: Sequence[str] = (), *,
              console: bool | None = None) -> Program:
    """`path` or `path:function`, as the `desklaunch` command takes it (a folder with a
    `__main__.py` runs that file, as `python folder` does)."""
    from desklaunch.core.target import resolve

    path = os.fspath(spec)
    if os.path.isfile(os.path.join(path, "__main__.py")):
        path = os.path.join(path, "__main__.py")
    head, _, function = path.rpartition(":")
    file = head if head and function.isidentifier() and not os.path.exists(path) else path
    if not os.path.isabs(file) and not os.path.exists(file):
        # A test beside the app, run from another folder (an IDE's, or tests/)
        raise UsageError(f"no such file: {file} (in the current folder, {Path.cwd()}; a "
                         "file beside the test is Path(__file__).parent / "
                         f"{Path(file).name!r})")
    return _from_target(resolve(path), args, console)


def from_module(name: str, args: Sequence[str] = (), *,
                console: bool | None = None) -> Program:
    """A module (or a package's `__main__`), found as `desklaunch -m name` finds it: in
    the current folder first, then on `sys.path`."""
    from desklaunch.core.target import resolve_module

    here = str(Path.cwd())
    added = here not in sys.path
    if added:
        sys.path.insert(0, here)
    try:
        target = resolve_module(name)
    finally:
        if added:
            sys.path.remove(here)
    return _from_target(target, args, console, search_first=Path(here))


def _from_target(target: Target, args: Sequence[str], console: bool | None,
                 search_first: Path | None = None) -> Program:
    from desklaunch.console.detect import imported_packages, target_wants_console

    source = target.source()
    imports = _imports(source, imported_packages)
    program = Program(target.runner(), target.kind, target.title, target.path, list(args),
                      search_first=search_first or target.search_first,
                      pywebio="pywebio" in imports)
    if console is not False and target_wants_console(target, forced=bool(console)):
        target = target.as_whole()
        from desklaunch.console.runner import ConsoleProgram
        from desklaunch.core.settings import AppSettings

        program._settings = tempfile.TemporaryDirectory(prefix="desklaunch-test-")
        program.console = ConsoleProgram(target, list(args) or None,
                                         settings=AppSettings(Path(program._settings.name)))
        program.main, program.kind = program.console, "thread"
    return program


_real_exit = os._exit
_holding: list[bool] = []
"""One entry per program under test: while any is, `os._exit` is `_exit_in_test`."""


def _exit_in_test(status: int) -> NoReturn:
    """`os._exit` while a script runs in the test's process: the script's thread ends with
    `SystemExit(status)`, as if the program had ended so, rather than the whole test run
    with no word. A forked child, or the test's own main thread, exits for real."""
    if os.getpid() != _PID or threading.current_thread() is threading.main_thread():
        _real_exit(status)
    raise SystemExit(status)


_PID = os.getpid()


def _hold_os_exit(hold: bool) -> None:
    if hold:
        _holding.append(True)
        os._exit = _exit_in_test
    elif _holding:
        _holding.pop()
        if not _holding:
            os._exit = _real_exit


def from_function(function: Callable[..., Any], args: Sequence[Any] = ()) -> Program:
    """A function (plain or `async def`) run as the script, called with `args`."""
    if not callable(function):
        raise TypeError(f"from_function() takes a function, not {function!r}")
    title = getattr(function, "__name__", "desklaunch")
    values = tuple(args)
    if inspect.iscoroutinefunction(function):

        async def run_coroutine() -> Any:
            return await function(*values)

        return Program(run_coroutine, "coroutine", title)
    return Program(lambda: function(*values), "thread", title)


def _imports(source: bytes, imported: Callable[[Any], set[str]]) -> set[str]:
    from desklaunch.core.target import syntax_tree

    try:
        return imported(syntax_tree(source))
    except (SyntaxError, ValueError):
        return set()
