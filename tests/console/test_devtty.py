"""/dev/tty in console mode: the console is the run's terminal, not the one desklaunch was
started from (nor none, as from a desktop)."""

from __future__ import annotations

import builtins
import io
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
            print("read", len(source.read().split()), "words")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["read 7 words"]
    app.close()
    assert builtins.open is real and io.open is real
