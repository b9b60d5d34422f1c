"""Prompts in colour, and one on stderr, as shells and click tools write them."""

import sys

colour = input("\033[1;32mFavourite colour?\033[0m ")
sys.stderr.write("Code (on stderr): ")
sys.stderr.flush()
code = input()
print(f"got {colour} and {code}")
