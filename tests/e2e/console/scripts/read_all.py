"""Reads standard input to its end, then counts what it got."""

import sys

data = sys.stdin.read()
print(f"read {len(data.splitlines())} lines: {', '.join(data.split())}")
