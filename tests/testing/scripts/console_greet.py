"""A terminal script: it never imports desklaunch, so it runs in console mode."""

import sys

name = input("Your name: ")
print(f"Hi, {name}!")
print("something went wrong", file=sys.stderr)
sys.exit(3)
