"""Text fields beyond plain text: dates, colours, URLs, suggestions, a filling button, code."""

from __future__ import annotations

import datetime
import threading

from playwright.sync_api import expect

from desklaunch.ui import COLOR, DATE, NUMBER, TIME, URL, input, input_group, put_text, textarea


def test_dates_times_and_colours_use_the_systems_pickers(pilot) -> None:
    def script() -> None:
        day = input("Day", type=DATE, value="2024-05-31")
        at = input("At", type=TIME)
        color = input("Colour", type=COLOR, value="#FF8800")
        put_text(f"{day} {at} {color}")

    app = pilot(script)
    expect(app.field("Day")).to_have_attribute("type", "date")
    expect(app.field("Day")).to_have_value("2024-05-31")
    app.field("Day").fill("2025-01-02")
    app.submit()
    app.field("At").fill("13:45")
    app.submit()
    expect(app.field("Colour")).to_have_value("#ff8800")
    app.submit()
    app.expect_text("2025-01-02 13:45 #ff8800")


def test_a_url_field_explains_what_it_needs(pilot) -> None:
    def script() -> None:
        put_text(input("Website", type=URL))

    app = pilot(script)
    app.answer("Website", "example")
    expect(app.alert()).to_have_text("Please enter a web address, like https://example.org")
    app.answer("Website", "https://example.org/a")
    app.expect_text("https://example.org/a")


def test_suggestions_are_offered_as_the_person_types(pilot) -> None:
    def script() -> None:
        put_text(input("Fruit", datalist=["Apple", "Apricot", "Banana"]))

    app = pilot(script)
    field = app.field("Fruit")
    list_id = field.get_attribute("list")
    options = app.page.locator(f"datalist[id='{list_id}'] option")
    expect(options).to_have_count(3)
    expect(options.first).to_have_attribute("value", "Apple")
    app.answer("Fruit", "Banana")
    app.expect_text("Banana")


def test_a_button_beside_the_field_fills_it_even_with_a_python_object(pilot) -> None:
    today = datetime.date(2024, 5, 31)

    def fill(set_value) -> None:
        set_value(today, "Today")

    def script() -> None:
        day = input("When", action=("Pick today", fill))
        put_text(f"Got {day!r}")

    app = pilot(script)
    app.click("Pick today")
    expect(app.field("When")).to_have_value("Today")
    expect(app.field("When")).not_to_be_editable()
    app.submit()
    app.expect_text("Got datetime.date(2024, 5, 31)")


def test_a_code_textarea_is_monospace_keeps_lines_and_submits_with_ctrl_enter(pilot) -> None:
    def script() -> None:
        code = textarea("Code", code={"mode": "python"}, value="x = 1", maxlength=40)
        put_text(f"Lines: {code.splitlines()!r}")

    app = pilot(script)
    field = app.field("Code")
    expect(field).to_have_value("x = 1")
    font = field.evaluate("el => getComputedStyle(el).fontFamily")
    assert "mono" in font.lower()
    field.press("End")
    field.press("Enter")  # a new line, not a submit
    field.type("print(x)")
    field.press("Control+Enter")
    app.expect_text("Lines: ['x = 1', 'print(x)']")


def test_a_textarea_is_as_wide_as_the_form_and_plain_text_reads_in_the_pages_font(
        pilot) -> None:
    """As in PyWebIO: notes and code get the form's whole width (a one-line field stays
    narrower), and only a code textarea is monospace."""
    def script() -> None:
        data = input_group("Write", [input("Title", name="title"),
                                     textarea("Notes", name="notes"),
                                     textarea("Code", name="code", code={"mode": "html"})])
        put_text(repr(data))

    app = pilot(script)
    title, notes, code = (app.field(label) for label in ("Title", "Notes", "Code"))
    form = app.page.locator("form").first.bounding_box()
    for area in (notes, code):
        assert area.bounding_box()["width"] > title.bounding_box()["width"] + 100
        assert area.bounding_box()["width"] >= form["width"] * 0.85
    body = app.page.evaluate("getComputedStyle(document.body).fontFamily")
    assert notes.evaluate("el => getComputedStyle(el).fontFamily") == body
    assert "mono" in code.evaluate("el => getComputedStyle(el).fontFamily").lower()


def test_a_reload_shows_the_pending_form_as_it_was_filled(pilot) -> None:
    def fill(set_value) -> None:
        set_value(42, "The answer")

    def script() -> None:
        data = input_group("Quiz", [
            input("Question", name="q", action=("Fill in", fill)),
            input("Score", name="score", type=NUMBER),
        ])
        put_text(f"Got {data!r}")

    app = pilot(script)
    app.click("Fill in")
    expect(app.field("Question")).to_have_value("The answer")
    app.answer("Score", "lots")
    expect(app.alert()).to_have_text("Please enter a whole number")
    app.reload()
    expect(app.field("Question")).to_have_value("The answer")
    expect(app.alert()).to_have_text("Please enter a whole number")
    app.answer("Score", "3")
    app.expect_text("Got {'q': 42, 'score': 3}")


def test_enter_pressed_while_the_last_answer_is_checked_is_not_lost(pilot) -> None:
    checking = threading.Event()
    release = threading.Event()

    def slow_check(name: str) -> str | None:
        checking.set()
        release.wait(10)
        return "Too short" if len(name) < 3 else None

    def script() -> None:
        put_text(f"Hello {input('Name', validate=slow_check)}")

    app = pilot(script)
    app.answer("Name", "Al")
    assert checking.wait(10)
    app.fill("Name", "Alan")  # the person fixes it before the first answer is back
    app.field("Name").press("Enter")
    release.set()
    app.expect_text("Hello Alan")
