"""Catches Stop in a busy loop, then sleeps: the sleep after must last as long as asked."""

import time

print("busy", flush=True)
try:
    while True:
        pass
except KeyboardInterrupt:
    print("caught the interrupt")
started = time.monotonic()
time.sleep(0.5)
print("slept in full" if time.monotonic() - started >= 0.45 else "woke early")
