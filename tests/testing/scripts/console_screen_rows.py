"""Cursor moves after 30 printed lines: the screen is the last 24 rows, the empty row the
cursor is on after the last line break included, as in a terminal."""

import sys

for number in range(1, 31):
    print(f"line {number:02}")
sys.stdout.write("\033[1;10H<- row 1")
sys.stdout.write("\033[24;1Hrow 24\n")
input("Done? ")
