"""The benchmark's tiny apps for PyWebIO 1.8.4 (run by the peer's own interpreter).

    python pywebio_app.py http|ws PORT SCENARIO

`http` serves with PyWebIO's HTTP-polling backend (Flask), `ws` with its default WebSocket
backend (Tornado); both with the JavaScript and CSS served locally (`cdn=False`).
"""

from __future__ import annotations

import sys
import threading
import time

from pywebio.input import input as ask
from pywebio.output import put_buttons, put_processbar, put_text, set_processbar
from pywebio.session import register_thread

BACKEND, PORT, SCENARIO = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def app() -> None:
    clicks = 0

    def click(_: object) -> None:
        nonlocal clicks
        clicks += 1
        put_text(f"clicked {clicks}")

    def lines(count: int) -> None:
        for i in range(count):
            put_text(f"line {i} of {count}")

    def progress() -> None:
        put_processbar("work")
        for i in range(1, 1001):
            set_processbar("work", i / 1000)

    def pushes() -> None:
        while True:
            put_text(f"push {time.time() * 1000:.3f}")
            time.sleep(0.2)

    if SCENARIO == "hello":
        put_text("hello world")
    elif SCENARIO == "click":
        put_buttons(["Click"], onclick=click)
        put_text("ready")
    elif SCENARIO == "input":
        put_text("ready")
        while True:
            value = ask("Value")
            put_text(f"got {value}")
    elif SCENARIO == "push":
        thread = threading.Thread(target=pushes, name="bench-push", daemon=True)
        register_thread(thread)
        thread.start()
        put_text("ready")
    elif SCENARIO == "throughput":
        put_buttons(["Go 1000", "Go 10000", "Progress"],
                    onclick=[lambda: lines(1000), lambda: lines(10000), progress])
        put_text("ready")


if __name__ == "__main__":
    if BACKEND == "http":
        from pywebio.platform.flask import start_server
    else:
        from pywebio.platform.tornado import start_server
    start_server(app, port=PORT, host="127.0.0.1", cdn=False)
