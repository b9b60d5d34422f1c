"""`input_group`: several fields in one form, every error at once, group checks, cancel."""

from __future__ import annotations

from pilot import type_with_input_method
from playwright.sync_api import expect

from desklaunch.ui import (
    NUMBER,
    actions,
    checkbox,
    input,
    input_group,
    put_text,
    radio,
    select,
    slider,
    textarea,
)


def test_a_group_returns_a_dict_and_shows_every_error_at_once(pilot) -> None:
    def script() -> None:
        data = input_group("Sign up", [
            input("Name", name="name", required=True),
            input("Age", name="age", type=NUMBER),
            select("Plan", ["Free", "Pro"], name="plan"),
            checkbox("News", ["Weekly"], name="news"),
            radio("Seat", ["Window", "Aisle"], name="seat", value="Aisle"),
            slider("Volume", name="volume", value=3, max_value=10),
            textarea("Bio", name="bio"),
        ])
        put_text(f"Got {sorted(data.items())!r}")

    app = pilot(script)
    expect(app.page.get_by_role("form", name="Sign up")).to_be_visible()
    app.fill("Age", "old")
    app.submit()
    expect(app.alert()).to_have_text(["Please fill in this field", "Please enter a whole number"])
    expect(app.field("Name")).to_be_focused()
    expect(app.field("Age")).to_have_accessible_description("Please enter a whole number")
    app.fill("Name", "Ada")
    app.fill("Age", "36")
    app.choose("Plan", "Pro")
    app.page.get_by_role("checkbox", name="Weekly").check()
    app.fill("Bio", "line one\nline two")
    app.submit()
    app.expect_text("Got [('age', 36), ('bio', 'line one\\nline two'), ('name', 'Ada'), "
                    "('news', ['Weekly']), ('plan', 'Pro'), ('seat', 'Aisle'), ('volume', 3)]")


def test_the_group_check_points_at_the_field_in_error(pilot) -> None:
    def check(data: dict) -> tuple[str, str] | None:
        if data["low"] > data["high"]:
            return ("high", "Must be at least the low value")
        return None

    def script() -> None:
        data = input_group("Range", [input("Low", name="low", type=NUMBER),
                                     input("High", name="high", type=NUMBER)], validate=check)
        put_text(f"{data['low']}..{data['high']}")

    app = pilot(script)
    app.fill("Low", "5")
    app.fill("High", "2")
    app.submit()
    expect(app.alert()).to_have_text("Must be at least the low value")
    expect(app.field("High")).to_be_focused()
    expect(app.field("High")).to_have_attribute("aria-invalid", "true")
    app.answer("High", "9")
    app.expect_text("5..9")


def test_the_enter_that_picks_an_input_methods_word_does_not_submit(pilot) -> None:
    def script() -> None:
        data = input_group("Search", [
            input("Query", name="q"),
            actions("", [{"label": "Search", "value": "go"}], name="do"),
        ])
        put_text(f"Got {data!r}")

    app = pilot(script)
    app.field("Query").click()
    type_with_input_method(app.page, "にほん", "日本")
    expect(app.field("Query")).to_have_value("日本")
    app.field("Query").press("Enter")
    app.expect_text("Got {'q': '日本', 'do': 'go'}")


def test_actions_last_in_a_group_submit_reset_and_cancel_it(pilot) -> None:
    def script() -> None:
        for _ in range(2):
            data = input_group("Order", [
                input("Item", name="item", value="tea"),
                actions("", [{"label": "Buy", "value": "buy"},
                             {"label": "Start over", "type": "reset"},
                             {"label": "Never mind", "type": "cancel"}], name="do"),
            ])
            put_text(f"Got {data!r}")

    app = pilot(script)
    expect(app.button("Submit")).to_have_count(0)
    app.fill("Item", "coffee")
    app.click("Start over")
    expect(app.field("Item")).to_have_value("tea")
    app.field("Item").press("Enter")  # Enter presses the first submitting button
    app.expect_text("Got {'item': 'tea', 'do': 'buy'}")
    app.click("Never mind")
    app.expect_text("Got None")
