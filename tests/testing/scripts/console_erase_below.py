"""A screen redrawn from its third row down: `ESC[3;1H` then `ESC[J` (erase below)."""

import sys

for number in range(1, 6):
    print(f"line {number}")
sys.stdout.write("\033[3;1H\033[J")
print("new 3")
input("Done? ")
