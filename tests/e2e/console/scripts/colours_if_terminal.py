"""Colours only for a terminal, asking the descriptor as termcolor does, and a layout for
the terminal's size, asked as a program that knows it is in one asks it."""

import os
import sys

if os.isatty(sys.stdout.fileno()):
    print("\033[31mred for a terminal\033[0m")
else:
    print("plain for a pipe")
size = os.get_terminal_size()
print(f"{size.columns} columns, {size.lines} lines")
