"""Tick boxes, round buttons, sliders and button rows, as a person uses them."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import actions, checkbox, put_text, radio, select, slider


def test_checkbox_returns_the_values_of_the_ticked_boxes(pilot) -> None:
    def script() -> None:
        extras = checkbox("Extras", [("Milk", "milk"), ("Sugar", 2), ("Honey", None)],
                          value=["milk"], required=True)
        put_text(f"Extras: {extras!r}")

    app = pilot(script)
    group = app.page.get_by_role("group", name="Extras")
    milk = group.get_by_role("checkbox", name="Milk")
    expect(milk).to_be_checked()
    milk.uncheck()
    app.submit()
    expect(app.alert()).to_have_text("Please tick at least one")
    expect(group).to_have_accessible_description("Please tick at least one")
    expect(group.get_by_role("checkbox", name="Milk")).to_be_focused()
    group.get_by_role("checkbox", name="Honey").check()
    group.get_by_role("checkbox", name="Sugar").check()
    app.submit()
    app.expect_text("Extras: [2, None]")


def test_radio_returns_the_picked_value_and_can_require_one(pilot) -> None:
    def script() -> None:
        level = radio("Level", ["Easy", ("Hard", {"hard": True})], required=True, inline=True)
        put_text(f"Level: {level!r}")

    app = pilot(script)
    app.submit()
    expect(app.alert()).to_have_text("Please choose one")
    app.page.get_by_role("radio", name="Hard").check()
    app.submit()
    app.expect_text("Level: {'hard': True}")


def test_a_focused_round_button_shows_its_focus_ring_however_focus_came(pilot) -> None:
    """WebKitGTK does not count a round button moved to with the arrow keys as
    :focus-visible; its ring must show all the same. Here focus comes as WebKitGTK gives
    it there: focused, but not :focus-visible."""
    def script() -> None:
        put_text(f"Level: {radio('Level', ['Easy', 'Hard'])!r}")

    app = pilot(script)
    hard = app.page.get_by_role("radio", name="Hard")
    hard.evaluate("el => el.focus({ focusVisible: false })")
    expect(hard).to_be_focused()
    assert not hard.evaluate("el => el.matches(':focus-visible')")
    expect(hard).to_have_css("outline-style", "solid")


def test_a_disabled_option_cannot_be_chosen(pilot) -> None:
    def script() -> None:
        plan = select("Plan", [("Free", "free"), ("Pro", "pro", False, True)])
        put_text(f"Plan: {plan}")

    app = pilot(script)
    expect(app.field("Plan").get_by_role("option", name="Pro")).to_be_disabled()
    app.submit()
    app.expect_text("Plan: free")


def test_slider_shows_and_returns_the_number(pilot) -> None:
    def script() -> None:
        volume = slider("Volume", value=30, min_value=0, max_value=100, step=5)
        ratio = slider("Ratio", value=0.5, min_value=0, max_value=1, step=0.25)
        put_text(f"{volume!r} {type(volume).__name__} {ratio!r}")

    app = pilot(script)
    volume = app.page.get_by_role("slider", name="Volume")
    expect(volume).to_have_value("30")
    volume.focus()
    volume.press("ArrowRight")
    volume.press("ArrowRight")
    expect(app.text("40")).to_be_visible()  # the number beside the track follows
    app.submit()
    app.page.get_by_role("slider", name="Ratio").fill("0.75")
    app.submit()
    app.expect_text("40 int 0.75")


def test_actions_returns_the_value_of_the_button_pressed(pilot) -> None:
    def script() -> None:
        keep = actions("Save changes?", [("Save", True), ("Discard", False),
                                         {"label": "Later", "value": 0, "disabled": True}])
        put_text(f"Keep: {keep!r}")

    app = pilot(script)
    expect(app.page.get_by_role("group", name="Save changes?")).to_be_visible()
    expect(app.button("Submit")).to_have_count(0)  # the row is the form's buttons
    expect(app.button("Later")).to_be_disabled()
    app.click("Discard")
    app.expect_text("Keep: False")


def test_an_async_script_awaits_the_new_inputs(pilot) -> None:
    async def script() -> None:
        extras = await checkbox("Extras", ["Milk", "Sugar"])
        level = await slider("Level", value=2, max_value=5)
        put_text(f"{extras} at {level}")

    app = pilot(script)
    app.page.get_by_role("checkbox", name="Sugar").check()
    app.submit()
    app.submit()
    app.expect_text("['Sugar'] at 2")
