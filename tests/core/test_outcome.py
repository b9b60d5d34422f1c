"""How a script's error reads: Python's own traceback, without desklaunch's frames, also in
an app made by `desklaunch build`, whose bundled modules are named relative to the bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desklaunch.console import runner
from desklaunch.core.outcome import script_traceback

BUNDLED_RUNNER = os.path.join("desklaunch", "console", "runner.py")
"""How a frozen app names desklaunch's module that runs the script."""


def error_through(tmp_path: Path, runner_file: str) -> BaseException:
    """A FileNotFoundError raised in a script's function, called by code in `runner_file`."""
    script: dict[str, object] = {}
    exec(compile("def main():\n    open('/nowhere/table.json')\n",
                 str(tmp_path / "readdata.py"), "exec"), script)
    ours: dict[str, object] = {}
    exec(compile("def run(main):\n    try:\n        main()\n"
                 "    except OSError as exc:\n        return exc\n", runner_file, "exec"), ours)
    error = ours["run"](script["main"])  # type: ignore[operator]
    assert isinstance(error, FileNotFoundError)
    return error


@pytest.mark.parametrize("format_it", [script_traceback, runner._traceback])
def test_a_frozen_apps_traceback_shows_the_scripts_frames_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_it) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    text = format_it(error_through(tmp_path, BUNDLED_RUNNER))
    assert f'File "{tmp_path / "readdata.py"}", line 2, in main' in text
    assert "desklaunch" not in text
    assert text.rstrip().endswith("No such file or directory: '/nowhere/table.json'")


def test_outside_a_frozen_app_a_scripts_own_desklaunch_folder_is_the_scripts(
        tmp_path: Path) -> None:
    """A relative `desklaunch/...` file is desklaunch's only in a frozen app."""
    text = script_traceback(error_through(tmp_path, BUNDLED_RUNNER))
    assert f'File "{BUNDLED_RUNNER}", line 3, in run' in text
