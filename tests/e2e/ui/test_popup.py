"""Popups: a modal dialog with a title, closed by the script, its button, Esc or a click
beside it; and toasts that run a callback when clicked, or let go of it when they go away."""

from __future__ import annotations

import pytest
from pilot import eventually
from playwright.sync_api import Locator, expect

from desklaunch.ui import (
    clear,
    close_popup,
    pin,
    popup,
    put_buttons,
    put_input,
    put_text,
    toast,
)


def test_a_popup_is_a_modal_dialog_named_by_its_title(pilot) -> None:
    def script() -> None:
        put_buttons(["Open"], onclick=lambda _: popup("About", [put_text("Version 1.0")],
                                                      size="small"))

    app = pilot(script)
    opener = app.button("Open")
    opener.click()
    dialog = app.page.get_by_role("dialog", name="About")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(dialog.get_by_text("Version 1.0")).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    app.page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()  # focus goes back where it was


def test_focus_stays_inside_the_popup(pilot) -> None:
    def script() -> None:
        put_buttons(["Behind"], onclick=lambda _: None)
        popup("Edit", [put_input("title", label="Title"), put_buttons(["Done"], lambda _: None)])

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Edit")
    expect(dialog.get_by_label("Title")).to_be_focused()
    for _ in range(6):
        app.page.keyboard.press("Tab")
        focused_inside = dialog.evaluate("d => d.contains(document.activeElement)")
        assert focused_inside, "Tab moved the focus out of the popup"


def test_tab_goes_round_a_popup_whose_last_control_is_a_round_button(pilot) -> None:
    """The browser stops once per group of round buttons; Tab past it wraps to the first
    control, never to the page behind."""
    from desklaunch.ui import put_radio

    def script() -> None:
        put_buttons(["Behind"], onclick=lambda _: None)
        popup("Plan", [put_input("who", label="Who"),
                       put_radio("plan", ["Free", "Paid"], label="Plan")])

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Plan")
    expect(dialog.get_by_label("Who")).to_be_focused()
    seen = []
    for _ in range(4):
        app.page.keyboard.press("Tab")
        assert dialog.evaluate("d => d.contains(document.activeElement)"), seen
        seen.append(app.page.evaluate("document.activeElement.getAttribute('aria-label') ||"
                                      " document.activeElement.labels?.[0]?.innerText ||"
                                      " document.activeElement.textContent"))
    assert seen[:3] == ["Free", "Close", "Who"], seen
    app.page.keyboard.press("Shift+Tab")  # from Free to Who, the first
    app.page.keyboard.press("Shift+Tab")  # and round to the last
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()


def test_a_popup_shown_as_the_script_starts_hands_focus_to_the_form_behind_it(pilot) -> None:
    from desklaunch.ui import input

    def script() -> None:
        popup("Welcome", [put_text("Read this first")])
        put_text(f"Hello {input('Your name')}")

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Welcome")
    expect(dialog).to_be_visible()
    expect(app.field("Your name")).to_be_attached()
    app.page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(app.field("Your name")).to_be_focused()
    app.page.keyboard.type("Ada")
    app.page.keyboard.press("Enter")
    app.expect_text("Hello Ada")


def test_a_toast_waits_while_the_person_is_at_it(pilot) -> None:
    def script() -> None:
        toast("Deleted. Undo?", duration=1, onclick=lambda: put_text("Undone"))

    app = pilot(script)
    notice = app.page.get_by_role("button", name="Deleted. Undo?")
    notice.focus()
    app.page.wait_for_timeout(1600)  # past its time, with the focus on it
    expect(notice).to_be_visible()
    app.page.keyboard.press("Enter")
    app.expect_text("Undone")


def test_a_toast_goes_once_the_person_leaves_it(pilot) -> None:
    def script() -> None:
        put_buttons(["Elsewhere"], onclick=lambda _: None)
        toast("Deleted. Undo?", duration=1, onclick=lambda: put_text("Undone"))

    app = pilot(script)
    notice = app.page.get_by_role("button", name="Deleted. Undo?")
    notice.hover()
    app.page.wait_for_timeout(1600)
    expect(notice).to_be_visible()
    app.button("Elsewhere").hover()
    expect(notice).to_have_count(0)
    app.expect_no_text("Undone")


