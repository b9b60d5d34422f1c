"""A terminal game's screen: cleared with the `clear` command, then drawn at rows and
columns (as bext.goto and hand-written ANSI games do), a frame redrawn in place."""

import os
import sys

print("Welcome")
print(f"TERM is {os.environ.get('TERM')}")
input("Ready? ")
os.system("clear")
print("Score: 0")
for frame in range(3):
    sys.stdout.write(f"\033[1;8H{frame * 10}")  # the score, in place
    sys.stdout.write(f"\033[3;{5 + frame}H \033[32m@\033[0m")  # moving right, leaving blank
sys.stdout.write("\033[5;1H")
input("Again? ")
sys.stdout.write("\033[2J\033[Hcleared by ANSI\n")
print("\033cafter a reset")
input("Done? ")
