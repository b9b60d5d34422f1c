"""rich's prompts in the console: their choices offered as buttons beside the input line."""

from __future__ import annotations

import textwrap
from pathlib import Path

from desklaunch.testing import AppTest


def test_a_prompts_choices_and_a_confirms_yes_and_no_are_buttons(tmp_path: Path) -> None:
    script = tmp_path / "asks.py"
    script.write_text(textwrap.dedent("""
        from rich.prompt import Confirm, IntPrompt, Prompt
        colour = Prompt.ask("Colour", choices=["red", "green", "blue"], default="green")
        sure = Confirm.ask("Sure?")
        count = IntPrompt.ask("How many")
        print(colour, sure, count)
    """))
    app = AppTest.from_file(script)
    app.click("blue")
    app.click("Yes")
    assert not app.find_all("button", "Yes")  # a question without choices has none
    app.fill("How many:", "3")
    app.submit()
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines()[1:5] == [
        "Colour [red/green/blue] (green): blue", "Sure? [y/n]: y", "How many: 3", "blue True 3"]
