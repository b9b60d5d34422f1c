"""Console mode: an argparse script's arguments are asked for in a form."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_every_kind_of_argument_becomes_a_field_and_reaches_the_script(console):
    app = console("every_action.py")
    expect(app.page.get_by_role("heading", name="every_action", level=2)).to_be_visible()
    expect(app.field("Count")).to_have_value("2")
    expect(app.page.get_by_text("how many times (2)")).to_be_visible()
    expect(app.field("Mode")).to_have_value("fast")
    expect(app.field("Shout")).to_have_attribute("type", "checkbox")
    app.fill("Count", "three")
    app.fill("Items", "1\nx")
    app.click("Run")
    expect(app.alert()).to_have_text(["This is required", "Please enter a whole number",
                                      "Please enter a whole number"])
    app.fill("Name", "Ada")
    app.fill("Count", "3")
    app.fill("Ratio", "0.5")
    app.choose("Mode", "slow")
    app.field("Shout").check()
    app.field("No color").check()
    app.fill("Tag", "red\nblue")
    app.fill("Items", "1\n2")
    app.fill("Verbose", "2")
    app.fill("Input file", "notes.txt")
    app.click("Run")
    expect(app.line("$ every_action.py Ada --count 3 --ratio 0.5 --mode slow --shout "
                    "--no-color --tag red --tag blue --items 1 2 --verbose --verbose "
                    "--input-file notes.txt")).to_be_visible()
    for line in ["name='Ada'", "count=3", "ratio=0.5", "mode='slow'", "shout=True",
                 "color=False", "tag=['red', 'blue']", "items=[1, 2]", "verbose=2",
                 "input_file='notes.txt'"]:
        expect(app.line(line)).to_be_visible()
    app.expect_exit(0)
    # Top-level code before parse_args ran once to find the parser, and once for the run.
    expect(app.line("top-level code runs")).to_have_count(2)


def test_the_last_values_are_remembered_and_run_again_shows_the_form(console, tmp_path):
    app = console("every_action.py", settings_dir=tmp_path / "remembered")
    app.fill("Name", "Grace")
    app.field("Shout").check()
    app.click("Run")
    expect(app.line("name='Grace'")).to_be_visible()
    app.click("Run again")
    expect(app.field("Name")).to_have_value("Grace")
    expect(app.field("Shout")).to_be_checked()
    app.page.close()
    again = console("every_action.py", settings_dir=tmp_path / "remembered")
    expect(again.field("Name")).to_have_value("Grace")


def test_arguments_on_the_command_line_skip_the_form(console):
    app = console("every_action.py", ["Lin", "--count", "5"])
    expect(app.line("count=5")).to_be_visible()
    expect(app.line("name='Lin'")).to_be_visible()
    expect(app.page.get_by_role("form", name="Arguments")).to_have_count(0)


def test_subcommands_are_tabs(console):
    app = console("subcommands.py")
    expect(app.page.get_by_role("tab")).to_have_text(["add", "remove"])
    app.page.get_by_role("tab", name="remove").click()
    app.fill("Number", "x")
    app.click("Run")
    expect(app.alert()).to_have_text("Please enter a whole number")
    app.fill("Number", "4")
    app.fill("User", "bob")
    app.click("Run")
    expect(app.line(re.compile(r"^remove by bob: .*'number': 4"))).to_be_visible()
    app.click("Run again")
    expect(app.page.get_by_role("tab", name="remove")).to_have_attribute("aria-selected", "true")
    app.page.get_by_role("tab", name="add").click()
    app.fill("Text", "buy milk")
    app.click("Run")
    expect(app.line(re.compile(r"^add by bob: .*'text': 'buy milk'"))).to_be_visible()


class FakeDialogs:
    """The system file dialogs of a window (not ours to test): they answer at once."""

    def __init__(self, paths):
        self.paths = paths
        self.asked = []

    def open_files(self, *, multiple, accept=()):
        self.asked.append(("open", multiple))
        return self.paths

    def save_file(self, suggested_name):
        self.asked.append(("save", suggested_name))
        return None


def test_in_a_window_a_file_argument_has_a_browse_button(console):
    dialogs = FakeDialogs(["/home/ada/notes.txt"])
    app = console("every_action.py", native=dialogs)
    app.page.get_by_role("button", name="Browse for Input file").click()
    expect(app.field("Input file")).to_have_value("/home/ada/notes.txt")
    assert dialogs.asked == [("open", False)]
    expect(app.page.get_by_role("button", name="Browse for Count")).to_have_count(0)
    app.fill("Name", "Ada")
    app.click("Run")
    expect(app.line("input_file='/home/ada/notes.txt'")).to_be_visible()
