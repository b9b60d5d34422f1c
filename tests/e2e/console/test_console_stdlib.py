"""Python's own command-line modules, run in console mode as a new user would run them, and
compared with the same command in a terminal, line for line."""

from __future__ import annotations

import calendar
import gzip
import json.tool
import os
import zipfile
from pathlib import Path

from playwright.sync_api import expect


def test_calendar_shows_a_whole_year_and_ends_at_its_last_line(console):
    app = console(Path(calendar.__file__), ["2026"])
    app.expect_exit(0)
    app.expect_same_as_terminal(Path(calendar.__file__))
    expect(app.line(app.last_run()[1][-1])).to_be_in_viewport()  # not left at the top


def test_json_tool_reads_standard_input_and_runs_again_after_closing_it(console):
    app = console(Path(json.tool.__file__))
    expect(app.field("Infile")).to_have_value("-")
    app.click("Run")
    app.answer("Input", '{"z": 1, "a": [1, 2]}')
    app.click("End input")
    app.expect_exit(0)
    expect(app.line('    "z": 1,')).to_be_visible()
    app.click("Run again")  # json.tool closed stdin and stdout: the next run has new ones
    app.field("Sort keys").check()
    app.click("Run")
    app.answer("Input", '{"z": 1, "a": 2}')
    app.click("End input")
    app.expect_exit(0)
    command, shown = app.last_run()
    assert command == "$ tool.py --sort-keys"
    assert shown == ['{"z": 1, "a": 2}', "{", '    "a": 2,', '    "z": 1', "}"]


def test_gzip_compresses_and_decompresses_like_in_a_terminal(console, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text("hello gzip\n")
    app = console(Path(gzip.__file__), ["note.txt"])
    app.expect_exit(0)
    assert gzip.decompress((tmp_path / "note.txt.gz").read_bytes()) == b"hello gzip\n"
    os.remove(tmp_path / "note.txt")
    again = console(Path(gzip.__file__), ["-d", "note.txt.gz"])
    again.expect_exit(0)
    assert (tmp_path / "note.txt").read_text() == "hello gzip\n"


def test_zipfile_lists_an_archive_through_its_exclusive_choice(console, tmp_path,
                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    with zipfile.ZipFile(tmp_path / "demo.zip", "w") as archive:
        archive.writestr("note.txt", "hello")
    app = console(Path(zipfile.__file__))
    app.click("Run")
    expect(app.alert()).to_have_text([
        "one of the arguments -l/--list -e/--extract -c/--create -t/--test is required"])
    app.page.get_by_role("radio", name="List").check()
    app.page.get_by_role("radiogroup").get_by_label("Zipfile").first.fill("demo.zip")
    app.click("Run")
    app.expect_exit(0)
    assert app.last_run()[0] == "$ zipfile.py --list demo.zip"
    app.expect_same_as_terminal(Path(zipfile.__file__))
