"""What the asking calls return for what a person answers, with the test kit in process
(the page's rendering of forms is tested in a real browser in tests/e2e/)."""

from __future__ import annotations

from desklaunch.ui import FLOAT, input, input_group, put_text, select


def test_the_submit_button_sends_the_answer(desklaunch_app) -> None:
    def script() -> None:
        city = input("City")
        put_text(f"City: {city}")

    app = desklaunch_app(script)
    app.fill("City", "Lyon")
    app.click("Submit")
    assert "City: Lyon" in app.text


def test_a_decimal_comma_is_read_but_a_thousands_comma_is_not_guessed(desklaunch_app
                                                                     ) -> None:
    def script() -> None:
        for _ in range(3):
            put_text(f"Got {input('Weight', type=FLOAT)!r}")

    app = desklaunch_app(script)
    for typed in ("3,5", "-0,25"):
        app.fill("Weight", typed)
        app.submit()
    app.fill("Weight", "1,000")  # a thousand, or one: not for the app to guess
    app.submit()
    assert "Please enter a number" in app.text
    app.fill("Weight", "1000")
    app.submit()
    assert "Got 3.5" in app.text and "Got -0.25" in app.text and "Got 1000.0" in app.text


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
