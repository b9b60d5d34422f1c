"""Tab in a terminal program's line through the kit, both ways: `complete` asks the
program's own completer, as a person's Tab does."""

from __future__ import annotations

from pathlib import Path

import pytest

from desklaunch.testing import ActionError

SCRIPTS = Path(__file__).parent / "scripts"
SHELL = Path(__file__).parents[1] / "e2e" / "console" / "scripts" / "files_shell.py"


def test_complete_completes_a_shells_command_and_lists_its_files(desklaunch_app, mode) -> None:
    app = desklaunch_app(SHELL, browser=mode)
    app.fill("(files)", "op")
    app.complete("(files)")
    assert app.find("textbox", "(files)").value == "open"
    app.fill("(files)", "open r")
    app.complete("(files)")
    assert app.find("textbox", "(files)").value == "open report202"
    app.complete("(files)")
    app.find(text="report2025.txt  report2026.txt")  # listed under the field
    app.fill("(files)", "open n")
    app.complete("(files)")
    app.submit()
    app.wait_for("opened notes.md")


def test_complete_where_tab_completes_nothing_says_so(desklaunch_app, mode,
                                                     tmp_path: Path) -> None:
    """Also after a program in the same process set a completer and left it set: each
    program starts without one, as a fresh process does."""
    sets_one = tmp_path / "sets_one.py"
    sets_one.write_text("import readline\nreadline.set_completer(lambda text, state: None)\n")
    desklaunch_app(sets_one, browser=mode).wait_for("Exited with code 0")
    app = desklaunch_app(SCRIPTS / "console_greet.py", browser=mode)
    app.fill("Your name:", "Ad")
    with pytest.raises(ActionError, match="completes nothing"):
        app.complete("Your name:")
