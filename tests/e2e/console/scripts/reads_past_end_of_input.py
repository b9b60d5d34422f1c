"""Asks, waits for a file (argv[1]), then reads twice, going on past an end of input, as
a shell or a REPL goes on after Ctrl+D at a nested prompt."""

import sys
import time
from pathlib import Path

gate = Path(sys.argv[1])
first = input("First: ")
while not gate.exists():
    time.sleep(0.02)
reads = []
for question in ("Then: ", "After: "):
    try:
        reads.append(repr(input(question)))
    except EOFError:
        reads.append("end of input")
print(f"{first}, then {reads[0]}, after {reads[1]}")
