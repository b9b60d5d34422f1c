"""The `console` fixture: run a plain script in console mode in a real app and real Chromium.

    def test_prints(console):
        app = console("print_loop.py")            # a file in scripts/, or a path
        app.expect_text("line 4999")
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from pilot import Pilot
from playwright.sync_api import BrowserContext, Locator, expect

from desklaunch.app import App
from desklaunch.console import ConsoleProgram
from desklaunch.core.settings import AppSettings
from desklaunch.core.target import resolve

SCRIPTS = Path(__file__).parent / "scripts"


class ConsolePilot(Pilot):
    """A `Pilot` that also knows the console's parts."""

    program: ConsoleProgram

    @property
    def screen(self) -> Locator:
        """The output area (role log, "Output")."""
        return self.page.get_by_role("log", name="Output")

    def line(self, text: str | re.Pattern[str]) -> Locator:
        """The output lines showing `text` (exactly, for a string; matching, for a pattern)."""
        pattern = text if isinstance(text, re.Pattern) else re.compile(f"^{re.escape(text)}$")
        return self.screen.locator(".dl-line").filter(has_text=pattern)

    def expect_exit(self, code: int) -> None:
        expect(self.page.locator(".dl-console-status")).to_contain_text(
            f"Exited with code {code}")

    def lines(self) -> list[str]:
        """Every line the console shows, scrolled into view or not."""
        texts: list[str] = self.screen.locator(".dl-line").evaluate_all(
            "(lines) => lines.map((line) => line.textContent)")
        return texts

    def last_run(self) -> tuple[str, list[str]]:
        """(the command line of the last run, the lines it showed after it)."""
        lines = self.lines()
        start = max(i for i, line in enumerate(lines) if line.startswith("$ "))
        return lines[start], lines[start + 1:]

    def expect_same_as_terminal(self, script: Path, *, stdin: str | None = None) -> None:
        """The last run showed, line for line, what its command shows in a terminal (run
        here with stdout and stderr merged, as a terminal merges them)."""
        command, shown = self.last_run()
        words = shlex.split(command[2:])[1:]
        terminal = subprocess.run(
            [sys.executable, str(script), *words], input=stdin,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}, check=False)
        assert shown == terminal.stdout.splitlines(), command

    def expect_lines_to_be(self, expected: Sequence[str]) -> None:
        """The last run's lines are exactly `expected`."""
        assert self.last_run()[1] == list(expected)


@pytest.fixture
def console(context: BrowserContext, tmp_path: Path) -> Iterator[Callable[..., ConsolePilot]]:
    """Start a script in console mode: `console(name, argv=None, *, settings_dir=,
    close_on_exit=, native=)`; `native` stands in for a window's system dialogs."""
    started: list[ConsolePilot] = []

    def start(script: str | Path, argv: list[str] | None = None, *,
              settings_dir: Path | None = None, close_on_exit: bool = False,
              native: Any = None) -> ConsolePilot:
        path = Path(script) if Path(script).is_absolute() else SCRIPTS / script
        target = resolve(str(path))
        settings = AppSettings(settings_dir or tmp_path / "settings")
        program = ConsoleProgram(target, argv, close_on_exit=close_on_exit, settings=settings)
        app = App(program, kind="thread", title=target.title)
        app.native = native  # as in a window: a stand-in for the system dialogs
        page = context.new_page()
        try:
            run = ConsolePilot(app, page)
        except BaseException:
            app.close()
            raise
        run.program = program
        started.append(run)
        return run

    yield start
    problems = [problem for run in started for problem in run.stop()]
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
