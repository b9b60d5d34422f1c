"""Pagers in console mode: what a program pages for a person (pydoc's `help()`, click's,
python-fire's) prints into its own console, which scrolls (console/pagers.py)."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


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
