"""A child process reading the console's field (console/childinput.py), in process."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_process_a_shell_started_asks_through_the_shell(tmp_path: Path) -> None:
    """The reader is a grandchild (`sh -c "python …"`): the field asks for it all the same."""
    app = start(tmp_path, """
        import subprocess
        subprocess.run(["sh", "-c", "python3 -c \\"print('deep', input('Deep question: '))\\""])
        print("done")
    """)
    app.fill("Deep question:", "yes")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Deep question: yes", "deep yes", "done"]


def test_a_child_that_reads_nothing_is_asked_nothing(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import subprocess
        subprocess.run(["sh", "-c", "echo working; sleep 0.5; echo worked"])
        print("got", input("Name: "))
    """)
    app.wait_for("worked")
    app.fill("Name:", "Ada")  # the first field there is the program's
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["working", "worked", "Name: Ada", "got Ada"]


def test_lines_pasted_together_feed_the_childs_reads_one_by_one(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import os
        os.system("read a; read b; echo \\"first $a, then $b\\"")
    """)
    app.fill("Input", "one\ntwo")  # a paste: "one" is entered, "two" waits in the field
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "first one, then two"
