"""Starting a small terminal program with menus through the test kit, and reading its run."""

from __future__ import annotations

import textwrap
from pathlib import Path

from desklaunch.testing import AppTest


def start(folder: Path, source: str) -> AppTest:
    """The program `source` (dedented), saved as asks.py in `folder`, started in process."""
    script = folder / "asks.py"
    script.write_text(textwrap.dedent(source))
    return AppTest.from_file(script)


def output(app: AppTest) -> list[str]:
    """The lines of the run after its `$` command line, up to its exit line."""
    lines = app.find("log", "Output").text.splitlines()[1:]
    return [line for line in lines if not line.startswith("Exited with code")]
