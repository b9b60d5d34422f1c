"""The launcher's own duties: stopping in order whenever a signal comes, and serving the
page while the rest of the app is still being imported."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of an app started by these tests: unbuffered, its runtime folder
    (the single-instance socket) in `tmp_path`."""
    return {**os.environ, "PYTHONUNBUFFERED": "1", "XDG_RUNTIME_DIR": str(tmp_path), **extra}

def test_a_signal_while_the_app_starts_stops_it_in_order(tmp_path: Path) -> None:
    """Ctrl+C or `kill` from the moment the URL is printed, while the app is still being
    built and started (0-150 ms after): exit 130, no traceback. A signal used to land inside
    the event loop's construction now and then, and the half-made loop printed one."""
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hello')\n")
    env = _env(tmp_path)
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


HOLD_THE_APP = """
import os, sys, time

class HoldTheApp:
    '''Keeps `desklaunch.app` from being imported until the test says so.'''

    def find_spec(self, name, path=None, target=None):
        if name == "desklaunch.app":
            deadline = time.monotonic() + 30
            while not os.path.exists(os.environ["RELEASE"]) and time.monotonic() < deadline:
                time.sleep(0.01)
        return None

sys.meta_path.insert(0, HoldTheApp())
from desklaunch.cli import main
sys.exit(main())
"""

SHOW_THE_INTERVAL = """
import sys
starting = sys.getswitchinterval()  # the script's first line: long before its page can answer
from desklaunch.ui import input, put_text
put_text(f"while starting: {starting}")
{own}
name = input("Your name")
put_text(f"once shown: {sys.getswitchinterval()}")
"""


def test_the_page_and_its_script_load_while_the_app_is_still_being_imported(
        tmp_path: Path, context: BrowserContext) -> None:
    """The server answers the page and its script before the App (the protocol's core and
    asyncio) is even imported; the page shows the script's output once it is."""
    script = tmp_path / "hello.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Hello from the script')\n")
    starter = tmp_path / "start.py"
    starter.write_text(HOLD_THE_APP)
    release = tmp_path / "release"
    env = _env(tmp_path, RELEASE=str(release))
    proc = subprocess.Popen([sys.executable, str(starter), "--no-open", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=tmp_path)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().decode().strip()
        page = context.new_page()
        scripts: list[int] = []
        page.on("response", lambda response: scripts.append(response.status)
                if response.url.endswith("/assets/bundle.js") else None)
        page.goto(url, wait_until="commit")
        for _ in range(3000):
            if scripts:
                break
            page.wait_for_timeout(10)
        assert scripts == [200], "the page's script did not load before the App was imported"
        assert not page.get_by_text("Hello from the script").count()
        release.touch()
        page.get_by_text("Hello from the script").wait_for()
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=30)
    assert b"Traceback" not in stderr, stderr.decode()


@pytest.mark.parametrize(("own", "expected"), [
    ("", sys.getswitchinterval()), ("sys.setswitchinterval(0.002)", 0.002)])
