"""A default answer a program puts on readline's line starts the console's field
(console/readlinehook.py)."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_the_text_a_startup_hook_inserts_is_the_answer_enter_gives(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import readline
        readline.set_startup_hook(lambda: readline.insert_text("my-project"))
        print("got", input("Project name: "))
        readline.set_startup_hook()
        print("then", repr(input("Other: ")))
    """)
    assert app.find("textbox", "Project name:").value == "my-project"
    app.submit()
    app.wait_for("got my-project")
    assert app.find("textbox", "Other:").value == ""  # the hook taken away: nothing
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "then ''"


def test_a_pre_input_hook_that_fails_offers_nothing(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import readline
        readline.set_pre_input_hook(lambda: 1 / 0)
        print("got", repr(input("Name: ")))
    """)
    assert app.find("textbox", "Name:").value == ""
    app.fill("Name:", "Ada")
    app.submit()
    app.wait_for("got 'Ada'")
