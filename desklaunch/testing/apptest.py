"""`AppTest`: run a desklaunch app in a test, act on it and read it as a person would.

    from desklaunch.testing import AppTest

    def test_greets():
        app = AppTest.from_file("hello.py")
        app.fill("Your name", "Ada")
        app.submit()
        assert "Hello, Ada!" in app.text
        app.click("Again")
        assert app.exit_code == 0

By default the app runs in the test's own process, on a simulated page (no server, no
browser: a test takes milliseconds). With `browser=True` the same test runs the app for
real — its server, and the page in Chromium through Playwright.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from desklaunch.core.session import step_outside
from desklaunch.testing.audit import AccessibilityProblem, Scheme
from desklaunch.testing.errors import ScriptError, asked
from desklaunch.testing.page import Download
from desklaunch.testing.program import Module, from_file, from_function, from_module

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from desklaunch.core.session import Session

DEFAULT_TIMEOUT = 5.0
"""How long a verb waits for what it acts on to show, in seconds."""

Target = str | os.PathLike[str] | Module | Callable[..., Any]
"""A script file (`"app.py"`, `"app.py:main"`), a module (`Module("mytool")`, run as
`desklaunch -m mytool` runs it), or a function to run as the script."""


class Found(Protocol):
    """An element found on the screen, in either mode: its role, name and text."""

    @property
    def role(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def checked(self) -> bool | None: ...
    @property
    def disabled(self) -> bool: ...
    def click(self) -> None: ...
    def find(self, role: str | None = None, name: str | None = None, *,
             text: str | None = None) -> Found: ...
    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> Sequence[Found]: ...


class _Screen(Protocol):
    """What each mode (simulated page, real browser) implements for `AppTest`."""

    @property
    def text(self) -> str: ...
    @property
    def toasts(self) -> list[str]: ...
    @property
    def title(self) -> str: ...
    @property
    def downloads(self) -> list[Download]: ...
    @property
    def busy(self) -> int: ...
    @property
    def unrun_js(self) -> int: ...

    @property
    def popup(self) -> Found | None: ...
    def find(self, role: str | None, name: str | None, text: str | None,
             timeout: float | None) -> Found: ...
    def find_all(self, role: str | None = None, name: str | None = None,
                 text: str | None = None) -> Sequence[Found]: ...
    def wait_for_text(self, text: str | re.Pattern[str], timeout: float | None) -> None: ...
    def wait_until_gone(self, text: str | re.Pattern[str], timeout: float | None
                        ) -> None: ...
    def fill(self, label: str, value: Any, index: int | None) -> None: ...
    def submit(self) -> None: ...
    def complete(self, label: str, index: int | None) -> None: ...
    def click(self, name: str, index: int | None) -> None: ...
    def choose(self, label: str, options: Sequence[str], index: int | None) -> None: ...
    def check(self, label: str, options: Sequence[str], on: bool,
              index: int | None) -> None: ...
    def upload(self, label: str, paths: Sequence[str | os.PathLike[str]],
               index: int | None) -> None: ...
    def set_pin(self, name: str, value: Any) -> None: ...
    def close_popup(self) -> None: ...
    def accessibility_problems(self, scheme: Scheme | None) -> list[AccessibilityProblem]: ...
    def screenshot(self, path: Path, scheme: Scheme | None, full_page: bool) -> Path: ...


_open: list[AppTest] = []
_browser_by_default: bool = False
_timeout_by_default: float = DEFAULT_TIMEOUT


def set_timeout_by_default(seconds: float) -> None:
    """How long the verbs of an `AppTest` that does not say `timeout=` wait: the pytest
    plugin sets the run's `desklaunch_timeout` here."""
    global _timeout_by_default
    _timeout_by_default = seconds


def use_browser_by_default(on: bool) -> None:
    """Whether an `AppTest` that does not say `browser=` runs in Chromium; the pytest
    plugin turns it on for `pytest --desklaunch-browser`, so a whole suite runs both ways."""
    global _browser_by_default
    _browser_by_default = on


