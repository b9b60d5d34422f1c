"""The window gives the page no way out: no bridge into Python, and another site's address
goes to the system browser while the window stays on the app (SECURITY.md, "Window").

Only the system browser is stubbed (bridge_driver.py); the window and the page are real.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from windowrun import run_in_window


def run_in_bridge_window(script: Path, actions: list[dict[str, str]], tmp_path: Path, *,
                         cli: bool = False, gui: str = "qt") -> dict[str, Any]:
    return run_in_window(script, actions, tmp_path, driver="bridge_driver.py",
                         extra=("cli",) if cli else (), gui=gui)[0]


def test_the_page_has_no_bridge_into_python(tmp_path: Path) -> None:
    script = tmp_path / "ready.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Ready')\n")
    result = run_in_bridge_window(script, [
        {"do": "expect", "text": "Ready"},
        {"do": "eval", "key": "api",
         "js": "JSON.stringify(Object.keys((window.pywebview && window.pywebview.api) || {}))"},
        {"do": "close"},
    ], tmp_path)
    assert json.loads(result["api"]) == []


def test_another_sites_link_opens_in_the_system_browser_and_the_window_stays(
        tmp_path: Path) -> None:
    script = tmp_path / "links.py"
    script.write_text(
        "from desklaunch.ui import put_html, put_markdown\n"
        "put_markdown('Read [the docs](https://example.org/docs).')\n"
        "put_html('<a href=\"https://example.net/elsewhere\">Same tab</a>')\n"
    )
    result = run_in_bridge_window(script, [
        {"do": "expect", "text": "the docs"},
        {"do": "click_link", "href": "https://example.org"},
        {"do": "click_link", "href": "https://example.net"},
        {"do": "eval", "key": "origin", "js": "location.origin"},
        {"do": "read"},
        {"do": "close"},
    ], tmp_path)
    assert "https://example.org/docs" in result["opened"]
    assert "https://example.net/elsewhere" in result["opened"]
    assert result["origin"].startswith("http://127.0.0.1:")
    assert "the docs" in result["text"]


def test_an_address_a_terminal_program_prints_opens_in_the_system_browser(
        gui: str, tmp_path: Path) -> None:
    script = tmp_path / "serve.py"
    script.write_text("print('Serving on http://example.org:8000/ (Ctrl+C to stop)')\n")
    result = run_in_bridge_window(script, [
        {"do": "expect", "text": "Serving on"},
        {"do": "click_link", "href": "http://example.org:8000/"},
        {"do": "eval", "key": "origin", "js": "location.origin"},
        {"do": "close"},
    ], tmp_path, cli=True, gui=gui)
    assert result["opened"] == ["http://example.org:8000/"]
    assert result["origin"].startswith("http://127.0.0.1:")
