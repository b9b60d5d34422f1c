"""Console mode: click and typer programs get a form, getopt programs an Arguments line.

Each run is compared, line for line, with the same command run in a real terminal
(in_terminal.py), answering the same prompts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from in_terminal import in_terminal
from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def run_lines(app, code):
    """The lines the last run showed, after its `$` command line, once it ended with `code`."""
    app.expect_exit(code)
    # Their text as written: a block of lines out of view has no innerText in Chromium.
    lines = app.screen.locator(".dl-line").all_text_contents()
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    assert starts, f"no command line among {lines}"
    return lines[starts[-1] + 1:]


def same_as_terminal(app, argv, code, answers=None):
    expected, terminal_code = in_terminal([f"scripts/{argv[0]}", *argv[1:]],
                                          cwd=SCRIPTS.parent, answers=answers)
    assert terminal_code == code
    assert run_lines(app, code) == expected


def test_a_click_group_becomes_a_form_with_a_tab_per_command(console):
    app = console("click_notes.py")
    expect(app.page.get_by_role("heading", name="click_notes.py")).to_be_visible()
    expect(app.page.get_by_text("Keep a list of notes in a text file.")).to_have_count(1)
    expect(app.page.get_by_role("tab")).to_have_text(["add", "remove"])
    expect(app.field("File")).to_have_value("notes.txt")
    expect(app.field("Verbose")).to_have_value("0")
    expect(app.field("Priority")).to_have_value("normal")
    expect(app.field("Urgent")).to_have_attribute("type", "checkbox")
    app.fill("Times", "9")
    app.click("Run")
    expect(app.alert()).to_have_text([
        "Missing argument 'TEXT...'.",
        "Invalid value for '--times': 9 is not in the range 1<=x<=5.",
    ])
    app.fill("Verbose", "2")
    app.fill("Text 1", "hello")
    app.click("Add Text")
    app.fill("Text 2", "world")
    app.choose("Priority", "high")
    app.fill("Times", "2")
    app.fill("Tag 1", "home")
    app.click("Add Tag")
    app.fill("Tag 2", "work")
    app.field("Urgent").check()
    app.click("Run")
    # Only what differs from the defaults is on the command line, as a person types it.
    argv = ["-vv", "add", "--priority", "high", "--times", "2", "--tag", "home", "--tag",
            "work", "--urgent", "hello", "world"]
    expect(app.line("$ click_notes.py " + " ".join(argv))).to_be_visible()
    same_as_terminal(app, ["click_notes.py", *argv], 0)
    # click.secho's colours reach the console, although its streams are not terminals.
    expect(app.line("done").locator("span.dl-fg-2.dl-bold")).to_have_text("done")
    expect(app.line("using notes.txt").locator("span.dl-fg-6")).to_be_visible()


def test_click_prompts_become_fields_and_the_run_matches_a_terminal(console):
    app = console("click_notes.py")
    app.page.get_by_role("tab", name="remove").click()
    expect(app.field("Password")).to_have_attribute("type", "password")
    app.fill("Number", "four")
    app.click("Run")
    expect(app.alert()).to_have_text("Invalid value for 'NUMBER': 'four' is not a valid integer.")
    app.fill("Number", "4")
    app.click("Run")
    expect(app.line("$ click_notes.py remove 4")).to_be_visible()
    app.answer("Whose notes:", "Ada")
    expect(app.field("Password:")).to_have_attribute("type", "password")
    app.answer("Password:", "secret")
    # A yes/no question and a choice offer their answers as buttons; each types its line.
    expect(app.field("Remove note 4 of Ada? [Y/n]:")).to_be_visible()
    app.click("Yes")
    expect(app.field("Favourite colour (red, blue) [red]:")).to_be_visible()
    expect(app.page.locator(".dl-console-input").get_by_role("button")).to_have_text(
        ["red", "blue", "Enter", "End input"])
    app.click("blue")
    same_as_terminal(app, ["click_notes.py", "remove", "4"], 0, answers={
        "Whose notes:": "Ada", "Password:": "secret", "[Y/n]:": "y", "[red]:": "blue"})
    expect(app.screen).not_to_contain_text("secret")
    expect(app.line("colour: blue").locator("span.dl-fg-4")).to_be_visible()


def test_run_again_keeps_the_values_but_never_a_password(console, tmp_path):
    app = console("click_notes.py", settings_dir=tmp_path / "remembered")
    app.page.get_by_role("tab", name="remove").click()
    app.fill("Name", "Grace")
    app.fill("Password", " hunter2")
    app.fill("Number", "7")
    app.click("Run")
    # The command line shown does not give the password away; the program gets it whole.
    expect(app.line("$ click_notes.py remove --name Grace --password ******** 7")).to_be_visible()
    app.answer("Remove note 7 of Grace? [Y/n]:", "y")
    app.answer("Favourite colour (red, blue) [red]:", "")
    expect(app.line("removed 7 for Grace (8 characters of password)")).to_be_visible()
    expect(app.screen).not_to_contain_text("hunter2")
    app.expect_exit(0)
    app.click("Run again")
    expect(app.page.get_by_role("tab", name="remove")).to_have_attribute("aria-selected", "true")
    expect(app.field("Name")).to_have_value("Grace")
    expect(app.field("Number")).to_have_value("7")
    expect(app.field("Password")).to_have_value("")
    settings = (tmp_path / "remembered").read_text() if (tmp_path / "remembered").is_file() \
        else "".join(p.read_text() for p in (tmp_path / "remembered").rglob("*") if p.is_file())
    assert "Grace" in settings
    assert "hunter2" not in settings


def test_a_click_command_built_elsewhere_is_found_when_the_program_runs_it(console, monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))  # as `desklaunch click_elsewhere.py` does
    app = console("click_elsewhere.py")
    expect(app.page.get_by_role("heading", name="notes")).to_be_visible()
    app.fill("Text 1", "from a helper module")
    app.click("Run")
    expect(app.line("$ click_elsewhere.py add 'from a helper module'")).to_be_visible()
    expect(app.line("added: from a helper module [normal] tags=[] urgent=False")).to_be_visible()
    app.expect_exit(0)


def test_a_typer_app_becomes_a_form_and_its_runs_match_a_terminal(console):
    app = console("typer_greet.py")
    expect(app.page.get_by_role("tab")).to_have_text(["hello", "total"])
    expect(app.field("Count")).to_have_value("1")
    expect(app.field("Style")).to_have_value("plain")
    app.fill("Count", "two")
    app.click("Run")
    expect(app.alert()).to_have_text([
        "Missing argument 'name'.",
        re.compile(r"^Invalid value for '--count': .*integer"),
    ])
    app.fill("Name", "Ada")
    app.fill("Count", "2")
    app.choose("Style", "fancy")
    app.field("Shout").check()
    app.click("Run")
    argv = ["hello", "--count", "2", "--style", "fancy", "--shout", "Ada"]
    expect(app.line("$ typer_greet.py " + " ".join(argv))).to_be_visible()
    same_as_terminal(app, ["typer_greet.py", *argv], 0)
    expect(app.line("HELLO ADA!").first.locator("span.dl-fg-5")).to_be_visible()
    app.click("Run again")
    app.page.get_by_role("tab", name="total").click()
    app.fill("Numbers 1", "1")
    app.click("Add Numbers")
    app.fill("Numbers 2", "2.5")
    app.click("Add Numbers")
    app.fill("Numbers 3", "-3")
    app.click("Run")
    expect(app.field("Show the average? [y/N]:")).to_be_visible()
    app.click("Yes")
    same_as_terminal(app, ["typer_greet.py", "total", "--", "1", "2.5", "-3"], 0,
                     answers={"[y/N]:": "y"})


def test_a_getopt_program_gets_an_arguments_line(console):
    app = console("getopt_count.py")
    expect(app.line("usage: getopt_count.py [-l] [-n TOP] FILE...")).to_be_visible()
    app.expect_exit(2)
    app.fill("Arguments", '-l -n 5 "my notes.txt')
    app.click("Run again")
    expect(app.alert()).to_have_text("No closing quotation")
    app.fill("Arguments", '-l -n 5 "my notes.txt" other')
    app.click("Run again")
    expect(app.line("$ getopt_count.py -l -n 5 'my notes.txt' other")).to_be_visible()
    same_as_terminal(app, ["getopt_count.py", "-l", "-n", "5", "my notes.txt", "other"], 0)
    expect(app.field("Arguments")).to_have_value("-l -n 5 'my notes.txt' other")


def test_a_fire_program_runs_at_once_and_takes_its_command_in_the_arguments_line(console):
    app = console("fire_calc.py")
    expect(app.line("COMMANDS")).to_be_visible()  # fire's help, as with no command typed
    app.expect_exit(0)
    expect(app.page.get_by_role("button", name="Run", exact=True)).to_have_count(0)
    app.fill("Arguments", "add 2 --b 5")
    app.click("Run again")
    expect(app.line("$ fire_calc.py add 2 --b 5")).to_be_visible()
    same_as_terminal(app, ["fire_calc.py", "add", "2", "--b", "5"], 0)


def test_a_library_that_parses_for_the_program_takes_the_arguments_line_words(
        console, tmp_path, monkeypatch):
    """pylint's way: its own defaults parsed from an empty list, then the command line's
    words, copied into a list of its own as it preprocesses them, with `parse_known_args`,
    its files being the words no option takes."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "linter.py").write_text(
        "import argparse, sys\n"
        "def run():\n"
        "    parser = argparse.ArgumentParser(prog='linter')\n"
        "    parser.add_argument('--jobs', type=int, default=1)\n"
        "    parser.parse_args([])\n"
        "    words = [word for word in sys.argv[1:]]\n"
        "    options, files = parser.parse_known_args(words)\n"
        "    print('jobs', options.jobs, 'files', files)\n"
        "    sys.exit(0 if files else 32)\n")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "linter.py").write_text("import linter\nlinter.run()\n")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))  # installed elsewhere than the script
    monkeypatch.setitem(sys.modules, "linter", None)
    monkeypatch.delitem(sys.modules, "linter")
    app = console(tmp_path / "bin" / "linter.py")
    expect(app.line("jobs 1 files []")).to_be_visible()
    app.expect_exit(32)
    app.fill("Arguments", "--jobs 2 a.py b.py")
    app.click("Run again")
    expect(app.line("jobs 2 files ['a.py', 'b.py']")).to_be_visible()
    app.expect_exit(0)


