"""driver.py, but the app starts through desklaunch's command line, as `desklaunch SCRIPT`
does: console mode is detected, and the process ends the way the command ends it.

Usage: cli_driver.py SCRIPT ACTIONS RESULT. The result is written when the `close` action
closes the window (the command exits the process itself, with the script's exit code).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import driver


def main() -> None:
    script, actions, result_path = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    result: dict[str, Any] = dict(driver.RESULT_FIELDS)

    def write(result: dict[str, Any]) -> None:
        with open(result_path, "w", encoding="utf-8") as out:
            json.dump(result, out)

    driver.BEFORE_CLOSE.append(write)
    driver.start_driving(actions, result, on_failure=write)
    from desklaunch.cli import main as desklaunch

    # Remembered settings (the window's place) go to the test's folder, not the home folder.
    gui = os.environ.get("PYWEBVIEW_GUI", "qt")
    desklaunch(["--gui", gui, "--data-dir", os.getcwd(), script])


if __name__ == "__main__":
    main()
