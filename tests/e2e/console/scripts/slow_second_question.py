"""Asks twice, busy for a moment in between: the person may type on meanwhile."""

import time

name = input("Your name: ")
time.sleep(1.5)
colour = input("Favourite colour: ")
print(f"{name} likes {colour}")
