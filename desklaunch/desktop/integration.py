"""What makes a launch behave like a desktop program, around its App and window.

The window comes back where it was (clamped to a screen that is still there), a second
launch brings the first to the front instead of opening twice, closing asks first while the
script still runs (`--confirm-close`), and `--reload` reruns the script on every save. The
launcher calls `claim()` before anything starts, `attach()` once the App and window exist,
and `close()` when the app stops.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desklaunch.core.settings import AppSettings, app_name
from desklaunch.desktop.geometry import Rect, clamp
from desklaunch.desktop.instance import InstanceError, SingleInstance
from desklaunch.errors import UsageError

if TYPE_CHECKING:
    from desklaunch.core.session import Session
    from desklaunch.desktop.options import Options
    from desklaunch.desktop.reloader import Watcher
    from desklaunch.desktop.window import Window

log = logging.getLogger(__name__)


class RunningApp(Protocol):
    """What the desktop needs of the app it serves (the composition root's `App`)."""

    @property
    def first_session(self) -> Session | None:
        """The session of the window's page, once it has one."""
        ...

    def restart(self) -> None:
        """Run the script again in the same window (`--reload`)."""
        ...

WINDOW_SECTION = "window"


class Desktop:
    """Settings, single instance, remembered geometry and reloading for one launch."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.settings: AppSettings | None = None
        if options.name is not None:
            self.settings = AppSettings.for_app(options.name, options.data_dir)
        self._instance: SingleInstance | None = None
        self._watcher: Watcher | None = None
        self._window: Window | None = None
        self._rect_lock = threading.Lock()
        self._rect: dict[str, int] = {}
        """The window's last known outer position and size: what is saved at the end."""

    # -- before anything starts -----------------------------------------------------------

    def claim(self) -> str | None:
        """Take the single-instance lock when asked to, then apply `--reset`.

        None when this launch may go on; otherwise the line to tell the person (another copy
        runs, and was asked to come to the front; its settings are left alone).
        """
        if self.options.single_instance and self.options.name is not None:
            instance = SingleInstance(self.options.name)
            try:
                if not instance.claim():
                    if not instance.running_in_window:
                        return (f"{self.options.title} is already running, in a browser "
                                "page rather than a window: use that page, or stop it first.")
                    return (f"{self.options.title} is already running; "
                            "its window was brought to the front.")
                self._instance = instance
            except (InstanceError, OSError) as exc:
                log.warning("single instance is off: %s", exc)
        if self.options.reset and self.settings is not None:
            forgot = self.settings.reset()
            log.info("settings %s in %s", "forgotten" if forgot else "were empty",
                     self.settings.folder)
        return None

    def window_size(self) -> tuple[int, int, dict[str, Any]]:
        """Width, height and extra window arguments: the options plus the remembered place."""
        options = self.options
        width, height = options.width, options.height
        extra: dict[str, Any] = {"resizable": options.resizable, "fullscreen": options.fullscreen,
                                 "on_top": options.on_top, "confirm_close": False}
        if options.min_size is not None:
            extra["min_size"] = options.min_size
        if self.settings is None or options.fullscreen:
            return width, height, extra
        saved = _whole_numbers(self.settings.section(WINDOW_SECTION))
        if saved.get("width", 0) > 0 and saved.get("height", 0) > 0:
            width = width if "width" in options.sized else saved["width"]
            height = height if "height" in options.sized else saved["height"]
        # The size it opens at is kept until it is resized (GTK says nothing at close).
        self._rect.update(width=width, height=height)
        if "x" in saved and "y" in saved:
            extra.update(x=saved["x"], y=saved["y"])
            self._rect.update(x=saved["x"], y=saved["y"])
        return width, height, extra

    # -- once the App and the window exist ------------------------------------------------

    def attach(self, app: RunningApp, window: Window | None) -> None:
        """Hook the window's events, the focus requests and the reloader to `app`."""
        self._window = window
        if self._instance is not None:
            self._instance.on_focus = window.focus if window is not None else self._no_window
        if window is not None:
            window.on_created = lambda native: self._watch_window(native, window, app)
        if self.options.watch is not None:
            from desklaunch.desktop.reloader import Watcher

            self._watcher = Watcher(self.options.watch, app.restart,
                                    folder=self.options.watch_folder)
            self._watcher.start()

    @staticmethod
    def _no_window() -> bool:
        log.info("a second launch asked for the front; the app is shown in a browser")
        return False

    def _watch_window(self, native: Any, window: Window, app: RunningApp) -> None:
        """Runs before the GUI loop starts: follow the geometry, decide close confirmation."""
        if self.settings is not None and not self.options.fullscreen:
            native.events.moved += self._on_moved
            native.events.resized += self._on_resized
            if window.reads_size_at_close:  # GTK: the resize events alone keep the size
                native.events.closing += lambda: self._size_at_close(native)
            if "x" in self._rect:
                native.events.shown += lambda: self._keep_on_screen(native)
        if self.options.confirm_close:

            def closing() -> bool | None:
                # Read by the backend right after this handler: ask only while the script
                # runs, and never when Ctrl+C or SIGTERM closes the window.
                session = app.first_session
                ask = (window.stopped_by is None and session is not None
                       and not session.finished.is_set() and not session.at_rest.is_set())
                if window.asks_to_quit_itself:  # GTK: only OK quits, not Escape
                    native.confirm_close = False
                    return False if ask and not window.ask_to_quit(native) else None
                native.confirm_close = ask
                return None  # False would keep the window open

            native.events.closing += closing

    def _on_moved(self, x: int, y: int) -> None:
        with self._rect_lock:
            self._rect.update(x=x, y=y)

    def _on_resized(self, width: int, height: int) -> None:
        with self._rect_lock:
            self._rect.update(width=width, height=height)

    def _size_at_close(self, native: Any) -> None:
        """Runs on the GUI thread as the window closes: the size is exact there, while
        `resized` arrives on threads of its own and might come too late. Returns None: a
        closing handler that returns False would keep the window open."""
        if native.events.shown.is_set():  # otherwise reading the size waits for a show
            self._on_resized(native.width, native.height)

    def _keep_on_screen(self, native: Any) -> None:
        """A window restored off every screen (a monitor gone) is brought back onto one."""
        import webview

        with self._rect_lock:
            saved = Rect.from_dict({"width": self.options.width,
                                    "height": self.options.height, **self._rect})
        if saved is None:
            return
        screens = [Rect(s.x, s.y, s.width, s.height) for s in webview.screens]
        placed = clamp(saved, screens)
        if placed != saved:
            log.debug("moving the window from %s onto a screen: %s", saved, placed)
            native.resize(placed.width, placed.height)
            native.move(placed.x, placed.y)

    # -- stopping -------------------------------------------------------------------------

    def stop_watching(self) -> None:
        """Stop the reloader, so nothing restarts while the app stops (idempotent)."""
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def close(self) -> None:
        """Remember the window's geometry and give up the single-instance lock (idempotent)."""
        self.stop_watching()
        with self._rect_lock:
            rect = dict(self._rect)
        if self.settings is not None and self._window is not None and rect:
            try:
                self.settings.set_section(WINDOW_SECTION, rect)
            except OSError as exc:
                log.warning("cannot save the window's place in %s: %s",
                            self.settings.folder, exc)
        if self._instance is not None:
            self._instance.release()
            self._instance = None


def _whole_numbers(section: dict[str, Any]) -> dict[str, int]:
    """The geometry keys of a saved section that hold whole numbers (a hand-edited file)."""
    return {key: value for key, value in section.items()
            if key in ("x", "y", "width", "height") and type(value) is int}


def add_options(parser: argparse.ArgumentParser) -> None:
    """The command-line options of desktop behaviour (each also `DESKLAUNCH_<OPTION>`)."""
    parser.add_argument("--name", help="the app's name for its settings and single instance "
                        "(default: from the script's file name and folder)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep the app's settings in DIR instead of the platform's place")
    parser.add_argument("--reset", action="store_true",
                        help="forget the app's remembered settings, then run it")
    parser.add_argument("--single-instance", action=argparse.BooleanOptionalAction,
                        help="a second launch brings the running window to the front and "
                             "exits (default: on in packaged apps)")
    parser.add_argument("--reload", action="store_true",
                        help="rerun the script in the same window when it (or a local module) "
                             "is saved")
    parser.add_argument("--min-size", metavar="WxH", type=_size,
                        help="smallest window size (default: 320x240)")
    parser.add_argument("--resizable", action=argparse.BooleanOptionalAction, default=True,
                        help="let the person resize the window (default: yes)")
    parser.add_argument("--fullscreen", action="store_true", help="open the window full screen")
    parser.add_argument("--on-top", action="store_true", help="keep the window above others")
    parser.add_argument("--icon", metavar="PNG", type=_icon,
                        help="window icon (Qt and GTK; packaged apps set theirs when built)")
    parser.add_argument("--confirm-close", action="store_true",
                        help="ask before closing the window while the script is still running")


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit() and int(width) and int(height)):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT like 480x320, not {text!r}")
    return int(width), int(height)


