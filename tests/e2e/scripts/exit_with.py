"""Asks how to end: a number exits with that code, "crash" raises."""

import sys

from desklaunch.ui import input

answer = input("Exit with")
if answer == "crash":
    raise RuntimeError("asked to crash")
sys.exit(int(answer))
