"""Starts a child that asks a question of its own."""

import subprocess
import sys

print("asking the child", flush=True)
done = subprocess.run([sys.executable, "-c", "input('child: your name? ')"], check=False)
print(f"child ended with {done.returncode}")
