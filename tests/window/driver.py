"""Runs one desklaunch app in a real pywebview window and drives it like a person would.

A window test starts this file as a subprocess (pywebview's GUI loop runs once per process,
on the main thread). It runs SCRIPT through desklaunch's own launcher; a helper thread
waits for the page, performs the ACTIONS (JSON list), then closes the window. The result
(JSON) goes to the file named by RESULT. Usage: driver.py SCRIPT ACTIONS RESULT
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import webview

from desklaunch.core.target import resolve
from desklaunch.launcher import Options, run

STEP_TIMEOUT = 20.0
EXTRA_ACTIONS: dict[str, Callable[[Any, dict[str, Any], dict[str, Any]], None]] = {}
"""Actions a driver built on this one adds: name → handler(window, action, result)."""
RESULT_FIELDS: dict[str, Any] = {}
"""Fields such a driver puts in every result (e.g. the calls its stub recorded)."""
BEFORE_CLOSE: list[Callable[[dict[str, Any]], None]] = []
"""Called with the result just before the `close` action closes the window."""


def wait_for(window: Any, expression: str) -> Any:
    """Evaluate `expression` in the page until it is truthy (bounded); return its value."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            value = window.run_js(expression)
        except Exception:  # noqa: BLE001 - the page may not be there yet
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError(f"the page never satisfied: {expression}")


def first_window() -> Any:
    """The app's window, once pywebview has made it."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not webview.windows and time.monotonic() < deadline:
        time.sleep(0.02)
    return webview.windows[0]


def perform(window: Any, actions: list[dict[str, str]], result: dict[str, Any]) -> None:
    for action in actions:
        if action["do"] in EXTRA_ACTIONS:
            EXTRA_ACTIONS[action["do"]](window, action, result)
        elif action["do"] == "answer":
            wait_for(window, f"!!document.querySelector('label') && "
                             f"document.body.innerText.includes({json.dumps(action['label'])})")
            window.run_js(
                "(() => { const label = [...document.querySelectorAll('label')].find("
                f"l => l.textContent.includes({json.dumps(action['label'])}));"
                "const field = document.getElementById(label.htmlFor);"
                f"field.value = {json.dumps(action['value'])};"
                "field.form.requestSubmit(); })()"
            )
        elif action["do"] == "fill":  # type into a labelled field outside a form (a pin)
            label = json.dumps(action["label"])
            wait_for(window, f"[...document.querySelectorAll('label')].some("
                             f"l => l.textContent.includes({label}))")
            window.run_js(
                "(() => { const label = [...document.querySelectorAll('label')].find("
                f"l => l.textContent.includes({label}));"
                "const field = document.getElementById(label.htmlFor);"
                f"field.value = {json.dumps(action['value'])};"
                "field.dispatchEvent(new Event('input', {bubbles: true}));"
                "field.dispatchEvent(new Event('change', {bubbles: true})); })()"
            )
        elif action["do"] == "click":  # the enabled button whose text or label has `text`
            find = ("[...document.querySelectorAll('button')].find(b => !b.disabled && "
                    "(b.textContent + ' ' + (b.getAttribute('aria-label') || ''))"
                    f".includes({json.dumps(action['text'])}))")
            wait_for(window, f"!!{find}")
            window.run_js(f"{find}.click()")
        elif action["do"] == "expect":
            wait_for(window, f"document.body.innerText.includes({json.dumps(action['text'])})")
        elif action["do"] == "expect_focus":  # the page's focus is in the field `label`
            label = json.dumps(action["label"])
            wait_for(window, f"document.activeElement?.labels?.[0]?.textContent === {label}")
        elif action["do"] == "expect_value":  # the field labelled `label` holds `value`
            label, value = json.dumps(action["label"]), json.dumps(action["value"])
            wait_for(window, f"[...document.querySelectorAll('label')].some(l => "
                             f"l.textContent === {label} && "
                             f"document.getElementById(l.htmlFor)?.value === {value})")
        elif action["do"] == "expect_gone":
            wait_for(window, f"!document.body.innerText.includes({json.dumps(action['text'])})")
        elif action["do"] == "read":
            result["text"] = window.run_js("document.body.innerText")
        elif action["do"] == "close":
            result["closed_at"] = time.monotonic()
            for hook in BEFORE_CLOSE:
                hook(result)
            window.destroy()
            return


def start_driving(actions: list[dict[str, str]], result: dict[str, Any],
                  on_failure: Callable[[dict[str, Any]], None] | None = None) -> None:
    """Perform `actions` on the app's window from a helper thread. A failing step is
    reported in the result (its error and the page's text; then `on_failure(result)`) and
    closes the window."""

    def drive() -> None:
        window = first_window()
        try:
            perform(window, actions, result)
        except Exception as exc:  # noqa: BLE001 - reported to the test, then the window closes
            result["error"] = f"{type(exc).__name__}: {exc}"
            result["text"] = window.run_js("document.body.innerText")
            if on_failure is not None:
                on_failure(result)
            window.destroy()

    threading.Thread(target=drive, name="window-test-driver", daemon=True).start()


def main() -> None:
    script, actions, result_path = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
    target = resolve(script)
    result: dict[str, Any] = dict(RESULT_FIELDS)

    start_driving(actions, result)
    code = run(target.runner(as_main=True), target.kind, Options(title=target.title))
    result["code"] = code
    result["returned_at"] = time.monotonic()
    with open(result_path, "w", encoding="utf-8") as out:
        json.dump(result, out)
    sys.stdout.flush()
    from desklaunch.launcher import exit_process

    exit_process(code)


if __name__ == "__main__":
    main()
