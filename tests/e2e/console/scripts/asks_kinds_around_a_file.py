"""Asks one kind of question (a password, a yes or no, a line, or nothing), then waits for
a file to appear before it asks for a line (or a password); says what it read, or that
input ended."""

import getpass
import sys
import time
from pathlib import Path

import click

gate, kind = Path(sys.argv[1]), sys.argv[2]
if kind == "password":
    first = f"{len(getpass.getpass('Password: '))} characters"
elif kind == "confirm":
    first = f"confirmed {click.confirm('Archive now?')}"
elif kind == "line":
    first = input("First: ")
else:
    first = "nothing asked"
while not gate.exists():
    time.sleep(0.02)
try:
    if sys.argv[3:] == ["password"]:
        then = f"{len(getpass.getpass('Then: '))} characters"
    else:
        then = input("Then: ")
    print(f"{first}, then {then}")
except EOFError:
    print(f"{first}, then end of input")
