"""SIGTERM at any moment of a window's start ends the app in order, with exit code 130 (a
window closed by a signal, as launcher.py defines it), never a window left open.

The signal comes at three moments (signal_driver.py): before the toolkit has made the
window (pywebview would drop a close then), while the page is still loading (pywebview's
close would wait on the GUI thread for the window to show: the signal handler runs there),
and just as the window appears.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from windowrun import HANG_GUARD, window_env

DRIVER = Path(__file__).with_name("signal_driver.py")


@pytest.mark.parametrize("moment", ["before_window", "page_loading", "shown"])
def test_sigterm_while_the_window_starts_ends_the_app_with_130(
        gui: str, moment: str, tmp_path: Path) -> None:
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hello world')\n")
    try:
        done = subprocess.run([sys.executable, str(DRIVER), str(script), moment],
                              capture_output=True, text=True, timeout=HANG_GUARD,
                              env=window_env(gui), cwd=tmp_path)
    except subprocess.TimeoutExpired as stuck:
        pytest.fail(f"still running {HANG_GUARD} s after SIGTERM ({moment}):\n{stuck.stderr!r}")
    assert done.returncode == 130, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert "in a browser instead" not in done.stderr


def test_ctrl_c_once_the_window_shows_ends_the_app_with_130(gui: str, tmp_path: Path) -> None:
    """Ctrl+C as SIGTERM: pywebview's Qt puts its own Ctrl+C handler in place, a plain quit
    that read as the window closed by the person (exit code 0)."""
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hello world')\n")
    done = subprocess.run([sys.executable, str(DRIVER), str(script), "shown", "SIGINT"],
                          capture_output=True, text=True, timeout=HANG_GUARD,
                          env=window_env(gui), cwd=tmp_path)
    assert done.returncode == 130, done.stderr[-3000:]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_second_signal_while_the_window_closes_ends_the_process_at_once(
        gui: str, signal_name: str, tmp_path: Path) -> None:
    """As the README says: the first closes the window in order, a second one ends the
    process at once (by that signal, as if nothing handled it)."""
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hello world')\n")
    done = subprocess.run([sys.executable, str(DRIVER), str(script), "twice_before_window",
                           signal_name], capture_output=True, text=True, timeout=HANG_GUARD,
                          env=window_env(gui), cwd=tmp_path)
    assert done.returncode == -getattr(signal, signal_name), done.stderr[-3000:]
    assert "Traceback" not in done.stderr
