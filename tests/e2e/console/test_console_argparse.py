"""Console mode reads argparse as argparse does: groups, choices, nargs, files, subclasses."""

from __future__ import annotations

import re
import time
from pathlib import Path

from playwright.sync_api import expect

SCRIPTS = Path(__file__).parent / "scripts"


def test_the_form_reads_like_the_parsers_help_and_refuses_what_argparse_refuses(console):
    app = console("archive_tool.py")
    page = app.page
    form = page.get_by_role("form", name="Arguments")
    expect(form.get_by_text("Lists, packs or checks an archive.")).to_have_count(1)
    expect(form.locator(".dl-epilog")).to_have_text("Exit status is 0 when all went well.")
    # required first: the exclusive choice and the archive, then the rest, then sections
    choice = page.get_by_role("radiogroup", name="Choose one")
    expect(choice.get_by_role("radio")).to_have_count(3)  # no "None": the group is required
    first = form.locator(".dl-arg-level > *")
    expect(first.nth(0)).to_contain_text("Archive")
    expect(first.nth(1)).to_have_class(re.compile("dl-arg-choice"))
    expect(page.get_by_role("group", name="Output")).to_contain_text("Where the report goes.")
    limits = page.get_by_role("group", name="Limits")
    expect(limits.get_by_label("JSON lines")).to_have_count(0)
    expect(page.get_by_role("group", name="Output").get_by_label("JSON lines")).to_be_visible()
    expect(limits.get_by_label("HTTP2")).to_be_visible()
    expect(page.locator(".dl-label-line", has_text="Archive").locator(".dl-required")
           ).to_be_visible()
    app.click("Run")
    expect(app.alert()).to_have_text(["the following arguments are required: archive"])
    app.fill("Archive", "photos.zip")
    app.click("Run")
    expect(app.alert()).to_have_text([
        "one of the arguments -l/--list -c/--create -t/--test is required"])
    choice.get_by_role("radio", name="Create").check()
    app.fill("File 1", "a.txt")
    app.click("Add File")
    app.fill("File 2", "b c.txt")
    app.fill("Min", "x")
    app.fill("Max", "9")
    app.fill("Verbose", "2")
    app.fill("Exclude 1", "*.tmp")
    app.click("Run")
    expect(app.alert()).to_have_text(["argument --size: invalid int value: 'x'"])
    app.fill("Min", "1")
    app.click("Run")
    expect(app.line("$ archive_tool.py photos.zip --create a.txt 'b c.txt' -vv "
                    "--size 1 9 --exclude '*.tmp'")).to_be_visible()
    app.expect_exit(0)
    app.expect_same_as_terminal(SCRIPTS / "archive_tool.py")
    expect(app.line("done")).to_have_class(re.compile("dl-err"))


def test_choosing_none_of_an_optional_group_and_a_report_file(console, tmp_path):
    app = console("every_action.py")
    expect(app.page.get_by_role("radiogroup")).to_have_count(0)
    app.fill("Name", "x")
    app.click("Run")
    app.expect_exit(0)
    report = tmp_path / "report.txt"
    tool = console("archive_tool.py")
    tool.fill("Archive", "a.zip")
    tool.page.get_by_role("radio", name="Test").check()
    tool.fill("Report", str(tmp_path / "missing" / "r.txt"))
    tool.click("Run")
    expect(tool.alert()).to_have_text([re.compile(r"^argument --report: can't open .*"
                                                  r"No such file or directory")])
    tool.fill("Report", str(report))
    tool.click("Run")
    tool.expect_exit(0)
    assert report.read_text().splitlines()[0] == "test a.zip"


def test_a_parser_built_in_a_helper_module_is_found_when_the_program_parses(console):
    app = console("helper_parser.py")
    expect(app.page.get_by_role("heading", name="greeter")).to_be_visible()
    app.fill("Names 1", "Ada")
    app.click("Add Names")
    app.fill("Names 2", "Grace")
    app.fill("Greeting", "Hi")
    app.click("Run")
    expect(app.line("Hi, Grace!")).to_be_visible()
    app.expect_same_as_terminal(SCRIPTS / "helper_parser.py")
    app.click("Run again")
    expect(app.field("Names 2")).to_have_value("Grace")


