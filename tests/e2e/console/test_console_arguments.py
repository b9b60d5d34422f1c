"""Console mode: an argparse script's arguments are asked for in a form."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def test_every_kind_of_argument_becomes_a_field_and_reaches_the_script(console):
    app = console("every_action.py")
    expect(app.page.get_by_role("heading", name="every_action", level=2)).to_be_visible()
    expect(app.page.get_by_text("Shows its arguments.")).to_have_count(1)  # once
    expect(app.field("Count")).to_have_value("2")
    expect(app.page.get_by_text("how many times (2)")).to_be_visible()
    expect(app.field("Mode")).to_have_value("fast")
    expect(app.field("Shout")).to_have_attribute("type", "checkbox")
    expect(app.field("Verbose")).to_have_attribute("type", "number")  # count: a number
    app.fill("Count", "three")
    app.fill("Items 1", "x")
    app.click("Run")
    # argparse's own words for what it refuses, under each field it refuses
    expect(app.alert()).to_have_text(["argument --count: invalid int value: 'three'",
                                      "argument --items: invalid int value: 'x'"])
    app.fill("Count", "2")
    app.fill("Items 1", "1")
    app.click("Run")
    expect(app.alert()).to_have_text(["the following arguments are required: name"])
    app.fill("Name", "Ada Lovelace")
    app.fill("Count", "3")
    app.fill("Ratio", "0.5")
    app.choose("Mode", "slow")
    app.field("Shout").check()
    app.field("No color").check()
    app.fill("Tag 1", "red")
    app.click("Add Tag")
    app.fill("Tag 2", "blue")
    app.click("Add Items")
    app.fill("Items 2", "2")
    app.fill("Verbose", "2")
    app.fill("Input file", "notes.txt")
    app.click("Run")
    # The command line shows what was entered, not every default.
    expect(app.line("$ every_action.py 'Ada Lovelace' --count 3 --ratio 0.5 --mode slow "
                    "--shout --no-color --tag red --tag blue --items 1 2 -vv "
                    "--input-file notes.txt")).to_be_visible()
    for line in ["name='Ada Lovelace'", "count=3", "ratio=0.5", "mode='slow'", "shout=True",
                 "color=False", "tag=['red', 'blue']", "items=[1, 2]", "verbose=2",
                 "input_file='notes.txt'"]:
        expect(app.line(line)).to_be_visible()
    app.expect_exit(0)
    app.expect_same_as_terminal(SCRIPTS / "every_action.py")
    # The parser was caught where the program asked for it: its top-level code ran once.
    expect(app.line("top-level code runs")).to_have_count(1)


def test_the_last_values_are_remembered_and_run_again_shows_the_form(console, tmp_path):
    app = console("every_action.py", settings_dir=tmp_path / "remembered")
    app.fill("Name", "Grace")
    app.field("Shout").check()
    app.click("Run")
    expect(app.line("name='Grace'")).to_be_visible()
    app.click("Run again")
    expect(app.field("Name")).to_have_value("Grace")
    expect(app.field("Shout")).to_be_checked()
    app.click("Run")
    # the new run below a separator, in view
    expect(app.page.get_by_role("separator", name="Run 2")).to_be_in_viewport()
    expect(app.line("name='Grace'")).to_have_count(2)
    expect(app.line("$ every_action.py Grace --shout")).to_have_count(2)
    app.expect_exit(0)
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
    expect(app.alert()).to_have_text(["argument number: invalid int value: 'x'"])
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

    def choose_folder(self):
        self.asked.append(("folder",))
        return self.paths[0]


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


def test_a_reloaded_page_shows_the_pending_form_and_runs_it(console):
    app = console("archive_tool.py")
    expect(app.page.get_by_role("radiogroup", name="Choose one")).to_be_visible()
    app.reload()
    app.page.get_by_role("radio", name="Test").check()
    app.fill("Archive", "x.zip")
    app.click("Run")
    expect(app.line("test x.zip")).to_be_visible()
    app.expect_exit(0)
