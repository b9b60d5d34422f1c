"""pywebview's Qt backend: what it needs to start, and the settings QtWebEngine reads first.

Qt answers a size asked for from its own thread at once, so the exact size can be read as
the window closes (`READS_SIZE_AT_CLOSE`). Qt's offscreen platform renders without a
display, which is how the window tests run it.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable

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


def prepare() -> None:
    """Settings QtWebEngine needs before it loads."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root; there is nothing to drop to.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if importlib.util.find_spec("PyQt6") is not None:
        os.environ.setdefault("QT_API", "pyqt6")
