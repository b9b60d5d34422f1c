"""The native window: pywebview showing the app's URL, on the main thread.

pywebview (and Qt under it) is imported only here and only when a window opens, so
`import desklaunch` stays light. The window knows only a URL: no `js_api` bridge is ever
exposed to the page, and links to other sites open in the system browser.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desklaunch.desktop import gtk, qt
from desklaunch.desktop.backdrop import PAGE_BACKGROUND, paint_qt
from desklaunch.desktop.options import guis

log = logging.getLogger(__name__)

QT_HINT = qt.HINT


def window_problem(gui: str | None = None, *, pointer: bool = True) -> str | None:
    """Why no native window can open here, in one line with its fix; None when one can.
    `pointer`: a missing GTK stack says "(see desklaunch doctor)", except in doctor itself."""
    from desklaunch.desktop.display import probe

    if importlib.util.find_spec("webview") is None:
        return f"pywebview is not installed ({QT_HINT})"
    chosen = gui or choose_gui()
    display = probe(offscreen_counts=chosen != "gtk")
    if not display.usable:
        return display.text
    if chosen is None:
        return f"no GUI toolkit for pywebview is installed ({QT_HINT})"
    if chosen == "qt":
        return qt.problem()
    if chosen == "gtk":
        return gtk.problem(pointer=pointer)
    if chosen != "native" and chosen not in guis():  # pywebview would take it for GTK,
        # whose window then hung at close
        return (f"PYWEBVIEW_GUI is {chosen!r}, not a backend desklaunch can use here (unset "
                f"it, or set it to {' or '.join(guis())})")
    return None


def display_problem(gui: str | None) -> str | None:
    """Why backend `gui` cannot open a display whose socket answers (it refuses this
    program, or the toolkit cannot use it), in one line; None when it can. Checked before
    the toolkit starts, which would end the process from C instead (desktop/gtk.py,
    desktop/qt.py)."""
    backend = BACKENDS.get(gui or "")
    return backend.display_problem() if backend is not None else None


def choose_gui() -> str | None:
    """The pywebview backend to use: `PYWEBVIEW_GUI`, else the platform's own, else Qt when
    it can start (also on the platform `QT_QPA_PLATFORM` names), else GTK when its whole
    stack is there (and a display for it)."""
    wanted = os.environ.get("PYWEBVIEW_GUI")
    if wanted:
        return wanted.lower()
    if sys.platform in ("win32", "darwin"):
        return "native"
    gtk_ready = importlib.util.find_spec("gi") is not None and gtk.missing() is None
    if qt.installed():
        if gtk_ready and _gtk_display() and (
                qt.problem() is not None
                or (os.environ.get("QT_QPA_PLATFORM") and qt.display_problem() is not None)):
            return "gtk"  # Qt is installed but broken, or told a platform it cannot start
        return "qt"
    if importlib.util.find_spec("gi") is not None:
        return "gtk"  # even when incomplete: its problem then says what is missing
    return None


def _gtk_display() -> bool:
    from desklaunch.desktop.display import probe

    return probe(offscreen_counts=False).usable


BACKENDS = {"qt": qt, "gtk": gtk}
"""Each Linux backend's module of quirks, by pywebview's name for it."""


def _keeps_sigint_handler() -> Callable[[], None]:
    """Put back the Ctrl+C handler in place now (the launcher's, which closes the window as
    stopped by a signal: exit code 130) once pywebview's Qt has set its own, a plain quit
    that read as the window closed (exit code 0), just before the window shows."""
    ours = signal.getsignal(signal.SIGINT)

    def restore() -> None:
        if threading.current_thread() is threading.main_thread() and callable(ours):
            signal.signal(signal.SIGINT, ours)

    return restore


def program_name() -> str | None:
    """The name a built app's windows go by (their X11 class, their Wayland app id): its
    executable's, which its menu entry names as `StartupWMClass`, so the desktop shows the
    window under the app's own entry and icon. None outside a built app (no entry to match)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).name or None


