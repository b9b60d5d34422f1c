"""What a status line and a full-width drawing write: the cursor saved and restored
(ESC 7, ESC 8), text past the screen's last column, and numbers on one endless line."""

import sys

print("\0337saved\0338 restored")
sys.stdout.write("\033[4;78HABCDE")  # three fit on the row, two go on to the next
sys.stdout.write("\033[6;1H")
print(", ".join(str(number) for number in range(200)), end="")
input(" Done? ")
