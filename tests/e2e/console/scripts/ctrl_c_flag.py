"""A loop that a Ctrl+C handler asks to stop, then a question after it."""

import signal
import time

running = True


def ask_to_stop(number, frame):
    global running
    running = False


signal.signal(signal.SIGINT, ask_to_stop)
while running:
    time.sleep(0.05)
print("stopped cleanly")
answer = input("Keep the results? ")
print(f"kept: {answer}")
