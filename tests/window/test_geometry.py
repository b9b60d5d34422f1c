"""The window comes back where the person left it: real Qt windows (offscreen), restarted."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from windowrun import window_env

DRIVER = Path(__file__).with_name("geometry_driver.py")
HANG_GUARD = 90
FRAME = 40


def run_window(tmp_path: Path, *args: str, place: str = "-", gui: str = "qt"
               ) -> dict[str, Any]:
    """Run `desklaunch ARGS` in a real window; move it to `place` first; return what it saw."""
    script = tmp_path / "ready.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Ready')\n")
    result_file = tmp_path / "result.json"
    result_file.unlink(missing_ok=True)
    env = window_env(gui)
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(result_file), "Ready", place, *args, str(script)],
        capture_output=True, text=True, timeout=HANG_GUARD, env=env, cwd=tmp_path,
    )
    assert result_file.exists(), f"the window run left no result:\n{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert "error" not in result, result["error"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    return result


def saved_window(data: Path) -> dict[str, int]:
    return json.loads((data / "settings.json").read_text())["window"]


def test_size_and_place_survive_a_restart(gui: str, tmp_path: Path) -> None:
    """Moved and resized, closed, started again: the window opens where it was, that size."""
    data = tmp_path / "data"
    first = run_window(tmp_path, "--data-dir", str(data), place="40,50,640,480", gui=gui)
    assert saved_window(data) == {"x": 40, "y": 50, "width": 640, "height": 480}
    second = run_window(tmp_path, "--data-dir", str(data), gui=gui)
    assert second["initial"] == first["moved"]


def test_a_window_saved_off_every_screen_comes_back_onto_one(gui: str, tmp_path: Path) -> None:
    """A monitor that is gone: the remembered place is pulled back onto a screen."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"window": {"x": 5000, "y": 4000, "width": 640, "height": 480}}))
    result = run_window(tmp_path, "--data-dir", str(data), gui=gui)
    sx, sy, swidth, sheight = result["screens"][0]
    shown = result["initial"]
    assert (shown["width"], shown["height"]) == (640, 480)
    # The window's inside, measured by Qt a frame's width (a few px) from its outer place.
    assert sx <= shown["x"] and shown["x"] + 640 <= sx + swidth + FRAME
    assert sy <= shown["y"] and shown["y"] + 480 <= sy + sheight + FRAME


def test_reset_forgets_the_remembered_place(gui: str, tmp_path: Path) -> None:
    """`--reset` forgets the settings, then runs the app with its defaults."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"window": {"x": 40, "y": 50, "width": 640, "height": 480}}))
    result = run_window(tmp_path, "--data-dir", str(data), "--reset", "--width", "700", gui=gui)
    assert result["initial"]["width"] == 700
    assert result["initial"]["height"] == 700


def test_width_asked_for_wins_over_the_remembered_size(gui: str, tmp_path: Path) -> None:
    """`--width` on the command line beats what was remembered; the place is still restored."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"window": {"x": 40, "y": 50, "width": 640, "height": 480}}))
    result = run_window(tmp_path, "--data-dir", str(data), "--width", "500", "--height", "400",
                        gui=gui)
    assert (result["initial"]["width"], result["initial"]["height"]) == (500, 400)
    assert abs(result["initial"]["x"] - 40) <= FRAME


def test_a_second_launch_brings_the_window_to_the_front(gui: str, tmp_path: Path) -> None:
    """With `--single-instance`, launching again raises the open window; the second exits."""
    script = tmp_path / "ready.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Ready')\n")
    runtime = Path(tempfile.mkdtemp(prefix="dl-run-"))  # AF_UNIX paths must stay short
    result_file, release = tmp_path / "result.json", tmp_path / "release"
    env = {**window_env(gui), "XDG_RUNTIME_DIR": str(runtime)}
    args = ["--single-instance", "--data-dir", str(tmp_path / "data"), str(script)]
    log = tmp_path / "first.log"  # a file, not a pipe: --debug writes more than a pipe holds
    with log.open("w") as out:
        first = subprocess.Popen(
            [sys.executable, str(DRIVER), str(result_file), "Ready", f"wait:{release}",
             "--debug", *args], stdout=out, stderr=out, env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not result_file.exists() and first.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.05)
        assert result_file.exists(), "the first window never showed its page"
        second = subprocess.run([sys.executable, "-m", "desklaunch", *args],
                                capture_output=True, text=True, env=env, cwd=tmp_path,
                                timeout=HANG_GUARD)
        assert second.returncode == 0
        assert second.stderr == (
            "desklaunch: Ready is already running; its window was brought to the front.\n")
    finally:
        release.touch()
        try:
            first.wait(timeout=HANG_GUARD)
        finally:
            first.kill()
            shutil.rmtree(runtime, ignore_errors=True)
    assert "bringing the window to the front" in log.read_text()
    assert first.returncode == 0


@pytest.mark.parametrize("kind", ["desklaunch.ui", "console"])
def test_confirm_close_asks_only_while_the_script_runs(gui: str, kind: str, tmp_path: Path
                                                       ) -> None:
    """`--confirm-close`: closing asks while the script waits for input, not once it ended
    (for a terminal program: once its run ended, while Run again waits)."""
    script = tmp_path / "asks.py"
    script.write_text("from desklaunch.ui import input\ninput('Continue?')\n"
                      if kind == "desklaunch.ui" else "input('Continue?')\n")
    result_file = tmp_path / "result.json"
    env = window_env(gui)
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(result_file), "Continue?", "confirm",
         "--confirm-close", "--data-dir", str(tmp_path / "data"), str(script)],
        capture_output=True, text=True, timeout=HANG_GUARD, env=env, cwd=tmp_path)
    assert result_file.exists(), proc.stderr[-3000:]
    result = json.loads(result_file.read_text())
    assert "error" not in result, result["error"]
    assert result["asked"] == [True, False]
    assert proc.returncode == 0


def test_the_window_options_reach_the_window(gui: str, tmp_path: Path) -> None:
    """A window with every option opens and shows the app (the icon file must exist)."""
    icon = tmp_path / "icon.png"
    icon.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"))
    result = run_window(tmp_path, "--min-size", "480x360", "--no-resizable", "--on-top",
                        "--icon", str(icon), "--data-dir", str(tmp_path / "data"))
    assert result["initial"]["width"] == 900


def test_a_width_asked_for_once_keeps_the_remembered_height_and_is_remembered(
        gui: str, tmp_path: Path) -> None:
    """GTK says nothing of its size at close: the size the window opened at is kept."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(
        {"window": {"x": 40, "y": 50, "width": 640, "height": 480}}))
    asked = run_window(tmp_path, "--data-dir", str(data), "--width", "500", gui=gui)
    assert (asked["initial"]["width"], asked["initial"]["height"]) == (500, 480)
    again = run_window(tmp_path, "--data-dir", str(data), gui=gui)
    assert (again["initial"]["width"], again["initial"]["height"]) == (500, 480)
