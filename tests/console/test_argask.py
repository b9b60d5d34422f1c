"""Asking for a program's arguments (console/argask.py), as a person meets it: a program
whose parser has nothing to ask runs at once, as it does in a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from menu_programs import output, start


@pytest.mark.parametrize("source", [
    """
        import argparse
        parser = argparse.ArgumentParser(description="Tidies the downloads folder")
        parser.add_argument("--version", action="version", version="1.0")
        parser.parse_args()
        print("tidied")
    """,
    """
        import click

        @click.command()
        def main():
            "Tidies the downloads folder"
            click.echo("tidied")

        main()
    """,
], ids=["argparse", "click"])
def test_a_parser_with_nothing_to_ask_runs_at_once_and_again(tmp_path: Path, source: str
                                                            ) -> None:
    """No form with only a Run button (its only option is --help): the program runs, and
    Run again runs it again."""
    app = start(tmp_path, source)
    app.wait_for("Exited with code 0")
    assert output(app) == ["tidied"]
    assert app.find_all("button", "Run") == []
    app.click("Run again")
    app.wait_for("Exited with code 0")
    assert app.find("log", "Output").text.splitlines() == ["$ asks.py", "tidied"] * 2
    app.close()
