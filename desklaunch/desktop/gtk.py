"""pywebview's GTK backend: what it needs to start, and its quirks, kept out of the window.

pywebview runs GTK's main loop on the main thread and answers every call from another
thread (a size, a position, `run_js`, a file dialog) by scheduling an idle callback on that
loop and waiting for it. Hence:

- nothing may read window state from a GTK callback: a `closing` handler runs on GTK's own
  thread, so reading `window.width` there waits forever for itself. The size is kept from
  `resized` events instead (`READS_SIZE_AT_CLOSE`);
- an exception raised in a GTK callback never leaves the loop, so a signal handler must
  not raise (as a `KeyboardInterrupt` would): Ctrl+C and SIGTERM close the window instead
  (the launcher's `_stop_on_signals`), and the app then stops in order;
- tearing GTK and WebKit down at interpreter exit takes over a second; once everything of
  ours has stopped, the process ends without it (`FAST_EXIT`);
- a dialog (a file chooser, the question before quitting) runs a loop of its own inside
  GTK's, which cannot end before it: a window closed from outside answers its open dialogs
  Cancel first (`cancel_dialogs`), or the process would wait for the person to.

It needs PyGObject, the Gtk 3 and WebKit2 4.1 (or 4.0) typelibs, and a real display: Qt's
offscreen platform is no display for GTK.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from typing import Any

GTK_VERSION = "3.0"
WEBKIT_VERSIONS = ("4.1", "4.0")
READS_SIZE_AT_CLOSE = False
"""Reading the size at `closing` would wait on GTK's own thread: use `resized` events."""
FAST_EXIT = True
"""End the process with `os._exit` once the app has stopped: GTK's teardown is slow."""
ASKS_TO_QUIT_ITSELF = True
"""`--confirm-close` asks with `confirm_quit`, not pywebview's GTK question."""

APT = "python3-gi gir1.2-webkit2-4.1"
DNF = "python3-gobject webkit2gtk4.1"
APT_WEBKIT = "gir1.2-webkit2-4.1"
DNF_WEBKIT = "webkit2gtk4.1"
APT_BUILD = "libgirepository1.0-dev libcairo2-dev pkg-config python3-dev gir1.2-webkit2-4.1"
"""What `pip install "PyGObject<3.51"` builds against on Debian 12 / Ubuntu 22.04, which lack
girepository-2.0 (PyGObject 3.51 and later need it; newer releases have libgirepository-2.0-dev)."""
DNF_BUILD = ("gcc gobject-introspection-devel cairo-gobject-devel pkg-config python3-devel "
             "webkit2gtk4.1")
SYSTEM_PYTHON = "/usr/bin/python3"


def missing() -> str | None:
    """What of GTK's stack is missing from this Python (a short phrase), or None."""
    if importlib.util.find_spec("gi") is None:
        return "PyGObject is not installed for this Python"
    try:
        import gi

        repository = gi.Repository.get_default()
        if GTK_VERSION not in repository.enumerate_versions("Gtk"):
            return "the Gtk 3 typelib is missing"
        if not any(v in repository.enumerate_versions("WebKit2") for v in WEBKIT_VERSIONS):
            return "PyGObject is there, but the WebKit2GTK 4.1 or 4.0 typelib is missing"
    except Exception as exc:  # noqa: BLE001 - any failure here means "cannot load"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return f"PyGObject cannot load ({reason})"
    return None


def name_program(name: str) -> Callable[[], None]:
    """Name the app's windows `name` (X11's WM_CLASS, Wayland's app id) instead of after the
    script in `sys.argv[0]`; before pywebview imports Gtk, which opens the display. Nothing
    is left to undo once the window shows (as Qt's has)."""
    import gi

    gi.require_version("GLib", "2.0")
    from gi.repository import GLib

    GLib.set_prgname(name)
    return lambda: None


