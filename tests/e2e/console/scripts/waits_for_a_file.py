"""Asks a name, then waits for a file to appear before it asks two more questions."""

import sys
import time
from pathlib import Path

name = input("Your name: ")
gate = Path(sys.argv[1])
while not gate.exists():
    time.sleep(0.02)
note = input("Note: ")
more = input("More: ")
print(f"{name}: {note} | {more}")