def test_a_binary_filter_reads_standard_input_as_bytes(console):
    app = console("binary_filter.py")
    expect(app.field("Infile")).to_have_value("-")
    expect(app.page.get_by_text("- reads the console's input")).to_be_visible()
    app.click("Run")
    expect(app.line("$ binary_filter.py")).to_be_visible()
    app.answer("Input", "héllo wörld")
    app.click("End input")
    expect(app.line("HéLLO WöRLD")).to_be_visible()
    expect(app.line("14 bytes")).to_be_visible()  # 12 characters and a newline, as UTF-8
    app.expect_exit(0)
    # what was typed, then the output: end of input adds no line, as Ctrl+D in a terminal
    app.expect_lines_to_be(["héllo wörld", "HéLLO WöRLD", "14 bytes"])


def test_a_program_that_closes_stdout_closes_only_its_own_run(console):
    app = console("closes_stdout.py")
    app.expect_exit(0)
    app.expect_same_as_terminal(SCRIPTS / "closes_stdout.py")
    app.click("Run again")
    expect(app.page.get_by_role("separator", name="Run 2")).to_be_visible()
    expect(app.line('  "ok": true,')).to_have_count(2)
    app.expect_exit(0)
    app.expect_same_as_terminal(SCRIPTS / "closes_stdout.py")


class FolderDialogs:
    """The system dialogs of a window (not ours to test): they answer at once."""

    def __init__(self):
        self.asked = []

    def open_files(self, *, multiple, accept=()):
        self.asked.append("open")
        return ["/data/a.zip", "/data/b.zip"] if multiple else ["/data/a.zip"]

    def save_file(self, suggested_name):
        self.asked.append("save")
        return "/data/report.txt"

    def choose_folder(self):
        self.asked.append("folder")
        return "/data/out"


def test_in_a_window_files_and_folders_have_choosers(console, tmp_path):
    script = tmp_path / "unpack.py"
    script.write_text(
        "import argparse\n"
        "p = argparse.ArgumentParser()\n"
        "p.add_argument('archives', nargs='+', help='the archives')\n"
        "p.add_argument('--output-dir', help='where to put them')\n"
        "p.add_argument('--log', type=argparse.FileType('w'))\n"
        "print(p.parse_args())\n")
    dialogs = FolderDialogs()
    app = console(script, native=dialogs)
    app.click("Browse for Archives")
    expect(app.field("Archives 1")).to_have_value("/data/a.zip")
    expect(app.field("Archives 2")).to_have_value("/data/b.zip")
    app.click("Browse for Output dir")
    expect(app.field("Output dir")).to_have_value("/data/out")
    app.click("Browse for Log")
    expect(app.field("Log")).to_have_value("/data/report.txt")
    assert dialogs.asked == ["open", "folder", "save"]


def test_the_time_a_run_took_leaves_out_the_time_its_form_waited(console, tmp_path):
    """"Exited with code 0 after 0.1 s" is the program's time: the person may look at the
    arguments form for a while before pressing Run."""
    script = tmp_path / "quick.py"
    script.write_text("import argparse\n"
                      "parser = argparse.ArgumentParser()\n"
                      "parser.add_argument('--name', default='world')\n"
                      "print('hello', parser.parse_args().name)\n")
    app = console(script)
    expect(app.field("Name")).to_be_visible()
    waited = 2.0
    time.sleep(waited)  # the person reads the form
    app.click("Run")
    app.expect_exit(0)
    status = app.page.locator(".dl-console-status").inner_text()
    took = float(re.search(r"after ([\d.]+) s", status)[1])
    assert took < waited, status


def test_a_form_taller_than_the_window_opens_at_its_top(console, tmp_path):
    """Its title and description first, with the first field focused, as a form is read;
    not scrolled to Run at its bottom by the page following its output."""
    script = tmp_path / "many_knobs.py"
    script.write_text(
        "import argparse\n"
        "parser = argparse.ArgumentParser(description='Processes data files with many knobs.')\n"
        "for number in range(30):\n"
        "    parser.add_argument(f'--knob-{number:02d}', default=str(number),\n"
        "                        help=f'what knob {number} turns, in a line of help')\n"
        "print(vars(parser.parse_args()))\n")
    app = console(script)
    page = app.page
    form = page.get_by_role("form", name="Arguments")
    expect(page.get_by_label("Knob 00")).to_be_focused()
    page.wait_for_timeout(300)  # a scroll still to come would have come by now
    expect(form.get_by_text("Processes data files with many knobs.")).to_be_in_viewport()
    expect(form.get_by_role("button", name="Run")).not_to_be_in_viewport()

