"""axe-core finds no violation, of any impact, on any kind of screen, light or dark.

Each test shows one kind of screen (a form, with its errors; the outputs; layout; pins;
a popup; toasts; file fields; console mode's form, run and end; the error screen; the
connection-lost notice) in a real app and real Chromium, then audits the whole page.
"""

from __future__ import annotations

import re
from pathlib import Path

import a11y_screens as screens
from access import audit
from faultproxy import FaultProxy
from pilot import Pilot, build_app
from playwright.sync_api import expect

ROOT = Path(__file__).parents[3]
CONSOLE_SCRIPTS = ROOT / "tests" / "e2e" / "console" / "scripts"
CONSOLE_EXAMPLES = ROOT / "examples" / "console"


def passes(app: Pilot) -> None:
    assert audit(app.page) == []


def test_text_fields(audited) -> None:
    app = audited(screens.text_fields)
    expect(app.field("Name")).to_be_focused()
    passes(app)


def test_text_fields_with_an_error(audited) -> None:
    app = audited(screens.text_fields)
    app.submit()
    expect(app.alert()).to_have_text(["Please fill in this field", "Please enter a whole number",
                                      "Please enter a number"])
    passes(app)
    app.fill("Secret", "swordfish")
    app.fill("Count", "3")
    app.fill("Ratio", "0.5")
    app.submit()
    expect(app.alert()).to_have_text(["Say your name"])
    passes(app)


def test_choices_with_an_error(audited) -> None:
    app = audited(screens.choice_fields)
    app.click("Go")
    expect(app.alert()).to_have_text("Pick one")
    passes(app)


def test_a_file_field_with_a_file_and_an_error(audited, tmp_path: Path) -> None:
    app = audited(screens.file_field)
    photo = tmp_path / "me.png"
    photo.write_bytes(screens.PNG)
    app.field("Photo").set_input_files(photo)
    expect(app.button("Remove me.png")).to_be_visible()
    passes(app)
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    app.field("Photo").set_input_files(text)
    app.submit()
    expect(app.alert().first).to_be_visible()
    passes(app)


def test_every_output(audited) -> None:
    app = audited(screens.outputs)
    app.expect_text("Click me")
    passes(app)


def test_every_layout_with_a_section_unfolded_and_the_second_tab(audited) -> None:
    app = audited(screens.layout)
    app.page.get_by_text("More").click()
    app.page.get_by_role("tab", name="Second").click()
    app.expect_text("Two")
    passes(app)


def test_every_pin(audited) -> None:
    app = audited(screens.pins)
    app.expect_text("Pin slider")
    passes(app)


def test_a_popup(audited) -> None:
    app = audited(screens.a_popup)
    expect(app.page.get_by_role("dialog", name="A popup")).to_be_visible()
    passes(app)


def test_toasts(audited) -> None:
    app = audited(screens.toasts)
    app.expect_text("A error toast")
    passes(app)


def test_the_error_screen(audited) -> None:
    app = audited(screens.crash, expect_error=True)
    app.expect_crash()
    passes(app)


def test_the_finished_line(audited) -> None:
    app = audited(screens.finished)
    app.expect_finished()
    passes(app)


def test_the_connection_lost_notice(axe_context) -> None:
    app = build_app(screens.pins)
    url = app.start()
    proxy = FaultProxy(app.port)
    page = axe_context.new_page()
    try:
        page.goto(proxy.url(url))
        expect(page.get_by_label("Pin text")).to_be_visible()
        proxy.pause()
        expect(page.get_by_text(re.compile("Can't reach the app"))).to_be_visible()
        assert audit(page) == []
    finally:
        page.close()
        proxy.close()
        assert app.close()


def test_console_arguments_form_with_errors(audited) -> None:
    app = audited(CONSOLE_SCRIPTS / "every_action.py", console=True)
    expect(app.field("Count")).to_have_value("2")
    passes(app)
    app.fill("Count", "three")
    app.click("Run")
    expect(app.alert().first).to_be_visible()
    passes(app)


def test_console_subcommands_as_tabs(audited) -> None:
    app = audited(CONSOLE_EXAMPLES / "csvsummary.py", console=True)
    expect(app.page.get_by_role("tab", name="stats")).to_be_visible()
    passes(app)


def test_console_running_and_asking(audited) -> None:
    app = audited(CONSOLE_SCRIPTS / "input_echo.py", console=True)
    expect(app.field("Your name:")).to_be_visible()
    passes(app)


def test_console_finished_with_coloured_log_lines(audited) -> None:
    app = audited(CONSOLE_SCRIPTS / "log_levels.py", console=True)
    expect(app.page.get_by_text(re.compile("Exited with code 0"))).to_be_visible()
    passes(app)


def test_console_ended_with_an_error(audited) -> None:
    app = audited(CONSOLE_SCRIPTS / "crash.py", console=True, expect_error=True)
    expect(app.page.get_by_text(re.compile("Exited with code 1"))).to_be_visible()
    passes(app)
