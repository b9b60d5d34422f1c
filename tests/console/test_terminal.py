"""The console's input field as a program that asks without a prompt finds it
(console/terminal.py): labelled by what was printed last, unless that was a progress bar."""

from __future__ import annotations

from pathlib import Path

from menu_programs import output, start


def test_a_field_asked_for_after_a_progress_bar_is_not_labelled_by_the_bar(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import sys
        for done in range(4):  # tqdm's way: each state drawn over the last
            sys.stderr.write(f"\\r{done * 25:3d}%|{'#' * done:<3}| {done}/3")
        rows = sys.stdin.read()
        sys.stdout.write("Loading...\\rName: ")  # a question drawn over a notice is one
        print("hello", sys.stdin.readline().strip())
    """)
    app.fill("Input", "a,b")  # not " 75%|###| 3/3", which changes as the bar moves
    app.submit()
    app.click("End input")
    app.fill("Name:", "Ann")
    app.submit()
    app.wait_for("Exited with code 0")
    assert output(app)[-1] == "hello Ann"
