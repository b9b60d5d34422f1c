"""The keyboard in a real window: when the window opens, typing goes into the page's first
field, with no click first (pywebview's Qt backend, offscreen)."""

from __future__ import annotations

from pathlib import Path

from windowrun import run_in_window

HELLO = Path(__file__).parents[2] / "examples" / "hello.py"


def test_typing_reaches_the_first_field_as_soon_as_the_window_opens(tmp_path: Path) -> None:
    result, proc, _ = run_in_window(HELLO, [
        {"do": "focus_in_page", "label": "Your name"},  # no click, no focus() from the test
        {"do": "keys", "text": "Ada\n"},
        {"do": "expect", "text": "Hello, Ada!"},
        {"do": "close"},
    ], tmp_path, driver="keys_driver.py")
    assert proc.returncode == 0
    assert result["focus"] and all(result["focus"]), "the keys went to a widget of the window"