def _icon(text: str) -> str:
    path = Path(text).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such icon file: {text}")
    try:
        with open(path, "rb") as file:
            image = file.read(8) == b"\x89PNG\r\n\x1a\n"
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read {text}: {exc.strerror}") from None
    if not image:
        raise argparse.ArgumentTypeError(f"{text} is not a PNG image")
    return str(path.resolve())


def options_from(args: argparse.Namespace, script: Path,
                 folder: Path | None = None) -> dict[str, Any]:
    """The `Options` fields the desktop options set, from parsed arguments; `folder`: where
    the program's own modules are, when not beside the script (a package run with `-m`)."""
    try:
        name = app_name(script, args.name)
    except ValueError as exc:
        raise UsageError(f"--name: {exc}") from None
    single = args.single_instance
    data_dir = Path(args.data_dir).expanduser() if args.data_dir else None
    if data_dir is not None and data_dir.exists() and not data_dir.is_dir():
        raise UsageError(f"--data-dir {args.data_dir} is not a folder")
    if data_dir is not None and not data_dir.exists():
        # Made now, as the settings would make it later: a folder that cannot be is said
        # here, not when the window's size or the form's values are first saved.
        try:
            data_dir.mkdir(parents=True)
        except OSError as exc:
            raise UsageError(f"--data-dir {args.data_dir} cannot be made: "
                             f"{exc.strerror or exc}") from None
    return {
        "name": name,
        "data_dir": data_dir,
        "reset": args.reset,
        "single_instance": bool(getattr(sys, "frozen", False) if single is None else single),
        "watch": script if args.reload else None,
        "watch_folder": folder if args.reload else None,
        "min_size": args.min_size,
        "resizable": args.resizable,
        "fullscreen": args.fullscreen,
        "on_top": args.on_top,
        "icon": args.icon,
        "confirm_close": args.confirm_close,
    }
