"""The keyboard shortcuts a desktop program has: zoom and reload, handled by the page."""

from __future__ import annotations

from playwright.sync_api import expect

from desklaunch.ui import put_text


def greet() -> None:
    put_text("Some output")


def zoom_of(app) -> str:
    return app.page.evaluate("getComputedStyle(document.documentElement).zoom")


def test_zoom_in_out_and_back_to_actual_size(pilot) -> None:
    app = pilot(greet)
    app.expect_text("Some output")
    assert zoom_of(app) == "1"
    app.page.keyboard.press("Control+Equal")
    app.page.keyboard.press("Control+Equal")
    assert zoom_of(app) == "1.25"
    app.page.keyboard.press("Control+Minus")
    assert zoom_of(app) == "1.1"
    app.page.keyboard.press("Control+0")
    assert zoom_of(app) == "1"
    app.page.keyboard.press("Control+Minus")
    assert zoom_of(app) == "0.9"


def test_the_zoom_survives_a_reload_and_f5_reattaches(pilot) -> None:
    """F5 reloads the page, which shows the running script again, at the same zoom."""
    app = pilot(greet)
    app.expect_text("Some output")
    app.page.keyboard.press("Control+Equal")
    with app.page.expect_navigation():
        app.page.keyboard.press("F5")
    expect(app.page).to_have_title(app.app.title)
    app.expect_text("Some output", count=1)
    assert zoom_of(app) == "1.1"
