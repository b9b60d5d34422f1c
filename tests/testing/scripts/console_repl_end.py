"""A REPL's way at End input: its line break on stderr ends the prompt's line on stdout."""

import sys

while True:
    try:
        line = input(">>> ")
    except EOFError:
        sys.stderr.write("\n")
        break
    print(len(line))
print("bye")
