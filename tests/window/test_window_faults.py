"""Closing a real window ends the process within 2 s, whatever the script is stuck in.

Each script below refuses to end in its own way; closing the window must still end the
process, with exit code 0 (the person closed the app before the script finished).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from windowrun import window_env

DRIVER = Path(__file__).with_name("driver.py")
HANG_GUARD = 90

STUCK = {
    "busy_loop": (
        "while True:\n"
        "    pass\n"
    ),
    "blocked_in_input": (
        "from desklaunch.ui import input\n"
        "input('Never answered')\n"
    ),
    "own_non_daemon_thread": (
        "import threading, time\n"
        "def forever():\n"
        "    while True:\n"
        "        time.sleep(0.05)\n"
        "threading.Thread(target=forever, name='script-own', daemon=False).start()\n"
        "from desklaunch.ui import input\n"
        "input('Never answered')\n"
    ),
    "input_in_a_loop_catching_base_exception": (
        "from desklaunch.ui import input\n"
        "while True:\n"
        "    try:\n"
        "        input('Never answered')\n"
        "    except BaseException:\n"
        "        pass\n"
    ),
    "busy_loop_catching_base_exception": (
        "while True:\n"
        "    try:\n"
        "        while True:\n"
        "            pass\n"
        "    except BaseException:\n"
        "        pass\n"
    ),
    "sleeping_in_c": (
        "import time\n"
        "time.sleep(3600)\n"
    ),
}


def run_in_window(script: Path, actions: list[dict[str, str]], tmp_path: Path, gui: str
                  ) -> tuple[dict, subprocess.Popen[str], str, float]:
    """Like test_window.run_in_window, but times the exit of desklaunch's own process, not
    the closing of its output pipes (Qt WebEngine's helper processes hold those a while)."""
    result_file = tmp_path / "result.json"
    env = window_env(gui)
    log = (tmp_path / "stderr.txt").open("w+")
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(script), json.dumps(actions), str(result_file)],
        stdout=subprocess.DEVNULL, stderr=log, text=True, env=env, cwd=tmp_path)
    try:
        proc.wait(HANG_GUARD)
    finally:
        proc.kill()
    exited_at = time.monotonic()
    log.seek(0)
    stderr = log.read()
    log.close()
    assert result_file.exists(), f"the window run left no result:\n{stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert "error" not in result, f"{result['error']}\npage text: {result.get('text')!r}"
    return result, proc, stderr, exited_at


@pytest.mark.parametrize("name", sorted(STUCK))
def test_closing_the_window_ends_a_stuck_script_within_2_s(gui: str, tmp_path: Path,
                                                           name: str) -> None:
    script = tmp_path / f"{name}.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Stuck on purpose')\n"
                      + STUCK[name])
    result, proc, stderr, exited_at = run_in_window(script, [
        {"do": "expect", "text": "Stuck on purpose"},
        {"do": "close"},
    ], tmp_path, gui)
    timing = (f"closed -> app stopped {result['returned_at'] - result['closed_at']:.2f} s, "
              f"-> process gone {exited_at - result['returned_at']:.2f} s")
    print(timing)
    assert exited_at - result["closed_at"] < 2.0, f"{timing}\n{stderr[-2000:]}"
    assert proc.returncode == 0, stderr[-2000:]
    assert "Traceback" not in stderr, stderr[-2000:]
