"""The native window: pywebview showing the app's URL, on the main thread.

pywebview (and Qt under it) is imported only here and only when a window opens, so
`import desklaunch` stays light. The window knows only a URL: no `js_api` bridge is ever
exposed to the page, and links to other sites open in the system browser.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)

QT_HINT = 'pip install "desklaunch[qt]"'


def window_problem(gui: str | None = None) -> str | None:
    """Why no native window can open here, in one line with its fix; None when one can."""
    from desklaunch.desktop.display import probe

    display = probe()
    if not display.usable:
        return display.text
    if importlib.util.find_spec("webview") is None:
        return f"pywebview is not installed ({QT_HINT})"
    chosen = gui or choose_gui()
    if chosen is None:
        return f"no GUI toolkit for pywebview is installed ({QT_HINT})"
    if chosen == "qt":
        return _qt_problem()
    if chosen == "gtk" and importlib.util.find_spec("gi") is None:
        return "the GTK backend needs PyGObject and WebKit2GTK (see desklaunch doctor)"
    return None


def choose_gui() -> str | None:
    """The pywebview backend to use: `PYWEBVIEW_GUI`, else the platform's own, else Qt."""
    wanted = os.environ.get("PYWEBVIEW_GUI")
    if wanted:
        return wanted.lower()
    if sys.platform in ("win32", "darwin"):
        return "native"
    if _has_qt():
        return "qt"
    if importlib.util.find_spec("gi") is not None:
        return "gtk"
    return None


def _has_qt() -> bool:
    return any(
        importlib.util.find_spec(name) is not None for name in ("PyQt6", "PyQt5", "PySide6")
    )


def _qt_problem() -> str | None:
    _prepare_qt()
    try:
        if os.environ.get("QT_API") == "pyqt6":
            # Straight from the binding: qtpy would hide why (a missing system library)
            # behind "No Qt bindings could be found".
            importlib.import_module("PyQt6.QtWebEngineWidgets")
        from qtpy import QtWebEngineWidgets  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any failure here means "no window"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return (f"Qt cannot start ({reason}); install the Qt runtime libraries "
                f"or {QT_HINT}")
    return None


def _prepare_qt() -> None:
    """Settings QtWebEngine needs before it loads."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root; there is nothing to drop to.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if importlib.util.find_spec("PyQt6") is not None:
        os.environ.setdefault("QT_API", "pyqt6")


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
        self._window: Any = None

    def run(self, on_closed: Callable[[], None], on_shown: Callable[[Any], None] | None = None
            ) -> None:
        """Open the window on the main thread and run the GUI loop until it closes."""
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the window must run on the main thread")
        if self.gui == "qt":
            _prepare_qt()
        import webview

        webview.settings["OPEN_EXTERNAL_LINKS_IN_BROWSER"] = True
        webview.settings["ALLOW_DOWNLOADS"] = True
        # With --debug the dev tools are one right-click away; opened by themselves they
        # would be a second window that keeps the app running after its window closes.
        webview.settings["OPEN_DEVTOOLS_IN_DEBUG"] = False
        self._window = webview.create_window(
            self.title, self.url, width=self.width, height=self.height,
            text_select=True, **{"min_size": (320, 240), **self.native_options},
        )
        if self.on_created is not None:
            self.on_created(self._window)

        def closed() -> None:
            self.closed.set()
            on_closed()

        self._window.events.closed += closed
        gui = None if self.gui == "native" else self.gui
        webview.start(on_shown, self._window, gui=gui, debug=self.debug,  # type: ignore[arg-type]
                      private_mode=True, icon=self.icon)
        self.closed.set()

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
        """Close the window from any thread; `run()` then returns."""
        if self._window is not None and not self.closed.is_set():
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
