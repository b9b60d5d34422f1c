"""A window backend that raises as it starts never leaves the process hanging.

The app stops in order (port, single-instance lock, threads), then either shows the app in
the browser (when one can open) or says why in one line and exits 1.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from windowrun import window_env, x_display

DRIVER = Path(__file__).with_name("failing_driver.py")
HANG_GUARD = 60


def start(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Hello')\n")
    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(tmp_path / "result.json"), "failing-app",
         str(script)], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def runtime_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="dl-run-"))  # AF_UNIX paths must stay short


def test_without_a_browser_it_says_why_in_one_line_and_exits_1(tmp_path: Path) -> None:
    runtime = runtime_dir()
    env = {**window_env("qt"), "XDG_RUNTIME_DIR": str(runtime)}  # offscreen: no browser
    try:
        proc = start(tmp_path, env)
        _, stderr = proc.communicate(timeout=HANG_GUARD)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)
    assert proc.returncode == 1, stderr
    assert stderr == ("desklaunch: error: the window could not start (WebViewException: You "
                      "must have either QT or GTK with Python extensions installed in order "
                      "to use pywebview.)\n")
    assert json.loads((tmp_path / "result.json").read_text()) == {"lock_free": True}


def test_with_a_browser_the_app_opens_there_instead(tmp_path: Path) -> None:
    """The system browser (here a stand-in that writes down what it was asked to open) gets
    the app's URL; the lock is taken again by the browser run, and SIGTERM ends it."""
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(0o755)
    runtime = runtime_dir()
    env = {**window_env("qt"), "XDG_RUNTIME_DIR": str(runtime), "DISPLAY": x_display(),
           "BROWSER": str(browser)}
    proc = start(tmp_path, env)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not opened.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.exists(), "the browser was never asked to open the app"
        url = opened.read_text().strip()
        assert url.startswith("http://127.0.0.1:")
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=HANG_GUARD)
    finally:
        proc.kill()
        shutil.rmtree(runtime, ignore_errors=True)
    assert stderr.splitlines()[0] == (
        "desklaunch: the window could not start (WebViewException: You must have either QT "
        "or GTK with Python extensions installed in order to use pywebview.); showing it in "
        "a browser instead.")
    assert stderr.splitlines()[1] == (
        "desklaunch: serving on this URL and asked your browser to open it (if no page shows, "
        "open the URL yourself); press Ctrl+C to stop.")
    assert stdout.splitlines()[0] == url
    assert "Traceback" not in stderr
    assert proc.returncode == 130
    assert json.loads((tmp_path / "result.json").read_text()) == {"lock_free": True}
