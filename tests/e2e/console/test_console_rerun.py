"""Console mode: Run again runs the script and the modules beside it as their files are now,
as typing the command again in a terminal would."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from playwright.sync_api import expect


def write(path: Path, source: str) -> None:
    path.write_text(textwrap.dedent(source), encoding="utf-8")


def test_run_again_runs_what_the_files_hold_now(console, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))  # as `desklaunch greet.py` puts its folder
    monkeypatch.setitem(sys.modules, "greeting", None)
    monkeypatch.delitem(sys.modules, "greeting")  # and the module is gone again after
    write(tmp_path / "greeting.py", 'WORD = "Hello"\n')
    write(tmp_path / "greet.py", """
        import greeting
        print(greeting.WORD, "from the first version")
    """)
    app = console(tmp_path / "greet.py")
    expect(app.line("Hello from the first version")).to_be_visible()
    app.expect_exit(0)

    write(tmp_path / "greeting.py", 'WORD = "Bonjour"\n')
    write(tmp_path / "greet.py", """
        import greeting
        print(greeting.WORD, "from the second version")
    """)
    app.click("Run again")
    expect(app.line("Bonjour from the second version")).to_be_visible()
    app.expect_exit(0)

    write(tmp_path / "greet.py", 'print("unfinished"\n')
    app.click("Run again")
    expect(app.line("SyntaxError: '(' was never closed")).to_be_visible()
    app.expect_exit(1)

    write(tmp_path / "greet.py", 'import greeting\nprint(greeting.WORD, "mended")\n')
    app.click("Run again")
    expect(app.line("Bonjour mended")).to_be_visible()
    app.expect_exit(0)
