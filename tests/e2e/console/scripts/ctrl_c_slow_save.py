"""A Ctrl+C handler that takes its time saving, and a window closed meanwhile."""

import signal
import time


def save_slowly(number, frame):
    print("saving, this takes a while")
    time.sleep(60)
    print("saved")


signal.signal(signal.SIGINT, save_slowly)
while True:
    print("working")
    time.sleep(0.2)
