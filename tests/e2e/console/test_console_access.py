"""Console mode for people who use the keyboard alone or a screen reader: the programs of
examples/console used to the end by keyboard (the argument form's first field has focus,
subcommands are tabs moved with the arrows, Enter or Ctrl+Enter runs, Run again), and the
output a log region whose lines are told in batches."""

from __future__ import annotations

import re
from pathlib import Path

from access import Keys, live_regions, said
from playwright.sync_api import expect

EXAMPLES = Path(__file__).parents[3] / "examples" / "console"
SCRIPTS = Path(__file__).parent / "scripts"


def test_renamer(console, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "beach.JPG").write_text("x")
    app = console(EXAMPLES / "renamer.py")
    keys = Keys(app.page)
    keys.focused(app.field("Folder"))
    keys.type(str(photos))
    keys.tab_to(app.field("Prefix"))
    keys.type("trip_")
    keys.tab_to(app.field("Case"))
    keys.press("ArrowDown")  # keep → lower
    keys.tab_to(app.field("Number"))
    keys.press("Space")
    keys.tab_to(app.field("Prefix"), back=True)
    keys.press("Enter")
    expect(app.line("beach.JPG -> trip_001_beach.JPG")).to_be_visible()
    app.expect_exit(0)
    keys.tab_to(app.button("Run again"))
    keys.pause()
    keys.press("Enter")
    keys.focused(app.field("Folder"))


def test_csvsummary_subcommand_tabs(console, tmp_path: Path) -> None:
    data = tmp_path / "sales.csv"
    data.write_text("region,amount\nnorth,10\nsouth,30\nnorth,5\n")
    app = console(EXAMPLES / "csvsummary.py")
    page = app.page
    keys = Keys(page)
    keys.focused(app.field("Delimiter"))
    keys.tab_to(page.get_by_role("tab", name="columns"))
    keys.press("ArrowRight")  # the tabs pattern: arrows move between the subcommands
    keys.focused(page.get_by_role("tab", name="stats"))
    expect(page.get_by_role("tab", name="stats")).to_have_attribute("aria-selected", "true")
    keys.press("End")
    keys.focused(page.get_by_role("tab", name="group"))
    panel = page.get_by_role("tabpanel", name="group")
    keys.press("Tab")  # the only tab in the Tab order is the chosen one: on to its panel
    keys.tab_to(panel.get_by_label("File", exact=True))
    keys.type(str(data))
    keys.tab_to(panel.get_by_label("By", exact=True))
    keys.type("region")
    keys.tab_to(panel.get_by_label("Column", exact=True))
    keys.type("amount")
    keys.press("Control+Enter")
    expect(app.line(re.compile(r"^south +30\.00$"))).to_be_visible()
    app.expect_exit(0)


def test_fetchloop_asks_and_shows_progress(console, tmp_path: Path) -> None:
    (tmp_path / "readme.txt").write_text("hello")
    urls = tmp_path / "urls.txt"
    urls.write_text("local:readme.txt\ngen:64\n")
    app = console(EXAMPLES / "fetchloop.py")
    keys = Keys(app.page)
    keys.focused(app.field("URL file"))
    keys.type(str(urls))
    for label, value in (("Out", str(tmp_path / "out")), ("Source", str(tmp_path)),
                         ("Flaky", "0")):
        keys.tab_to(app.field(label))
        keys.retype(value)
    keys.press("Enter")
    expect(app.line(re.compile(r"^fetched 2 of 2 files"))).to_be_visible()
    expect(app.page.get_by_role("progressbar", name="Downloading")).to_have_attribute(
        "value", "100")
    app.expect_exit(0)
    keys.tab_to(app.button("Run again"))


def test_console_output_is_a_log_told_in_batches(console) -> None:
    app = console(SCRIPTS / "print_loop.py")
    expect(app.screen).to_be_visible()  # role log, named "Output"
    app.expect_exit(0)
    log = [region for region in live_regions(app.page) if region["role"] == "log"]
    assert log == [], "the log speaks through the batched announcer, not line by line"
    app.page.wait_for_timeout(1000)  # the announcer tells a batch 0.4 s after it starts
    polite = said(app.page, "polite")
    assert any(re.search(r"Exited with code 0", text) for text in polite), polite


def test_a_menu_on_a_cleared_screen_is_told_and_an_animations_frames_are_not(console) -> None:
    app = console(SCRIPTS / "cleared_menu.py")
    expect(app.page.get_by_role("textbox", name="Choice?")).to_be_visible()
    app.page.wait_for_timeout(1000)  # the announcer tells a batch 0.4 s after it starts
    assert any("2) Quit" in text for text in said(app.page, "polite"))
    animation = console(SCRIPTS / "screen_animation.py")
    expect(animation.line(re.compile(r"^Frame [1-9]"))).to_be_visible()
    animation.page.wait_for_timeout(1000)
    assert not any("Frame" in text for text in said(animation.page, "polite"))


