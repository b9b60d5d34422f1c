"""Nested tqdm bars on stderr, and a line written above them with tqdm.write (stdout)."""

import time

from tqdm import tqdm

for i in tqdm(range(3), desc="Outer"):
    for _ in tqdm(range(3), desc="Inner", leave=False):
        time.sleep(0.02)
    tqdm.write(f"done outer {i}")
print("finished")
