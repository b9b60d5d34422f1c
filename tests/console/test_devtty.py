"""/dev/tty in console mode: the console is the run's terminal, not the one desklaunch was
started from (nor none, as from a desktop)."""

from __future__ import annotations

import builtins
import io
import textwrap
from pathlib import Path

from menu_programs import output, start


def test_a_question_asked_on_dev_tty_after_reading_stdin_is_asked_in_the_console(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys
        script = sys.stdin.read()  # litecli's way with piped input
        sys.stdin = open("/dev/tty")
        answer = input("Do you want to proceed? (y/n): ")
        with open("/dev/tty", "w") as tty:
            tty.write(f"ran {script.strip()!r}: {answer}\\n")
        with open(b"/dev/tty", "rb") as tty:
            print("read", tty.readline())
    """)
    app.fill("Input", "delete from t;")
    app.submit()
    app.click("End input")
    app.fill("Do you want to proceed? (y/n):", "y")
    app.submit()
    app.wait_for("ran 'delete from t;': y")
    app.fill("Input", "more")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["delete from t;", "Do you want to proceed? (y/n): y",
                           "ran 'delete from t;': y", "more", "read b'more\\n'"]


def test_open_is_python_s_own_again_once_the_app_is_closed(tmp_path: Path) -> None:
    real = builtins.open
    app = start(tmp_path, """
        with open(__file__) as source:
            print("read", len(source.read().split()), "words; /dev/tty named")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["read 9 words; /dev/tty named"]
    app.close()
    assert builtins.open is real and io.open is real


def test_a_program_that_never_names_dev_tty_keeps_python_s_own_open(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import io, traceback, warnings
        print("own open:", open is io.open)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            open(__file__, "rb", buffering=1).close()  # Python warns here, at this line
        print("warned at", caught[0].filename, caught[0].lineno)
        try:
            open("missing.txt")
        except OSError:
            traceback.print_exc()
    """)
    app.wait_for("Exited with code 0")
    shown = "\n".join(output(app))
    assert "own open: True" in shown
    assert f"warned at {tmp_path / 'asks.py'} 6" in shown
    assert "desklaunch" not in shown  # no frame of ours in the program's own traceback


def test_a_tool_that_opens_dev_tty_from_its_own_module_asks_in_the_console(
        tmp_path: Path) -> None:
    tool = tmp_path / "litecli"
    tool.mkdir()
    (tool / "__init__.py").write_text("")
    (tool / "main.py").write_text(textwrap.dedent("""
        import sys

        def cli():
            script = sys.stdin.read()
            sys.stdin = open("/d" + "ev/tty")  # a name the script's own code never has
            if input("Do you want to proceed? (y/n): ") == "y":
                print("ran", script.strip())
    """))
    app = start(tmp_path, """
        from litecli.main import cli
        cli()
    """)
    app.fill("Input", "delete from t;")
    app.submit()
    app.click("End input")
    app.fill("Do you want to proceed? (y/n):", "y")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "ran delete from t;"
