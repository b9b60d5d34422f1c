"""driver.py with the system browser stubbed at its boundary, and two extra actions.

Usage: bridge_driver.py SCRIPT ACTIONS RESULT [cli]; with "cli" the app starts through
desklaunch's command line, as cli_driver.py starts it (console mode). `webbrowser.open`
(what pywebview calls to hand a link to the system browser) only records the URL in the
result's "opened"; the window, the page and desklaunch are real. Extra actions:
{"do": "eval", "key": k, "js": expression} stores the expression's value as result[k];
{"do": "click_link", "href": prefix} clicks the first link whose address starts with
prefix and waits until the system browser was asked.
"""

from __future__ import annotations

import json
import sys
import time
import webbrowser
from typing import Any

import driver

opened: list[str] = []


def open_in_system_browser(url: str, new: int = 0, autoraise: bool = True) -> bool:
    opened.append(url)
    return True


webbrowser.open = open_in_system_browser  # type: ignore[assignment]

def evaluate(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    result[action["key"]] = window.run_js(action["js"])


def click_link(window: Any, action: dict[str, Any], result: dict[str, Any]) -> None:
    selector = json.dumps(f'a[href^="{action["href"]}"]')
    driver.wait_for(window, f"!!document.querySelector({selector})")
    before = len(opened)
    window.run_js(f"document.querySelector({selector}).click()")
    deadline = time.monotonic() + driver.STEP_TIMEOUT
    while len(opened) == before and time.monotonic() < deadline:
        time.sleep(0.05)


driver.EXTRA_ACTIONS.update(eval=evaluate, click_link=click_link)
driver.RESULT_FIELDS["opened"] = opened


if __name__ == "__main__":
    if sys.argv[4:] == ["cli"]:
        import cli_driver

        cli_driver.main()
    else:
        driver.main()
