"""Is there a screen to open a window on? Checked by connecting, not just by reading names.

`DISPLAY` can name an X server that has gone away (an expired SSH forwarding, a stopped
Xvfb); the window would then fail deep inside the toolkit. Connecting to the X or Wayland
socket first turns that into one line saying what is wrong. Used by `window_problem()` and
`desklaunch doctor`, so both say the same thing.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from dataclasses import dataclass

HEADLESS_PLATFORMS = ("offscreen", "minimal")
CONNECT_TIMEOUT = 1.0


@dataclass(frozen=True)
class Display:
    """What `probe()` found: `usable` says whether a window can appear; `text` says what."""

    usable: bool
    text: str


def probe(*, offscreen_counts: bool = True) -> Display:
    """The display a window would use here, and whether it answers.

    Qt's offscreen platform (`QT_QPA_PLATFORM=offscreen`) renders without one; it counts only
    when `offscreen_counts` (GTK needs a real display: pass False for it).
    """
    if not sys.platform.startswith("linux"):
        return Display(True, "the desktop of this session")
    qpa = os.environ.get("QT_QPA_PLATFORM", "")
    if qpa in HEADLESS_PLATFORMS and offscreen_counts:
        return Display(True, f"none needed: Qt renders offscreen (QT_QPA_PLATFORM={qpa})")
    wayland_name = os.environ.get("WAYLAND_DISPLAY")
    if wayland_name:
        found = wayland(wayland_name)
        if found.usable or not os.environ.get("DISPLAY"):
            return found
    x11 = os.environ.get("DISPLAY")
    if x11:
        return _x11(x11)
    return Display(False, "no display to open a window on (DISPLAY is not set)")


def wayland(name: str) -> Display:
    """The Wayland display `name` (a socket in XDG_RUNTIME_DIR, or its path): does it answer?"""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    path = name if os.path.isabs(name) else os.path.join(runtime, name)
    if _connects(socket.AF_UNIX, path):
        return Display(True, f"Wayland {name}, answering")
    return Display(False, f"the Wayland display {name} does not answer ({path})")


def _x11(name: str) -> Display:
    match = re.fullmatch(r"(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?", name)
    if match is None:
        return Display(False, f"DISPLAY={name} is not a display name like :0")
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        reached = _connects(socket.AF_UNIX, path) or _connects(
            socket.AF_UNIX, "\0" + path)  # Linux also listens in the abstract namespace
    else:
        reached = _connects(socket.AF_INET, (host, 6000 + number))
    if reached:
        return Display(True, f"X11 {name}, answering")
    return Display(False, f"the X display {name} does not answer (DISPLAY={name})")


def _connects(family: int, address: str | tuple[str, int]) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe_socket:
            probe_socket.settimeout(CONNECT_TIMEOUT)
            probe_socket.connect(address)
        return True
    except OSError:
        return False
