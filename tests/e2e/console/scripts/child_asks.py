"""Starts a child that asks a question of its own, then asks one itself."""

import subprocess
import sys

print("asking the child", flush=True)
done = subprocess.run([sys.executable, "-c", "print('hello', input('child: your name? '))"],
                      check=False)
print(f"child ended with {done.returncode}")
print("parent got", input("Parent: "))
