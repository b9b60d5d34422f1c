"""Reads one name, then waits for a file to appear before it greets and exits."""

import sys
import time
from pathlib import Path

name = input("Your name: ")
gate = Path(sys.argv[1])
while not gate.exists():
    time.sleep(0.02)
print(f"Hello, {name}")
