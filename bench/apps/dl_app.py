"""The benchmark's tiny apps for desklaunch: `desklaunch --no-open dl_app.py SCENARIO`.

Every system runs the same scenarios with the same texts (pywebio_app.py, floor_app.py):
hello, click, input, push, throughput. The harness waits for these texts in the page.
"""

from __future__ import annotations

import os
import sys
import threading
import time

from desklaunch.ui import (
    input,
    put_buttons,
    put_progressbar,
    put_text,
    register_thread,
    set_progressbar,
)

SCENARIO = sys.argv[1] if len(sys.argv) > 1 else "hello"
if os.environ.get("BENCH_SWITCH_INTERVAL"):  # an experiment: the GIL's switch interval
    sys.setswitchinterval(float(os.environ["BENCH_SWITCH_INTERVAL"]))
clicks = 0


def click(_: object) -> None:
    global clicks
    clicks += 1
    put_text(f"clicked {clicks}")


def lines(count: int) -> None:
    for i in range(count):
        put_text(f"line {i} of {count}")


def progress() -> None:
    put_progressbar("work")
    for i in range(1, 1001):
        set_progressbar("work", i / 1000)


def pushes() -> None:
    while True:
        put_text(f"push {time.time() * 1000:.3f}")
        time.sleep(0.2)


def main() -> None:
    if SCENARIO == "hello":
        put_text("hello world")
    elif SCENARIO == "click":
        put_buttons(["Click"], onclick=click)
        put_text("ready")
    elif SCENARIO == "input":
        put_text("ready")
        while True:
            value = input("Value")
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


main()
