"""Session utilities: set_env, info, defer_call, hold, local, and the calls left out."""

from __future__ import annotations

import threading

from playwright.sync_api import expect

from desklaunch.ui import (
    SessionClosed,
    defer_call,
    eval_js,
    hold,
    info,
    put_buttons,
    put_loading,
    put_text,
    run_js,
    set_env,
)


def test_set_env_sets_the_title_and_the_width_of_the_output(pilot) -> None:
    def script() -> None:
        put_text("x" * 400)
        put_buttons(["Narrow"], onclick=lambda _: set_env(title="Narrow app",
                                                          output_max_width="400px"))

    app = pilot(script)
    app.click("Narrow")
    expect(app.page).to_have_title("Narrow app")
    box = app.text("x" * 400).bounding_box()
    assert box is not None and box["width"] <= 400


def test_set_env_turns_animations_off(pilot) -> None:
    def script() -> None:
        put_loading()
        put_buttons(["Calm"], onclick=lambda _: set_env(output_animation=False))

    app = pilot(script)
    spinner = app.page.get_by_role("status").filter(has_text="Loading…")
    expect(spinner).to_have_css("animation-name", "dl-spin")  # it turns
    app.click("Calm")
    expect(spinner).to_have_css("animation-name", "none")  # it stands still


def test_info_tells_what_the_page_knows_about_itself(pilot) -> None:
    def script() -> None:
        put_text(f"language {info.user_language}")
        put_text(f"chromium {'Chrome' in info.user_agent}")
        put_text(f"backend {info.backend}")

    app = pilot(script)
    language = app.page.evaluate("navigator.language")
    app.expect_text(f"language {language}")
    app.expect_text("chromium True")
    app.expect_text("backend desklaunch")


def test_defer_call_runs_when_the_window_closes_and_hold_waits_for_it(pilot) -> None:
    cleaned = threading.Event()
    held: list[str] = []

    def script() -> None:
        defer_call(cleaned.set)
        put_text("holding")
        try:
            hold()
        except SessionClosed:
            held.append("woke")
            raise

    app = pilot(script)
    app.expect_text("holding")
    assert not cleaned.is_set()
    app.app.end_session(app.session)
    assert app.session.finished.wait(10)
    assert cleaned.is_set()
    assert held == ["woke"]


def test_run_js_runs_code_and_eval_js_returns_its_value(pilot) -> None:
    def script() -> None:
        run_js("document.title = prefix + ' ' + count", prefix="Page", count=3)
        put_text(f"sum: {eval_js('a + b', a=1, b=2)}")
        put_text(f"list: {eval_js('[1, {two: 2}, null];')}")
        put_text(f"function: {eval_js('document.createElement')}")  # not data: None

    app = pilot(script, title="Page 3")
    app.expect_text("sum: 3")
    app.expect_text("list: [1, {'two': 2}, None]")
    app.expect_text("function: None")


def test_eval_js_is_awaited_in_an_async_script(pilot) -> None:
    async def script() -> None:
        answer = await eval_js("new Promise((done) => setTimeout(() => done(innerWidth), 5))")
        put_text(f"width: {answer > 0}")

    app = pilot(script)
    app.expect_text("width: True")
