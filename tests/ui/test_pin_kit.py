"""Pin widgets read, awaited and followed by the script, with the test kit in process (their
rendering is tested in a real browser in tests/e2e/ui/test_pin.py)."""

from __future__ import annotations

import pytest

from desklaunch.ui import (
    FLOAT,
    NUMBER,
    clear,
    close_popup,
    pin,
    pin_on_change,
    pin_update,
    pin_wait_change,
    popup,
    put_buttons,
    put_collapse,
    put_input,
    put_scope,
    put_text,
    put_textarea,
    remove,
    use_scope,
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


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_read_only_field_reads_what_the_script_last_showed_in_it(desklaunch_app, mode
                                                                   ) -> None:
    """A computed total kept up to date with `pin_update` is read back, as in PyWebIO (it
    read the value the field was made with); a whole float shows as PyWebIO shows it."""
    def script() -> None:
        put_input("note", label="Note", value="old", readonly=True)
        put_input("total", NUMBER, label="Total", value=3, readonly=True)
        put_buttons(["Update", "Set", "Read"], onclick=[
            lambda: (pin_update("note", value="new"), pin_update("total", value=10.0)),
            lambda: (pin.__setitem__("note", "set"), pin.__setattr__("total", 42)),
            lambda: put_text(f"read {pin.note!r} {pin['total']!r}"),
        ])

    app = desklaunch_app(script, browser=mode)
    app.click("Update")
    app.click("Read")
    app.wait_for("read 'new' 10")
    assert app.find("textbox", "Total").value == "10"
    app.click("Set")
    app.click("Read")
    app.wait_for("read 'set' 42")
    assert app.find("textbox", "Note").value == "set"


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_pin_whose_field_was_taken_off_the_page_reads_none(desklaunch_app, mode) -> None:
    """PyWebIO reads a pin from the page: once the field is gone (its scope cleared or
    removed, its popup closed) it reads None, and a field put again under the name counts."""
    def script() -> None:
        put_scope("extra")
        with use_scope("extra"):
            put_input("note", label="Note", value="typed earlier")
        with use_scope("form"):
            put_input("city", label="City", value="Rome")
        put_scope("outer", put_scope("inner"))
        put_input("zip", label="Zip", value="00100", scope="inner")
        with popup("Details"):
            put_input("size", label="Size", value="L")
        put_text(f"before {[pin.note, pin.city, pin.zip, pin.size]}")
        close_popup()
        clear("extra")
        with use_scope("form", clear=True):
            put_text("the form was redrawn")
        remove("outer")
        put_text(f"after {[pin.note, pin.city, pin.zip, pin.size]}")
        put_input("note", label="New note", value="again")
        put_text(f"again {pin.note!r}")

    app = desklaunch_app(script, browser=mode)
    app.wait_for("again 'again'")
    assert "before ['typed earlier', 'Rome', '00100', 'L']" in app.text
    assert "after [None, None, None, None]" in app.text


@pytest.mark.parametrize("mode", [False, True], ids=["in-process", "browser"])
def test_a_pin_in_a_hidden_or_moved_field_keeps_its_value(desklaunch_app, mode) -> None:
    """Only a field gone from the page reads None: a hidden one (a closed section, a scope
    styled out of sight) is still there, and so is one moved into a container before the
    scope it was first put in is cleared."""
    def script() -> None:
        with put_collapse("More"):
            put_input("hidden", label="Hidden", value="kept")
        put_scope("styled").style("display: none")
        put_input("styled", label="Styled", value="kept too", scope="styled")
        with use_scope("first"):
            moved = put_input("moved", label="Moved", value="moved along")
        put_collapse("Moved here", [moved], open=True)
        clear("first")
        put_text(f"read {[pin.hidden, pin.styled, pin.moved]}")

    app = desklaunch_app(script, browser=mode)
    app.wait_for("read ['kept', 'kept too', 'moved along']")
