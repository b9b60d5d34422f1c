"""A spinner drawn with cursor-left moves (`ESC[1D`, colorama's `Cursor.BACK()`), and a
gap made with a cursor-right move (`ESC[3C`)."""

import sys

sys.stdout.write("Working |")
for mark in "/-\\|":
    sys.stdout.write(f"\033[1D{mark}")
sys.stdout.write("\033[1D done\n")
sys.stdout.write("a\033[3Cb\n")
input("Done? ")
