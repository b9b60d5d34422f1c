"""Waits in threading that only Ctrl+C ends, one per run: the run's argument names it."""

import asyncio
import os
import queue
import select
import signal
import sys
import threading

kind = sys.argv[1] if len(sys.argv) > 1 else "event"
print(f"waiting: {kind}", flush=True)
try:
    if kind == "event":
        threading.Event().wait()
    elif kind == "queue":
        queue.Queue().get()
    elif kind == "join":
        stay = threading.Event()
        helper = threading.Thread(target=stay.wait, daemon=True)
        helper.start()
        helper.join()
    elif kind == "pause":
        signal.pause()
    elif kind == "asyncio":
        asyncio.run(asyncio.sleep(3600))
    elif kind == "select":
        readable, _ = os.pipe()
        select.select([readable], [], [])
    elif kind == "timed":
        print("woke" if threading.Event().wait(0.2) else "timed out", flush=True)
finally:
    print("cleaning up", flush=True)
