"""Running an app to its end: window or browser, then an orderly stop and the exit code.

Both the `desklaunch` command and `desklaunch.launch()` come through `run()`. In the
browser the URL is printed (and the browser opened) before the server is even imported,
so the browser's start and the server's overlap; the server then answers the page and its
files while the rest of the App is imported (`desklaunch.web.front.Serving`). The app's own
session is made as the App starts, and its script runs while the page loads
(`App.open_first_session`).
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from desklaunch.core import logs
from desklaunch.desktop.integration import Desktop
from desklaunch.desktop.options import Options
from desklaunch.errors import WindowError
from desklaunch.starter import AppStarter
from desklaunch.web.endpoint import Endpoint

if TYPE_CHECKING:
    from desklaunch.app import App
    from desklaunch.core.session import SessionKind
    from desklaunch.desktop.window import Window
    from desklaunch.web.front import Serving

log = logging.getLogger(__name__)

_fast_exit = False
"""Set once a window whose toolkit is slow to tear down (GTK) has run: `exit_process` then
ends the process without that teardown, everything of desklaunch's being stopped."""


START_SWITCH_INTERVAL = 0.0005
"""The interpreter's thread switch interval (seconds) until the page has its first answer.
The server answers the page while the App is imported beside it, and each request passes
between waitress's threads a few times; at Python's 5 ms each pass could wait that long
for the importing thread (BENCHMARKS.md, 2026-12-02 14:00)."""


def run(main: Callable[[], Any], kind: SessionKind, options: Options) -> int:
    """Serve `main` and show it until the window closes (or Ctrl+C); return the exit code."""
    with _quick_switches() as answered:
        return _run(main, kind, options, answered)


@contextlib.contextmanager
def _quick_switches() -> Iterator[Callable[[], None]]:
    """`START_SWITCH_INTERVAL` until the callable it gives is called, or the block ends;
    then the interval from before, unless the script has set one of its own meanwhile."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(START_SWITCH_INTERVAL)
    ours = sys.getswitchinterval()

    def restore() -> None:
        if sys.getswitchinterval() == ours:
            sys.setswitchinterval(before)

    try:
        yield restore
    finally:
        restore()


def _run(main: Callable[[], Any], kind: SessionKind, options: Options,
         answered: Callable[[], None]) -> int:
    desktop = Desktop(options)
    refusal = desktop.claim()
    if refusal is not None:
        say(refusal)
        return 0
    mode = options.mode
    if mode == "window":
        from desklaunch.desktop.window import window_problem

        problem = window_problem(options.gui)
        if problem is not None:
            instead = "showing it in a browser instead" if _has_display() \
                else "serving it for a browser instead"
            say(f"{problem}; {instead}.", level=logging.WARNING)
            _tell_frozen(problem)
            mode = "browser"
    # The address comes first and the server after it: the window or browser (or a tool
    # reading the URL) starts loading the page while the server is still being imported
    # and started; the page's first request waits in the socket's backlog meanwhile.
    endpoint = Endpoint()
    log.debug("the app shows %s", f"in a window ({options.gui or 'the backend found'})"
              if mode == "window" else "in a browser" if mode == "browser" else "where "
              "the URL is opened")
    if mode == "window":
        return _run_in_window(main, kind, options, desktop, endpoint, answered)
    _stop_on_signals(None)  # from the URL on, Ctrl+C and SIGTERM stop everything in order
    serving: Serving | None = None
    try:
        with _signals_held() as held:
            _announce(endpoint.url, open_browser=mode == "browser")
            serving = _serve(endpoint, answered)
            from desklaunch.app import App

            app = App(main, kind=kind, title=options.title,
                      close_on_exit=options.close_on_exit, serving=serving)
    except BaseException as exc:
        if serving is not None:  # no App owns them yet to close them
            serving.close()
        endpoint.close()
        desktop.close()
        if isinstance(exc, KeyboardInterrupt):
            _second_signal_kills()
            return 130
        raise
    desktop.attach(app, None)
    try:
        with _signals_held() as held_too:
            app.open_first_session()
            app.start()
            app.start_first_session()
        if held or held_too:
            raise KeyboardInterrupt
        while not app.ended.wait(0.5):
            pass
    except KeyboardInterrupt:
        _second_signal_kills()
        return _stop(app, desktop, code=130)
    except BaseException:
        _stop(app, desktop)  # the loop thread may already run: nothing may keep the process
        raise
    return _stop(app, desktop)


def _run_in_window(main: Callable[[], Any], kind: SessionKind, options: Options,
                   desktop: Desktop, endpoint: Endpoint, answered: Callable[[], None]) -> int:
    """The window first: the GUI toolkit starts on the main thread at once, on the app's
    URL, and the App is built and started beside it (`desklaunch.starter`) from the moment
    the window is made, just before it shows. Not sooner: Qt holds the GIL while it makes
    its web view (a few hundred ms here), so a server started earlier only slows that down;
    from then on the page's own process starts without Python, and the server with it."""
    try:
        window = _window(endpoint.url, desktop, options)
    except BaseException:
        endpoint.close()
        desktop.close()
        raise
    created = threading.Event()

    def build() -> App:
        serving = _serve(endpoint, answered)
        try:
            from desklaunch.app import App

            app = App(main, kind=kind, title=options.title,
                      close_on_exit=options.close_on_exit, on_ended=window.close,
                      idle_timeout=None, serving=serving)
        except BaseException:
            serving.close()
            raise
        app.native = window.dialogs()
        app.on_title = window.set_title
        return app

    def failed() -> None:
        created.wait()  # set once the window exists, or once it can no longer come
        window.close()

    starter = AppStarter(build, on_failure=failed)
    desktop.attach(starter, window)
    watch = window.on_created

    def on_created(native: Any) -> None:
        if watch is not None:
            watch(native)
        native.events.before_show += starter.start  # every pywebview backend sends it
        created.set()

    window.on_created = on_created
    _stop_on_signals(window)
    try:
        try:
            window.run(on_closed=lambda: None)
        finally:
            created.set()
            _note_fast_exit(window)
    except KeyboardInterrupt:
        _second_signal_kills()
        return _stop_started(starter, desktop, endpoint, code=130)
    except Exception as exc:  # noqa: BLE001 - pywebview or its toolkit failed: stop, then say
        _second_signal_kills()
        _stop_started(starter, desktop, endpoint)
        return _window_failed(exc, window, main, kind, options)
    except BaseException:
        _stop_started(starter, desktop, endpoint)
        raise
    if window.stopped_by is not None:  # closed by Ctrl+C or SIGTERM
        _second_signal_kills()
        return _stop_started(starter, desktop, endpoint, code=130)
    return _stop_started(starter, desktop, endpoint)


