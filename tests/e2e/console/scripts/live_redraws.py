"""Output a terminal redraws in place: lines rewritten after cursor moves, tqdm's nested bars,
rich's live progress bar, and colours a library shows only on a terminal."""

import sys
import time

from rich.console import Console
from rich.progress import track
from tqdm import tqdm

print("Downloads:")
print("file1: 0%")
print("file2: 0%")
for percent in range(0, 101, 25):
    sys.stdout.write(f"\033[2A\033[2Kfile1: {percent}%\n\033[2Kfile2: {percent // 2}%\n")
    sys.stdout.flush()
    time.sleep(0.02)

for epoch in tqdm(range(3), desc="Epochs"):
    for _ in tqdm(range(5), desc=f"Epoch {epoch}", leave=False):
        time.sleep(0.01)

for _ in track(range(10), description="Copying"):
    time.sleep(0.02)

Console().print("[red]disk almost full[/]")
print("abc\033[2Kcleared")
