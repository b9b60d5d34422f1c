"""python-inquirer programs in the console: every question asked in the input line, unchanged.

The programs run through the test kit, in process (the same commands the page gets).
"""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_prompt_asks_each_question_and_returns_the_answers(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import inquirer
        answers = inquirer.prompt([
            inquirer.Text("name", message="What's your name?"),
            inquirer.Text("phone", message="{name}, your phone number?",
                          validate=lambda answers, text: text.isdigit()),
            inquirer.List("size", message="Size?",
                          choices=[("Large", "L"), ("Small", "S")], default="S"),
            inquirer.Checkbox("courses", message="Courses?",
                              choices=["Basics", "Web", "Data"], locked=["Basics"],
                              default=["Web"]),
            inquirer.Confirm("sure", message="Sure?", default=True),
            inquirer.Password("pin", message="PIN?", echo="."),
            inquirer.Text("skipped", message="Never asked", ignore=lambda a: True,
                          default="kept"),
        ])
        print(sorted(answers.items()))
    """)
    app.fill("What's your name?", "Ada")
    app.submit()
    app.fill("Ada, your phone number?", "five")
    app.submit()
    app.wait_for("'five' is not a valid phone.")
    app.fill("Ada, your phone number?", "555")
    app.submit()
    assert app.find("textbox", "Size?").value == "Small"  # the default, where the pointer is
    app.click("Large")
    assert app.find("checkbox", "Basics").checked and app.find("checkbox", "Basics").disabled
    assert app.find("textbox", "Courses?").value == "Basics, Web"
    app.uncheck("Courses?", "Web")
    app.check("Courses?", "Data")
    app.submit()
    app.fill("Sure? (Y/n)", "")
    app.submit()
    app.fill("PIN?", "1234")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == [
        "[?] What's your name?: Ada", "'five' is not a valid phone.",
        "[?] Ada, your phone number?: 555", "[?] Size?: Large", "[?] Courses?: Basics, Data",
        "[?] Sure?: Yes", "[?] PIN?: ....",
        "[('courses', ['Basics', 'Data']), ('name', 'Ada'), ('phone', '555'), ('pin', '1234'),"
        " ('size', 'L'), ('skipped', 'kept'), ('sure', True)]"]


def test_other_takes_an_answer_of_ones_own(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import inquirer
        print(inquirer.list_input("Size?", choices=["Large", "Small"], other=True))
        print(inquirer.list_input("Colour?", choices=["Red"], other=True))
        print(inquirer.checkbox("Toppings?", choices=["Ham", "Basil"], other=True))
    """)
    app.click("Other")
    app.fill("Size? (other)", "Huge")
    app.submit()
    app.fill("Colour?", "teal")  # typed straight in: the same
    app.submit()
    app.check("Toppings?", "Ham", "Other")
    app.submit()
    app.fill("Toppings? (other)", "Olives")
    app.submit()
    assert app.find("textbox", "Toppings?").value == "Ham, Olives"  # asked again, ticked
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["[?] Size?: Other", "[?] Size?: Huge", "Huge",
                           "[?] Colour?: teal", "teal",
                           "[?] Toppings?: Ham, Other", "[?] Toppings?: Olives",
                           "[?] Toppings?: Ham, Olives", "['Ham', 'Olives']"]


def test_stop_cancels_the_questions_as_ctrl_c_does(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import inquirer
        print("got", inquirer.prompt([inquirer.Confirm("go", message="Go?")]))
    """)
    app.click("Stop")
    app.wait_for("Exited with code 0")
    assert output(app) == ["", "Cancelled by user", "", "got None"]


def test_a_path_must_be_what_the_question_asks_for(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hi")
    app = start(tmp_path, """
        import inquirer
        print(inquirer.path("Notes file?", path_type=inquirer.Path.FILE, exists=True))
    """)
    app.fill("Notes file?", "missing.txt")
    app.submit()
    app.wait_for("'missing.txt' is not a valid answer.")
    app.fill("Notes file?", str(tmp_path / "notes.txt"))
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == str(tmp_path / "notes.txt")
