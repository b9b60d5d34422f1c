"""What the asking calls return for what a person answers, with the test kit in process
(the page's rendering of forms is tested in a real browser in tests/e2e/)."""

from __future__ import annotations

from desklaunch.ui import input, input_group, put_text, select


def test_the_submit_button_sends_the_answer(desklaunch_app) -> None:
    def script() -> None:
        city = input("City")
        put_text(f"City: {city}")

    app = desklaunch_app(script)
    app.fill("City", "Lyon")
    app.click("Submit")
    assert "City: Lyon" in app.text


def test_select_keeps_the_preselected_option(desklaunch_app) -> None:
    def script() -> None:
        size = select("Size", [("Small", 1), ("Medium", 2.5)], value=2.5)
        put_text(f"Chose {size!r}")

    app = desklaunch_app(script)
    app.submit()
    assert "Chose 2.5" in app.text


def test_a_multiple_select_returns_a_list_of_the_chosen_values(desklaunch_app) -> None:
    def script() -> None:
        toppings = select("Toppings", [("Cheese", "cheese"), ("Ham", ("ham", 2)),
                                       ("Olives", 3)], multiple=True)
        put_text(f"Chose {toppings!r}")

    app = desklaunch_app(script)
    app.choose("Toppings", "Cheese", "Olives")
    app.submit()
    assert "Chose ['cheese', 3]" in app.text


def test_a_cancelable_group_returns_none(desklaunch_app) -> None:
    def script() -> None:
        data = input_group("Details", [input("Email", name="email")], cancelable=True)
        put_text(f"Got {data!r}")

    app = desklaunch_app(script)
    app.click("Cancel")
    assert "Got None" in app.text
