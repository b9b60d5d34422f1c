"""A program's own PyInstaller build (`pyinstaller own_build.py`, no flags) embedding desklaunch.

The same two behaviours as frozen_hello.py, through `desklaunch.launch()`; the packaging
tests switch it to the browser or to closing on exit with DESKLAUNCH_* variables.
"""

import json
import sys
import time

import desklaunch

SHOWN = "Rendered in a frozen window"


def main() -> None:
    from desklaunch.ui import input, put_text

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


if __name__ == "__main__":
    sys.exit(desklaunch.launch(main, title="Own build"))