def test_focus_is_never_dropped_as_a_run_starts_and_ends(console, tmp_path: Path) -> None:
    """Run on a program that does not ask at once: Stop has focus; once it ends, Run
    again; Run again on a program with subcommands: the chosen command's first field."""
    slow = tmp_path / "slow.py"
    slow.write_text("import sys, time\nprint('working')\nsys.stdout.flush()\n"
                    "time.sleep(1.5)\nprint('done')\n")
    app = console(slow)
    keys = Keys(app.page)
    expect(app.line("done")).to_be_visible()
    app.expect_exit(0)
    keys.focused(app.button("Run again"))
    keys.pause()
    keys.press("Enter")
    expect(app.screen.get_by_text("working")).to_have_count(2)
    keys.focused(app.button("Stop"))
    app.expect_exit(0)
    keys.focused(app.button("Run again"))


def test_a_run_started_by_enter_in_a_field_moves_focus_to_stop(console, tmp_path: Path) -> None:
    tool = tmp_path / "named.py"
    tool.write_text("import argparse, time\np = argparse.ArgumentParser()\n"
                    "p.add_argument('--name', required=True)\nargs = p.parse_args()\n"
                    "print('hi', args.name, flush=True)\ntime.sleep(1.5)\n")
    app = console(tool)
    keys = Keys(app.page)
    keys.focused(app.field("Name"))
    keys.type("Ada")
    keys.press("Enter")
    expect(app.line("hi Ada")).to_be_visible()
    keys.focused(app.button("Stop"))
    app.expect_exit(0)
    keys.focused(app.button("Run again"))


def test_run_again_on_subcommands_focuses_the_chosen_commands_field(console,
                                                                    tmp_path: Path) -> None:
    tool = tmp_path / "greeter.py"
    tool.write_text("import argparse\np = argparse.ArgumentParser()\n"
                    "sub = p.add_subparsers(dest='cmd', required=True)\n"
                    "sub.add_parser('hello').add_argument('--name', default='you')\n"
                    "sub.add_parser('bye').add_argument('--who', default='all')\n"
                    "args = p.parse_args()\nprint(args.cmd, getattr(args, 'name', None) or "
                    "args.who)\n")
    app = console(tool)
    page = app.page
    keys = Keys(page)
    keys.focused(app.field("Name"))
    keys.tab_to(page.get_by_role("tab", name="hello"), back=True)
    keys.press("ArrowRight")
    keys.press("Tab")
    keys.focused(app.field("Who"))
    keys.type("friends")
    keys.press("Enter")
    expect(app.line("bye friends")).to_be_visible()
    app.expect_exit(0)
    keys.tab_to(app.button("Run again"))
    keys.pause()
    keys.press("Enter")
    # The form comes back as it was run, "bye" chosen: focus on its field, not on the
    # hidden "hello" tab's (which would drop it on the page).
    expect(page.get_by_role("tab", selected=True)).to_have_text("bye")
    keys.focused(app.field("Who"))


def test_a_required_argument_left_empty_is_marked_and_focused(console, tmp_path: Path) -> None:
    tool = tmp_path / "adder.py"
    tool.write_text("import argparse\np = argparse.ArgumentParser()\n"
                    "sub = p.add_subparsers(dest='cmd', required=True)\n"
                    "add = sub.add_parser('add')\nadd.add_argument('numbers', nargs='+', "
                    "type=float)\nadd.add_argument('--unit')\nargs = p.parse_args()\n"
                    "print(sum(args.numbers))\n")
    app = console(tool)
    keys = Keys(app.page)
    keys.tab_to(app.button("Run"))
    keys.press("Enter")
    expect(app.alert()).to_have_text(["the following arguments are required: numbers"])
    field = app.page.locator(".dl-console-form [aria-invalid=true]")
    expect(field).to_have_count(1)
    expect(field).to_be_focused()  # where the person types what is missing
    expect(field).to_have_accessible_description(
        re.compile("the following arguments are required: numbers$"))
    field.fill("2")
    keys.tab_to(app.button("Run"))
    keys.press("Enter")
    app.expect_exit(0)


def test_a_refusal_about_no_one_field_has_its_message_focused(console, tmp_path: Path) -> None:
    tool = tmp_path / "pick.py"
    tool.write_text("import argparse\np = argparse.ArgumentParser()\n"
                    "g = p.add_mutually_exclusive_group(required=True)\n"
                    "g.add_argument('--red', action='store_true')\n"
                    "g.add_argument('--blue', action='store_true')\nargs = p.parse_args()\n")
    app = console(tool)
    keys = Keys(app.page)
    keys.tab_to(app.button("Run"))
    keys.press("Enter")
    alert = app.page.locator(".dl-console-form .dl-form-error")
    expect(alert).to_contain_text("required")
    expect(alert).to_be_focused()


def test_concealed_text_is_not_told(console) -> None:
    """Hidden on the screen (SGR 8: a one-time code, a quiz's answer), so not read out."""
    app = console(SCRIPTS / "concealed_code.py")
    expect(app.page.get_by_role("textbox", name="Done?")).to_be_visible()
    app.page.wait_for_timeout(1000)  # the announcer tells a batch 0.4 s after it starts
    polite = " ".join(said(app.page, "polite"))
    assert "Your one-time code: (hidden)" in polite, polite
    assert "493817" not in polite