def test_arguments_given_on_the_command_line_fill_the_arguments_line(console):
    app = console("getopt_count.py", ["-n", "1", "a b"])
    expect(app.line("a b: 2 word(s), top 1, lines=False")).to_be_visible()
    expect(app.field("Arguments")).to_have_value("-n 1 'a b'")


def test_a_program_that_never_reads_its_arguments_gets_no_arguments_line(console):
    app = console("exit_three.py")
    app.expect_exit(3)
    expect(app.line("$ exit_three.py")).to_be_visible()
    expect(app.button("Run again")).to_be_visible()
    expect(app.field("Arguments")).to_have_count(0)


def test_a_command_no_form_can_read_still_runs_and_gets_an_arguments_line(console):
    app = console("click_odd.py")
    expect(app.line("Error: Missing argument 'WORD'.")).to_be_visible()
    app.expect_exit(2)
    app.fill("Arguments", "quiet")
    app.click("Run again")
    expect(app.line("QUIET")).to_be_visible()
    app.expect_exit(0)


class ChosenFiles:
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


def test_in_a_window_a_click_file_option_has_a_browse_button(console):
    dialogs = ChosenFiles(["/home/ada/todo.txt"])
    app = console("click_notes.py", native=dialogs)
    app.page.get_by_role("button", name="Browse for File").click()
    expect(app.field("File")).to_have_value("/home/ada/todo.txt")
    assert dialogs.asked == [("open", False)]
    expect(app.page.get_by_role("button", name="Browse for Verbose")).to_have_count(0)
    app.fill("Text 1", "x")
    app.click("Run")
    expect(app.line("$ click_notes.py --file /home/ada/todo.txt add x")).to_be_visible()
    app.expect_exit(0)


