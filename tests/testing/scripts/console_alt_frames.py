"""A full-screen display as rich's `Live(screen=True)` draws it: the alternate screen, each
frame drawn from its top-left corner (`ESC[H`), then the normal screen back."""

import sys

print("first line")
print("second line")
sys.stdout.write("\x1b[?1049h")
for frame in ("frame one", "frame two"):
    sys.stdout.write(f"\x1b[H+-----------+\r\n| {frame} |\r\n+-----------+")
    sys.stdout.flush()
sys.stdout.write("\x1b[?1049l")
print("after")
