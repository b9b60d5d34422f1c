"""An animation drawn at rows and columns (what bext.goto writes), in colour, until Stop."""

import sys
import time

sys.stdout.write("\033[2J")
frame = 0
try:
    while True:
        rows = (f"\033[{row};1H\033[3{row}m{frame % 10}\033[0m" + "." * 40 for row in range(1, 6))
        # One write per frame, so Ctrl+C never leaves the cursor mid-frame for the goodbye.
        sys.stdout.write("".join(rows) + f"\033[7;1HFrame {frame}")
        sys.stdout.flush()
        frame += 1
        time.sleep(0.05)
except KeyboardInterrupt:
    print(f"\nstopped after {frame} frames")
