"""Run a program in a real terminal (a pseudo-terminal) and read what a person would see.

    lines = in_terminal(["tool.py", "--name", "Ada"], answers={"Your name: ": "Ada"})

Each answer is typed once its prompt is on the screen and the program waits, as a person
types it; the terminal echoes it (not a password: the program turns echo off for those).
ANSI codes are dropped (the console shows them as colours, not as text); a line rewritten
after a carriage return keeps its last text (progress bars pad to cover what they rewrite);
lines are returned without their ends.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
LIMIT = 20.0


def in_terminal(argv: list[str], *, cwd: Path, answers: dict[str, str] | None = None
                ) -> tuple[list[str], int]:
    """(the screen's lines, the exit code) of `python argv...` run in an 80-column terminal."""
    pending = list((answers or {}).items())
    pid, master = pty.fork()
    if pid == 0:  # the child: the terminal is its stdin, stdout, stderr and /dev/tty
        try:
            os.chdir(cwd)
            os.environ["COLUMNS"] = "80"
            os.environ.pop("FORCE_COLOR", None)
            os.execv(sys.executable, [sys.executable, *argv])
        finally:
            os._exit(127)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the program ended and the terminal closed
                break
            if not chunk:
                break
            seen += chunk
        text = ESCAPES.sub("", seen.decode("utf-8", "replace"))
        # Typed once the prompt is whole and the program waits (nothing new for a moment).
        if pending and not ready and text.rstrip().endswith(pending[0][0].rstrip()):
            os.write(master, pending.pop(0)[1].encode() + b"\r")
    else:
        os.kill(pid, signal.SIGKILL)  # stuck (waiting for an answer never given)
    _, status = os.waitpid(pid, 0)
    os.close(master)
    text = ESCAPES.sub("", seen.decode("utf-8", "replace")).replace("\r\n", "\n")
    # A line rewritten after "\r" (a progress bar) shows its last text.
    lines = [line.rsplit("\r", 1)[-1] for line in text.rstrip("\n").split("\n")]
    return lines, os.waitstatus_to_exitcode(status)
