"""A terminal program that redraws lines it printed: moved back to with cursor codes, as
tqdm's nested bars and rich's live displays do."""

import sys

print("Downloads:")
print("file1: 0%")
print("file2: 0%")
for percent in (50, 100):
    sys.stdout.write(f"\033[2A\033[2Kfile1: {percent}%\n\033[2Kfile2: {percent // 2}%\n")
sys.stdout.write("spinning |")
sys.stdout.write("\033[2K\rsaved\n")
print("checked: 0")
sys.stdout.write("inner bar 50%")
sys.stdout.write("\r             \r\033[A\rchecked: 2\n")  # tqdm's leave=False bar, closed
input("Done? ")
