"""cmd2 shells in the console, unchanged: cmd2 refuses to run its loop outside the main
thread, and a console run is a thread of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from menu_programs import output, start


def test_a_cmd2_shell_runs_its_commands_and_stop_is_ctrl_c(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys
        import cmd2

        class Shop(cmd2.Cmd):
            def __init__(self):
                super().__init__()
                self.intro, self.prompt = "Welcome to the shop.", "(shop) "

            def do_buy(self, statement):
                "Buy an item."
                self.poutput(f"bought {statement.args}")

        sys.exit(Shop().cmdloop())
    """)
    app.click("Run")  # cmd2's own command line: none given
    app.fill("(shop)", "buy apple")
    app.submit()
    app.wait_for("bought apple")
    app.click("Stop")  # Ctrl+C at its prompt: cmd2 shows ^C and asks again
    app.wait_for("^C")
    app.fill("(shop)", "quit")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[:3] == ["Welcome to the shop.", "(shop) buy apple", "bought apple"]
    assert output(app)[-1] == "(shop) quit"


def test_a_cmd2_shell_offers_its_commands_and_a_questions_choices(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import cmd2

        class Shop(cmd2.Cmd):
            def __init__(self):
                super().__init__()
                self.prompt = "(shop) "

            def do_buy(self, statement):
                "Buy an item."
                colour = self.read_input("Colour? ")
                size = self.read_input("Size? ", choices=["small", "large"])
                self.poutput(f"bought a {size} {colour} {statement.args}")

        Shop().cmdloop()
    """)
    app.click("Run")
    assert app.find("combobox", "(shop)")  # Tab's completions, offered while it is empty
    app.fill("(shop)", "buy apple")
    app.submit()
    app.fill("Colour?", "red")  # a command's own question offers none
    assert app.find("textbox", "Colour?")
    app.submit()
    assert app.find("combobox", "Size?")  # but its choices, if it has them
    app.fill("Size?", "large")
    app.submit()
    app.wait_for("bought a large red apple")
    app.fill("(shop)", "quit")
    app.submit()
    app.wait_for("Exited with code 0")


def test_a_cmd2_menu_has_a_button_per_option_answering_with_its_number(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import cmd2

        class Shop(cmd2.Cmd):
            def do_eat(self, statement):
                sauce = self.select([("s", "sweet"), ("h", "hot")], "Sauce? ")
                self.poutput(f"{statement.args} with {sauce}")

        Shop().cmdloop()
    """)
    app.click("Run")
    app.fill("(Cmd)", "eat chips")
    app.submit()
    assert [b.name for b in app.find_all("button")][:2] == ["sweet", "hot"]
    app.click("hot")
    app.wait_for("chips with h")
    assert "Sauce? 2" in output(app)  # as typed in a terminal: the option's number


def test_what_a_cmd2_shell_pages_is_printed_in_its_console(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `less` to start: cmd2 starts it itself
    app = start(tmp_path, """
        import cmd2

        class Shop(cmd2.Cmd):
            def do_list(self, statement):
                "List the items."
                self.ppaged("apple\\npear", chop=True)

        Shop().onecmd("list")
    """)
    app.click("Run")  # cmd2's own command line: none given
    app.wait_for("Exited with code 0")
    assert output(app) == ["apple", "pear"]


def test_a_shell_that_enters_cmd2s_inner_loop_itself_shows_its_prompt(tmp_path: Path) -> None:
    """cliff's interactive mode calls `_cmdloop()` after setting up on its own."""
    app = start(tmp_path, """
        import cmd2

        class Shell(cmd2.Cmd):
            def __init__(self):
                super().__init__()
                self.prompt = "(tool) "

            def do_hello(self, statement):
                self.poutput("hello there")

        Shell()._cmdloop()
    """)
    app.click("Run")
    app.fill("(tool)", "hello")
    app.submit()
    app.wait_for("hello there")
    app.fill("(tool)", "quit")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[:2] == ["(tool) hello", "hello there"]


def test_help_typed_at_a_cmd2_prompt_lists_the_commands_at_once(tmp_path: Path) -> None:
    """cmd2's `help` parses an empty list with a parser whose `subcommands` (any number of
    words) argparse marks required: that is the shell's own parse, not a command line."""
    app = start(tmp_path, """
        import cmd2

        class Tool(cmd2.Cmd):
            def __init__(self):
                super().__init__(allow_cli_args=False)

            def do_greet(self, statement):
                "Say hello."
                self.poutput("Hello!")

        Tool().cmdloop()
    """)
    app.fill("(Cmd)", "help")
    app.submit()
    app.wait_for("greet")
    assert app.find_all("button", "Run") == []
    app.fill("(Cmd)", "quit")
    app.submit()
    app.wait_for("Exited with code 0")
