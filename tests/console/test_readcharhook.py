"""readchar's key reads asked in the console's field (console/readcharhook.py): "press a
key" and single-key answers work unchanged."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start

PROGRAM = """
    import readchar
    from readchar import readkey
    print("Press a key to go on")
    print("got", repr(readkey()))
    print("Delete? [y/n]")
    print("answer", repr(readchar.readchar()))
    print("then", repr(readkey()))
"""


def test_a_key_is_the_first_character_of_the_line_entered(tmp_path: Path) -> None:
    app = start(tmp_path, PROGRAM)
    assert "needs a real terminal" not in app.text
    app.submit()  # Enter alone: readchar's Enter
    app.wait_for("got '\\n'")
    app.fill("Input", "yes")
    app.submit()
    app.wait_for("answer 'y'")
    app.click("End input")  # Ctrl+D's character, as in a terminal
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "then '\\x04'"
