"""Rows of a table read from stdin until its end, as csvlook reads them."""

import sys

rows = sys.stdin.read().splitlines()
print("rows:", rows)
