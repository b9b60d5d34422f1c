"""Forms as a person fills them in: text, numbers, passwords, lists, and their error messages."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import FLOAT, NUMBER, PASSWORD, input, put_text, select


def welcome() -> None:
    """Asks for a user name of three letters or more, checked as the person leaves it."""
    name = input("Username", validate=lambda v: None if len(v) >= 3 else "At least 3 letters")
    put_text(f"Welcome {name}")


def test_a_validation_message_shows_under_the_field_until_the_value_is_fixed(pilot) -> None:
    app = pilot(welcome)
    app.answer("Username", "Al")
    expect(app.alert()).to_have_text("At least 3 letters")
    expect(app.field("Username")).to_have_accessible_description("At least 3 letters")
    expect(app.field("Username")).to_have_attribute("aria-invalid", "true")
    expect(app.field("Username")).to_be_focused()
    app.fill("Username", "Alan")
    app.submit()
    app.expect_text("Welcome Alan")
    expect(app.alert()).to_have_count(0)


def test_a_slow_click_on_submit_after_fixing_the_value_submits(pilot) -> None:
    """Pressing Submit moves the focus out of the field, whose check takes its message
    away, which moved Submit up under the pointer: the release missed it and the click was
    lost. A person's click takes a moment between press and release."""
    app = pilot(welcome)
    app.answer("Username", "Al")
    expect(app.alert()).to_have_text("At least 3 letters")
    app.field("Username").fill("Alan")
    box = app.page.get_by_role("button", name="Submit").bounding_box()
    assert box is not None
    app.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    app.page.mouse.down()
    app.page.wait_for_timeout(500)  # the field's check is answered meanwhile
    app.page.mouse.up()
    app.expect_text("Welcome Alan")


def test_a_whole_number_field_refuses_letters_and_returns_an_int(pilot) -> None:
    def script() -> None:
        age = input("Age", type=NUMBER)
        put_text(f"Next year: {age + 1} ({type(age).__name__})")

    app = pilot(script)
    app.answer("Age", "abc")
    expect(app.alert()).to_have_text("Please enter a whole number")
    app.answer("Age", "1.5")
    expect(app.alert()).to_have_text("Please enter a whole number")
    app.answer("Age", "41")
    app.expect_text("Next year: 42 (int)")


def test_a_number_field_returns_a_float(pilot) -> None:
    def script() -> None:
        price = input("Price", type=FLOAT)
        put_text(f"Double: {price * 2} ({type(price).__name__})")

    app = pilot(script)
    app.answer("Price", "oops")
    expect(app.alert()).to_have_text("Please enter a number")
    app.answer("Price", "2.25")
    app.expect_text("Double: 4.5 (float)")


def test_a_password_field_hides_what_is_typed(pilot) -> None:
    def script() -> None:
        secret = input("Password", type=PASSWORD)
        put_text(f"{len(secret)} characters")

    app = pilot(script)
    expect(app.field("Password")).to_have_attribute("type", "password")
    app.answer("Password", "hunter2")
    app.expect_text("7 characters")


def test_a_field_shows_its_starting_value_and_placeholder(pilot) -> None:
    def script() -> None:
        count = input("Count", type=NUMBER, value=42)
        email = input("Email", placeholder="you@example.org")
        put_text(f"{count} to {email}")

    app = pilot(script)
    expect(app.field("Count")).to_have_value("42")
    app.submit()
    expect(app.page.get_by_placeholder("you@example.org")).to_be_visible()
    expect(app.field("Email")).to_have_value("")
    app.answer("Email", "ada@example.org")
    app.expect_text("42 to ada@example.org")


def test_help_text_describes_the_field(pilot) -> None:
    def script() -> None:
        put_text(input("Nickname", help_text="Shown to other players"))

    app = pilot(script)
    expect(app.field("Nickname")).to_have_accessible_description("Shown to other players")
    app.answer("Nickname", "ace")
    app.expect_text("ace")


def test_select_returns_the_chosen_python_value(pilot) -> None:
    def script() -> None:
        size = select("Size", [("Small", 1), ("Medium", 2.5), ("Nothing", None)], value=2.5)
        put_text(f"Chose {size!r}")

    app = pilot(script)
    expect(app.field("Size")).to_have_value("1")  # the option's index: Medium is preselected
    app.choose("Size", "Nothing")
    app.submit()
    app.expect_text("Chose None")


def test_inputs_one_after_another(pilot) -> None:
    def script() -> None:
        first = input("First name")
        last = input("Last name")
        put_text(f"{first} {last}")

    app = pilot(script)
    app.answer("First name", "Ada")
    expect(app.field("First name")).to_have_count(0)
    expect(app.field("Last name")).to_be_focused()
    app.answer("Last name", "Lovelace")
    app.expect_text("Ada Lovelace")
