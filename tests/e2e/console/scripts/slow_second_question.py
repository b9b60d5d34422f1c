"""Asks three times, busy for a moment in between: the person may type on meanwhile."""

import time

name = input("Your name: ")
time.sleep(1.5)
colour = input("Favourite colour: ")
time.sleep(1.5)
food = input("Favourite food: ")
print(f"{name} likes {colour} and {food}")
