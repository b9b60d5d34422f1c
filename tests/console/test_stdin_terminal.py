"""stdin is a terminal in console mode: a program that asks only a person asks here; one
that sets raw keys itself is told it is not, and reads lines (console/runstreams.py)."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_program_that_asks_only_at_a_terminal_asks_in_the_console(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys
        if not sys.stdin.isatty():  # Django's createsuperuser, httpie, litecli
            sys.exit("Superuser creation skipped due to not running in a TTY.")
        name = input("Username: ")
        print(f"Superuser {name} created successfully.")
    """)
    app.fill("Username:", "ada")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app) == ["Username: ada", "Superuser ada created successfully."]


def test_a_program_that_reads_raw_keys_itself_is_told_stdin_is_no_terminal(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys

        def getch():
            if sys.stdin.isatty():  # the recipe's raw path: no descriptor to set raw here
                import termios, tty
                fd = sys.stdin.fileno()
                saved = termios.tcgetattr(fd)
                try:
                    tty.setraw(fd)
                    return sys.stdin.read(1)
                finally:
                    termios.tcsetattr(fd, termios.TCSADRAIN, saved)
            return sys.stdin.readline()[:1]

        print("Continue? [y/n]")
        print("got", repr(getch()))
    """)
    app.fill("Input", "y")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "got 'y'"