def test_the_script_runs_at_pythons_own_switch_interval_once_its_page_shows(
        tmp_path: Path, context: BrowserContext, own: str, expected: float) -> None:
    """While the page loads the interpreter switches threads more often (the server answers
    beside the App's imports); a script that looks sees Python's own interval once its page
    has had its first answer, and its own setting, if it made one, is kept."""
    script = tmp_path / "interval.py"
    script.write_text(SHOW_THE_INTERVAL.replace("{own}", own))
    env = _env(tmp_path)
    proc = subprocess.Popen([sys.executable, "-m", "desklaunch", "--no-open", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=tmp_path)
    try:
        assert proc.stdout is not None
        page = context.new_page()
        page.goto(proc.stdout.readline().decode().strip())
        page.get_by_text("while starting: 0.0005").wait_for()
        page.get_by_label("Your name").fill("Ada")
        page.get_by_role("button", name="Submit").click()
        page.get_by_text(f"once shown: {expected}").wait_for()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


BREAK_THE_APP = """
import socket, sys, threading

class BreakTheApp:
    '''A broken install: `desklaunch.app` cannot be imported.'''

    def find_spec(self, name, path=None, target=None):
        if name == "desklaunch.app":
            raise ImportError("desklaunch.app is broken here")
        return None

sys.meta_path.insert(0, BreakTheApp())
from desklaunch.desktop.options import Options
from desklaunch.launcher import run

try:
    run(lambda: None, "thread", Options(mode="none"))
except ImportError as exc:
    print("raised:", exc)
print("threads:", sorted(t.name for t in threading.enumerate()))
"""


def test_an_app_that_cannot_be_built_after_the_server_started_releases_everything(
        tmp_path: Path) -> None:
    """The server runs before the App is imported; if the App cannot be built, the launch
    raises with the server stopped: no thread of desklaunch's left, the port free."""
    starter = tmp_path / "start.py"
    starter.write_text(BREAK_THE_APP)
    env = _env(tmp_path)
    proc = subprocess.run([sys.executable, str(starter)], capture_output=True, env=env,
                          cwd=tmp_path, timeout=30)
    lines = proc.stdout.decode().splitlines()
    assert lines[-2:] == ["raised: desklaunch.app is broken here", "threads: ['MainThread']"], \
        proc.stderr.decode()
    port = int(lines[0].split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the port still answers"


POOLS = """
import multiprocessing

def square(x):
    return x * x

if __name__ == "__main__":
    for round_ in range(30):
        with multiprocessing.Pool(2) as pool:
            assert pool.map(square, range(5)) == [0, 1, 4, 9, 16]
    print("all rounds done")
"""


def test_a_program_closing_its_process_pools_never_hangs_and_prints_nothing_of_ours(
        tmp_path: Path, context: BrowserContext) -> None:
    """`with multiprocessing.Pool()` ends its workers with SIGTERM. The workers are forked
    from the app: its SIGTERM handler printed a KeyboardInterrupt traceback from each, and a
    SIGTERM that came before a fresh worker dropped the handler was lost, so the pool waited
    forever for that worker (3 of 10 runs of three pools)."""
    script = tmp_path / "pools.py"
    script.write_text(POOLS)
    proc = subprocess.Popen([sys.executable, "-m", "desklaunch", "--no-open", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path),
                            cwd=tmp_path)
    try:
        assert proc.stdout is not None
        page = context.new_page()
        page.goto(proc.stdout.readline().decode().strip())
        page.get_by_text("Exited with code 0").wait_for()
        log = page.get_by_role("log", name="Output").inner_text()
        assert log.splitlines() == ["$ pools.py", "all rounds done"]
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


@pytest.mark.parametrize("source", [
    "from desklaunch.ui import put_text\nput_text('hello')\n",
    "from pywebio.output import put_text\nput_text('hello')\n",
    "print('hello')\n",
], ids=["desklaunch", "pywebio", "console"])
def test_the_url_is_printed_before_the_apps_core_is_imported(tmp_path: Path,
                                                             source: str) -> None:
    """What runs before the URL is printed delays the page's first answer: reading the
    script and its options must not bring in the App's core (the session, asyncio, ssl),
    which is imported while the page loads."""
    script = tmp_path / "app.py"
    script.write_text(source)
    proc = subprocess.Popen([sys.executable, "-X", "importtime", "-m", "desklaunch",
                             "--no-open", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env(tmp_path),
                            cwd=tmp_path)
    imported: list[str] = []
    try:
        assert proc.stdout is not None
        for line in iter(proc.stdout.readline, b""):
            text = line.decode()
            if text.startswith("http://127.0.0.1:"):
                break
            if text.startswith("import time:") and "|" in text:
                imported.append(text.rsplit("|", 1)[1].strip())
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert "desklaunch.cli" in imported  # the log was read
    early = {"asyncio", "ssl", "desklaunch.core.session", "desklaunch.core.protocol"}
    assert early.isdisjoint(imported), sorted(early.intersection(imported))
