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


def test_choices_listed_by_number_are_buttons_named_by_what_they_stand_for(
        tmp_path: Path) -> None:
    script = tmp_path / "asks.py"
    script.write_text(textwrap.dedent("""
        from rich.prompt import Prompt
        # as cookiecutter asks for a choice variable
        answer = Prompt.ask("  [3/5] Select license\\n    1 - MIT\\n    2 - BSD-3\\n"
                            "    3 - GPL-3.0\\n    Choose from", choices=["1", "2", "3"],
                            default="1")
        print("license", answer)
    """))
    app = AppTest.from_file(script)
    app.find("textbox", "[3/5] Select license Choose from [1/2/3] (1):")
    app.click("GPL-3.0")
    app.wait_for("Exited with code 0")
    lines = [line.strip() for line in app.find("log", "Output").text.splitlines()]
    assert lines[-2:] == ["Choose from [1/2/3] (1): 3", "license 3"]


def test_numbered_choices_after_a_menu_printed_before_are_named_by_it(tmp_path: Path) -> None:
    script = tmp_path / "asks.py"
    script.write_text(textwrap.dedent("""
        from rich.console import Console
        from rich.prompt import Prompt
        console = Console()
        console.print("Which build backend?")  # as pdm asks
        for number, name in enumerate(["pdm-backend", "setuptools", "hatchling"]):
            console.print(f"[bold]{number}[/]. [green]{name}[/]")
        print("backend", Prompt.ask("Please select", choices=["0", "1", "2"], default="0"))
    """))
    app = AppTest.from_file(script)
    assert [b.name for b in app.find_all("button")][:3] == ["pdm-backend", "setuptools",
                                                            "hatchling"]
    app.click("hatchling")
    app.wait_for("Exited with code 0")
    assert "backend 2" in app.text
