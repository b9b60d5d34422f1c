"""Running one app in a real window for a test: a driver subprocess, Qt offscreen.

pywebview's GUI loop runs once per process, so every window test starts one of the drivers in
this folder (driver.py, or one that stubs a boundary we do not own) and reads its JSON result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
HANG_GUARD = 90


def window_env() -> dict[str, str]:
    """The environment of a window test: Qt's offscreen platform, never the real display."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYWEBVIEW_GUI": "qt"}
    env.pop("DISPLAY", None)
    return env


def run_in_window(script: Path, actions: list[dict[str, Any]], tmp_path: Path, *,
                  driver: str = "driver.py", extra: tuple[str, ...] = ()
                  ) -> tuple[dict[str, Any], subprocess.CompletedProcess[str], float]:
    """Run `script` in a real window driven by `actions`: the result, the process, exit time."""
    result_file = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, str(HERE / driver), str(script), json.dumps(actions),
         str(result_file), *extra],
        capture_output=True, text=True, timeout=HANG_GUARD, env=window_env(), cwd=tmp_path,
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
