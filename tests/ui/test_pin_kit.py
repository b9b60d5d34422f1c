"""Pin widgets read, awaited and followed by the script, with the test kit in process (their
rendering is tested in a real browser in tests/e2e/ui/test_pin.py)."""

from __future__ import annotations

from desklaunch.ui import (
    FLOAT,
    pin,
    pin_on_change,
    pin_wait_change,
    put_buttons,
    put_input,
    put_text,
    put_textarea,
)


def test_the_script_reads_what_the_person_typed(desklaunch_app) -> None:
    def script() -> None:
        put_input("name", label="Name")
        put_textarea("bio", label="About you")
        put_buttons(["Show"], onclick=lambda _: put_text(f"{pin.name} / {pin['bio']}"))

    app = desklaunch_app(script)
    app.fill("Name", "Ada")
    app.fill("About you", "Counts\nthings")
    app.click("Show")
    assert app.find("paragraph", text="Ada / Counts\nthings")


def test_pin_wait_change_times_out_with_none(desklaunch_app) -> None:
    def script() -> None:
        put_input("never", label="Never touched")
        put_text(f"got {pin_wait_change('never', timeout=0.2)!r}")

    app = desklaunch_app(script)
    app.wait_for("got None")


def test_pin_on_change_follows_the_person_and_a_bad_number_reads_none(desklaunch_app) -> None:
    def script() -> None:
        put_input("celsius", type=FLOAT, label="Celsius")

        def convert(value: float | None) -> None:
            put_text("not a number" if value is None else f"{value * 9 / 5 + 32:g} °F")

        pin_on_change("celsius", convert)

    app = desklaunch_app(script)
    app.fill("Celsius", "100")
    assert app.text.splitlines()[-2] == "212 °F"  # the callback's output is there at once
    app.fill("Celsius", "-")
    assert app.text.splitlines()[-2] == "not a number"


def test_pin_on_change_takes_a_list_of_names(desklaunch_app) -> None:
    """PyWebIO's own demo (dependent_form_generation) passes `["foo"]`."""
    def script() -> None:
        put_input("first", label="First")
        put_input("second", label="Second")
        pin_on_change(["first", "second"], lambda value: put_text(f"changed to {value}"))

    app = desklaunch_app(script)
    app.fill("First", "a")
    assert app.text.splitlines()[-2] == "changed to a"
    app.fill("Second", "b")
    assert app.text.splitlines()[-2] == "changed to b"


def test_an_async_script_awaits_pin_changes_and_runs_async_callbacks(desklaunch_app) -> None:
    async def script() -> None:
        put_input("word", label="Word")

        async def shout(value: str) -> None:
            put_text(f"shout: {value.upper()}")

        pin_on_change("word", shout)
        change = await pin_wait_change("word")
        put_text(f"first change: {change['value']}")

    app = desklaunch_app(script)
    app.fill("Word", "hey")
    assert {"first change: hey", "shout: HEY"} <= set(app.text.splitlines())
