"""onchange and input_update: a form that answers the person while it is filled in."""

from __future__ import annotations

from pilot import type_with_input_method
from playwright.sync_api import expect

from desklaunch.ui import (
    NUMBER,
    input,
    input_group,
    input_update,
    put_text,
    radio,
    select,
    slider,
)

CITIES = {"France": ["Paris", "Lyon"], "Japan": ["Tokyo", "Osaka", "Kyoto"]}


def test_choosing_a_country_offers_its_cities(pilot) -> None:
    def pick_country(country: str) -> None:
        input_update("city", options=CITIES[country], value=CITIES[country][-1],
                     help_text=f"{len(CITIES[country])} cities in {country}")

    def script() -> None:
        data = input_group("Where", [
            select("Country", list(CITIES), name="country", onchange=pick_country),
            radio("City", CITIES["France"], name="city"),
        ])
        put_text(f"{data['city']}, {data['country']}")

    app = pilot(script)
    city = app.page.get_by_role("group", name="City")
    expect(city.get_by_role("radio")).to_have_count(2)
    app.choose("Country", "Japan")
    expect(city.get_by_role("radio")).to_have_count(3)
    expect(city.get_by_role("radio", name="Kyoto")).to_be_checked()
    expect(city).to_have_accessible_description("3 cities in Japan")
    city.get_by_role("radio", name="Osaka").check()
    app.submit()
    app.expect_text("Osaka, Japan")


def test_typing_and_sliding_update_other_fields(pilot) -> None:
    def typed(age: int) -> None:
        input_update("level", value=min(age // 10, 10))
        input_update("note", label=f"Note for a {age}-year-old", placeholder="Anything else?")

    def script() -> None:
        data = input_group("Profile", [
            input("Age", name="age", type=NUMBER, onchange=typed),
            slider("Level", name="level", value=0, max_value=10),
            input("Note", name="note"),
        ])
        put_text(f"{data['age']} {data['level']} {data['note']!r}")

    app = pilot(script)
    app.field("Age").press_sequentially("42")
    expect(app.page.get_by_role("slider", name="Level")).to_have_value("4")
    note = app.field("Note for a 42-year-old")
    expect(note).to_have_attribute("placeholder", "Anything else?")
    note.fill("hi")
    app.submit()
    app.expect_text("42 4 'hi'")


def test_onchange_hears_each_new_value_once_and_an_input_methods_word_not_its_draft(
        pilot) -> None:
    def script() -> None:
        heard: list[str] = []

        def typed(text: str) -> None:
            heard.append(text)
            put_text(f"heard {heard!r}")

        input_group("Search", [input("Query", name="q", onchange=typed),
                               input("Where", name="where")])

    app = pilot(script)
    app.field("Query").fill("tea")
    app.expect_text("heard ['tea']")
    app.field("Query").press("Tab")  # leaving it changes nothing
    app.field("Where").click()
    app.field("Query").click()
    app.field("Query").press("End")
    type_with_input_method(app.page, " にほん", " 日本")
    app.expect_text("heard ['tea', 'tea 日本']")
