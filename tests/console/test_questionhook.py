"""questionary programs in the console: each question asked in the input line, unchanged.

The programs run through the test kit, in process (the same commands the page gets); the
parity test in tests/testing/test_apptest.py runs one against the real page too.
"""

from __future__ import annotations

from pathlib import Path

import questionary
from menu_programs import output, start


def test_a_choice_is_a_button_its_title_or_its_number(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        for _ in range(4):
            picked = questionary.select("Colour?", choices=[
                {"name": "Red", "value": "#f00"}, "Green", "Blue"]).ask()
            print("picked", picked)
    """)
    assert app.find("textbox", "Colour?").value == "Red"  # the first, where the pointer is
    app.click("Blue")
    app.fill("Colour?", "green")
    app.submit()
    app.fill("Colour?", "1")
    app.submit()
    app.fill("Colour?", "Purple")
    app.submit()
    app.wait_for("'Purple' is not one of the answers.")
    app.fill("Colour?", "")  # Enter on its own: the choice the pointer is on
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "? Colour? Blue", "picked Blue", "? Colour? Green", "picked Green",
        "? Colour? Red", "picked #f00", "'Purple' is not one of the answers.",
        "? Colour? Red", "picked #f00"]


def test_a_disabled_choice_is_shown_but_cannot_be_chosen(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        from questionary import Choice, Separator
        print(questionary.rawselect("Table?", choices=[
            Choice("Window", disabled="taken"), Separator(), "Door"]).ask())
    """)
    assert app.find("button", "Window (taken)").disabled
    assert app.find("textbox", "Table?").value == "Door"
    app.fill("Table?", "window")
    app.submit()
    app.wait_for("'Window' cannot be chosen (taken).")
    app.fill("Table?", "2")  # numbered as listed, separators left out
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-2:] == ["? Table? Door", "Door"]


def test_too_many_choices_for_buttons_are_listed_to_type_by_number(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print(questionary.select("Year?", choices=[str(y) for y in range(1900, 2026)]).ask())
    """)
    app.wait_for(" 126) 2025")
    assert not app.find_all("button", "1950")
    app.fill("Year?", "51")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-2:] == ["? Year? 1950", "1950"]


def test_yes_and_no_are_buttons_and_enter_alone_takes_the_default(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print(questionary.confirm("Save?").ask(), questionary.confirm("Quit?", default=False).ask())
        print(questionary.confirm("Really?").ask())
    """)
    app.fill("Save? (Y/n)", "")
    app.submit()
    app.fill("Quit? (y/N)", "maybe")
    app.submit()
    app.wait_for("Answer Yes or No.")
    app.fill("Quit? (y/N)", "Y")
    app.submit()
    app.click("No")
    app.wait_for("Exited with code 0")
    assert output(app) == ["? Save? Yes", "Answer Yes or No.", "? Quit? Yes", "True True",
                           "? Really? No", "False"]


def test_text_starts_with_its_default_and_asks_until_the_validator_accepts(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import re
        import questionary
        from questionary import ValidationError, Validator

        class Phone(Validator):
            def validate(self, document):
                if not re.fullmatch(r"[0-9 -]{7,}", document.text):
                    raise ValidationError(message="Please enter a valid phone number")

        city = questionary.text("City?", default="Oslo").ask()
        phone = questionary.text("Phone?", validate=Phone).ask()
        age = questionary.text("Age?", validate=lambda text: text.isdigit()).ask()
        secret = questionary.password("PIN?").ask()
        print(city, phone, age, secret)
    """)
    assert app.find("textbox", "City?").value == "Oslo"
    app.submit()
    app.fill("Phone?", "call me")
    app.submit()
    app.wait_for("Please enter a valid phone number")
    app.fill("Phone?", "555 1234")
    app.submit()
    app.fill("Age?", "old")
    app.submit()
    app.wait_for("Invalid input")
    app.fill("Age?", "42")
    app.submit()
    app.fill("PIN?", "1234")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["? City? Oslo", "Please enter a valid phone number",
                           "? Phone? 555 1234", "Invalid input", "? Age? 42", "? PIN? ****",
                           "Oslo 555 1234 42 1234"]


def test_boxes_fill_the_field_and_the_validator_gets_the_values(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        from questionary import Choice
        print(questionary.checkbox("Extras?", choices=[
            Choice("Milk", value="milk", checked=True), Choice("Sugar, brown", value="sugar"),
            "Lemon"], validate=lambda values: len(values) <= 2 or "Two at most").ask())
    """)
    assert app.find("textbox", "Extras?").value == "Milk"
    app.check("Extras?", "Sugar, brown", "Lemon")
    app.submit()
    app.wait_for("Two at most")
    assert app.find("checkbox", "Lemon").checked  # the boxes as they were left
    app.fill("Extras?", "lemon, sugar, brown")  # typed: a title with a comma is found whole
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Two at most", "? Extras? Sugar, brown, Lemon", "['sugar', 'Lemon']"]


