"""A script's life as the window shows it: async scripts, errors, and reloading the page."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from playwright.sync_api import expect

import desklaunch
from desklaunch.ui import input, put_buttons, put_text

SCRIPTS = Path(__file__).with_name("scripts")
CRASH = SCRIPTS / "crash.py"
DESKLAUNCH_DIR = str(Path(desklaunch.__file__).resolve().parent)


# -- closing ---------------------------------------------------------------------------------


def test_the_page_says_at_once_it_has_the_end_a_submit_brought_back(pilot) -> None:
    """--close-on-exit ends the app once the page has the script's last output: when that
    came back with a submit, the page says so then, not with its next long poll (the
    server holds one 20 s)."""
    def script() -> None:
        put_text(f"Hello, {input('Your name')}!")

    app = pilot(script)
    app.answer("Your name", "Ada")
    app.expect_text("Hello, Ada!")
    assert app.app.handler.wait_shown(app.session, 10)


def test_closing_stops_a_script_that_sleeps_in_its_loop(pilot) -> None:
    def script() -> None:
        for n in itertools.count(1):
            put_text(f"Checked {n} time(s)")
            time.sleep(30)

    app = pilot(script)
    app.expect_text("Checked 1 time(s)")
    assert app.close_window(), "the sleeping script did not stop"
    assert app.session.outcome.state == "closed"


def test_closing_stops_a_callback_that_sleeps(pilot) -> None:
    def script() -> None:
        def wait(_: str) -> None:
            put_text("Waiting for the printer")
            time.sleep(30)
            put_text("Printed")

        put_buttons(["Print"], onclick=wait)

    app = pilot(script)
    app.click("Print")
    app.expect_text("Waiting for the printer")
    assert app.close_window(), "the sleeping callback did not stop"


def test_closing_stops_an_async_script_that_calls_time_sleep(pilot) -> None:
    async def script() -> None:
        put_text("Polling the sensor")
        time.sleep(30)  # blocks the event loop, as it would anywhere: a mistake people make

    app = pilot(script)
    app.expect_text("Polling the sensor")
    assert app.close_window(), "the async script did not stop"
    assert app.session.outcome is not None, "the event loop is still asleep"
    assert app.session.outcome.state == "closed"


def test_a_sleep_outside_a_closing_session_lasts_as_long_as_asked(pilot) -> None:
    def script() -> None:
        started = time.monotonic()
        time.sleep(0.3)
        put_text(f"slept enough: {time.monotonic() - started >= 0.3}")

    pilot(script).expect_text("slept enough: True")


# -- errors ----------------------------------------------------------------------------------


def test_a_crash_shows_the_traceback_from_the_scripts_own_line(pilot) -> None:
    app = pilot(CRASH, expect_error=True)
    shown = app.expect_crash()
    lines = shown.strip().splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[1] == f'  File "{CRASH}", line 11, in <module>'
    assert f'File "{CRASH}", line 7, in ratio' in shown
    assert DESKLAUNCH_DIR not in shown
    assert lines[-1] == "ZeroDivisionError: division by zero"
    assert app.script_error() == shown.strip() + "\n"
    app.expect_text("About to divide")


def test_after_a_crash_the_app_still_serves_a_reload(pilot) -> None:
    app = pilot(CRASH, expect_error=True)
    app.expect_crash()
    app.reload()
    assert "ZeroDivisionError: division by zero" in app.expect_crash()
    app.expect_text("About to divide", count=1)


def test_a_crash_in_a_function_points_at_the_function(pilot) -> None:
    def script() -> None:
        raise ValueError("no config found")

    app = pilot(script, expect_error=True)
    shown = app.expect_crash()
    assert f'File "{__file__}"' in shown.splitlines()[1]
    assert shown.strip().endswith("ValueError: no config found")


def test_a_failing_callback_is_reported_and_the_app_keeps_working(pilot) -> None:
    def script() -> None:
        def on_click(value: str) -> None:
            if value == "Break":
                raise KeyError("missing")
            put_text("still working")

        put_buttons(["Break", "Work"], onclick=on_click)

    app = pilot(script, expect_error=True)
    app.click("Break")
    expect(app.toast("Error in a callback: KeyError('missing')")).to_be_visible()
    app.click("Work")
    app.expect_text("still working")
    assert app.script_error() is None


# -- reloading -------------------------------------------------------------------------------


def test_a_reload_while_waiting_for_input_reattaches_to_the_same_run(pilot) -> None:
    starts: list[int] = []

    def script() -> None:
        starts.append(1)
        put_text(f"Started {len(starts)} time(s)")
        name = input("Your name")
        put_text(f"Hello, {name}!")

    app = pilot(script)
    expect(app.field("Your name")).to_be_visible()
    app.reload()
    expect(app.field("Your name")).to_be_visible()
    app.expect_text("Started 1 time(s)", count=1)
    app.answer("Your name", "Ada")
    app.expect_text("Hello, Ada!")
    app.expect_finished()
    assert starts == [1]


def test_a_reload_keeps_the_validation_message(pilot) -> None:
    def script() -> None:
        put_text(input("Code", validate=lambda v: None if v.isdigit() else "Digits only"))

    app = pilot(script)
    app.answer("Code", "x1")
    expect(app.alert()).to_have_text("Digits only")
    app.reload()
    expect(app.alert()).to_have_text("Digits only")
    app.answer("Code", "12")
    app.expect_text("12")


def test_after_a_reload_a_finished_scripts_buttons_still_work(pilot) -> None:
    app = pilot(Path(__file__).parents[2] / "examples" / "hello.py")
    app.answer("Your name", "Ada")
    app.click("Again")
    app.expect_text("Clicked Again", count=1)
    app.reload()
    app.expect_finished()
    app.expect_text("Hello, Ada!", count=1)
    app.expect_text("Clicked Again", count=1)
    app.click("Again")
    app.expect_text("Clicked Again", count=2)


def test_a_second_tab_takes_the_session_over_and_the_first_says_so(pilot) -> None:
    def script() -> None:
        put_text(f"Hello, {input('Your name')}!")

    app = pilot(script)
    expect(app.field("Your name")).to_be_visible()
    # A tab opened from the first one starts with a copy of its session storage.
    with app.page.context.expect_page() as opened:
        app.page.evaluate("window.open(location.href)")
    second = opened.value
    second.get_by_label("Your name").fill("Grace")
    second.get_by_label("Your name").press("Enter")
    expect(second.get_by_text("Hello, Grace!")).to_be_visible()
    expect(app.page.get_by_text("This app is now shown in another window.")).to_be_visible()
    second.close()