def _stop_started(starter: AppStarter, desktop: Desktop, endpoint: Endpoint,
                  code: int | None = None) -> int:
    """`_stop` once the starter is done; what kept the App from starting is raised after
    everything it took is released."""
    try:
        app = starter.wait()
    except BaseException:
        if starter.app is not None:
            starter.app.close()
        endpoint.close()
        desktop.close()
        raise
    if app is None:  # the window closed before it was ever shown
        endpoint.close()
        desktop.close()
        return 0 if code is None else code
    return _stop(app, desktop, code)


def _tell_frozen(problem: str) -> None:
    """A frozen app has no terminal to say it on: show why its window cannot open."""
    if getattr(sys, "frozen", False):
        from desklaunch.desktop.errorbox import show_error_dialog

        show_error_dialog("The window could not open",
                          f"{problem}.\n\nThe app opens in your web browser instead.")


def _note_fast_exit(window: Window | None) -> None:
    global _fast_exit
    _fast_exit = _fast_exit or (window is not None and window.fast_exit)


def _window_failed(exc: Exception, window: Window, main: Callable[[], Any], kind: SessionKind,
                   options: Options) -> int:
    """The window broke after the app had stopped in order (port and single-instance lock
    released): show the app in the browser instead when it never appeared and a browser can
    open here; otherwise raise `WindowError` (one line; a frozen app's error box)."""
    reason = str(exc).splitlines()[0] if str(exc) else ""
    problem = f"the window could not start ({type(exc).__name__}: {reason})" if reason \
        else f"the window could not start ({type(exc).__name__})"
    log.debug("the window failed", exc_info=exc)
    if not window.shown.is_set() and _has_display():
        say(f"{problem}; showing it in a browser instead.", level=logging.WARNING)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.default_int_handler)
        return run(main, kind, dataclasses.replace(options, mode="browser"))
    raise WindowError(problem)


def _serve(endpoint: Endpoint, answered: Callable[[], None]) -> Serving:
    """A server answering the page and its files on `endpoint` now, before the App (the
    protocol's core and its event loop, some 20 ms of imports) exists to answer the rest;
    `answered` is told when a page has had its first answer."""
    from desklaunch.web.front import Serving

    serving = Serving(endpoint, on_answered=answered)
    try:
        serving.start()
    except BaseException:
        serving.close()
        raise
    return serving


def _window(url: str, desktop: Desktop, options: Options) -> Window:
    """The window that will show `url` (not open yet), at its remembered size."""
    from desklaunch.desktop.window import Window

    width, height, native_options = desktop.window_size()
    return Window(url, title=options.title, width=width, height=height, gui=options.gui,
                  debug=options.debug, native_options=native_options, icon=options.icon)


def _stop(app: App, desktop: Desktop, code: int | None = None) -> int:
    """Stop the reloader, the app and the desktop side in order; the exit code (the
    script's unless `code` says otherwise)."""
    desktop.stop_watching()
    app.close()
    desktop.close()
    return app.exit_code if code is None else code


