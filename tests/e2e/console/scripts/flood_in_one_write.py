"""Writes 200,000 red lines in one go, more than the console keeps, then asks."""

import sys

sys.stdout.write("\x1b[31m" + "".join(f"line {n}\n" for n in range(1, 200_001)))
sys.stdout.write("\x1b[0m")
input("Seen the end? ")
print("bye")
