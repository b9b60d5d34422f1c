"""Single instance: real desklaunch processes on a private runtime folder."""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from desklaunch.desktop.instance import InstanceError, SingleInstance, private_folder

HANG_GUARD = 30.0
ALREADY = ("is already running, in a browser page rather than a window: use that page, or "
           "stop it first.")


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short XDG_RUNTIME_DIR of the test's own (socket paths must stay short)."""
    folder = Path(tempfile.mkdtemp(prefix="dl-run-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def wait_for_line(stream: IO[bytes], wanted: str) -> str:
    """Read `stream` (unbuffered) until a line contains `wanted` (bounded); return it."""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                line = stream.readline().decode()
                if not line:
                    break
                if wanted in line:
                    return line
    raise AssertionError(f"never saw {wanted!r}")


class Launches:
    """Starts `desklaunch --no-open --single-instance` on one script, as a person would."""

    def __init__(self, tmp_path: Path, runtime: Path) -> None:
        self.script = tmp_path / "tool.py"
        self.script.write_text("from desklaunch.ui import input\ninput('Waiting')\n")
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "PYTHONUNBUFFERED": "1"}
        self.cwd = tmp_path
        self.running: list[subprocess.Popen[bytes]] = []

    def args(self) -> list[str]:
        return [sys.executable, "-m", "desklaunch", "--no-open", "--single-instance", "--debug",
                "--data-dir", str(self.cwd / "data"), str(self.script)]

    def start(self) -> subprocess.Popen[bytes]:
        """The first copy: running once it printed its URL."""
        # Unbuffered pipes: a buffered readline would hide lines from the select() above.
        proc = subprocess.Popen(self.args(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                bufsize=0, env=self.env, cwd=self.cwd)
        self.running.append(proc)
        assert proc.stdout is not None
        wait_for_line(proc.stdout, "http://127.0.0.1:")
        return proc

    def second(self) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.args(), capture_output=True, text=True, env=self.env,
                              cwd=self.cwd, timeout=HANG_GUARD)

    def stop(self) -> None:
        for proc in self.running:
            if proc.poll() is None:
                proc.terminate()
            proc.communicate(timeout=HANG_GUARD)


@pytest.fixture
def launches(tmp_path: Path, runtime: Path) -> Iterator[Launches]:
    started = Launches(tmp_path, runtime)
    yield started
    started.stop()


def test_a_second_launch_asks_the_first_to_the_front_and_exits(launches: Launches) -> None:
    """The first copy shows its app in a browser page (`--no-open`): the second says so,
    rather than that a window came to the front (a window's case: test_geometry.py)."""
    first = launches.start()
    second = launches.second()
    assert second.returncode == 0
    assert second.stderr.strip().endswith(f"Tool {ALREADY}")
    assert second.stdout == "", "the second launch must not serve the app too"
    assert first.stderr is not None
    wait_for_line(first.stderr, "a second launch asked for the front")
    assert first.poll() is None


def test_a_stale_socket_from_a_killed_process_does_not_block(launches: Launches,
                                                            runtime: Path) -> None:
    killed = launches.start()
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=HANG_GUARD)
    assert list(runtime.glob("desklaunch/*.sock")), "a killed process leaves its socket"
    launches.start()  # starts despite the leftover socket, and is now the one running
    assert ALREADY in launches.second().stderr


def test_the_runtime_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    private_folder(folder)
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_folder_that_is_not_a_real_folder_of_ours_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "run").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InstanceError, match="not a folder of this user's"):
        private_folder(tmp_path / "run")


def test_in_one_process_the_lock_is_released_and_taken_again(runtime: Path) -> None:
    first = SingleInstance("unit", runtime)
    assert first.claim()
    asked: list[str] = []
    second = SingleInstance("unit", runtime)
    first.on_focus = lambda: asked.append("front")
    assert not second.claim()
    assert asked == ["front"]
    first.release()
    third = SingleInstance("unit", runtime)
    assert third.claim()
    third.release()
    assert not list(runtime.glob("*.sock"))


def options_for(arguments: list[str], tmp_path: Path) -> dict[str, object]:
    from desklaunch.cli import build_parser
    from desklaunch.desktop.integration import options_from

    return options_from(build_parser().parse_args([*arguments, "app.py"]), tmp_path / "app.py")


def test_a_packaged_app_is_single_instance_unless_told_otherwise(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert options_for([], tmp_path)["single_instance"] is False
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert options_for([], tmp_path)["single_instance"] is True
    assert options_for(["--no-single-instance"], tmp_path)["single_instance"] is False
    monkeypatch.setenv("DESKLAUNCH_SINGLE_INSTANCE", "0")
    assert options_for([], tmp_path)["single_instance"] is False
