"""The launcher's own duty that no page shows: stopping in order whenever a signal comes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def test_a_signal_while_the_app_starts_stops_it_in_order(tmp_path) -> None:
    """Ctrl+C or `kill` from the moment the URL is printed, while the app is still being
    built and started (0-150 ms after): exit 130, no traceback. A signal used to land inside
    the event loop's construction now and then, and the half-made loop printed one."""
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hello')\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "XDG_RUNTIME_DIR": str(tmp_path)}
    for step in range(16):
        number = (signal.SIGTERM, signal.SIGINT)[step % 2]
        proc = subprocess.Popen([sys.executable, "-m", "desklaunch", "--no-open", str(script)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                cwd=tmp_path)
        try:
            assert proc.stdout is not None
            assert proc.stdout.readline().startswith(b"http://127.0.0.1:")
            time.sleep(step * 0.01)
            proc.send_signal(number)
            _, stderr = proc.communicate(timeout=30)
        finally:
            proc.kill()
        assert proc.returncode == 130, stderr.decode()
        assert b"Traceback" not in stderr and b"Exception ignored" not in stderr, stderr.decode()
