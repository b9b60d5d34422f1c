"""Frozen by `desklaunch build` in the packaging tests.

Run plainly, it asks a name, greets, and ends with exit code 3. Run as `check RESULT`, it
shows a line, reads back what its own window shows (through pywebview, from inside the
frozen app), writes that to RESULT as JSON and ends with exit code 3.
"""

import json
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

name = input("Your name")
put_text(f"Hello, {name}!")
sys.exit(3)
