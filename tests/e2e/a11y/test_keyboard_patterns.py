"""The keyboard patterns people rely on, each checked on its own in the real browser."""

from __future__ import annotations

from access import Keys
from playwright.sync_api import expect

from desklaunch.ui import hold, input, put_tabs, put_text, textarea


def test_enter_submits_a_line_and_ctrl_enter_a_textarea(pilot) -> None:
    def script() -> None:
        put_text(f"Line: {input('Title')}")
        put_text("Text: " + textarea("Body").replace("\n", " / "))

    app = pilot(script)
    keys = Keys(app.page)
    keys.focused(app.field("Title"))
    keys.type("Hello")
    keys.press("Enter")
    app.expect_text("Line: Hello")
    keys.focused(app.field("Body"))
    keys.type("one")
    keys.press("Enter")  # a new line, not a submit
    keys.type("two")
    expect(app.field("Body")).to_have_value("one\ntwo")
    keys.press("Control+Enter")
    app.expect_text("Text: one / two")


def test_tabs_follow_the_aria_pattern(pilot) -> None:
    def script() -> None:
        put_tabs([{"title": name, "content": f"{name} panel"}
                  for name in ("Alpha", "Beta", "Gamma")])
        put_text("After the tabs")
        hold()

    app = pilot(script)
    page = app.page
    keys = Keys(page)
    tab = lambda name: page.get_by_role("tab", name=name)  # noqa: E731
    keys.tab_to(tab("Alpha"))
    for name, key in (("Beta", "ArrowRight"), ("Gamma", "ArrowRight"), ("Alpha", "ArrowRight"),
                      ("Gamma", "ArrowLeft"), ("Alpha", "Home"), ("Gamma", "End")):
        keys.press(key)
        keys.focused(tab(name))
        expect(tab(name)).to_have_attribute("aria-selected", "true")
        expect(page.get_by_role("tabpanel", name=name)).to_have_text(f"{name} panel")
    # Only the chosen tab is in the Tab order; Tab goes on to its panel.
    assert [tab(n).get_attribute("tabindex") for n in ("Alpha", "Beta", "Gamma")] == [
        "-1", "-1", "0"]
    keys.press("Tab")
    keys.focused(page.get_by_role("tabpanel", name="Gamma"))
    keys.ring()
    keys.press("Shift+Tab")
    keys.focused(tab("Gamma"))


def test_esc_closes_a_popup_and_focus_returns(pilot) -> None:
    from desklaunch.ui import popup, put_buttons, put_input

    def script() -> None:
        put_buttons(["Settings"], onclick=lambda _: popup("Settings", [
            put_input("nick", label="Nickname")]))
        hold()

    app = pilot(script)
    keys = Keys(app.page)
    keys.tab_to(app.button("Settings"))
    keys.press("Enter")
    dialog = app.page.get_by_role("dialog", name="Settings")
    keys.focused(dialog.get_by_label("Nickname"))
    keys.press("Tab")  # focus stays inside: the close button, then round again
    keys.focused(dialog.get_by_role("button", name="Close"))
    keys.press("Tab")
    keys.focused(dialog.get_by_label("Nickname"))
    keys.press("Escape")
    expect(dialog).to_have_count(0)
    keys.focused(app.button("Settings"))


def test_a_popup_closed_by_its_own_button_gives_focus_back_to_its_opener(pilot) -> None:
    from desklaunch.ui import close_popup, popup, put_buttons

    def script() -> None:
        put_buttons(["Open"], onclick=lambda _: popup("Hi", [
            put_buttons(["Close it"], onclick=lambda _: close_popup())]))
        hold()

    app = pilot(script)
    keys = Keys(app.page)
    keys.tab_to(app.button("Open"))
    keys.press("Enter")
    dialog = app.page.get_by_role("dialog", name="Hi")
    keys.focused(dialog.get_by_role("button", name="Close it"))
    keys.press("Enter")
    expect(dialog).to_have_count(0)
    keys.focused(app.button("Open"))


def test_a_long_markdown_code_block_is_reached_by_keyboard(pilot) -> None:
    from desklaunch.ui import put_markdown

    def script() -> None:
        put_markdown("```python\nx = 1  # " + "a long comment " * 30 + "\n```")
        hold()

    app = pilot(script)
    keys = Keys(app.page)
    block = app.page.get_by_role("group", name="python code")
    keys.tab_to(block)
    keys.press("ArrowRight")  # scrolls it sideways, as put_code's
    block.evaluate("el => new Promise((done) => { const look = () => el.scrollLeft > 0 ? "
                   "done() : requestAnimationFrame(look); look(); })")


def test_a_toast_dismissed_by_keyboard_leaves_focus_in_the_page(pilot) -> None:
    from desklaunch.ui import toast

    def script() -> None:
        toast("Saved", duration=0)
        hold()

    app = pilot(script)
    keys = Keys(app.page)
    dismiss = app.page.get_by_role("button", name="Dismiss")
    keys.tab_to(dismiss)
    keys.press("Enter")
    expect(dismiss).to_have_count(0)
    expect(app.page.locator("main")).to_be_focused()


def test_output_arriving_below_keeps_the_field_being_typed_in_in_view(pilot) -> None:
    """A filter box above a live log: the page follows the log only as far as the field
    the person types in stays on the screen."""
    import time

    from desklaunch.ui import put_input

    def script() -> None:
        put_input("filter", label="Filter")
        for number in range(60):
            put_text(f"log line {number}")
            time.sleep(0.05)
        hold()

    app = pilot(script)
    app.page.set_viewport_size({"width": 800, "height": 300})
    field = app.page.get_by_label("Filter")
    field.focus()
    app.page.keyboard.type("err", delay=100)
    app.expect_text("log line 59")
    app.page.wait_for_timeout(300)  # the last scroll waits for a frame
    box = field.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 300, box
    expect(field).to_have_value("err")
