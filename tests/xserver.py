"""A real X server for the tests that need one (GTK has no offscreen mode): one Xvfb per
test run, started on first use on a display number Xvfb picks itself, stopped at exit."""

from __future__ import annotations

import atexit
import os
import subprocess

_xvfb: subprocess.Popen[bytes] | None = None
_display: str | None = None


def x_display() -> str:
    """The display of this test run's Xvfb server (":N"), started on first use."""
    global _xvfb, _display
    if _display is None:
        read, write = os.pipe()
        _xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten",
             "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()  # written once it accepts clients
        assert number, "Xvfb did not start (apt-get install xvfb)"
        _display = f":{number}"
        atexit.register(_stop)
    return _display


def _stop() -> None:
    if _xvfb is not None:
        _xvfb.terminate()
        _xvfb.wait(10)


def refusing_x_display(folder: str) -> tuple[str, subprocess.Popen[bytes]]:
    """A second Xvfb that asks clients for an X authority cookie (kept in `folder`): a
    program without it connects, then is refused, as on a desktop reached without its
    XAUTHORITY. The caller stops the returned process."""
    auth = os.path.join(folder, "Xauthority")
    subprocess.run(["xauth", "-q", "-f", auth, "add", ":0", ".", os.urandom(16).hex()],
                   check=True, capture_output=True)
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-auth", auth, "-screen", "0", "800x600x24",
         "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    assert number, "Xvfb did not start (apt-get install xvfb xauth)"
    return f":{number}", server
