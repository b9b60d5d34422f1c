"""Pin widgets: fields among the outputs whose values the script reads, sets and waits on."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import (
    pin,
    pin_on_change,
    pin_update,
    pin_wait_change,
    put_checkbox,
    put_input,
    put_radio,
    put_row,
    put_select,
    put_slider,
    put_text,
)


def test_the_script_sets_a_value_and_the_person_sees_it(pilot) -> None:
    def script() -> None:
        put_input("city", label="City", value="Rome")
        put_select("unit", [("Metres", "m"), ("Kilometres", "km")], label="Unit")
        put_checkbox("extras", ["Milk", "Sugar"], label="Extras")
        put_slider("volume", label="Volume", value=10)
        pin.city = "Paris"
        pin.unit = "km"
        pin.extras = ["Sugar"]
        pin.volume = 70
        put_text(f"{pin.city} {pin.unit} {pin.extras} {pin.volume}")

    app = pilot(script)
    app.expect_text("Paris km ['Sugar'] 70")
    expect(app.field("City")).to_have_value("Paris")
    expect(app.field("Unit")).to_have_value("1")  # the second option is chosen
    expect(app.page.get_by_label("Sugar")).to_be_checked()
    expect(app.page.get_by_label("Milk")).not_to_be_checked()
    expect(app.field("Volume")).to_have_value("70")


def test_pin_wait_change_returns_each_change_with_the_python_value(pilot) -> None:
    def script() -> None:
        put_select("size", [("Small", 1), ("Large", 2)], label="Size")
        put_radio("colour", [("Red", (255, 0, 0)), ("Blue", (0, 0, 255))], label="Colour")
        for _ in range(2):
            change = pin_wait_change("size", ["colour"])
            put_text(f"{change['name']} = {change['value']!r}")

    app = pilot(script)
    app.choose("Size", "Large")
    app.expect_text("size = 2")
    app.page.get_by_label("Blue").check()
    app.expect_text("colour = (0, 0, 255)")


def test_one_edit_calls_pin_on_change_once_also_when_the_field_is_left(pilot) -> None:
    def script() -> None:
        calls = []

        def changed(value: object) -> None:
            calls.append(value)
            put_text(f"call {len(calls)}: {value!r}")

        put_input("qty", type="number", label="Quantity", value=1)
        put_select("unit", ["kg", "lb"], label="Unit")
        pin_on_change("qty", changed)
        pin_on_change("unit", changed)

    app = pilot(script)
    app.field("Quantity").fill("5")
    app.expect_text("call 1: 5")
    app.field("Quantity").press("Tab")
    app.choose("Unit", "lb")
    app.expect_text("call 2: 'lb'")
    app.expect_no_text("call 3")


def test_a_reloaded_page_shows_the_values_kept_on_the_server(pilot) -> None:
    def script() -> None:
        put_input("name", label="Name")
        put_checkbox("pets", ["Cat", "Dog"], label="Pets")
        put_slider("level", label="Level", value=5, max_value=10)
        pin_wait_change("name")
        put_text("name changed")
        pin_wait_change("pets")
        put_text("both changed")

    app = pilot(script)
    app.fill("Name", "Grace")
    app.expect_text("name changed")  # a change before the second wait began would not count
    app.page.get_by_label("Dog").check()
    app.expect_text("both changed")
    app.reload()
    expect(app.field("Name")).to_have_value("Grace")
    expect(app.page.get_by_label("Dog")).to_be_checked()
    expect(app.page.get_by_label("Cat")).not_to_be_checked()
    expect(app.field("Level")).to_have_value("5")


def test_pin_update_changes_the_label_and_pin_widgets_fit_in_a_row(pilot) -> None:
    def script() -> None:
        put_row([put_input("a", label="First"), put_input("b", label="Second")])
        pin_update("a", label="Given name", help_text="As on your passport")

    app = pilot(script)
    field = app.field("Given name")
    expect(field).to_be_visible()
    expect(field).to_have_accessible_description("As on your passport")
    expect(app.field("Second")).to_be_visible()


def test_pin_update_gives_a_select_new_options_and_the_value_follows(pilot) -> None:
    def script() -> None:
        put_select("city", ["Rome", "Milan"], label="City")
        put_radio("country", ["Italy", "France"], label="Country", value="Italy")

        def cities(country: str) -> None:
            options = ["Paris", "Lyon"] if country == "France" else ["Rome", "Milan"]
            pin_update("city", options=options)
            put_text(f"city is {pin.city}")

        pin_on_change("country", cities)

    app = pilot(script)
    app.page.get_by_label("France").check()
    app.expect_text("city is Paris")
    expect(app.field("City").locator("option")).to_have_text(["Paris", "Lyon"])
    app.choose("City", "Lyon")
    expect(app.field("City")).to_have_value("1")


def test_a_thousand_quick_sets_end_with_the_last_value_shown(pilot) -> None:
    def script() -> None:
        put_slider("level", label="Level", max_value=1000)
        put_input("count", label="Count")
        for n in range(1001):
            pin.level = n
            pin.count = n
        put_text("done counting")

    app = pilot(script)
    app.expect_text("done counting")
    expect(app.field("Level")).to_have_value("1000")
    expect(app.field("Count")).to_have_value("1000")


def test_a_pins_verdict_describes_its_field_and_reads_well_in_either_scheme(pilot) -> None:
    from desklaunch.testing.audit import audit
    from desklaunch.ui import put_buttons

    def check(_: str) -> None:
        good = "@" in pin.email
        pin_update("email", valid_status=good,
                   **({"valid_feedback": "Looks good"} if good
                      else {"invalid_feedback": "Email needs an @"}))

    def script() -> None:
        put_input("email", label="Email", help_text="Your work address")
        put_buttons(["Check"], onclick=check)

    app = pilot(script)
    field = app.page.get_by_label("Email")
    field.fill("bob")
    app.click("Check")
    expect(field).to_have_accessible_description("Your work address Email needs an @")
    expect(field).to_have_attribute("aria-invalid", "true")
    field.fill("bob@example.com")
    app.click("Check")
    expect(field).to_have_accessible_description("Your work address Looks good")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    assert audit(app.page) == [] and audit(app.page, "dark") == []
