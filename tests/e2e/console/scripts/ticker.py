"""Prints a numbered line every 20 ms for a while, as a long job does."""

import time

for n in range(1, 601):
    print(f"tick {n}", flush=True)
    time.sleep(0.02)
