"""The app in a real native window: pywebview's Qt backend (offscreen) and GTK (Xvfb)."""

from __future__ import annotations

from pathlib import Path

import pytest
from windowrun import run_in_window

HELLO = Path(__file__).parents[2] / "examples" / "hello.py"


def test_hello_round_trips_through_a_real_window(gui: str, tmp_path: Path) -> None:
    """The person types a name in the window; the script's greeting appears there."""
    result, proc, _ = run_in_window(HELLO, [
        {"do": "answer", "label": "Your name", "value": "Ada"},
        {"do": "expect", "text": "Hello, Ada!"},
        {"do": "expect", "text": "Finished"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path, gui=gui)
    assert "Hello, Ada!" in result["text"]
    assert "Again" in result["text"]
    assert proc.returncode == 0


def test_a_popup_holding_pins_works_in_a_real_window(gui: str, tmp_path: Path) -> None:
    """The person fills a pin inside a popup, saves through its button, then closes it."""
    script = tmp_path / "nickname.py"  # not "settings": the page's title heading says its name
    script.write_text(
        "from desklaunch.ui import (pin, pin_wait_change, popup, put_buttons, put_input,\n"
        "                           put_text, toast)\n"
        "put_text('Main page')\n"
        "popup('Settings', [put_input('nick', label='Nickname'),\n"
        "                   put_buttons(['Save'], onclick=lambda _: toast(f'Saved {pin.nick}'))])\n"
        "pin_wait_change('nick')\n"
        "put_text(f'Nickname is now {pin.nick}')\n"
    )
    result, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "Settings"},
        {"do": "fill", "label": "Nickname", "value": "Ada"},
        {"do": "expect", "text": "Nickname is now Ada"},
        {"do": "click", "text": "Save"},
        {"do": "expect", "text": "Saved Ada"},
        {"do": "click", "text": "Close"},
        {"do": "expect_gone", "text": "Settings"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path, gui=gui)
    assert "Main page" in result["text"]
    assert "Nickname is now Ada" in result["text"]
    assert proc.returncode == 0


def test_a_plain_console_script_asks_and_prints_in_a_real_window(gui: str, tmp_path: Path) -> None:
    """`desklaunch greet.py` on a script that knows only input() and print()."""
    script = tmp_path / "greet.py"
    script.write_text(
        "name = input('Your name: ')\n"
        "print(f'Hello, {name}!')\n"
        "raise SystemExit(3)\n"
    )
    result, proc, _ = run_in_window(script, [
        {"do": "answer", "label": "Your name:", "value": "Ada"},
        {"do": "expect", "text": "Hello, Ada!"},
        {"do": "expect", "text": "code 3"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path, driver="cli_driver.py", gui=gui)
    assert "Your name: Ada" in result["text"]  # the prompt and the answer, as typed
    assert proc.returncode == 3
    # WebKit (GTK) takes SIGUSR1 for itself: no warning that it replaced desklaunch's.
    assert "Overriding existing handler for signal" not in proc.stderr
    # Nor the toolkit's lines about what this machine lacks (Qt's Chromium: no Vulkan, no
    # D-Bus system bus, the sandbox off as root), which the person can do nothing about.
    assert proc.stderr == "", proc.stderr


def test_closing_the_window_ends_a_script_stuck_in_a_busy_loop(gui: str, tmp_path: Path) -> None:
    """A script that never calls the UI again still ends within 2 s of the window closing."""
    script = tmp_path / "busy.py"
    script.write_text(
        "from desklaunch.ui import put_text\n"
        "put_text('Working forever')\n"
        "while True:\n"
        "    pass\n"
    )
    result, proc, exited_at = run_in_window(script, [
        {"do": "expect", "text": "Working forever"},
        {"do": "close"},
    ], tmp_path, gui=gui)
    assert exited_at - result["closed_at"] < 2.0
    assert proc.returncode == 0


def test_closing_the_window_wakes_a_script_blocked_in_input(gui: str, tmp_path: Path) -> None:
    """A blocked input() wakes with SessionClosed; the script's cleanup runs; the app exits."""
    script = tmp_path / "blocked.py"
    marker = tmp_path / "cleaned-up"
    script.write_text(
        "from desklaunch.ui import input\n"
        "try:\n"
        "    input('Never answered')\n"
        "finally:\n"
        f"    open({str(marker)!r}, 'w').close()\n"
    )
    result, proc, exited_at = run_in_window(script, [
        {"do": "expect", "text": "Never answered"},
        {"do": "close"},
    ], tmp_path, gui=gui)
    assert exited_at - result["closed_at"] < 2.0
    assert marker.exists()
    assert proc.returncode == 0


@pytest.mark.parametrize("ending, code", [("raise SystemExit(3)", 3), ("1/0", 1)])
def test_the_exit_code_is_the_scripts(gui: str, tmp_path: Path, ending: str, code: int) -> None:
    """After the script ends, closing the window exits with the script's own code."""
    script = tmp_path / "ends.py"
    script.write_text(f"from desklaunch.ui import put_text\nput_text('Ending')\n{ending}\n")
    _, proc, _ = run_in_window(script, [
        {"do": "expect", "text": "Ending"},
        {"do": "close"},
    ], tmp_path, gui=gui)
    assert proc.returncode == code
