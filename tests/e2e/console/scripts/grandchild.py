"""Starts a long child process (a shell, with a child of its own) and waits for it."""

import subprocess
import sys

sleeper = f"{sys.executable} -c 'import time; time.sleep(600)'"
child = subprocess.Popen(["/bin/sh", "-c", f"{sleeper} & echo grandchild $!; wait"])
print(f"child {child.pid}", flush=True)
child.wait()
