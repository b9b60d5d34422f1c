"""Every app of examples/ used to the end with the keyboard alone (Tab, Shift+Tab, Enter,
Space, Esc, arrows), in the real browser. Focus must land where the person expects it: in
the first field of each new form, on the first error after a failed check, back where it
was when a popup closes; and every stop on the way shows a focus ring."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from access import Keys
from playwright.sync_api import FileChooser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

EXAMPLES = Path(__file__).parents[3] / "examples"


@pytest.fixture(autouse=True)
def no_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each example runs as `desklaunch examples/NAME.py` runs it: with no arguments."""
    monkeypatch.setattr(sys, "argv", ["example.py"])


def test_hello(pilot) -> None:
    app = pilot(EXAMPLES / "hello.py")
    keys = Keys(app.page)
    keys.focused(app.field("Your name"))
    keys.ring()
    keys.type("Ada")
    keys.press("Enter")
    app.expect_text("Hello, Ada!")
    keys.tab_to(app.button("Again"))
    keys.press("Enter")
    app.expect_text("Clicked Again")
    keys.press("Space")
    app.expect_text("Clicked Again", count=2)


def test_bmi(pilot) -> None:
    app = pilot(EXAMPLES / "bmi.py")
    keys = Keys(app.page)
    keys.focused(app.field("Height (cm)"))
    keys.type("17")
    keys.press("Enter")
    expect(app.alert()).to_have_text("Please enter 50 to 260 cm")
    keys.focused(app.field("Height (cm)"))  # focus on the field in error
    keys.retype("170")
    keys.press("Enter")
    keys.focused(app.field("Weight (kg)"))
    keys.type("65")
    keys.press("Enter")
    app.expect_text(re.compile(r"BMI 22\.5"))
    keys.focused(app.button("Calculate again"))  # an actions row: its first button
    keys.tab_to(app.button("Done"))
    keys.press("Enter")
    app.expect_text("BMI is a rough guide for adults; it does not tell muscle from fat.")
    app.expect_finished()


def test_quiz(pilot) -> None:
    app = pilot(EXAMPLES / "quiz.py")
    page = app.page
    keys = Keys(page)
    keys.focused(page.get_by_role("radio", name="Sydney"))
    keys.press("ArrowDown")  # round buttons move with the arrows, and choose
    expect(page.get_by_role("radio", name="Canberra")).to_be_checked()
    keys.tab_to(app.button("Submit"))
    keys.press("Enter")
    expect(app.alert()).to_have_text("Tick at least one planet")
    keys.focused(page.get_by_role("checkbox", name="Mars"))  # the first error's field
    keys.press("Space")
    keys.tab_to(page.get_by_role("checkbox", name="Venus"))
    keys.press("Space")
    keys.tab_to(page.get_by_role("slider"))
    keys.press(*["ArrowRight"] * 5)
    expect(page.get_by_role("slider")).to_have_value("100")
    keys.tab_to(app.field("Who wrote Frankenstein?"))
    keys.type("Mary Shelley")
    keys.tab_to(app.field("How sure are you?"))
    keys.press("ArrowDown", "ArrowDown")  # a list moves with the arrows too
    expect(app.field("How sure are you?")).to_have_value("2")
    keys.tab_to(app.field("Who wrote Frankenstein?"), back=True)
    keys.press("Enter")  # Enter in a one-line field submits the form
    app.expect_text("Score: 4 of 4 (you were very sure)")
    app.expect_finished()


def test_todo(pilot) -> None:
    app = pilot(EXAMPLES / "todo.py")
    keys = Keys(app.page)
    app.expect_text("Nothing to do.")
    for task in ("Buy milk", "Call Ada"):
        keys.tab_to(app.field("New task"), back=task != "Buy milk")  # back from "Add"
        keys.type(task)
        keys.tab_to(app.button("Add"))
        keys.press("Enter")
        app.expect_text(f"• {task}")
    app.expect_text("2 of 2 left")
    keys.tab_to(app.page.get_by_role("button", name="Done").first)
    keys.press("Enter")
    app.expect_text("✓ Buy milk")
    # The task was drawn again, its button with it: focus is on the button now in its place.
    expect(app.page.get_by_role("button", name="Reopen")).to_be_focused()
    keys.press("Enter")
    app.expect_text("• Buy milk")
    expect(app.page.get_by_role("button", name="Done").first).to_be_focused()
    keys.press("Enter")
    app.expect_text("✓ Buy milk")
    keys.tab_to(app.page.get_by_role("button", name="Remove").nth(1))
    keys.press("Space")
    app.expect_no_text("• Call Ada")
    keys.tab_to(app.button("Clear finished"))
    keys.press("Enter")
    app.expect_text("Nothing to do.")


