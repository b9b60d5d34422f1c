"""The keyboard in a real window: when the window opens, typing goes into the page's first
field, with no click first; Tab in a terminal program's field completes, as the window
hands it to the page (pywebview's Qt backend, offscreen)."""

from __future__ import annotations

from pathlib import Path

from windowrun import run_in_window

HELLO = Path(__file__).parents[2] / "examples" / "hello.py"
SHELL = Path(__file__).parents[1] / "e2e" / "console" / "scripts" / "files_shell.py"


def test_typing_reaches_the_first_field_as_soon_as_the_window_opens(tmp_path: Path) -> None:
    result, proc, _ = run_in_window(HELLO, [
        {"do": "focus_in_page", "label": "Your name"},  # no click, no focus() from the test
        {"do": "keys", "text": "Ada\n"},
        {"do": "expect", "text": "Hello, Ada!"},
        {"do": "close"},
    ], tmp_path, driver="keys_driver.py")
    assert proc.returncode == 0
    assert result["focus"] and all(result["focus"]), "the keys went to a widget of the window"


def test_tab_completes_a_shells_command_in_a_window(tmp_path: Path) -> None:
    result, _proc, _ = run_in_window(SHELL, [
        {"do": "focus_in_page", "label": "(files)"},
        {"do": "keys", "text": "op\t"},  # "open", the one command starting so
        {"do": "keys", "text": " r\t\t"},  # "open report202", then what it could go on with
        {"do": "expect", "text": "report2025.txt  report2026.txt"},
        {"do": "keys", "text": "6\t\n"},
        {"do": "expect", "text": "opened report2026.txt"},
        {"do": "close"},
    ], tmp_path, driver="keys_driver.py", extra=("console",))
    assert result["focus"] and all(result["focus"])
