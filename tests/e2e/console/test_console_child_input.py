"""Console mode: a child process the program starts reads the console's field, as it would
read the terminal (console/childinput.py)."""

from __future__ import annotations

import os
import re

import pytest
from pilot import eventually
from playwright.sync_api import expect


@pytest.fixture
def silent_stdin():
    """desklaunch's own stdin a pipe nobody writes to (a terminal nobody types in)."""
    read_end, write_end = os.pipe()
    saved = os.dup(0)
    os.dup2(read_end, 0)
    try:
        yield
    finally:
        os.dup2(saved, 0)
        for fd in (saved, read_end, write_end):
            os.close(fd)


def test_a_child_asks_in_the_field_and_the_program_asks_after_it(console, silent_stdin):
    """A child's `input()` read end of input and crashed with EOFError; in a terminal it
    asks, as here, and not the terminal desklaunch was started from."""
    app = console("child_asks.py")
    app.answer("child: your name?", "Ada")
    expect(app.line("child: your name? Ada")).to_be_visible()  # its prompt and the echo
    expect(app.line("hello Ada")).to_be_visible()
    expect(app.line("child ended with 0")).to_be_visible()
    app.answer("Parent:", "Bob")
    expect(app.line("parent got Bob")).to_be_visible()
    app.expect_exit(0)


def test_a_shell_commands_yes_or_no_question_has_its_buttons(console):
    app = console("shell_asks.py")
    app.click("Yes")
    expect(app.line("answered y")).to_be_visible()
    expect(app.line("the shell exited with 0")).to_be_visible()
    app.expect_exit(0)


def test_ctrl_d_ends_a_childs_input_and_the_program_goes_on(console):
    app = console("child_reads_all.py")
    app.answer("Input", "first")
    expect(app.line("first")).to_be_visible()
    app.answer("Input", "second")
    expect(app.line("second")).to_be_visible()
    app.field("Input").press("Control+d")
    expect(app.line("child read 2 lines")).to_be_visible()
    expect(app.line("parent goes on")).to_be_visible()
    app.expect_exit(0)


def test_a_line_typed_while_a_child_works_waits_for_whoever_reads_next(console, tmp_path):
    """The child never reads, so it is asked nothing: the line waits for the program."""
    gate = tmp_path / "done"
    app = console("child_waits_for_a_file.py", [str(gate)])
    app.answer("Your name:", "Ada")
    expect(app.line("the child works")).to_be_visible()
    field = app.field("Your name:")  # the field stays, for typing ahead
    field.press_sequentially("blue")
    field.press("Enter")
    gate.touch()
    expect(app.line("the child is done")).to_be_visible()
    expect(app.line("Ada likes blue")).to_be_visible()
    app.expect_exit(0)


def test_stop_while_a_child_asks_ends_the_child_and_the_program(console):
    app = console("child_asks.py")
    expect(app.field("child: your name?")).to_be_visible()
    app.click("Stop")
    app.expect_exit(130)
    expect(app.line("KeyboardInterrupt")).to_have_count(2)  # the child's and the program's
    expect(app.line(re.compile("^child ended"))).to_have_count(0)
    expect(app.page.get_by_role("textbox", name="child: your name?")).to_have_count(0)


def test_a_child_still_reading_when_the_program_ends_gets_end_of_input(console, tmp_path):
    """As a terminal's program gone takes the terminal's input with it."""
    read = tmp_path / "read.txt"
    app = console("child_left_reading.py", [str(read)])
    expect(app.line("parent done")).to_be_visible()
    app.expect_exit(0)
    eventually(read.exists)  # its input ended: the job went on, and named the file
    assert read.read_text() == ""
    expect(app.page.get_by_role("textbox", name="parent done")).to_have_count(0)


def test_a_childs_password_question_hides_what_is_typed(console):
    """A child's getpass finds no terminal, warns and reads its input: that question is
    a password field, and the secret is shown nowhere."""
    app = console("child_password.py")
    field = app.field("Deploy password:")
    expect(field).to_have_attribute("type", "password")
    app.answer("Deploy password:", "hunter22")
    expect(app.line("the child got 8 characters")).to_be_visible()
    app.expect_exit(0)
    assert not [line for line in app.lines() if "hunter22" in line]
