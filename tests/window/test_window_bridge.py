"""The window gives the page no way out: no bridge into Python, and another site's address
goes to the system browser while the window stays on the app (SECURITY.md, "Window").

Only the system browser is stubbed (bridge_driver.py); the window and the page are real.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

DRIVER = Path(__file__).with_name("bridge_driver.py")
HANG_GUARD = 90


def run_in_window(script: Path, actions: list[dict[str, str]], tmp_path: Path) -> dict[str, Any]:
    result_file = tmp_path / "result.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYWEBVIEW_GUI": "qt"}
    env.pop("DISPLAY", None)
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(script), json.dumps(actions), str(result_file)],
        capture_output=True, text=True, timeout=HANG_GUARD, env=env, cwd=tmp_path,
    )
    assert result_file.exists(), f"the window run left no result:\n{proc.stderr[-3000:]}"
    result = json.loads(result_file.read_text())
    assert "error" not in result, f"{result['error']}\npage text: {result.get('text')!r}"
    return result


def test_the_page_has_no_bridge_into_python(tmp_path: Path) -> None:
    script = tmp_path / "ready.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('Ready')\n")
    result = run_in_window(script, [
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
    result = run_in_window(script, [
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
