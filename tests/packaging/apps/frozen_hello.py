"""Frozen by `desklaunch build` in the packaging tests.

Run plainly, it asks a name, greets, and ends with exit code 3. Run as `check RESULT`, it
shows a line, reads back what its own window shows (through pywebview, from inside the
frozen app), writes that to RESULT as JSON and ends with exit code 3. Run as `answer RESULT`,
a thread plays the person: it types a name into the window's field and submits it, and the
page's text after the greeting goes to RESULT.
"""

import json
import os
import sys
import time

from desklaunch.ui import input, put_text

SHOWN = "Rendered in a frozen window"

if sys.argv[1:2] == ["check"]:
    import webview

    put_text(SHOWN)
    text, deadline = "", time.monotonic() + 30
    while SHOWN not in text and time.monotonic() < deadline:
        text = webview.windows[0].run_js("document.body.innerText") or ""
        time.sleep(0.05)
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump({"text": text}, out)
    sys.exit(3)

if sys.argv[1:2] == ["answer"]:
    import threading

    import webview

    FILL = ("(() => { const field = document.querySelector('form input');"
            " if (!field) { return false; } field.value = 'Ada';"
            " field.form.requestSubmit(); return true; })()")

    def person() -> None:
        deadline = time.monotonic() + 30
        while not webview.windows[0].run_js(FILL) and time.monotonic() < deadline:
            time.sleep(0.05)
        text = ""
        while "Hello, Ada!" not in text and time.monotonic() < deadline:
            text = webview.windows[0].run_js("document.body.innerText") or ""
            time.sleep(0.05)
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            json.dump({"text": text}, out)

    threading.Thread(target=person, name="frozen-person", daemon=True).start()

name = input("Your name")
put_text(f"Hello, {name}!")
if sys.argv[1:2] == ["answer"]:
    deadline = time.monotonic() + 30  # let the person read the greeting before it ends
    while not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
        time.sleep(0.05)
sys.exit(3)
