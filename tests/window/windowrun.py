"""Running one app in a real window for a test: a driver subprocess, Qt or GTK.

pywebview's GUI loop runs once per process, so every window test starts one of the drivers in
this folder (driver.py, or one that stubs a boundary we do not own) and reads its JSON result.
Qt renders offscreen; GTK has no offscreen mode, so its windows open on an Xvfb server that
the first GTK test starts (one per test run, on a display number Xvfb picks itself).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from xserver import x_display

HERE = Path(__file__).parent
HANG_GUARD = 90


BACKENDS = ("qt", "gtk")
def window_env(gui: str = "qt") -> dict[str, str]:
    """The environment of a window test: Qt's offscreen platform, or GTK on the test run's
    Xvfb; never the person's own display."""
    env = {**os.environ, "PYWEBVIEW_GUI": gui}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if gui == "gtk":
        env.pop("QT_QPA_PLATFORM", None)
        env["DISPLAY"] = x_display()
        env["NO_AT_BRIDGE"] = "1"  # no accessibility bus to reach under Xvfb
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_in_window(script: Path, actions: list[dict[str, Any]], tmp_path: Path, *,
                  driver: str = "driver.py", extra: tuple[str, ...] = (), gui: str = "qt"
                  ) -> tuple[dict[str, Any], subprocess.CompletedProcess[str], float]:
    """Run `script` in a real window driven by `actions`: the result, the process, exit time."""
    result_file = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, str(HERE / driver), str(script), json.dumps(actions),
         str(result_file), *extra],
        capture_output=True, text=True, timeout=HANG_GUARD, env=window_env(gui), cwd=tmp_path,
    )
    exited_at = time.monotonic()
    assert result_file.exists(), f"the window run left no result:\n{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert "error" not in result, f"{result['error']}\npage text: {result.get('text')!r}"
    return result, proc, exited_at


def run_with_dialogs(script: Path, actions: list[dict[str, Any]], answers: list[Any],
                     tmp_path: Path) -> dict[str, Any]:
    """Run `script` in a window whose system file dialog answers `answers` in turn."""
    result, proc, _ = run_in_window(script, actions, tmp_path, driver="dialog_driver.py",
                                    extra=(json.dumps(answers),))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return result
