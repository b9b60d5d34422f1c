"""The window shows at once: before the server answers, in the page's own colour, with its
title and size; the page then loads into it."""

from __future__ import annotations

from pathlib import Path

from windowrun import run_in_window

from desklaunch.desktop.backdrop import PAGE_BACKGROUND


def test_the_window_shows_before_the_server_answers_in_the_page_s_colour(tmp_path: Path
                                                                         ) -> None:
    script = tmp_path / "greeting.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Hello from the page')\n")
    result, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "Hello from the page"},
        {"do": "close"},
    ], tmp_path, driver="first_frame_driver.py")
    first = result["first_frame"]
    assert first["server_held"]  # the window was up before the server could answer
    assert first["middle"] == PAGE_BACKGROUND["light"]  # not a white page
    assert first["title"] == "First frame"
    assert first["size"] == [640, 480]
    assert proc.returncode == 0


def test_a_server_that_cannot_start_closes_the_window_and_says_why(tmp_path: Path) -> None:
    script = tmp_path / "greeting.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('never shown')\n")
    result, proc, _ = run_in_window(script, [], tmp_path, driver="first_frame_driver.py",
                                    extra=("fail",))
    assert result["first_frame"]["server_held"]  # the window had opened first
    assert result["raised"] == "the server could not start"
    assert proc.returncode == 1