def _one_level(given: tuple[Any, ...]) -> tuple[Any, ...]:
    """The items of a call's `*given`, or of the one list or tuple given in their place."""
    if len(given) == 1 and isinstance(given[0], (list, tuple)):
        return tuple(given[0])
    return given


def _texts(options: tuple[Any, ...]) -> tuple[str, ...]:
    """Options as the texts shown: `check("Extras", "a", "b")` or `check("Extras", ["a",
    "b"])`; a number is shown as its digits."""
    texts = []
    for option in _one_level(options):
        if isinstance(option, bool) or not isinstance(option, (str, int, float)):
            raise TypeError(f"an option is the text shown beside it, not {option!r}")
        texts.append(str(option))
    return tuple(texts)
_open_lock = threading.Lock()
_closing_at_exit: list[bool] = []


def _close_at_exit() -> None:
    """Close the apps a plain script (not pytest) left open: their script and event-loop
    threads would keep Python waiting for them forever. A script error nobody looked at is
    said, after its traceback (which the session printed when it happened)."""
    for app in reversed(open_apps()):
        try:
            app.close()
        except ScriptError as exc:
            print(f"desklaunch.testing: {app!r} was left open; {exc}", file=sys.stderr)


def _close_left_open_at_exit() -> None:
    """Have `_close_at_exit` run when the main thread ends, before Python joins the other
    threads (an `atexit` function would run only after that join)."""
    with _open_lock:
        if _closing_at_exit:
            return
        _closing_at_exit.append(True)
    # The standard library's own hook for this moment (concurrent.futures uses it); it has
    # no public spelling.
    threading._register_atexit(_close_at_exit)  # type: ignore[attr-defined]


def open_apps() -> list[AppTest]:
    """Every `AppTest` started and not yet closed, oldest first (the pytest plugin closes
    those a test left open, whose threads would otherwise keep the process from ending)."""
    with _open_lock:
        return list(_open)