def display_problem() -> str | None:
    """Why GTK cannot open its display, in one line; None when it can. Found by opening it
    as pywebview's import of Gtk does (PyGObject's `Gtk.init_check`): an X server that
    refuses this user (an X authority it lacks), or a display GTK cannot use, passes the
    socket probe, and GTK would then end the process from C with nothing stopped in order."""
    import gi

    gi.require_version("Gtk", GTK_VERSION)
    gi.require_version("Gdk", GTK_VERSION)
    from gi.repository import Gdk, Gtk  # noqa: F401 - importing Gtk opens the display

    if Gdk.Display.get_default() is not None:
        return None
    wayland, x11 = os.environ.get("WAYLAND_DISPLAY"), os.environ.get("DISPLAY")
    named = f"Wayland {wayland}" if wayland else f"X11 {x11}" if x11 else "none set"
    return (f"GTK cannot open the display ({named}): it refused this program (an X "
            "authority it lacks: XAUTHORITY) or is not one GTK can use")


def problem(*, pointer: bool = True) -> str | None:
    """Why the GTK backend cannot start here, in one line; None when it can. A frozen app
    (built with the system's GTK) names the packages the person's system needs instead."""
    what = missing()
    if what is None:
        return None
    if getattr(sys, "frozen", False):
        return (f"the GTK backend cannot start: {what}; this app needs the system's GTK and "
                f"WebKitGTK (Debian/Ubuntu: sudo apt-get install -y {APT}; Fedora: sudo dnf "
                f"install -y {DNF})")
    return f"the GTK backend cannot start: {what}" + (" (see desklaunch doctor)" if pointer
                                                       else "")


def advice(what: str, python: str) -> list[str]:
    """The commands that give `python` a GTK window, for what `missing()` said; each exact
    for Debian/Ubuntu and for Fedora."""
    if "WebKit2GTK" in what or "Gtk 3" in what:
        return [f"GTK backend: add WebKit2GTK: Debian/Ubuntu: sudo apt-get install -y "
                f"{APT_WEBKIT}; Fedora: sudo dnf install -y {DNF_WEBKIT}"]
    pip = f"{python} -m pip install"
    return [
        f"GTK backend with the system's Python: Debian/Ubuntu: sudo apt-get install -y {APT}; "
        f"Fedora: sudo dnf install -y {DNF}; then a venv made from the system's Python so it "
        f"sees them: {SYSTEM_PYTHON} -m venv --system-site-packages .venv && "
        ".venv/bin/pip install desklaunch (a venv from another Python cannot import gi)",
        f"or GTK backend in this Python (PyGObject built by pip): Debian 12/Ubuntu 22.04: "
        f'sudo apt-get install -y {APT_BUILD}, then {pip} "PyGObject<3.51" (newer releases: '
        f"libgirepository-2.0-dev instead, then {pip} PyGObject); Fedora: sudo dnf install -y "
        f"{DNF_BUILD}, then {pip} PyGObject",
    ]


def confirm_quit(window: Any) -> bool:
    """Whether the person answers OK to pywebview's question before quitting, asked as its
    GTK backend asks it; there Escape and the dialog's own close button quit too (they
    answer DELETE_EVENT, and only CANCEL kept the window). `window` is pywebview's; called
    on GTK's thread, in its `closing` event."""
    from gi.repository import Gtk

    dialog = Gtk.MessageDialog(
        transient_for=getattr(window, "native", None), modal=True, destroy_with_parent=True,
        message_type=Gtk.MessageType.QUESTION, buttons=Gtk.ButtonsType.OK_CANCEL,
        text=window.localization["global.quitConfirmation"])
    try:
        return bool(dialog.run() == Gtk.ResponseType.OK)
    finally:
        dialog.destroy()


def cancel_dialogs() -> None:
    """Answer Cancel to every dialog the app has open, soon, on GTK's own thread (callable
    from any thread): what a person's Cancel would do, so the window can close."""
    from gi.repository import GLib, Gtk

    def cancel() -> bool:
        for toplevel in Gtk.Window.list_toplevels():
            if isinstance(toplevel, Gtk.Dialog) and toplevel.get_visible():
                toplevel.response(Gtk.ResponseType.CANCEL)
        return False  # once, not again at every idle moment

    GLib.idle_add(cancel)


def prepare() -> None:
    """Before WebKit loads: SIGUSR1 is WebKit's (its JavaScript engine's collector stops
    threads with it). A Python handler there (a console run's forwarding, console/ctrlc.py)
    gives way, instead of WebKit replacing it with a warning on stderr at every start."""
    import signal

    usr1 = getattr(signal, "SIGUSR1", None)
    if usr1 is not None and callable(signal.getsignal(usr1)):
        signal.signal(usr1, signal.SIG_DFL)
