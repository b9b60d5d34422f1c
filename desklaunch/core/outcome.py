"""How a script ended, as the page is told and as Python would have printed it."""

from __future__ import annotations

import os
import sys
import sysconfig
import traceback
from pathlib import Path

from desklaunch.core import logs
from desklaunch.core.buildhint import missing_module_hint
from desklaunch.core.messages import Command

_CORE_DIR = str(Path(__file__).resolve().parent)
_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent) + os.sep
_STDLIB = sysconfig.get_paths()["stdlib"] + os.sep
_BUNDLED = "desklaunch" + os.sep
"""How desklaunch's frames are named in a frozen app: relative to the bundle."""


def desklaunch_code(filename: str) -> bool:
    """Whether a frame's file is desklaunch's own: in its folder, or in a frozen app (whose
    bundled modules are named relative to the bundle) `desklaunch/...`."""
    return filename.startswith(_PACKAGE_DIR) or (
        filename.startswith(_BUNDLED) and bool(getattr(sys, "frozen", False)))


class Outcome:
    """How the script ended: `state` is "finished" or "error"; `code` is its exit code.
    `live`: a script written for PyWebIO ended while its buttons still answer, so the page
    says nothing under them, as PyWebIO does."""

    def __init__(self, state: str, code: int, traceback_text: str | None = None, *,
                 live: bool = False) -> None:
        self.state = state
        self.code = code
        self.traceback = traceback_text
        self.live = live

    def command(self) -> Command:
        command: Command = {"cmd": "state", "state": self.state, "code": self.code,
                            "traceback": self.traceback}
        if self.live:
            command["live"] = True
        log_file = logs.current()
        if self.state == "error" and log_file is not None:
            command["log"] = str(log_file)  # where the error box says the details are kept
        return command


def exit_code(exc: SystemExit) -> int:
    """The exit code `sys.exit(code)` gives, its message printed as Python prints it."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return int(code)  # sys.exit(not ok) exits with True: 1
    print_error(f"{code}\n")
    return 1


def script_traceback(exc: BaseException) -> str:
    """The traceback as Python would print it, without desklaunch's own frames on top or
    between the script's (PyWebIO's `start_server(main)` calling `main`). Those below the
    script's last frame stay: they say which call refused what (a wrong argument)."""
    tb = exc.__traceback__
    while tb is not None and _core_code(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    shown = traceback.TracebackException(type(exc), exc, tb)
    frames = list(shown.stack)
    lead = next((i for i, frame in enumerate(frames) if not _ours_or_pythons(frame.filename)),
                0)
    if any(desklaunch_code(frame.filename) for frame in frames[:lead]):
        frames = frames[lead:]  # desklaunch ran the script through asyncio, say: from it on
    last_theirs = max((i for i, frame in enumerate(frames)
                       if not desklaunch_code(frame.filename)), default=-1)
    if isinstance(exc, SyntaxError) and last_theirs < 0:
        frames = []  # desklaunch compiled the script (`--reload`): Python shows no frames
    shown.stack = traceback.StackSummary.from_list(
        [frame for i, frame in enumerate(frames)
         if i > last_theirs or not desklaunch_code(frame.filename)])
    return "".join(shown.format()) + missing_module_hint(exc)


def _core_code(filename: str) -> bool:
    """A frame of desklaunch's protocol core (what runs every script)."""
    return filename.startswith(_CORE_DIR + os.sep) or (
        desklaunch_code(filename) and filename.startswith(_BUNDLED + "core" + os.sep))


def _ours_or_pythons(filename: str) -> bool:
    """A frame of desklaunch's or of Python's own library (`<frozen runpy>` too)."""
    return desklaunch_code(filename) or filename.startswith((_STDLIB, "<"))


def print_error(text: str) -> None:
    """Write to stderr as Python would; a windowed frozen app has none."""
    if sys.stderr is not None:
        sys.stderr.write(text)
        sys.stderr.flush()
