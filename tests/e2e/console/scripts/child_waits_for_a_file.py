"""Asks, then starts a child that reads nothing and waits for a file (argv[1]); asks again."""

import subprocess
import sys

gate = sys.argv[1]
name = input("Your name: ")
subprocess.run([sys.executable, "-c", f"""
import os, time
print("the child works", flush=True)
while not os.path.exists({gate!r}):
    time.sleep(0.02)
print("the child is done")
"""], check=False)
print(name, "likes", input("Colour: "))
