"""A default answer a program puts on readline's line starts the console's field, and the
lines typed go into readline's history
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


def test_the_lines_typed_are_in_readlines_history_as_input_puts_them(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import readline
        for _ in range(4):
            input("cmd> ")
        count = readline.get_current_history_length()
        print("history", [readline.get_history_item(i + 1) for i in range(count)])
    """)
    for line in ("status", "status", "", "log"):
        app.fill("cmd>", line)
        app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "history ['status', 'log']"
