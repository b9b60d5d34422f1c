"""A long job that saves what it did when Ctrl+C is pressed, through a handler of its own."""

import signal
import sys
import time

done = []


def save_and_leave(number, frame):
    print(f"saved {len(done)} items before leaving")
    sys.exit(4)


signal.signal(signal.SIGINT, save_and_leave)
for item in range(10_000):
    done.append(item)
    print(f"item {item}")
    time.sleep(0.1)
