"""The system's own error dialog, for an app with no terminal to say things on (frozen).

Windows: MessageBoxW. macOS: an `osascript` alert. Linux: zenity, kdialog or xmessage,
whichever is installed (a frozen app cannot count on a toolkit of its own working).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def show_error_dialog(title: str, message: str) -> bool:
    """Show `message` in the system's own error dialog; False when none could be shown.

    Windows: MessageBoxW. macOS: an `osascript` alert. Linux: zenity, kdialog or xmessage,
    whichever is installed (a frozen app cannot count on a toolkit of its own working).
    """
    try:
        if sys.platform == "win32":
            import ctypes

            ctypes.windll.user32.MessageBoxW(None, message, title, 0x10)  # MB_ICONERROR
            return True
        if sys.platform == "darwin":
            script = (f"display alert {_applescript_text(title)} "
                      f"message {_applescript_text(message)} as critical")
            subprocess.run(["osascript", "-e", script], check=False, timeout=3600)
            return True
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False
        for command in (["zenity", "--error", "--no-markup", "--title", title, "--text", message],
                        ["kdialog", "--title", title, "--error", message],
                        ["xmessage", "-center", f"{title}\n\n{message}"]):
            if shutil.which(command[0]):
                subprocess.run(command, check=False, timeout=3600)
                return True
    except (OSError, subprocess.SubprocessError, AttributeError):
        return False
    return False


def _applescript_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
