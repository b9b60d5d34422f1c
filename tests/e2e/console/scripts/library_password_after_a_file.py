"""Reads a name, waits for a file to appear, then asks a password as questionary asks it."""

import sys
import time
from pathlib import Path

import questionary

name = input("Name: ")
gate = Path(sys.argv[1])
while not gate.exists():
    time.sleep(0.02)
secret = questionary.password("Password?").ask()
print(f"{name}: {len(secret)} characters")
