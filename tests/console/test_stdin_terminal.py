"""stdin is a terminal in console mode: a program that asks only a person asks here, and a
pager it then starts prints into the console instead of waiting for keys."""

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


def test_help_prints_its_page_into_the_console_with_its_bold_as_plain_text(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        help(len)  # pydoc pages when stdin and stdout are terminals: through PAGER
        print("after help")
    """)
    app.wait_for("Exited with code 0")
    lines = output(app)
    assert "len(obj, /)" in lines  # pydoc's bold `l\\bl` drawn over itself, as a terminal does
    assert lines[-1] == "after help"


def test_help_pages_into_its_own_app_while_another_console_is_open(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    waiting = start(tmp_path / "a", 'input("Waiting:")')
    waiting.find("textbox", "Waiting:")  # its run holds the process's descriptors now
    app = start(tmp_path / "b", """
        help(len)
        print("after help")
    """)
    app.wait_for("Exited with code 0")
    assert "    Return the number of items in a container." in output(app)
    assert output(waiting) == ["Waiting:"]  # nothing of the other's page (a `less` child's)
    waiting.close()


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


def test_click_s_pager_shows_every_line(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import click
        click.echo_via_pager(f"line {i}\\n" for i in range(3))
        print("end")
    """)
    app.wait_for("Exited with code 0")
    assert output(app) == ["line 0", "line 1", "line 2", "", "end"]  # click's own last break


def test_fire_s_help_is_printed_not_paged(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import fire

        class Tools:
            def add(self, a, b):
                return a + b

        fire.Fire(Tools, command=[])
        print("end")
    """)
    app.wait_for("Exited with code 0")
    lines = output(app)
    assert "    COMMAND is one of the following:" in lines and lines[-1] == "end"
