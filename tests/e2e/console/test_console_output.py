"""Console mode: what a script prints shows in the console."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_a_print_loop_shows_every_line_and_the_exit_code(console):
    app = console("print_loop.py")
    expect(app.line("all done")).to_be_visible()
    expect(app.screen.locator(".dl-line.dl-out")).to_have_count(10_002)
    expect(app.line("line 9999")).to_have_count(1)
    expect(app.screen.locator(".dl-bold.dl-fg-2")).to_have_text("green bold")
    app.expect_exit(0)


def test_logging_records_show_in_their_level_colours(console):
    app = console("log_levels.py")
    expect(app.line("plain output")).to_be_visible()
    expect(app.line("DEBUG demo: looking closely")).to_have_class(re.compile("dl-log-debug"))
    expect(app.line("INFO demo: all is well")).to_have_class(re.compile("dl-log-info"))
    expect(app.line("WARNING demo: careful now")).to_have_class(re.compile("dl-log-warning"))
    expect(app.line("ERROR demo: that failed")).to_have_class(re.compile("dl-log-error"))
    app.expect_exit(0)


def test_a_tqdm_bar_is_one_progress_bar_that_ends_full(console):
    app = console("progress_tqdm.py")
    expect(app.line("total 19900")).to_be_visible()
    bar = app.page.get_by_role("progressbar", name="Crunching")
    expect(bar).to_have_count(1)
    expect(bar).to_have_attribute("value", "100")
    expect(app.line(re.compile(r"^Crunching: 100%"))).to_have_count(1)


def test_an_uncaught_exception_shows_its_traceback_in_red_and_exits_1(console):
    app = console("crash.py")
    expect(app.line("ZeroDivisionError: division by zero")).to_have_class(re.compile("dl-err"))
    # the script's own two frames, none of desklaunch's
    expect(app.line(re.compile(r"^\s*File \""))).to_have_count(2)
    expect(app.line("Traceback (most recent call last):")).to_be_visible()
    app.expect_exit(1)


def test_sys_exit_3_is_the_exit_code_shown(console):
    app = console("exit_three.py")
    expect(app.line("leaving with 3")).to_be_visible()
    app.expect_exit(3)


def test_the_output_of_child_processes_is_captured(console):
    app = console("children.py")
    expect(app.line("parent last")).to_be_visible()
    lines = app.screen.locator(".dl-line")
    expect(lines).to_have_text(["$ children.py", "parent first", "from os.system",
                                "child says hi", "child complains", "parent last"])
    expect(app.line("child complains")).to_have_class(re.compile("dl-err"))
    app.expect_exit(0)


def test_a_curses_script_is_told_the_console_is_not_a_terminal(console):
    app = console("uses_curses.py")
    expect(app.line(re.compile(r"^desklaunch: this script uses curses, which needs a real "
                               r"terminal"))).to_be_visible()
    # What curses itself then does depends on the machine's terminfo: it may fail or not.
    expect(app.page.locator(".dl-console-status")).to_contain_text("Exited with code")


def test_a_reloaded_page_shows_the_console_as_it_was(console):
    app = console("input_echo.py")
    app.answer("Your name:", "Ada")
    expect(app.line("Hello, Ada!")).to_be_visible()
    app.reload()
    expect(app.line("Hello, Ada!")).to_be_visible()
    expect(app.line("Your name: Ada")).to_be_visible()
    app.answer("Input", "after reload")
    expect(app.line("got after reload")).to_be_visible()
    app.click("End input")
    app.expect_exit(0)