def test_prompt_and_form_ask_their_questions_in_turn(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        answers = questionary.prompt([
            {"type": "confirm", "name": "more", "message": "More questions?"},
            {"type": "list", "name": "food", "message": "Food?", "choices": ["Soup", "Cake"],
             "when": lambda so_far: so_far["more"], "filter": str.upper},
            {"type": "input", "name": "note", "message": "Note?",
             "default": lambda so_far: so_far.get("food", "none").lower()},
        ])
        print(sorted(answers.items()))
        print(questionary.form(first=questionary.text("First?"),
                               last=questionary.text("Last?")).ask())
    """)
    app.click("Yes")
    app.click("Cake")
    assert app.find("textbox", "Note?").value == "cake"
    app.submit()
    app.fill("First?", "Ada")
    app.submit()
    app.fill("Last?", "Lovelace")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["? More questions? Yes", "? Food? Cake", "? Note? cake",
                           "[('food', 'CAKE'), ('more', True), ('note', 'cake')]",
                           "? First? Ada", "? Last? Lovelace",
                           "{'first': 'Ada', 'last': 'Lovelace'}"]


def test_stop_cancels_the_question_as_ctrl_c_does_and_end_input_ends_it(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print("got", questionary.select("Pick?", choices=["A", "B"]).ask())
        questionary.text("Then?").unsafe_ask()
    """)
    app.click("Stop")
    app.wait_for("got None")
    app.click("End input")
    app.wait_for("Exited with code 1")
    assert output(app)[:2] == ["", "Cancelled by user"]
    assert "EOFError" in app.text


def test_a_question_asked_with_await_leaves_the_event_loop_running(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import asyncio
        import questionary

        async def main():
            async def tick():
                await asyncio.sleep(0.05)
                print("the loop ran on")
            ticking = asyncio.create_task(tick())
            name = await questionary.text("Name?").ask_async()
            await ticking
            print(name)

        asyncio.run(main())
    """)
    app.find("textbox", "Name?")
    app.wait_for("the loop ran on")  # while the question waits
    app.fill("Name?", "Ada")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["the loop ran on", "? Name? Ada", "Ada"]


def test_press_any_key_waits_for_enter_and_questionary_is_its_own_again_after(
        tmp_path: Path) -> None:
    select, ask = questionary.select, questionary.Question.unsafe_ask
    app = start(tmp_path, """
        import questionary
        questionary.press_any_key_to_continue().ask()
        print("went on")
    """)
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Press any key to continue...", "went on"]
    assert questionary.select is not select  # adjusted while the app is open
    app.close()
    assert questionary.select is select and questionary.Question.unsafe_ask is ask


def test_a_question_questionary_refuses_fails_as_it_does_in_a_terminal(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        questionary.select("Nothing?", choices=[]).ask()
    """)
    app.wait_for("Exited with code 1")
    assert "ValueError: A list of choices needs to be provided." in app.text


def test_a_refused_first_answer_is_said_before_the_answer_taken(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print("got", questionary.select("Pick a colour", choices=["red", "green"]).ask())
    """)
    app.fill("Pick a colour", "blue")
    app.submit()
    app.wait_for("'blue' is not one of the answers.")
    app.click("green")
    app.wait_for("Exited with code 0")
    assert output(app) == ["'blue' is not one of the answers.", "? Pick a colour green",
                           "got green"]


def test_a_multiline_answer_is_lines_until_end_input(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print(repr(questionary.text("Describe it", multiline=True).ask()))
    """)
    for line in ("one", "two"):
        app.fill("Describe it (End input when done)", line)
        app.submit()
    app.click("End input")
    app.wait_for("Exited with code 0")
    assert output(app) == ["? Describe it one", "two", "'one\\ntwo'"]


def test_a_message_ending_in_a_line_break_labels_its_field_on_one_line(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import questionary
        print(questionary.confirm("Use Docker?\\n  ", default=False).ask())  # as copier asks
    """)
    app.click("Yes")
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "True"
    app.click("Run again")
    assert app.find("textbox", "Use Docker? (y/N)")