def test_a_click_progress_bar_is_drawn_and_ends_as_in_a_terminal(console):
    app = console("click_progress.py", ["--count", "40"])
    expect(app.line(re.compile(r"^Copying  \[#+\]  100%"))).to_be_visible()
    same_as_terminal(app, ["click_progress.py", "--count", "40"], 0)


def test_a_typer_usage_error_reads_as_in_a_terminal(console):
    app = console("typer_greet.py", ["hello", "--count", "x"])
    same_as_terminal(app, ["typer_greet.py", "hello", "--count", "x"], 2)


def test_click_getchar_and_pause_wait_for_the_person_in_the_window(console):
    """Not for a key on the terminal desklaunch came from, nor skipped as for a pipe."""
    app = console("click_keys.py")
    expect(app.line("Press a key to choose (a/b)")).to_be_visible()
    app.answer("Input", "b")
    expect(app.line("chose 'b'")).to_be_visible()
    field = app.field("Press any key to finish...")
    expect(app.line("finished")).to_have_count(0)  # pause waits
    field.press("Enter")
    expect(app.line("finished")).to_be_visible()
    app.expect_exit(0)


def test_click_edit_takes_the_new_text_line_by_line(console):
    """A terminal editor cannot draw in the console: the text shows, its replacement is
    typed, End input finishes it."""
    app = console("click_edit.py")
    expect(app.line("Subject")).to_be_visible()
    app.answer("Input", "Fix the login page")
    app.answer("Input", "It crashed on empty names")
    app.click("End input")
    expect(app.line("saved: Fix the login page | It crashed on empty names")).to_be_visible()
    app.expect_exit(0)
    app.click("Run again")
    expect(app.line("Subject")).to_have_count(2)
    app.click("End input")
    expect(app.line("kept as it was")).to_be_visible()
