"""The example everyone runs first, examples/hello.py, as a person sees it in the browser."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

HELLO = Path(__file__).parents[2] / "examples" / "hello.py"


def test_typing_a_name_and_pressing_enter_greets(pilot) -> None:
    app = pilot(HELLO)
    expect(app.field("Your name")).to_be_focused()
    app.answer("Your name", "Ada")
    app.expect_text("Hello, Ada!")
    expect(app.field("Your name")).to_have_count(0)


def test_finished_shows_after_the_last_line_and_the_button_still_works(pilot) -> None:
    app = pilot(HELLO)
    app.answer("Your name", "Ada")
    app.expect_finished()
    expect(app.page.get_by_role("main")).to_have_text(
        re.compile(r"Hello, Ada!.*Again.*Finished", re.S))
    app.click("Again")
    app.expect_text("Clicked Again", count=1)
    expect(app.page.get_by_role("main")).to_have_text(
        re.compile(r"Hello, Ada!.*Again.*Clicked Again.*Finished", re.S))
    assert app.session.outcome is not None and app.session.outcome.code == 0


def test_the_window_title_comes_from_the_file_name(pilot) -> None:
    app = pilot(HELLO)
    expect(app.page).to_have_title("Hello")
