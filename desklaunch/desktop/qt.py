"""pywebview's Qt backend: what it needs to start, and the settings QtWebEngine reads first.

Qt answers a size asked for from its own thread at once, so the exact size can be read as
the window closes (`READS_SIZE_AT_CLOSE`). Qt's offscreen platform renders without a
display, which is how the window tests run it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path

HINT = 'pip install "desklaunch[qt]"'
BINDINGS = ("PyQt6", "PyQt5", "PySide6")
READS_SIZE_AT_CLOSE = True
APT_BASE = ("libgl1 libegl1 libgbm1 libx11-6 libx11-xcb1 libxcb1 libasound2 libfontconfig1 "
            "libfreetype6 libstdc++6")
DNF_BASE = ("libglvnd-glx libglvnd-egl mesa-libgbm libX11 libX11-xcb libxcb alsa-lib fontconfig "
            "freetype libstdc++")
"""What a frozen Qt app takes from the system and a bare one may lack: the graphics, X11,
sound and font libraries, left out of the app so the system's own serve (the .deb and .rpm
depend on them)."""
# The runtime libraries the PyQt6 / QtWebEngine wheels need that a bare system lacks: the
# same list as `qt_packages` in scripts/setup.sh (a test keeps the two equal).
APT_QT = (
    "libglib2.0-0 libdbus-1-3 libudev1 libexpat1 libbrotli1 libgssapi-krb5-2 "
    "libfontconfig1 libfreetype6 libxkbcommon0 libegl1 libgl1 libgbm1 "
    "libnss3 libnspr4 libasound2 libxkbfile1 "
    "libx11-6 libx11-xcb1 libxext6 libxfixes3 libxrandr2 libxtst6 "
    "libxcomposite1 libxdamage1 libxkbcommon-x11-0 "
    "libxcb1 libxcb-cursor0 libxcb-dri3-0 libxcb-glx0 libxcb-icccm4 libxcb-image0 "
    "libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 "
    "libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 "
    "fonts-dejavu-core"
)
DNF_QT = (
    "glib2 dbus-libs systemd-libs expat libbrotli krb5-libs fontconfig freetype "
    "libxkbcommon mesa-libEGL mesa-libGL mesa-libgbm nss nspr alsa-lib libxkbfile "
    "libX11 libX11-xcb libXext libXfixes libXrandr libXtst libXcomposite libXdamage "
    "libxkbcommon-x11 libxcb xcb-util xcb-util-cursor xcb-util-image xcb-util-keysyms "
    "xcb-util-renderutil xcb-util-wm dejavu-sans-fonts"
)


def installed() -> bool:
    """True when a Qt binding pywebview can use is installed."""
    return any(importlib.util.find_spec(name) is not None for name in BINDINGS)


def problem() -> str | None:
    """Why the Qt backend cannot start here, in one line with its fix; None when it can."""
    prepare()
    try:
        if os.environ.get("QT_API") == "pyqt6":
            # Straight from the binding: qtpy would hide why (a missing system library)
            # behind "No Qt bindings could be found".
            importlib.import_module("PyQt6.QtWebEngineWidgets")
        from qtpy import QtWebEngineWidgets  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any failure here means "no window"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if getattr(sys, "frozen", False):
            return (f"Qt cannot start ({reason}); this app needs the system's graphics, X11, "
                    f"sound and font libraries (Debian/Ubuntu: sudo apt-get install -y "
                    f"{APT_BASE}; Fedora: sudo dnf install -y {DNF_BASE})")
        return f"Qt cannot start ({reason}); install the Qt runtime libraries or {HINT}"
    return None


RESOURCE_NAME = "RESOURCE_NAME"
"""Where Qt's X11 platform takes its windows' instance name from (ICCCM's resource name)."""


def name_program(name: str) -> Callable[[], None]:
    """Name the app's windows `name` (X11's WM_CLASS, Wayland's app id) instead of after the
    script in `sys.argv[0]`; before pywebview makes Qt's application. Returns what to call
    once the window is shown: Qt has read the name from the environment by then, and the
    script and the programs it starts do not see it there any more."""
    ours = RESOURCE_NAME not in os.environ
    if ours:
        os.environ[RESOURCE_NAME] = name  # WM_CLASS's instance part
    from qtpy.QtCore import QCoreApplication
    from qtpy.QtGui import QGuiApplication

    QCoreApplication.setApplicationName(name)  # its class part
    QGuiApplication.setDesktopFileName(name)

    def settle() -> None:
        if ours and os.environ.get(RESOURCE_NAME) == name:
            del os.environ[RESOURCE_NAME]

    return settle


QUIET_QT = "*.info=false;*.warning=false"
"""Qt's own log rules for a window without --debug: its errors only."""
QUIET_CHROMIUM = "--log-level=3"
"""QtWebEngine's Chromium logging its fatal errors only."""


def prepare(*, quiet: bool = False) -> None:
    """Settings QtWebEngine needs before it loads. `quiet` (a window without --debug):
    none of the lines Qt and its Chromium print on a machine without Vulkan, a D-Bus system
    bus or a GPU, and at exit ("Expect troubles !"), which say nothing the person can act
    on; settings of the person's own are kept."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root; there is nothing to drop to.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if quiet:
        os.environ.setdefault("QT_LOGGING_RULES", QUIET_QT)
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", QUIET_CHROMIUM)
    if importlib.util.find_spec("PyQt6") is not None:
        os.environ.setdefault("QT_API", "pyqt6")


def display_problem() -> str | None:
    """Why Qt cannot open its display, in one line; None when it can. Qt ends the process
    from C (SIGABRT) when no platform it is told to use can start: a `QT_QPA_PLATFORM` it has
    no plugin for, a Wayland display that is not there, an X11 plugin that cannot load, or
    an X server that refuses this program (an X authority it lacks). Each is checked first,
    as Qt does it, so the app can say so and show itself in a browser instead."""
    if not sys.platform.startswith("linux"):
        return None
    asked = os.environ.get("QT_QPA_PLATFORM", "")
    names = [part.split(":")[0].strip().lower() for part in asked.split(";") if part.strip()]
    if not names:  # Qt's own choice: X11 when there is an X display and no Wayland one
        if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            return None
        return _x11_problem()
    plugins = _platform_plugins()
    problems = [_platform_problem(name, plugins, asked) for name in names]
    # Qt goes down the list until one starts: only when none can is there a problem
    return None if None in problems else problems[0]


def _platform_problem(name: str, plugins: set[str] | None, asked: str) -> str | None:
    """Why Qt's platform `name` cannot start here; None when it can (or cannot be known)."""
    if plugins is not None and name not in plugins:
        return (f"Qt has no platform {name!r} (QT_QPA_PLATFORM={asked}; it has "
                f"{', '.join(sorted(plugins))}): unset QT_QPA_PLATFORM or choose one of those")
    if name == "xcb":
        if not os.environ.get("DISPLAY"):
            return f"Qt cannot open an X11 display (QT_QPA_PLATFORM={asked}): DISPLAY is not set"
        return _x11_problem()
    if name.startswith("wayland"):
        from desklaunch.desktop.display import wayland

        found = wayland(os.environ.get("WAYLAND_DISPLAY") or "wayland-0")
        if not found.usable:
            return f"Qt cannot open a Wayland display (QT_QPA_PLATFORM={asked}): {found.text}"
    return None


WAYLAND_PLATFORMS = ("wayland", "wayland-egl")
"""The platforms Qt's Wayland plugin answers to (one file or several, by Qt version)."""


def _platform_plugins() -> set[str] | None:
    """The platforms Qt has plugins for here (`xcb`, `wayland`, `offscreen`...); None when
    Qt's plugin folder cannot be found (no binding: `problem()` says so)."""
    folders = _plugin_folders()
    if folders is None:
        return None
    names: set[str] = set()
    for folder in folders:
        for plugin in folder.glob("libq*.so"):
            name = plugin.name[len("libq"):-len(".so")]
            names.update(WAYLAND_PLATFORMS if name.startswith("wayland") else (name,))
    return names


def _x11_problem() -> str | None:
    """Why Qt cannot open the X11 display `DISPLAY` names: its plugin, then the server."""
    plugin = _xcb_plugin()
    if plugin is not None:
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            reason = str(exc).removeprefix(f"{plugin}: ")  # dlopen names what is missing
            return (f"Qt's X11 plugin cannot load ({reason}); Debian/Ubuntu: sudo apt-get "
                    f"install -y {APT_QT}; Fedora: sudo dnf install -y {DNF_QT}")
    found = ctypes.util.find_library("xcb")
    if found is None:
        return None  # the plugin's own load would have said what is missing
    xcb = ctypes.CDLL(found)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        refused = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    if not refused:
        return None
    name = os.environ["DISPLAY"]
    return (f"Qt cannot open the display (X11 {name}): it refused this program (an X "
            "authority it lacks: XAUTHORITY) or is not one Qt can use")


def _plugin_folders() -> list[Path] | None:
    """Where Qt looks for its platform plugins: `QT_QPA_PLATFORM_PLUGIN_PATH`, then its own
    plugin folder; None without a binding."""
    folders = [Path(p) for p in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(
        os.pathsep) if p]
    try:
        from qtpy.QtCore import QLibraryInfo
    except Exception:  # noqa: BLE001 - no binding: problem() says so
        return None
    if hasattr(QLibraryInfo, "path"):  # Qt 6
        plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    else:  # Qt 5
        plugins = QLibraryInfo.location(QLibraryInfo.PluginsPath)  # type: ignore[attr-defined]
    return [*folders, Path(plugins) / "platforms"]


def _xcb_plugin() -> Path | None:
    """The X11 platform plugin Qt would load, where it can be found."""
    folders = _plugin_folders() or []
    return next((f / "libqxcb.so" for f in folders if (f / "libqxcb.so").is_file()), None)
