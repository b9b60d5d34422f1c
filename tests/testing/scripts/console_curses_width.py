"""A library's way to learn the terminal's width (flit's log formatter): curses started and
ended at once, while the program's own lines go on around it."""

import curses
import sys

print("before")
if sys.stderr.isatty():
    curses.setupterm()
    screen = curses.initscr()
    width = screen.getmaxyx()[1]
    curses.endwin()
    print("width", width)
print("after")