def test_unit_converter(pilot) -> None:
    app = pilot(EXAMPLES / "unit_converter.py")
    keys = Keys(app.page)
    app.expect_text("1 millimetre = 0.1 centimetre")
    keys.tab_to(app.field("Value"))
    keys.retype("2")
    app.expect_text("2 millimetre = 0.2 centimetre")
    keys.tab_to(app.field("Kind"))
    keys.press("ArrowDown")  # Weight
    app.expect_text("2 gram = 0.002 kilogram")
    keys.tab_to(app.field("To"))
    keys.press("ArrowDown")
    app.expect_text("2 gram = 2e-06 tonne")


def test_notes(pilot) -> None:
    app = pilot(EXAMPLES / "notes.py")
    page = app.page
    keys = Keys(page)
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    keys.tab_to(app.field("Note"))
    keys.press("ArrowDown")
    expect(page.get_by_role("heading", name="Shopping")).to_be_visible()
    keys.tab_to(app.button("New note"))
    keys.press("Enter")
    dialog = page.get_by_role("dialog", name="New note")
    keys.focused(dialog.get_by_label("Title"))  # focus moves into the popup
    keys.press("Escape")  # Esc closes it, and focus goes back to the button
    expect(dialog).to_have_count(0)
    keys.focused(app.button("New note"))
    keys.press("Enter")
    keys.focused(dialog.get_by_label("Title"))
    keys.type("Later")
    keys.press("Tab")
    keys.type("# Later\n\nAfter lunch")
    keys.tab_to(dialog.get_by_role("button", name="Save"))
    keys.press("Enter")
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("heading", name="Later")).to_be_visible()
    keys.tab_to(app.field("Note"))
    expect(app.field("Note")).to_have_value("3")


def test_log_viewer(pilot) -> None:
    app = pilot(EXAMPLES / "log_viewer.py")
    page = app.page
    keys = Keys(page)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100",
                                                              timeout=30_000)
    keys.tab_to(page.get_by_role("region", name="Scrollable area"))
    keys.press("Home")  # the log scrolls by keyboard
    keys.tab_to(app.button("Errors only"))
    keys.press("Enter")
    lines = page.get_by_role("region", name="Scrollable area").locator(".dl-text")
    expect(lines.filter(has_text=" INFO ")).to_have_count(0)
    keys.tab_to(app.button("Everything"))
    keys.press("Enter")
    expect(lines).to_have_count(400)
    save = page.get_by_role("button", name=re.compile(r"^Save the \d+ errors$"))
    keys.tab_to(save)
    with page.expect_download() as info:
        keys.press("Enter")
    assert info.value.suggested_filename == "errors.log"


def test_chart(pilot) -> None:
    app = pilot(EXAMPLES / "chart.py")
    keys = Keys(app.page)
    keys.focused(app.field("Units sold in Jul"))
    keys.type("-1")
    keys.press("Enter")
    expect(app.alert()).to_have_text("Enter zero or more")
    keys.retype("200")
    keys.press("Enter")
    keys.focused(app.field("Units sold in Aug"))
    keys.tab_to(app.button("Bars"), back=True)
    keys.press("Enter")
    expect(app.page.get_by_role("img", name="Units sold per month, as bars")).to_be_visible()
    keys.tab_to(app.field("Units sold in Aug"))
    for month in ("Aug", "Sep", "Oct", "Nov", "Dec"):
        keys.focused(app.field(f"Units sold in {month}"))
        keys.type("210")
        keys.press("Enter")
    app.expect_text("The year is complete.")


def open_chooser_with_space(page, keys) -> FileChooser:
    """Space on the focused file input opens the chooser; on a loaded machine Chromium may
    drop a key press's activation, so up to three presses are allowed (never a click)."""
    for attempt in range(3):
        try:
            with page.expect_file_chooser(timeout=5000 if attempt < 2 else 10000) as chooser:
                keys.press("Space")  # the real file input opens the chooser
            return chooser.value
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def test_file_renamer(pilot) -> None:
    app = pilot(EXAMPLES / "file_renamer.py")
    page = app.page
    keys = Keys(page)
    keys.focused(app.field("Files to rename"))
    keys.ring()
    chooser = open_chooser_with_space(page, keys)
    chooser.set_files([
        {"name": "IMG_7.JPG", "mimeType": "image/jpeg", "buffer": b"seven"},
        {"name": "IMG_9.JPG", "mimeType": "image/jpeg", "buffer": b"nine"},
    ])
    expect(page.get_by_role("listitem")).to_have_count(2)
    keys.tab_to(app.button("Submit"))
    keys.press("Enter")
    keys.focused(app.field("Prefix"))
    keys.retype("trip-")
    keys.press("Enter")
    keys.focused(app.button("Rename"))
    keys.press("Enter")
    app.expect_text("These files came from a browser, so here are renamed copies to save:")
    save = app.button("Save trip-2.jpg")
    keys.tab_to(save)
    with page.expect_download() as info:
        keys.press("Enter")
    assert info.value.suggested_filename == "trip-2.jpg"