def test_the_script_fills_a_popup_with_with_and_closes_it(pilot) -> None:
    def script() -> None:
        with popup("Report", closable=False):
            put_text("Line one")
            put_buttons(["Finish"], onclick=lambda _: close_popup())
        put_text("behind the popup")

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Report")
    expect(dialog.get_by_text("Line one")).to_be_visible()
    expect(dialog.get_by_role("button", name="Close")).to_have_count(0)
    app.page.keyboard.press("Escape")  # not closable: Esc does nothing
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Finish").click()
    expect(dialog).to_have_count(0)
    app.expect_text("behind the popup")


def test_the_name_with_gives_is_the_popups_scope(pilot) -> None:
    """PyWebIO's own example: `with popup(...) as s`, then `scope=s` and `clear(s)`."""
    def script() -> None:
        with popup("Popup title") as s:
            put_text("Popup Content")
            put_buttons([("clear()", s)], onclick=clear)
        put_text("Also work!", scope=s)

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Popup title")
    expect(dialog.get_by_text("Also work!")).to_be_visible()
    dialog.get_by_role("button", name="clear()").click()
    expect(dialog.get_by_text("Popup Content")).to_have_count(0)
    expect(dialog.get_by_text("Also work!")).to_have_count(0)


def test_a_click_beside_the_popup_closes_it_only_with_implicit_close(pilot) -> None:
    def script() -> None:
        put_buttons(["Strict", "Loose"], onclick=lambda which: popup(
            which, "Click outside", implicit_close=which == "Loose"))

    app = pilot(script)
    app.click("Strict")
    strict = app.page.get_by_role("dialog", name="Strict")
    app.page.mouse.click(5, 5)
    expect(strict).to_be_visible()
    strict.get_by_role("button", name="Close").click()
    expect(strict).to_have_count(0)
    app.click("Loose")
    loose = app.page.get_by_role("dialog", name="Loose")
    expect(loose).to_be_visible()
    app.page.mouse.click(5, 5)
    expect(loose).to_have_count(0)


def test_a_popup_closed_by_the_person_stays_closed_after_a_reload(pilot) -> None:
    def script() -> None:
        popup("Welcome", "Hello")
        put_input("x", label="Behind")

    app = pilot(script)
    dialog = app.page.get_by_role("dialog", name="Welcome")
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_have_count(0)
    app.reload()
    expect(app.field("Behind")).to_be_visible()
    expect(app.page.get_by_role("dialog")).to_have_count(0)


def test_an_open_popup_shows_again_after_a_reload_and_its_pins_work(pilot) -> None:
    def script() -> None:
        popup("Settings", [put_input("nick", label="Nickname"),
                           put_buttons(["Save"], onclick=lambda _: toast(f"Saved {pin.nick}"))])

    app = pilot(script)
    app.reload()
    dialog = app.page.get_by_role("dialog", name="Settings")
    dialog.get_by_label("Nickname").fill("Ada")
    dialog.get_by_role("button", name="Save").click()
    expect(app.toast("Saved Ada")).to_be_visible()


def test_a_toast_with_onclick_runs_it_when_clicked(pilot) -> None:
    def script() -> None:
        toast("Saved. Undo?", duration=0, color="success", onclick=lambda: put_text("Undone"))

    app = pilot(script)
    notice = app.page.get_by_role("button", name="Saved. Undo?")
    callback = callback_of(notice)
    notice.click()
    app.expect_text("Undone")
    expect(notice).to_have_count(0)
    assert not app.session.listens_for(callback)  # a toast is clicked at most once


@pytest.mark.parametrize("how", ["its time is up", "Dismiss"])
def test_a_toast_that_goes_away_unclicked_lets_go_of_its_callback(pilot, how) -> None:
    def script() -> None:
        toast("Saved. Undo?", duration=3 if how == "its time is up" else 0,
              onclick=lambda: put_text("Undone"))

    app = pilot(script)
    notice = app.page.get_by_role("button", name="Saved. Undo?")
    callback = callback_of(notice)
    assert app.session.listens_for(callback)
    if how == "Dismiss":
        app.click("Dismiss")
    expect(notice).to_have_count(0)
    eventually(lambda: not app.session.listens_for(callback))
    app.expect_no_text("Undone")


def callback_of(notice: Locator) -> str:
    """The callback id a toast's text sends its click to."""
    value = notice.evaluate("el => el.closest('.dl-toast').dataset.callback")
    assert isinstance(value, str)
    return value