def _hold_sigterm() -> None:
    """Before a fork: SIGTERM waits (in the forking thread only; the main thread takes it),
    so that none reaches the child before it has dropped the app's handler."""
    _masks[threading.get_ident()] = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})


def _release_sigterm() -> None:
    previous = _masks.pop(threading.get_ident(), None)
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _children_start_unhandled() -> None:
    """In a process the script forks (a multiprocessing pool's worker): SIGTERM ends it and
    Ctrl+C raises KeyboardInterrupt, as in a terminal program's child. Inherited, the app's
    handler raised KeyboardInterrupt in the worker (a traceback each time a pool closed),
    and a SIGTERM that came before the child dropped it was lost: `Pool.terminate()` then
    waited forever for that worker (3 of 10 runs)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    _release_sigterm()  # one sent meanwhile ends the child now


def _reset_in_children() -> None:
    """Once per process: forked children drop the handlers set below."""
    global _RESETS_IN_CHILDREN
    if not _RESETS_IN_CHILDREN and hasattr(os, "register_at_fork"):  # not on Windows
        os.register_at_fork(before=_hold_sigterm, after_in_parent=_release_sigterm,
                            after_in_child=_children_start_unhandled)
        _RESETS_IN_CHILDREN = True


_RESETS_IN_CHILDREN = False
_masks: dict[int, set[int | signal.Signals]] = {}
"""The signal mask each forking thread had before `_hold_sigterm`."""


def _stop_on_signals(window: Window | None) -> None:
    """Let Ctrl+C and `kill` (SIGTERM) stop the app in order.

    In the browser they raise `KeyboardInterrupt` in the main thread's wait. With a window
    they close it instead: raised inside a GUI loop, the exception would be swallowed by
    the toolkit (GTK) or end it abruptly. pywebview's Qt backend puts its own Ctrl+C
    handler in place when its loop starts, which closes the window as well.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    _reset_in_children()

    def interrupt(signum: int, frame: object) -> None:
        if window is not None and window.stopped_by is not None:
            _end_now(signum)  # a second one while the window closes
        if window is not None and window.stop_by_signal(signum):
            return
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    if window is not None:
        signal.signal(signal.SIGINT, interrupt)


@contextlib.contextmanager
def _signals_held() -> Iterator[list[int]]:
    """While the app is built and started, Ctrl+C and SIGTERM are noted rather than raised
    (the caller stops in order once the block is done): raised in the middle of building an
    event loop or a server, they left half-made objects whose clean-up printed a traceback.
    A second one ends the process at once."""
    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held
        return
    _reset_in_children()

    def note(signum: int, frame: object) -> None:
        if held:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        held.append(signum)

    previous = {number: signal.signal(number, note) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield held
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _end_now(signum: int) -> None:
    """End the process at once by `signum`, as if nothing handled it."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _second_signal_kills() -> None:
    """While stopping in order, a second Ctrl+C or SIGTERM ends the process at once."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _announce(url: str, *, open_browser: bool) -> None:
    """Print the URL (stdout: a tool may read it) and open the browser when there is one;
    the line after it says which, so nobody waits for a browser that never comes."""
    print(url, flush=True)
    if not open_browser:
        say("serving on this URL; press Ctrl+C to stop.")
        return
    opened = False
    if _has_display():
        import webbrowser  # only here: a window or --no-open never needs it

        opened = webbrowser.open(url)
    if opened:
        # webbrowser only knows that it started a browser, not that a page showed.
        say("serving on this URL and asked your browser to open it (if no page shows, "
            "open the URL yourself); press Ctrl+C to stop.")
    else:
        if _has_display():
            say("no browser could be opened: open the URL above in a browser; press Ctrl+C "
                "to stop.")
        else:
            say("open the URL above in a browser on this machine (or through an SSH tunnel "
                "to it); press Ctrl+C to stop.")


def _has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def say(message: str, *, level: int = logging.INFO) -> None:
    """One line for the person at the terminal, on stderr (stdout is the script's); a
    frozen app's log keeps it at `level`."""
    line = f"desklaunch: {message}"
    if isinstance(sys.stderr, logs.LogStream):
        sys.stderr.note(line, level)
    elif sys.stderr is not None:
        print(line, file=sys.stderr, flush=True)


def exit_process(code: int) -> None:
    """Exit with `code`; if a script thread refuses to stop, end the process anyway."""
    if sys.stdout is not None:
        sys.stdout.flush()
    if sys.stderr is not None:
        sys.stderr.flush()
    stragglers = [t for t in threading.enumerate()
                  if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if stragglers:
        os._exit(code)
    if _fast_exit:  # GTK: the script's atexit functions run, the toolkit's teardown does not
        atexit._run_exitfuncs()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)