class AppTest:
    """One app under test, started at once; `close()` it (or use `with`) when done.

    `target`: a script path (`"app.py"`, or `"app.py:main"` for a function in it), a
    `Module("mytool")`, or a function (plain or `async def`) run as the script. `args`
    become the script's `sys.argv[1:]` (a function gets them as arguments). `browser=True`
    runs the real server and page in Chromium (a Playwright `Browser` may be given
    instead, to share one); left out, it is the run's choice (`pytest --desklaunch-browser`,
    `use_browser_by_default`), else in process. `timeout`: how long each verb waits for
    what it needs to show (left out: the run's `desklaunch_timeout`, else `DEFAULT_TIMEOUT`).
    `settle`: how long an action waits for the work it set off (default: `timeout`).
    `console`: force console mode on or off (by default a script that never imports
    desklaunch or pywebio gets it, as with the `desklaunch` command). `expect_error=True`:
    the script is meant to raise; otherwise its exception fails the test at the next step.
    """

    def __init__(self, target: Target, *, args: Sequence[Any] = (),
                 browser: bool | Browser | None = None, timeout: float | None = None,
                 settle: float | None = None, console: bool | None = None,
                 expect_error: bool = False) -> None:
        if args is None:  # as "no words" reads
            args = ()
        if isinstance(args, (str, bytes)):
            raise TypeError(f"args is a list of the words after the script, as in "
                            f"args={str(args).split()!r}, not the string {args!r}")
        if isinstance(target, Module):
            self.program = from_module(target.name, [str(a) for a in args], console=console)
        elif callable(target):
            self.program = from_function(target, args)
        elif not isinstance(target, (str, os.PathLike)):
            raise TypeError(f"AppTest takes a script's path, a Module or a function, not "
                            f"{target!r}")
        else:
            self.program = from_file(target, [str(a) for a in args], console=console)
        self.timeout = _timeout_by_default if timeout is None else timeout
        self.expect_error = expect_error
        if browser is None:
            browser = _browser_by_default
        self.browser = browser is not False
        self._errors: list[BaseException] = []
        self._errors_lock = threading.Lock()
        self._seen = 0
        """How many of the script's errors the test has seen (read or been failed by)."""
        self._closed = False
        self._settle = settle if settle is not None else self.timeout
        self.program.enter()
        try:
            self._start(browser, self._settle)
        except BaseException:
            self.program.leave()
            raise
        _close_left_open_at_exit()
        with _open_lock:
            _open.append(self)
        # What the test itself prints or logs stays the test's, out of a console app's log.
        self._step_back = step_outside()

    def _start(self, browser: bool | Browser | None, settle: float) -> None:
        self._session: Callable[[], Session | None]
        if browser is not False:
            from desklaunch.testing.browser import BrowserScreen

            chosen: Browser | None = None if browser is True else browser
            plugin = sys.modules.get("desklaunch.testing.plugin")
            if chosen is None and plugin is not None:  # in a test: the run's browser
                chosen = plugin.browser_for_test()
            real = BrowserScreen(self.program, browser=chosen,
                                 timeout=self.timeout, settle=settle, on_error=self._on_error,
                                 check=self._check)
            self._screen: _Screen = real
            self._stop: Callable[[], bool] = real.close
            self._session = lambda: real.session
            try:
                real.start()
            except BaseException:
                real.close()
                raise
            return
        from desklaunch.testing.inprocess import InProcess
        from desklaunch.testing.simulated import SimulatedScreen

        driver = InProcess(self.program, timeout=self.timeout, settle=settle,
                           on_error=self._on_error)
        self._screen = SimulatedScreen(driver, self._check)
        self._stop = driver.close
        self._session = lambda: driver.session
        try:
            driver.start()
        except BaseException:
            driver.close()
            raise

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], *, args: Sequence[str] = (),
                  browser: bool | Browser | None = None, timeout: float | None = None,
                  settle: float | None = None, console: bool | None = None,
                  expect_error: bool = False) -> AppTest:
        """Run a script file (`"app.py"`) or a function in it (`"app.py:main"`)."""
        return cls(os.fspath(path), args=args, browser=browser, timeout=timeout,
                   settle=settle, console=console, expect_error=expect_error)

    @classmethod
    def from_module(cls, name: str, *, args: Sequence[str] = (),
                    browser: bool | Browser | None = None, timeout: float | None = None,
                    settle: float | None = None, console: bool | None = None,
                    expect_error: bool = False) -> AppTest:
        """Run a module or package (`"mytool"`, its `__main__`) as `desklaunch -m` does:
        found in the current folder first, its relative imports working."""
        return cls(Module(name), args=args, browser=browser, timeout=timeout,
                   settle=settle, console=console, expect_error=expect_error)

    @classmethod
    def from_function(cls, function: Callable[..., Any], *args: Any,
                      browser: bool | Browser | None = None, timeout: float | None = None,
                      settle: float | None = None, expect_error: bool = False) -> AppTest:
        """Run `function(*args)` (plain or `async def`) as the script."""
        return cls(function, args=args, browser=browser, timeout=timeout, settle=settle,
                   expect_error=expect_error)

    def __repr__(self) -> str:
        mode = "browser" if self.browser else "in process"
        return f"<AppTest {self.program.title!r} {mode}>"

    def __enter__(self) -> AppTest:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close(check=kind is None)

    # -- what a person does ----------------------------------------------------------------

    def fill(self, label: str, value: Any, *, index: int | None = None) -> None:
        """Type `value` into the field labelled `label` (replacing what is there); a
        slider is set to the number. Pin widgets and console fields too. When several
        fields have that label, `index` says which (0 first, -1 last)."""
        self._step(self._screen.fill, label, value, index)

    def submit(self) -> None:
        """Press Enter in the field last filled: its form (or console line) is sent.

        With no field filled, the form shown (the last one, if several) is submitted."""
        self._step(self._screen.submit)

    def complete(self, label: str, *, index: int | None = None) -> None:
        """Press Tab at the end of the text in the terminal program's field labelled
        `label`: the program's completer (a cmd shell's, pdb's, a prompt_toolkit session's)
        completes it, or the words it could go on with are listed under the field."""
        self._step(self._screen.complete, label, index)

    def click(self, name: str, *, index: int | None = None) -> None:
        """Press the button named `name` (a tab, or a clickable output, by its text).

        When several have that name, `index` says which (0 first, -1 last)."""
        self._step(self._screen.click, name, index)

    def choose(self, label: str, *options: str, index: int | None = None) -> None:
        """Pick the options shown as `options` in the list (or round buttons) `label`.
        When several lists have that label, `index` says which (0 first, -1 last)."""
        self._step(self._screen.choose, label, _texts(options), index)

    def check(self, label: str, *options: str, index: int | None = None) -> None:
        """Tick the boxes `options` of the group labelled `label` (all with none given),
        or the single box labelled `label`; `index` as for `choose`."""
        self._step(self._screen.check, label, _texts(options), True, index)

    def uncheck(self, label: str, *options: str, index: int | None = None) -> None:
        """Untick boxes, as `check` ticks them."""
        self._step(self._screen.check, label, _texts(options), False, index)

    def upload(self, label: str, *paths: str | os.PathLike[str],
               index: int | None = None) -> None:
        """Send these files with the file field labelled `label` (as dropping them does);
        `index` as for `choose`."""
        self._step(self._screen.upload, label, _one_level(paths), index)

    def set_pin(self, name: str, value: Any) -> None:
        """Change the pin widget `name` (the script's `pin.name`) as a person would: type
        the text, set the slider, pick the option(s) shown as `value`."""
        self._step(self._screen.set_pin, name, value)

    def close_popup(self) -> None:
        """Close the popup shown, with its Close button."""
        self._step(self._screen.close_popup)

    # -- what a person sees ----------------------------------------------------------------

    @property
    def text(self) -> str:
        """What the screen reads, in order: outputs, forms, the end line, the popup."""
        self._check()
        return self._screen.text

    def find(self, role: str | None = None, name: str | None = None, *,
             text: str | None = None, timeout: float | None = None) -> Found:
        """The one element with this role, accessible name and/or text, once it shows."""
        asked("find", role, name, text)
        self._check()
        return self._screen.find(role, name, text, timeout)

    def find_all(self, role: str | None = None, name: str | None = None, *,
                 text: str | None = None) -> list[Found]:
        """Every element shown now with this role, name and/or text, in order."""
        asked("find_all", role, name, text)
        self._check()
        return list(self._screen.find_all(role, name, text))

    def wait_for(self, text: str | re.Pattern[str], *, timeout: float | None = None) -> None:
        r"""Wait until the screen reads `text` (for what the app shows in the background);
        a compiled pattern (`re.compile(r"step \d+/40")`) is searched in `self.text`."""
        self._check()
        self._screen.wait_for_text(text, timeout)

    def wait_until_gone(self, text: str | re.Pattern[str], *,
                        timeout: float | None = None) -> None:
        """Wait until the screen no longer reads `text` (a "Loading…" the app takes away
        when its work in the background is done, a toast that expires)."""
        self._check()
        self._screen.wait_until_gone(text, timeout)

    @property
    def toasts(self) -> list[str]:
        """The texts of the toasts shown now."""
        self._check()
        return self._screen.toasts

    @property
    def popup(self) -> Found | None:
        """The popup shown (a `dialog` named by its title), or None."""
        self._check()
        return self._screen.popup

    @property
    def title(self) -> str:
        """The window title."""
        self._check()
        return self._screen.title

    @property
    def downloads(self) -> list[Download]:
        """The files the app offered so far (`put_file` buttons pressed, `download()`)."""
        self._check()
        return self._screen.downloads

    def accessibility_problems(self, *, scheme: Scheme | None = None
                               ) -> list[AccessibilityProblem]:
        """What an accessibility audit (axe-core) finds on the screen now, one problem per
        element: a field with no label, text with too little contrast… Only with
        `browser=True`, since it needs the real page laid out; `scheme="dark"` audits the
        page in the dark colour scheme. `assert app.accessibility_problems() == []`."""
        self._check()
        return self._screen.accessibility_problems(scheme)

    def screenshot(self, path: str | os.PathLike[str], *, scheme: Scheme | None = None,
                   full_page: bool = True) -> Path:
        """Save what the person sees now as a PNG at `path` (its folder is made) and return
        the path: to look at a failing step, or to keep pictures for the docs. Only with
        `browser=True`, since it needs the real page drawn; `scheme="dark"` draws the dark
        colour scheme; `full_page=False` keeps only the window's part."""
        self._check()
        return self._screen.screenshot(Path(path), scheme, full_page)

    # -- what the script did ---------------------------------------------------------------

    @property
    def exit_code(self) -> int | None:
        """The script's exit code once it ended (console mode: its last run's), else None."""
        self._screen.text  # noqa: B018 - settles: what the last action set off is done
        if self.program.console is not None:
            return self.program.console.last_code
        session = self._session()
        outcome = session.outcome if session is not None else None
        return None if outcome is None else outcome.code

    @property
    def error(self) -> BaseException | None:
        """The exception the script (or a callback) raised, if any; looking at it here
        means the test expected it, so it no longer fails the test (an error raised after
        that still does)."""
        with self._errors_lock:
            self._seen = len(self._errors)
            return self._errors[0] if self._errors else None

    def _on_error(self, exc: BaseException) -> None:
        with self._errors_lock:
            self._errors.append(exc)

    def _check(self) -> None:
        """Fail the test with the script's own exception, once, unless it was expected."""
        with self._errors_lock:
            if self.expect_error or len(self._errors) <= self._seen:
                return
            exc = self._errors[self._seen]
            self._seen = len(self._errors)
        raise ScriptError(f"the script raised {type(exc).__name__}: {exc}") from exc

    def _step(self, action: Callable[..., None], *args: Any) -> None:
        if self._closed:
            raise RuntimeError(f"{self!r} is closed")
        self._check()
        action(*args)
        self._check()

    # -- the end -----------------------------------------------------------------------------

    def screen(self) -> str:
        """The screen as text, for a failure report: title, what it reads, toasts."""
        busy = self._screen.busy  # reading the screen below settles again
        try:
            text, toasts = self._screen.text, self._screen.toasts
        except Exception as exc:  # noqa: BLE001 - a report must not fail itself
            return f"(the screen could not be read: {exc})"
        lines = [f"title: {self._screen.title}", *text.splitlines()]
        lines += [f"toast: {toast}" for toast in toasts]
        if busy:
            lines.append(f"note: {busy} time(s) the script was still working when "
                         f"the kit stopped waiting for it ({self._settle:g} s each): a script "
                         "that should be waiting for the person may be stuck in a loop; one "
                         "that keeps working between its questions (a game polling for the "
                         "other player, a long task showing its progress) is best started "
                         "with a short settle=, e.g. settle=0.2")
        if self._screen.unrun_js:
            lines.append(f"note: the script called run_js {self._screen.unrun_js} time(s); "
                         "in process no JavaScript runs, so what it does to the page (a "
                         "title, a class, a click) is not here: AppTest(..., browser=True) "
                         "runs it in Chromium")
        return "\n".join(lines)

    def close(self, *, check: bool = True) -> bool:
        """Close the app and stop its threads; True when they all stopped.

        With `check`, a script error the test has not looked at fails the test here."""
        if self._closed:
            return True
        self._closed = True
        with _open_lock:
            if self in _open:
                _open.remove(self)
        self._step_back()
        try:
            stopped = self._stop()
        finally:
            self.program.leave()
        if check:
            self._check()
        return stopped

    @property
    def closed(self) -> bool:
        return self._closed