class Window:
    """One pywebview window on the app's URL; `run()` blocks until it closes."""

    def __init__(self, url: str, *, title: str, width: int = 900, height: int = 700,
                 gui: str | None = None, debug: bool = False,
                 native_options: dict[str, Any] | None = None, icon: str | None = None
                 ) -> None:
        self.url = url
        self.title = title
        self.width = width
        self.height = height
        self.gui = gui or choose_gui()
        self.debug = debug
        self.native_options = native_options or {}
        """More `webview.create_window` arguments: x, y, min_size, resizable, on_top, ..."""
        self.icon = icon
        self.on_created: Callable[[Any], None] | None = None
        """Called with the pywebview window once created, before the GUI loop starts."""
        self.closed = threading.Event()
        self.shown = threading.Event()
        """Set once the window has appeared: a failure before it may fall back to a browser."""
        self.stopped_by: int | None = None
        """The signal (Ctrl+C, SIGTERM) that closed the window, if one did."""
        self._window: Any = None
        self._lock = threading.Lock()
        self._close_asked = False

    @property
    def reads_size_at_close(self) -> bool:
        """Whether a `closing` handler may read the window's size (not with GTK: it waits on
        GTK's own thread, which is running the handler)."""
        return bool(getattr(BACKENDS.get(self.gui or ""), "READS_SIZE_AT_CLOSE", True))

    @property
    def asks_to_quit_itself(self) -> bool:
        """Whether `--confirm-close` asks with `ask_to_quit`, not the backend's question."""
        return bool(getattr(BACKENDS.get(self.gui or ""), "ASKS_TO_QUIT_ITSELF", False))

    def ask_to_quit(self, native: Any) -> bool:
        """Whether the person confirms quitting (only with `asks_to_quit_itself`)."""
        return gtk.confirm_quit(native)

    @property
    def fast_exit(self) -> bool:
        """Whether the process should end without the toolkit's slow teardown (GTK)."""
        return bool(getattr(BACKENDS.get(self.gui or ""), "FAST_EXIT", False))

    def run(self, on_closed: Callable[[], None], on_shown: Callable[[Any], None] | None = None
            ) -> None:
        """Open the window on the main thread and run the GUI loop until it closes.

        Whatever pywebview or its toolkit raises goes to the caller, which stops the app.
        """
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the window must run on the main thread")
        if self.gui == "qt":
            qt.prepare(quiet=not self.debug)
        elif self.gui == "gtk":
            gtk.prepare()
        program = program_name()
        backend = BACKENDS.get(self.gui or "")
        named = backend.name_program(program) if program and backend else None
        if (refused := display_problem(self.gui)) is not None:
            if named is not None:
                named()  # the name was for a window that will not come
            raise RuntimeError(refused)
        import webview

        webview.settings["OPEN_EXTERNAL_LINKS_IN_BROWSER"] = True
        webview.settings["ALLOW_DOWNLOADS"] = True
        # With --debug the dev tools are one right-click away; opened by themselves they
        # would be a second window that keeps the app running after its window closes.
        webview.settings["OPEN_DEVTOOLS_IN_DEBUG"] = False
        self._window = webview.create_window(
            self.title, self.url, width=self.width, height=self.height,
            text_select=True, background_color=PAGE_BACKGROUND["light"],
            **{"min_size": (320, 240), **self.native_options},
        )
        if self.gui == "qt":
            window = self._window
            window.events.before_show += lambda: paint_qt(window.native)
            window.events.before_show += _keeps_sigint_handler()
        if self.on_created is not None:
            self.on_created(self._window)

        def closed() -> None:
            self.closed.set()
            on_closed()

        self._window.events.closed += closed
        self._window.events.shown += self._on_shown
        if named is not None:
            self._window.events.shown += named
        gui = None if self.gui == "native" else self.gui
        try:
            webview.start(on_shown, self._window, gui=gui,  # type: ignore[arg-type]
                          debug=self.debug, private_mode=True, icon=self.icon)
        finally:
            self.closed.set()

    def stop_by_signal(self, signum: int) -> bool:
        """Ctrl+C or SIGTERM: close the window without asking (from a signal handler, so
        nothing is raised inside the GUI loop). False when there is no window to close."""
        if self._window is None or self.closed.is_set():
            return False
        log.debug("signal %d: closing the window", signum)
        self.stopped_by = signum
        self.close()
        return True

    def dialogs(self) -> WindowDialogs:
        """This window's system file dialogs, for the scripts it shows."""
        return WindowDialogs(self)

    def set_title(self, title: str) -> None:
        if self._window is not None:
            self._window.set_title(title)

    def focus(self) -> None:
        """Bring the window to the front (un-minimised), from any thread."""
        if self._window is not None and not self.closed.is_set():
            log.debug("bringing the window to the front")
            self._window.restore()
            self._window.show()

    def native(self) -> Any:
        """The pywebview window object, once `run()` has created it."""
        if self._window is None:
            raise RuntimeError("the window is not open")
        return self._window

    def close(self) -> None:
        """Close the window from any thread; `run()` then returns.

        pywebview's `destroy()` first waits for the window to show, so it is never called
        on the GUI thread (where a signal handler runs): it would wait for itself. Asked
        before the window has shown (a SIGTERM in its first moments), the window closes
        as soon as it shows; before the toolkit has made it pywebview would drop it.
        """
        if self._window is None or self.closed.is_set():
            return
        if threading.current_thread() is threading.main_thread():
            threading.Thread(target=self.close, name="desklaunch-close", daemon=True).start()
            return
        with self._lock:
            self._close_asked = True
            shown = self.shown.is_set()
        if shown:
            if self.gui == "gtk":
                gtk.cancel_dialogs()  # scheduled before the close: it waits for them
            self._window.destroy()

    def _on_shown(self) -> None:
        """pywebview's `shown` (on a thread of its own): close now if that was asked."""
        with self._lock:
            self.shown.set()
            asked = self._close_asked
        if asked:
            log.debug("closing the window asked for before it showed")
            self._window.destroy()


class WindowDialogs:
    """`desklaunch.core.native.NativeDialogs` through pywebview's file dialogs."""

    def __init__(self, window: Window) -> None:
        self._window = window

    def open_files(self, *, multiple: bool, accept: Sequence[str] = ()) -> list[str] | None:
        import webview

        patterns = [f"*{a}" for a in accept if a.startswith(".")]
        file_types = (f"Accepted files ({';'.join(patterns)})", "All files (*.*)") \
            if patterns else ()
        chosen = self._window.native().create_file_dialog(
            webview.FileDialog.OPEN, allow_multiple=multiple, file_types=file_types)
        return list(chosen) if chosen else None

    def save_file(self, suggested_name: str) -> str | None:
        import webview

        chosen = self._window.native().create_file_dialog(
            webview.FileDialog.SAVE, save_filename=suggested_name)
        if not chosen:
            return None
        return chosen if isinstance(chosen, str) else chosen[0]

    def choose_folder(self) -> str | None:
        import webview

        chosen = self._window.native().create_file_dialog(webview.FileDialog.FOLDER)
        if not chosen:
            return None
        return chosen if isinstance(chosen, str) else chosen[0]
