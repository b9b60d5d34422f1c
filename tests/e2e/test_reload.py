"""`desklaunch --reload`: saving the script reruns it in the same page, errors included.

desklaunch runs as a person starts it (a subprocess, `--no-open`); the page is real Chromium.
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

HANG_GUARD = 30.0
ERROR_HEADING = "The script stopped with an error"


def read_url(proc: subprocess.Popen[bytes]) -> str:
    """The URL desklaunch prints first (bounded wait)."""
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + HANG_GUARD
        while time.monotonic() < deadline:
            if selector.select(timeout=deadline - time.monotonic()):
                line = proc.stdout.readline().decode()
                assert line, "desklaunch exited before printing its URL"
                if line.startswith("http://"):
                    return line.strip()
    raise TimeoutError("desklaunch printed no URL")


@pytest.fixture
def reloading(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], subprocess.Popen[bytes]]]]:
    """A `--reload` desklaunch on tmp_path/app.py (written by the test first)."""
    script = tmp_path / "app.py"
    procs: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "desklaunch", "--no-open", "--reload", str(script)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0, cwd=tmp_path,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        procs.append(proc)
        return proc

    yield script, start
    for proc in procs:
        proc.terminate()
        proc.communicate(timeout=HANG_GUARD)


def write(path: Path, text: str) -> None:
    path.write_text(text)


def shows(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=True)).to_be_visible()


def test_saving_the_script_reruns_it_in_the_same_page(reloading, context: BrowserContext
                                                      ) -> None:
    """Version 1 shows; saving version 2 replaces it in the same page, with no restart."""
    script, start = reloading
    write(script, "from desklaunch.ui import put_text\nput_text('Version 1')\n")
    proc = start()
    page = context.new_page()
    page.goto(read_url(proc))
    shows(page, "Version 1")
    write(script, "from desklaunch.ui import put_text\nput_text('Version 2')\n")
    shows(page, "Version 2")
    expect(page.get_by_text("Version 1", exact=True)).to_have_count(0)
    expect(page.get_by_text(re.compile("has ended"))).to_have_count(0)
    assert proc.poll() is None, "desklaunch itself restarted"


def test_a_syntax_error_shows_and_the_next_save_recovers(reloading, context: BrowserContext
                                                         ) -> None:
    """A save with a syntax error shows Python's message in the page; fixing it runs again."""
    script, start = reloading
    write(script, "from desklaunch.ui import put_text\nput_text('Working')\n")
    proc = start()
    page = context.new_page()
    page.goto(read_url(proc))
    shows(page, "Working")
    write(script, "from desklaunch.ui import put_text\nput_text('Broken'\n")
    expect(page.get_by_role("heading", name=ERROR_HEADING)).to_be_visible()
    expect(page.get_by_label("Traceback")).to_contain_text("SyntaxError")
    expect(page.get_by_label("Traceback")).to_contain_text("app.py")
    write(script, "from desklaunch.ui import put_text\nput_text('Fixed')\n")
    shows(page, "Fixed")
    expect(page.get_by_role("heading", name=ERROR_HEADING)).to_have_count(0)


def test_saving_a_local_module_reruns_the_script(reloading, context: BrowserContext) -> None:
    """A module imported from the script's folder counts as part of the script."""
    script, start = reloading
    helper = script.with_name("helper.py")
    write(helper, "GREETING = 'Hello from helper 1'\n")
    write(script, "from desklaunch.ui import put_text\nimport helper\nput_text(helper.GREETING)\n")
    proc = start()
    page = context.new_page()
    page.goto(read_url(proc))
    shows(page, "Hello from helper 1")
    write(helper, "GREETING = 'Hello from helper 2'\n")
    shows(page, "Hello from helper 2")


def test_a_module_run_with_dash_m_reruns_when_its_package_changes(
        tmp_path: Path, context: BrowserContext) -> None:
    """`desklaunch --reload -m shopapp.tools.report`: saving a module elsewhere in the
    package reruns the report with the saved code."""
    tools = tmp_path / "shopapp" / "tools"
    tools.mkdir(parents=True)
    for folder in (tools.parent, tools):
        write(folder / "__init__.py", "")
    write(tools.parent / "core.py", "GREETING = 'Hello'\n")
    write(tools / "report.py", "from desklaunch.ui import put_text\n"
                               "from ..core import GREETING\nput_text(GREETING + ', Cy!')\n")
    with subprocess.Popen(
            [sys.executable, "-m", "desklaunch", "--no-open", "--reload", "-m",
             "shopapp.tools.report"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            bufsize=0, cwd=tmp_path) as proc:
        try:
            page = context.new_page()
            page.goto(read_url(proc))
            shows(page, "Hello, Cy!")
            write(tools.parent / "core.py", "GREETING = 'Bonjour'\n")
            shows(page, "Bonjour, Cy!")
        finally:
            proc.terminate()
            proc.communicate(timeout=HANG_GUARD)
